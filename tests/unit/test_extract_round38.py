"""Round 38 of docs/extraction.md: rules found on the tuning corpora (and on blind66 and
blind67, spent on arrival). Each test fails without its rule unless it says it is a guard;
the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.claims_by_figure import claims_by_figure
from tollbook.domain.claim import Claim

PUBLISHED = date(2026, 3, 20)  # a Friday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    return claims_by_figure(text, PUBLISHED)


def test_a_charge_over_deaths_is_no_floor() -> None:
    text = "Prosecutors had charged the two officers over 23 deaths, the court heard."
    assert _claims(text)[("killed", 23)].qualifier == "exact"


def test_a_guard_over_before_a_figure_is_still_a_floor() -> None:  # guard
    text = "Floods have killed over 23 people in the province, officials said."
    assert _claims(text)[("killed", 23)].qualifier == "more_than"


def test_the_day_an_inquiry_found_is_not_the_fires_day() -> None:
    text = (
        "Inquiry faults alarms in Kampala market fire that killed 11 traders\n"
        "KAMPALA, Oct 23 - A fire that killed 11 traders at a market in Kampala in February "
        "was spread by alarms that had not worked for a year, an inquiry found in its report "
        "on Thursday."
    )
    claims = claims_by_figure(text, date(2026, 10, 23))
    assert claims[("killed", 11)].when == "2026-02-01/2026-02-28"


def test_shares_told_by_who_killed_them_are_all_parts_of_the_years_count() -> None:
    text = (
        "Violence killed 2,410 people in the country in 2025, the rights office said on "
        "Monday.\n"
        "Armed groups killed 1,502 of the dead, the army killed 611, most of them in raids "
        "on camps, and vigilantes killed 297."
    )
    claims = _claims(text)
    for figure in (1502, 611, 297):
        assert claims[("killed", figure)].scope == "cumulative"
        assert claims[("killed", figure)].part_of == 0


def test_the_deadliest_quarter_is_a_period_count() -> None:
    text = (
        "Violence killed 2,410 people in the country in 2025, the rights office said.\n"
        "The deadliest quarter was April to June, with 803 killed, the office said."
    )
    claim = _claims(text)[("killed", 803)]
    assert claim.scope == "cumulative"
    assert claim.when == "2025-04-01/2025-06-30"


def test_a_guard_two_months_joined_by_and_are_not_a_span() -> None:  # guard
    text = "Storms in April and June killed 40 people in the region, officials said."
    assert _claims(text)[("killed", 40)].when != "2025-04-01/2025-06-30"


def test_a_quarter_of_a_year_is_its_three_months() -> None:
    text = "The mission recorded 902 killings in the fourth quarter of 2025, it said."
    assert _claims(text)[("killed", 902)].when == "2025-10-01/2025-12-31"


def test_the_first_half_of_a_year_is_its_six_months() -> None:
    text = "Road crashes killed 1,048 people across the country in the first half of 2025."
    assert _claims(text)[("killed", 1048)].when == "2025-01-01/2025-06-30"


def test_the_quarters_toll_and_in_the_quarter_are_period_counts() -> None:
    text = (
        "A monitor put the quarter's civilian toll at 388, counting people killed in feuds.\n"
        "The army said 52 soldiers were killed in the quarter, most of them in ambushes."
    )
    claims = _claims(text)
    assert claims[("killed", 388)].scope == "cumulative"
    assert claims[("killed", 52)].scope == "cumulative"


def test_a_guard_a_quarter_of_a_town_is_no_period() -> None:  # guard
    text = "Soldiers set fire to houses in the quarter known as Bamba, killing four people."
    assert _claims(text)[("killed", 4)].scope == "incident"


def test_two_thirds_is_a_share_not_a_count_of_two() -> None:
    text = (
        "At least 1,090 people were killed in the province between January and March.\n"
        "More than two thirds of the deaths were in the capital, the office said."
    )
    assert ("killed", 2) not in _claims(text)


def test_the_day_a_toll_was_given_is_not_the_deaths_day() -> None:
    text = (
        "A bus fell into a ravine near Sangla on Tuesday.\n"
        "The first toll, given on Wednesday by the district police, was 14 killed."
    )
    assert _claims(text)[("killed", 14)].when == "2026-03-17"


def test_an_audits_finding_told_after_its_clauses_is_a_running_total() -> None:
    text = (
        "The audit, carried out by the inspector general over four months, reviewed 1,204 "
        "files and found 26 deaths recorded as accidents."
    )
    assert _claims(text)[("killed", 26)].scope == "cumulative"


def test_one_causes_share_alone_is_a_period_count() -> None:
    text = (
        "At least 940 people were killed in the country between January and March, the "
        "office said.\n"
        "Drone strikes alone killed 118 people, among them 12 children."
    )
    assert _claims(text)[("killed", 118)].scope == "cumulative"


def test_the_day_a_jury_found_is_not_the_deaths_day() -> None:
    text = "A flood in a mine near Tete in 2025 killed 9 miners, an inquest jury found on Monday."
    assert _claims(text)[("killed", 9)].when == "2025-01-01/2025-12-31"


def test_last_march_told_in_march_is_a_year_before() -> None:
    text = "A fire at a hostel in Lagos last March killed 13 students."
    assert _claims(text)[("killed", 13)].when == "2025-03-01/2025-03-31"


def test_last_january_told_in_march_is_this_year() -> None:
    text = "A fire at a hostel in Lagos last January killed 13 students."
    assert _claims(text)[("killed", 13)].when == "2026-01-01/2026-01-31"


def test_a_guard_a_toll_dated_by_its_month_takes_the_day_its_parts_tell() -> None:
    # guard: before "last August" was read, the toll had the telling's day and took the
    # parts' day as one long before it; now it has the month and takes the day inside it
    text = (
        "Inquiry finds 12 died in stadium crush, not 9\n"
        "An inquiry into the crush at a stadium in Bouake last August has found that 12 "
        "people died.\n"
        "It found that 10 people died at the gate on 23 August 2025 and two in hospital."
    )
    assert _claims(text)[("killed", 12)].when == "2025-08-23"


def test_a_year_compared_with_does_not_make_a_count_past() -> None:
    text = (
        "ROME, March 20 - At least 97 migrants died crossing the sea in the first two months "
        "of the year, fewer deaths than in the same period of 2025, a monitor said on Friday, "
        "hours after a boat capsized off Lampedusa."
    )
    assert _claims(text)[("killed", 97)].scope == "cumulative"


def test_news_that_came_days_after_the_deaths_dates_them_back() -> None:
    text = "The ruling came two days after gunmen killed six farmers near Bocaranga."
    assert _claims(text)[("killed", 6)].when == "2026-03-18"


def test_a_guard_days_after_an_event_are_not_counted_from_publication() -> None:  # guard
    text = "Two days after the quake, rescuers pulled 14 bodies from the rubble of a school."
    assert _claims(text)[("bodies_found", 14)].when != "2026-03-18"


def test_the_strike_named_again_keeps_its_day() -> None:
    text = (
        "Between December and February the mission recorded 210 civilians killed across the "
        "country, the envoy said.\n"
        "She said an air strike on the market in Ulang on 4 March had killed at least 21 "
        "civilians.\n"
        "An aid official said 12 fishermen had been missing since gunmen attacked their boats "
        "on the Sobat River on 9 March.\n"
        "The minister said the strike in Ulang had targeted armed youth and had killed 15 "
        "fighters and no civilians."
    )
    assert _claims(text)[("killed", 15)].when == "2026-03-04"


def test_a_toll_with_a_clause_before_its_figure_is_read() -> None:
    text = (
        "A ferry capsized on Lake Kivu on Sunday.\n"
        "The first official toll, given on Monday, was 17, the governor's office said."
    )
    assert ("killed", 17) in _claims(text)
