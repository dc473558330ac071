"""Round 6 of issue 12: places, kinds and scopes (docs/extraction.md, "Round 6"). The
sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.scoring import place_agrees
from tollbook.extract.uk_ru.places_uk_ru import find_sites_uk_ru, one_site_each


def _claims(text: str, title: str | None = None) -> list[Claim]:
    return extract_claims(Report("r6", text, published=date(2026, 5, 4), title=title))


def _one(claims: list[Claim], low: int | None, outcome: str = "killed") -> Claim:
    found = [c for c in claims if c.low == low and c.outcome == outcome]
    assert len(found) == 1, [(c.low, c.outcome) for c in claims]
    return found[0]


# --- scope -----------------------------------------------------------------------------


def test_a_years_count_is_cumulative() -> None:
    claims = _claims("Last year, cholera killed 310 people in Malawi, the health ministry said.")
    assert _one(claims, 310).scope == "cumulative"


def test_last_year_with_one_event_named_stays_an_incident() -> None:
    claims = _claims("Last year, a ferry sank on the same river, killing 41 passengers.")
    assert _one(claims, 41).scope == "incident"


def test_this_year_in_a_comparison_is_not_a_count_over_the_year() -> None:
    claims = _claims(
        "Shelling of the depot killed 14 people on Sunday, in one of the deadliest attacks on "
        "the town this year, officials said."
    )
    assert _one(claims, 14).scope == "incident"


def test_since_as_an_adverb_is_no_running_total() -> None:
    claims = _claims("The bodies of six fishermen have since washed ashore near Galle.")
    assert _one(claims, 6, "bodies_found").scope == "incident"


def test_a_named_storm_which_killed_is_one_event() -> None:
    claims = _claims(
        "The storm came two years after Hurricane Lane, which killed at least 12 people in "
        "October 2024."
    )
    assert _one(claims, 12).scope == "incident"


def test_a_seasons_toll_is_cumulative() -> None:
    claims = _claims("Landslides bury a bus in the hills as the monsoon toll climbs to 87.")
    assert _one(claims, 87).scope == "cumulative"


# --- place -----------------------------------------------------------------------------


def test_a_country_right_after_the_figure_beats_a_town_named_later() -> None:
    claims = _claims(
        "A tremor shook Izmit on Tuesday, killing two people. The quake of 1999 killed more "
        "than 17,000 people in Turkey and levelled much of Izmit."
    )
    assert _one(claims, 17000).place is not None
    assert _one(claims, 17000).place == "Turkey"


def test_names_with_diacritics_are_read_whole() -> None:
    claims = _claims("Floods killed nine people in Türkiye on Monday, officials said.")
    assert _one(claims, 9).place == "Türkiye"


def test_a_figure_before_any_place_takes_the_reports_first_place() -> None:
    claims = _claims(
        "Sheriff: dozens unaccounted for after flash flood\n"
        "Rescuers searched the river banks on Sunday. Sheriff Ann Cole said 37 people remained "
        "unaccounted for in Haywood County.",
        title="Sheriff: dozens unaccounted for after flash flood",
    )
    missing = [c for c in claims if c.outcome == "missing"]
    assert len(missing) == 2
    assert all(c.place == "Haywood County" for c in missing)


def test_factories_and_restaurants_are_sites() -> None:
    claims = _claims("A fire at the Golden Thread factory in Gazipur killed 11 workers on Monday.")
    assert place_agrees("Golden Thread factory, Gazipur", _one(claims, 11).place)
    claims = _claims("Gunmen stormed the Blue Lagoon restaurant in Kismayo, killing eight diners.")
    assert place_agrees("Blue Lagoon restaurant, Kismayo", _one(claims, 8).place)


def test_the_town_of_a_clinic_the_wounded_arrived_at_is_not_their_place() -> None:
    claims = _claims(
        "Raiders burned the village of Tanbal on Friday. Dozens of wounded people arrived at a "
        "clinic run by volunteers in Nyala, medics said."
    )
    vague = [c for c in claims if c.outcome == "injured"]
    assert vague and all(c.place != "Nyala" for c in vague)


# --- kind and subgroups ----------------------------------------------------------------


def test_a_breakdown_without_a_source_follows_the_official_total() -> None:
    claims = _claims(
        "Between 1 and 30 April, the UN human rights office documented the killing of 212 "
        "civilians in Darfur. Most of the victims died in shelling and drone strikes on markets. "
        "Aid convoys were blocked for weeks. Farmers could not reach their fields. Among those "
        "killed were 30 women and 19 children."
    )
    total = _one(claims, 212)
    assert total.kind == "official"
    for part in (_one(claims, 30), _one(claims, 19)):
        assert part.kind == "official"
        assert part.attributed_to == total.attributed_to


def test_a_breakdown_with_its_own_source_keeps_it() -> None:
    claims = _claims(
        "The health ministry said 40 people were killed in the strike on Mocha. Local medics "
        "said the dead included 12 children."
    )
    assert _one(claims, 12).kind == "reported"


# --- Ukrainian and Russian -------------------------------------------------------------


def test_a_cyrillic_site_after_the_preposition_of_a_strike() -> None:
    assert find_sites_uk_ru("Ракета влучила по залізничному вокзалу в Полтаві.") == [
        "залізничному вокзалу"
    ]
    assert find_sites_uk_ru("удар по ресторану «Дніпро» в центрі міста") == ["ресторану «Дніпро»"]
    assert find_sites_uk_ru("на міському кладовищі №4 поховали") == ["міському кладовищі №4"]


def test_a_hospital_is_a_cyrillic_site_only_as_a_target() -> None:
    assert find_sites_uk_ru("Поранених доправили у міську лікарню.") == []
    assert find_sites_uk_ru("Удар по міській лікарні зруйнував корпус.") == ["міській лікарні"]


def test_hits_at_several_places_name_no_cyrillic_site() -> None:
    text = "Снаряды попали в район рынка на Театральной площади и в несколько домов."
    assert find_sites_uk_ru(text) == []


def test_a_site_named_more_fully_is_one_site() -> None:
    names = ["ресторану, Полтава", "ресторану «Дніпро», Полтава"]
    assert one_site_each(names) == ["ресторану «Дніпро», Полтава"]


def test_the_cyrillic_site_is_the_place_of_its_towns_figures() -> None:
    claims = _claims(
        "Російська ракета влучила по залізничному вокзалу в Полтаві. Загинули семеро людей, "
        "ще 23 поранені, повідомила Полтавська обласна військова адміністрація."
    )
    assert place_agrees("залізничний вокзал, Полтава", _one(claims, 7).place)


def test_a_cyrillic_years_count_and_many_attacks_are_cumulative() -> None:
    claims = _claims("У 2025 році на Сумщині загинули 140 цивільних, повідомили в поліції.")
    assert _one(claims, 140).scope == "cumulative"
    claims = _claims("Внаслідок обстрілів області за вихідні загинули троє людей.")
    assert _one(claims, 3).scope == "cumulative"


def test_a_mayor_in_the_genitive_is_an_authority() -> None:
    claims = _claims("По словам городского головы Алексея Петренко, в городе погибли 16 человек.")
    assert _one(claims, 16).kind == "official"
