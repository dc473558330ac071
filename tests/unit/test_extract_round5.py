"""Round 5 of issue 12: the place scoring rule's kind words, joined places, the site of the
event for the whole report, and sources named by acronym, by apposition or as "the agency"."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.scoring import place_agrees

PUBLISHED = date(2026, 3, 11)


def claims(text: str, title: str | None = None) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED, title))


def of(found: list[Claim], figure: int) -> Claim:
    return next(c for c in found if figure in (c.low, c.high))


def test_kind_words_in_the_plural_and_camps_are_left_out_of_a_place_as_scored() -> None:
    assert place_agrees("Abu Shouk camp", "Abu Shouk")
    assert place_agrees("Nuseirat refugee camp", "Nuseirat camp")
    assert place_agrees("Baghlan and Takhar provinces", "Baghlan and Takhar")
    assert place_agrees("Kordofan states", "Kordofan")
    assert not place_agrees("Bali Strait", "Bali")
    assert not place_agrees("Pushkinska Street, Kharkiv", "Kharkiv")
    assert not place_agrees("Pushkinska Street, Kharkiv", "Pushkinska Street")
