"""Round 35 of docs/extraction.md: sources a monitor names that the extractor missed or
misread. Each test fails without its rule; the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 11, 13)  # a Friday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    return {(c.outcome, c.low): c for c in claims}


def test_a_number_in_a_bodys_name_is_no_figure() -> None:
    text = (
        "A wall collapsed on a crowded lane in Mardan after heavy rain.\n"
        "Rescue 1122 said 11 people had died and 19 were injured.\n"
        "Tariq Mahsud, spokesman of Rescue 1122, said eight of the dead were children.\n"
        "The army's 9th Infantry Division said two soldiers drowned while helping residents."
    )
    claims = _claims(text)
    assert claims[("killed", 11)].attributed_to == "Rescue 1122"
    assert claims[("killed", 11)].kind == "official"  # a public rescue service
    assert claims[("killed", 8)].attributed_to == "Tariq Mahsud, spokesman of Rescue 1122"
    assert claims[("killed", 2)].attributed_to == "army's 9th Infantry Division"


def test_a_day_of_the_month_is_still_no_body() -> None:
    text = "Flooding in Sindh killed 14 people, officials in Sukkur said on March 4."
    assert claims_source(text, ("killed", 14)) == "officials in Sukkur"


def claims_source(text: str, key: tuple[str, int | None]) -> str | None:
    return _claims(text)[key].attributed_to


def test_a_paper_that_is_reporting_a_toll_is_its_source() -> None:
    text = "Landslides cut the road to Nadi.\nThe Coastline Herald is reporting 6 deaths."
    assert claims_source(text, ("killed", 6)) == "Coastline Herald"


def test_people_who_told_a_charitys_volunteers_are_the_source() -> None:
    text = (
        "The river burst its banks at night.\n"
        "At least 30 people are still missing, families told Red Cross volunteers."
    )
    assert claims_source(text, ("missing", 30)) == "families"


def test_researchers_who_estimate_are_the_source() -> None:
    text = (
        "Researchers at the University of Mindanao estimate that as many as 40 more deaths may have"
        " gone unrecorded."
    )
    assert claims_source(text, ("killed", None)) == "Researchers at the University of Mindanao"


def test_a_body_described_by_whose_clause_is_the_source() -> None:
    text = (
        "The Kenya Red Cross Society, whose teams reached the village first, counted 12 dead"
        " and 30 injured."
    )
    assert claims_source(text, ("killed", 12)) == "Kenya Red Cross Society"


def test_records_at_the_end_of_a_sentence_are_a_noun() -> None:
    text = (
        "Chad's Ministry of Public Health has given a figure of 412 deaths this season, drawn"
        " from clinic records."
    )
    assert claims_source(text, ("killed", 412)) == "Chad's Ministry of Public Health"


def test_a_bodys_situation_report_is_the_body() -> None:
    text = (
        "According to the NDMA's daily situation report, the rains have killed 57 people"
        " since June."
    )
    assert claims_source(text, ("killed", 57)) == "NDMA"


def test_search_teams_are_no_body_named_search() -> None:
    text = (
        "The ferry sank off Moma on Sunday, the regional disaster office said.\n"
        "Search teams recovered nine bodies on Tuesday."
    )
    assert claims_source(text, ("bodies_found", 9)) != "Search"


def test_a_site_in_a_town_told_with_several_words_before_it() -> None:
    text = (
        "A missile hit the central bus station in the northeastern Ukrainian city of Sumy on"
        " Tuesday, killing 14 people, officials said.\n"
        "Regional police had put the toll at 11 on Tuesday night."
    )
    claims = _claims(text)
    assert claims[("killed", 14)].place == "central bus station, Sumy"
    assert claims[("killed", 11)].place == "central bus station, Sumy"  # the report's one site


def test_a_site_whose_words_are_also_the_source_is_still_the_site() -> None:
    text = "Gunmen attacked a police post in Chaman on Friday, killing seven officers, police said."
    assert _claims(text)[("killed", 7)].place == "police post, Chaman"


def test_a_span_of_days_told_from_one_day_to_another_is_a_period() -> None:
    text = (
        "The heat wave that kept Multan above 44 degrees from 3 to 19 May killed 96 people,"
        " the district health office said."
    )
    claim = _claims(text)[("killed", 96)]
    assert claim.when == "2026-05-03/2026-05-19"
    assert claim.scope == "cumulative"  # a heat wave told with its days: that period's count


def test_a_heat_wave_of_a_past_month_stays_one_event() -> None:
    text = "In June 2015, a heat wave in Multan killed more than 900 people."
    assert _claims(text)[("killed", 900)].scope == "incident"


def test_a_span_of_months_without_a_year() -> None:
    text = (
        "Gunmen killed 61 people in Cauca between July and September, the observatory said"
        " in its quarterly report."
    )
    assert _claims(text)[("killed", 61)].when == "2026-07-01/2026-09-30"


def test_a_toll_that_rose_from_one_figure_to_another_is_no_span_of_days() -> None:
    text = "The toll rose from 17 to 21 on 3 November, the prefecture said."
    assert _claims(text)[("killed", 21)].when == "2026-11-03"


def test_the_day_a_paper_came_out_is_not_the_day_of_the_deaths() -> None:
    text = (
        "The floods that hit Sylhet from 10 to 24 August killed about 310 people, according"
        " to an analysis published on Tuesday."
    )
    claim = _claims(text)[("killed", 310)]
    assert claim.when == "2026-08-10/2026-08-24"
    assert claim.attributed_to is None  # a paper told by what it is names no one
