"""Round 24 of docs/extraction.md: faults found by storing new reports (a shipwreck, a
cholera outbreak, a drone strike told in Ukrainian and English) as a new user would; each
test fails without its rule."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 5, 20)


def _extract(text: str, published: date = PUBLISHED) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _scopes(text: str) -> list[tuple[str, int | None, str]]:
    return [(c.outcome, c.low, c.scope) for c in _extract(text)]


def test_a_total_after_the_rubble_of_one_strike_is_that_strikes_toll() -> None:
    text = (
        "Удар по Херсону\n\n"
        "З-під завалів будинку на вулиці Лугова рятувальники дістали тіла ще двох людей. "
        "Загалом загинули п'ятеро, повідомили в ДСНС."
    )
    assert ("killed", 5, "incident") in _scopes(text)


def test_a_total_with_no_strike_before_it_stays_a_running_total() -> None:
    text = "Новини\n\nЗагалом у селищі поховали понад 90 людей, сказав староста."
    assert [scope for *_, scope in _scopes(text)] == ["cumulative"]


def test_the_toll_of_an_outbreak_of_several_years_is_counted_over_them() -> None:
    text = (
        "Measles\n\nIn the 2019-2020 measles outbreak, the disease killed 83 children in "
        "the province."
    )
    assert _scopes(text) == [("killed", 83, "cumulative")]


def _places(text: str) -> list[tuple[int | None, str | None]]:
    return [(c.low, c.place) for c in _extract(text)]


def test_the_country_of_citizens_among_the_dead_is_not_where_they_died() -> None:
    text = (
        "Авиакатастрофа в Перу\n\n"
        "Самолет разбился при посадке в Кусько, погибли 40 человек, среди них трое "
        "граждан России, сообщило посольство."
    )
    assert "Россия" not in {place for _, place in _places(text)}


def test_a_migration_route_is_the_place_of_its_running_total() -> None:
    text = (
        "Migrants\n\nAt least 412 people have died on the Eastern Mediterranean route "
        "since January, the agency said."
    )
    assert _places(text) == [(412, "Eastern Mediterranean route")]


def test_a_region_whose_name_is_capitalised_is_a_place() -> None:
    text = "Storms\n\nOf the dead, 12 were recorded in the Bicol Region, the council said."
    assert _places(text) == [(12, "Bicol Region")]


def test_the_number_of_people_who_died_is_a_toll() -> None:
    text = (
        "Ferry\n\nThe number of passengers known to have died in the ferry fire has risen "
        "to 17, the port authority said."
    )
    assert [(c.outcome, c.low) for c in _extract(text)] == [("killed", 17)]
