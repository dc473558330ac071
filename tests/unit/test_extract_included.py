"""Later deaths a report says its toll already holds (extract/included.py; thirtieth
session, docs/extraction.md)."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

_LEAD = (
    "TUZLA, May 6 - Floods and landslides killed 12 people in north-eastern Bosnia on Monday, "
    "civil protection officials said.\n"
)


def _claims(text: str) -> list[Claim]:
    return extract_claims(Report("r", text, published=date(2026, 5, 6)))


def _part_of_the_toll(claims: list[Claim], low: int, toll: int) -> bool:
    later = next(c for c in claims if c.outcome == "killed" and c.low == low)
    return later.part_of is not None and claims[later.part_of].low == toll


def test_a_later_death_included_in_the_toll_is_part_of_it() -> None:
    text = _LEAD + (
        "One of the injured, a man of 64, died in Tuzla hospital on Tuesday; his death is "
        "included in the toll of 12, the hospital said."
    )
    assert _part_of_the_toll(_claims(text), 1, 12)


def test_the_sentence_after_may_say_so() -> None:
    text = _LEAD + (
        "Eight injured people were flown to the clinical centre in Tuzla, where three of them "
        "died on Wednesday.\nThose three are included in the toll of 12, the director said."
    )
    assert _part_of_the_toll(_claims(text), 3, 12)


def test_deaths_not_included_stay_apart() -> None:
    text = _LEAD + (
        "One of the injured, a man of 64, died in Tuzla hospital on Tuesday; his death is not "
        "included in the toll of 12, the hospital said."
    )
    later = next(c for c in _claims(text) if c.outcome == "killed" and c.low == 1)
    assert later.part_of is None
