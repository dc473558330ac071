"""Round 37 of docs/extraction.md: rules found on the tuning corpora and on blind60 and
blind61 (retrospectives, spent on arrival). Each test fails without its rule unless it says
it is a guard; the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 10, 16)  # a Friday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    return {(c.outcome, c.low): c for c in claims}


def test_a_hospital_said_to_be_hit_is_the_place_with_its_town() -> None:
    text = "A jet bombed the district hospital in Paletwa on Monday, killing 14 people."
    assert _claims(text)[("killed", 14)].place == "district hospital, Paletwa"


def test_a_fuel_depot_hit_is_the_place_with_its_town() -> None:
    text = "A drone struck an oil depot in Kosti on Tuesday, killing three workers."
    assert _claims(text)[("killed", 3)].place == "oil depot, Kosti"


def test_a_guard_a_hospital_the_wounded_were_taken_to_is_not_the_place() -> None:  # guard
    text = (
        "Shelling killed six people in Kupiansk on Monday; the wounded were taken to the "
        "regional hospital in Kharkiv."
    )
    assert _claims(text)[("killed", 6)].place == "Kupiansk"


def test_a_town_written_with_a_comma_below_is_found() -> None:
    text = "A gas explosion in a block of flats in Galați killed four people on Monday."
    assert _claims(text)[("killed", 4)].place == "Galați"


def test_a_site_takes_its_town_written_with_a_comma_below() -> None:
    text = "The fire at the Delfin club in Constanța on Monday killed 12 people, police said."
    assert _claims(text)[("killed", 12)].place == "Delfin club, Constanța"
