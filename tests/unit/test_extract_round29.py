"""Round 29 of docs/extraction.md: English rules found on the tuning corpora after the
count layer's change to later deaths; each test fails without its rule. The sentences are
written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 4, 28)


def _extract(text: str) -> list[Claim]:
    return extract_claims(Report("r", text, published=PUBLISHED))


def test_a_sea_named_after_a_town_is_not_the_town() -> None:
    # "Aden" of "the Gulf of Aden" is not the Yemeni port
    claims = _extract(
        "The ferry sank in the Gulf of Aden on Sunday, killing 14 passengers, the coast guard said."
    )
    assert [(c.low, c.place) for c in claims] == [(14, None)]


def test_a_body_this_sentence_describes_is_the_source_with_no_earlier_name() -> None:
    claims = _extract("Another 23 people were wounded, the resistance group said.")
    assert [c.attributed_to for c in claims] == ["resistance group"]


def test_a_bare_group_with_no_earlier_name_names_no_source() -> None:
    # guard: "the group said" alone, with no group named before, is no source of its own
    claims = _extract("Another 23 people were wounded, the group said.")
    assert [c.attributed_to for c in claims] == [None]
