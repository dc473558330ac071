"""Round 37 of docs/extraction.md: rules found on the tuning corpora and on blind60 and
blind61 (retrospectives, spent on arrival). Each test fails without its rule unless it says
it is a guard; the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.claims_by_figure import claims_by_figure
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 10, 16)  # a Friday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    return claims_by_figure(text, PUBLISHED)


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


def test_a_years_road_toll_beside_a_new_crash_is_a_running_total() -> None:
    text = "Ghana lifts 2025 road toll to 2,611 as minibus crash near Techiman kills 9"
    claims = _claims(text)
    assert claims[("killed", 2611)].scope == "cumulative"
    assert claims[("killed", 2611)].when == "2025-01-01/2025-12-31"
    assert claims[("killed", 9)].scope == "incident"
    assert claims[("killed", 9)].when is None  # (2025 is the running total's year)


def test_the_new_crash_has_the_parts_a_later_sentence_adds_up_to() -> None:
    text = (
        "Ghana lifts 2025 road toll to 2,611 as minibus crash near Techiman kills 9\n"
        "Seven passengers died at the scene and two more in hospital in Techiman, police said."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    crash = next(i for i, c in enumerate(claims) if c.low == 9)
    parts = [c for c in claims if c.low in (7, 2)]
    assert [c.part_of for c in parts] == [crash, crash]
    assert {c.scope for c in parts} == {"incident"}


def test_one_year_since_dates_the_killing_a_year_back() -> None:
    text = "Families gathered on Thursday to mark one year since gunmen killed 38 people in Dogo."
    assert _claims(text)[("killed", 38)].when == "2025-01-01/2025-12-31"


def test_an_audits_finding_is_a_running_total() -> None:
    text = "The audit found 305 deaths that had never been entered in the police register."
    assert _claims(text)[("killed", 305)].scope == "cumulative"


def test_homicides_recorded_are_a_count_of_the_dead() -> None:
    text = "Sonora recorded 644 homicides in the first half of the year, police said."
    claims = _claims(text)
    assert claims[("killed", 644)].scope == "cumulative"


def test_murders_registered_are_read() -> None:
    text = "The national police registered 77 murders in the capital in 2025."
    assert ("killed", 77) in _claims(text)


def test_the_deadliest_month_with_its_figure_is_a_period_count() -> None:
    text = "March was the deadliest month with 95 homicides, and May the quietest with 40."
    claims = _claims(text)
    assert claims[("killed", 95)].scope == "cumulative"
    assert claims[("killed", 40)].scope == "cumulative"


def test_the_worst_hit_state_with_its_dead_is_a_share_of_the_period_count() -> None:
    text = (
        "Gangs killed 640 people in the region in the first quarter, a monitor said.\n"
        "Zamfara was the worst-hit state with 212 dead, followed by Sokoto with 118."
    )
    claims = _claims(text)
    assert claims[("killed", 212)].scope == "cumulative"
    assert claims[("killed", 118)].scope == "cumulative"


def test_the_year_before_is_a_period() -> None:
    text = "The year before, the group recorded 1,310 deaths and 2,200 injuries."
    assert _claims(text)[("killed", 1310)].scope == "cumulative"


def test_a_share_of_a_years_dead_by_country_continues_the_count() -> None:
    text = (
        "Mines killed 980 people in 2025, the monitor said.\n"
        "Civilians made up 702 of the dead, and 301 of them were children.\n"
        "Yemen had the highest toll for the third year, with 240 killed, followed by Mali "
        "with 120."
    )
    claims = _claims(text)
    assert {claims[("killed", n)].scope for n in (702, 240, 120)} == {"cumulative"}


def test_the_day_a_report_was_presented_is_not_the_deaths_day() -> None:
    text = (
        "Of the 88 dead, 30 were children, according to the inquiry's report, which was "
        "presented to parliament on Tuesday."
    )
    assert _claims(text)[("killed", 88)].when is None


def test_a_figure_named_again_as_the_dead_is_the_figure_told_before() -> None:
    text = (
        "A court on Thursday jailed the builder of a block that collapsed in the February "
        "2023 earthquake for causing the deaths of 64 people.\n"
        "Of the 64 dead, 20 were children, according to the indictment."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    assert [c.when for c in claims if c.low == 64] == ["2023-02-01/2023-02-28"]


def test_a_toll_takes_the_day_its_parts_tell_with_their_year() -> None:
    text = (
        "Inquiry finds 29 died in festival crush, not 25\n"
        "LIMA, Oct 16 - An inquiry into the crush at a festival in Cusco in May has found that "
        "29 people died, not the 25 counted by police.\n"
        "The panel handed its report to the minister on Wednesday.\n"
        "It found that 22 people died at the scene on the night of 3 May 2025 and seven in "
        "hospital over the following weeks."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    assert {c.when for c in claims if c.low in (29, 22, 7)} == {"2025-05-03"}


def test_a_years_toll_lowered_is_a_running_total() -> None:
    text = "Peru lowers 2025 toll of police killed to 41 after review"
    claim = _claims(text)[("killed", 41)]
    assert (claim.scope, claim.when) == ("cumulative", "2025-01-01/2025-12-31")


def test_the_day_a_court_sentenced_is_not_the_day_of_the_deaths() -> None:
    text = (
        "A court in Kherson on Thursday sentenced a Russian officer in absentia to life in "
        "prison over a missile strike that killed 14 people at a bus stop."
    )
    assert _claims(text)[("killed", 14)].when is None


def test_a_figure_in_the_clause_a_year_after_opens_is_that_years() -> None:
    text = (
        "KISUMU, Oct 16 - A year after a storm sank a fishing boat off Mbita, killing 19 "
        "people, families held prayers on the shore on Wednesday."
    )
    assert _claims(text)[("killed", 19)].when == "2025-01-01/2025-12-31"


def test_a_guard_the_main_clause_after_a_year_after_is_this_weeks_news() -> None:  # guard
    text = "A year after the Kamuli floods, a landslide kills 6 in Bududa on Tuesday"
    assert _claims(text)[("killed", 6)].when == "2026-10-13"


def test_the_sentences_after_a_year_after_clause_with_its_toll_are_about_that_event() -> None:
    text = (
        "KISUMU, Oct 16 - Families held prayers on the shore on Wednesday, a year after a "
        "storm sank a fishing boat off Mbita, killing 19 people.\n"
        "A fishermen's group says at least 31 people died."
    )
    assert _claims(text)[("killed", 31)].when == "2025-01-01/2025-12-31"


def test_the_sentences_after_one_year_since_with_its_toll_are_about_that_event() -> None:
    text = (
        "DORI, Oct 16 - Villagers gathered on Wednesday to mark one year since gunmen killed "
        "44 people in Solhan.\n"
        "A survivors' group has always put the toll higher, at 58."
    )
    assert _claims(text)[("killed", 58)].when == "2025-01-01/2025-12-31"


def test_a_guard_a_hospital_hit_but_not_named_leaves_the_town() -> None:  # guard
    text = "Seven people died when jets bombed a hospital in Lysychansk on Monday."
    assert _claims(text)[("killed", 7)].place == "Lysychansk"
