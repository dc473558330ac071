"""The extractor's rules of round 45 (thirty-third session; docs/extraction.md, "Round
45"), one or more tests each, every one failing on the code before its rule. The round is
about a toll's day and place when the report tells them after it: the event's day told
after the lead's aftermath, the day a report was filed, the village a headline names only
by its region."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, published: date = date(2026, 3, 6)) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _claim(claims: list[Claim], outcome: str, low: int) -> Claim:
    return next(c for c in claims if c.outcome == outcome and c.low == low)


def test_a_country_that_owns_the_place_after_it_is_not_the_figures_place() -> None:
    text = "A storm killed five people in Bulgaria's Burgas province on Sunday, officials said."
    assert _claim(_claims(text), "killed", 5).place == "Burgas province"


def test_a_country_right_after_the_figure_is_still_its_place() -> None:
    text = "Floods have killed 41 people in Bulgaria since Sunday, the ministry said."
    assert _claim(_claims(text), "killed", 41).place == "Bulgaria"
