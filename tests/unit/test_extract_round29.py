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


def test_a_month_and_year_told_as_a_past_events_time_dates_it() -> None:
    # "has not forgotten June 2015, when ...": the 2015 heatwave, not this week's
    claims = _extract(
        "The town has not forgotten June 2015, when a heatwave killed more than 900 people in "
        "Multan."
    )
    assert [c.when for c in claims] == ["2015-06-01/2015-06-30"]


def test_a_feast_day_with_its_year_dates_the_event() -> None:
    claims = _extract("On Christmas Eve 2023, gunmen killed 41 villagers near Jos.")
    assert [c.when for c in claims] == ["2023-12-24"]
    claims = _extract("A fire on New Year's Day killed nine people in Lviv.")
    assert [c.when for c in claims] == ["2026-01-01"]


def test_twice_the_usual_number_is_no_figure_of_the_dead() -> None:
    claims = _extract(
        "The city morgue said it had received 118 bodies in three days, twice the usual number."
    )
    assert [(c.low, c.qualifier) for c in claims] == [(118, "exact")]


def test_the_second_share_of_a_breakdown_is_part_of_the_same_toll() -> None:
    claims = _extract(
        "At least 44 people have died in Multan since Friday. Of the confirmed deaths, 30 were "
        "men and 14 women."
    )
    assert [(c.low, c.part_of) for c in claims] == [(44, None), (30, 0), (14, 0)]


def test_the_bare_numbers_of_a_list_of_the_dead_are_its_dead_by_place() -> None:
    text = (
        "Gunmen killed at least 30 people in raids on three villages, the rights group said.\n"
        "Deaths recorded by the group, by village:\n"
        "- Ungwan Rimi: 17, including five children\n"
        "- Tudun Wada: 13\n"
    )
    claims = _extract(text)
    assert [(c.low, c.outcome, c.place, c.part_of) for c in claims[1:]] == [
        (17, "killed", "Ungwan Rimi", 0),
        (5, "killed", "Ungwan Rimi", 1),
        (13, "killed", "Tudun Wada", 0),
    ]
    assert {c.attributed_to for c in claims[1:]} == {"rights group"}


def test_a_list_of_cases_is_not_a_list_of_the_dead() -> None:
    # guard: the header names cases, not deaths
    text = (
        "Cholera has spread to four districts, the ministry said.\n"
        "New cases by district:\n"
        "- Kasungu: 40\n"
        "- Dowa: 12\n"
    )
    assert _extract(text) == []


def test_deaths_suspected_are_an_estimate() -> None:
    claims = _extract("Another 12 deaths are suspected to be heat-related, the ministry said.")
    assert [c.kind for c in claims] == ["estimate"]


def test_a_toll_raised_by_bodies_found_later_keeps_the_events_day() -> None:
    claims = _extract(
        "On the night of 2 April, gunmen killed 20 people at the Kalongo camp. On 4 April, "
        "soldiers found nine more bodies in the fields, bringing the toll of that attack to 29."
    )
    assert [(c.outcome, c.low, c.when) for c in claims if c.outcome == "killed"] == [
        ("killed", 20, "2026-04-02"),
        ("killed", 29, "2026-04-02"),
    ]


def test_a_toll_that_could_cross_a_figure_is_an_estimate() -> None:
    claims = _extract("Relatives waiting at the temple fear the toll could cross 30.")
    assert [c.kind for c in claims] == ["estimate"]


def test_more_dead_told_with_a_placed_toll_share_its_place() -> None:
    title = "Mau Summit crash: toll rises to 15 as three more die in hospital"
    text = (
        f"{title}\nBy a staff reporter, Nakuru\nThree more victims of Friday's crash near Molo "
        "died at Nakuru Level Five Hospital yesterday, raising the number of dead to 15, the "
        "county police commander said."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED, title=title))
    assert claims[0].place is not None
    assert claims[1].low == 3 and claims[1].place == claims[0].place


def test_a_second_strike_is_no_part_of_the_first() -> None:
    claims = _extract(
        "A drone strike on a market in Kadugli killed at least 19 people, medics said. "
        "An hour later, a second drone hit near the grain store in the Hajar neighbourhood, "
        "killing four men."
    )
    assert [(c.low, c.part_of) for c in claims] == [(19, None), (4, None)]


def test_a_site_in_the_named_city_of_a_country_lies_in_that_city() -> None:
    # "in the Sudanese city of El Obeid": the capital of the adjective does not hide the town
    claims = _extract(
        "A drone strike on a crowded livestock market in the Sudanese city of El Obeid killed "
        "at least 23 people, medics said."
    )
    assert [c.place for c in claims] == ["livestock market, El Obeid"]


def test_a_release_dateline_in_brackets_is_the_day_it_was_filed() -> None:
    # "(Geneva, May 3, 2026) - ...": the release's day, not the day of the killings
    claims = _extract(
        "(Geneva, April 27, 2026) - Gunmen killed at least 14 people, including 5 children, "
        "in an attack on the village of Kourou, in the Mopti region, on April 19, 2026, "
        "the rights group said today."
    )
    assert [c.when for c in claims] == ["2026-04-19", "2026-04-19"]


def test_the_day_a_toll_rose_is_not_the_events_day() -> None:
    # "rose to 12 on Thursday": the day of the count; the collapse was on Tuesday
    claims = _extract(
        "The number of people killed in the collapse of a block of flats in Mushin rose to 12 "
        "on Thursday, the emergency agency said. The block caved in at dawn on Tuesday, when "
        "four bodies were pulled out."
    )
    assert [(c.low, c.when) for c in claims] == [(12, "2026-04-28"), (4, "2026-04-28")]


def test_the_past_week_is_the_seven_days_before_publication() -> None:
    claims = _extract(
        "Over the past week, shelling has killed 11 civilians in Kherson, the regional "
        "administration said."
    )
    assert [(c.low, c.when) for c in claims] == [(11, "2026-04-21/2026-04-28")]


def test_a_list_line_named_by_what_it_counts_is_no_place() -> None:
    # "- Injured: 4" under a header of the dead is no place called "Injured"
    text = (
        "Floods killed at least 12 people in the district, the agency said.\n"
        "Deaths and injuries recorded by the agency:\n"
        "- Injured: 4\n"
        "- Missing: 3\n"
    )
    claims = _extract(text)
    assert [c.low for c in claims if c.outcome == "killed"] == [12]
    assert {c.place for c in claims}.isdisjoint({"Injured", "Missing"})


def test_the_past_days_weeks_and_months_end_on_publication() -> None:
    claims = _extract(
        "Hunger has killed 19 people in the town over the past month, the network said. "
        "Doctors recorded 37 deaths in the past two weeks alone."
    )
    assert [(c.low, c.when) for c in claims] == [
        (19, "2026-03-28/2026-04-28"),
        (37, "2026-04-14/2026-04-28"),
    ]
