"""Scope shapes of round 12: a night "from Sunday to Monday" is one event, not a period; a
war that "began after" an attack killing N names the attack, not the war's toll; "during
the 2024 war" counts a war. All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims

TUESDAY = date(2026, 7, 28)


def _scopes(text: str) -> list[tuple[int | None, str]]:
    claims = extract_claims(Report(id="r", text=text, published=TUESDAY))
    return [(c.low, str(c.scope)) for c in claims]


def test_a_night_from_one_day_to_the_next_is_one_event() -> None:
    text = (
        "At least 41 people were killed overnight from Sunday to Monday when gunmen "
        "attacked a village in Djugu territory, local officials said."
    )
    assert _scopes(text)[0] == (41, "incident")


def test_a_war_that_began_after_an_attack_names_the_attack() -> None:
    text = (
        "The war began after rebels stormed the border town of Kalemie on 3 March 2025, "
        "killing about 300 people, according to the United Nations."
    )
    assert _scopes(text)[0] == (300, "incident")


def test_deaths_during_a_years_war_are_the_wars_count() -> None:
    text = "During the 2024 war, more than 3,500 people were killed in the region, officials said."
    assert _scopes(text)[0] == (3500, "cumulative")
