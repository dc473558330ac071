"""Round 35 of docs/extraction.md: sources a monitor names that the extractor missed or
misread. Each test fails without its rule; the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.claims_by_figure import claims_by_figure
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 11, 13)  # a Friday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    return claims_by_figure(text, PUBLISHED)


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


def test_a_headline_sums_up_its_lead_of_another_year() -> None:
    text = (
        "Court jails officer over market strike that killed 23\n"
        "ODESA, Oct 2 - A court in Odesa on Friday jailed a Russian officer for ordering the"
        " missile strike on a market in the town of Bilhorod that killed 23 civilians in"
        " March last year.\n"
        "According to the verdict, 20 people died at the scene and three in hospital."
    )
    title = text.split("\n")[0]
    claims = extract_claims(Report("r", text, published=date(2026, 10, 2), title=title))
    killed = [c for c in claims if c.outcome == "killed" and c.low == 23]
    assert len(killed) == 1  # the headline's 23 is the lead's, not an event of its own
    assert killed[0].when == "2025-03-01/2025-03-31"


def test_where_an_attack_was_launched_from_is_not_where_people_died() -> None:
    text = (
        "The missile, fired from a launcher in Russia's Kursk region, struck the Lileya"
        " banquet hall at 19:40.\n"
        "According to the verdict, 27 people died at the scene."
    )
    assert _claims(text)[("killed", 27)].place != "Kursk region"


def test_a_courts_name_is_no_place() -> None:
    text = (
        "In Zolochiv, families gathered outside the courthouse on Friday.\n"
        "The judge of the Kyivskyi District Court read the names of the 14 people killed."
    )
    assert _claims(text)[("killed", 14)].place == "Zolochiv"


def test_each_item_of_a_page_in_brief_is_placed_by_its_heading() -> None:
    text = (
        "World in brief\n"
        "NIGER: Gunmen killed 14 villagers in Tillaberi on Tuesday, the governor said.\n"
        "INDIA: Lightning killed seven people across Bihar on Wednesday. Lightning has killed"
        " 212 people in the state since April.\n"
        "MYANMAR: Monitors say air strikes have killed at least 1,240 civilians this year."
    )
    claims = _claims(text)
    assert claims[("killed", 7)].part_of is None  # no share of the first item's figure
    assert claims[("killed", 212)].place == "Bihar"
    assert claims[("killed", 1240)].place == "Myanmar"


def test_a_year_named_for_a_count_is_its_period() -> None:
    text = "For 2024, the monitor counted 9,870 deaths in the country's war."
    claim = _claims(text)[("killed", 9870)]
    assert claim.when == "2024-01-01/2024-12-31"
    assert claim.scope == "cumulative"


def test_a_country_whose_name_holds_of_is_found() -> None:
    text = (
        "The week in brief\n"
        "Sudan\n"
        "Shelling of the Zamzam camp killed 23 people on Monday.\n"
        "Democratic Republic of Congo\n"
        "Rebels attacked Mambasa on Wednesday, killing 17 civilians.\n"
        "The army said it had killed four of the attackers."
    )
    claims = _claims(text)
    assert claims[("killed", 17)].part_of is None  # no share of the first story's toll
    assert claims[("killed", 4)].place != "Zamzam camp"


def test_a_later_storys_district_is_not_placed_in_the_leads_town() -> None:
    text = (
        "The week in brief\n"
        "Sudan\n"
        "Shelling of the Zamzam camp killed 23 people on Monday.\n"
        "Haiti\n"
        "Gang violence killed 1,102 people between July and September, the UN office in"
        " Port-au-Prince said. On Saturday, gunmen killed six people in the Carrefour district."
    )
    assert _claims(text)[("killed", 6)].place == "Carrefour district"


def test_suspects_killed_are_counted_and_no_hedge() -> None:
    text = "Four suspected robbers were killed in a shootout with police in Ikotun on Saturday."
    claim = _claims(text)[("killed", 4)]
    assert claim.kind != "estimate"  # "suspected" is who they were thought to be


def test_a_lead_that_names_only_a_country_takes_the_town_the_next_paragraph_names() -> None:
    text = (
        "KINSHASA, May 21 (Reuters) - At least 19 people drowned when a boat capsized on Lake"
        " Tanganyika in eastern Democratic Republic of Congo on Tuesday, an official said.\n"
        "The boat, carrying traders from Uvira, sank off Kalemie shortly before midnight.\n"
        "Fishermen pulled 30 survivors from the water and three more bodies on Wednesday."
    )
    assert _claims(text)[("killed", 19)].place == "Kalemie"


def test_a_family_killed_is_counted() -> None:
    text = "On 13 August, a landslide in Companiganj buried a house, killing a family of five."
    assert _claims(text)[("killed", 5)].victims is not None


def test_the_toll_since_the_floods_began_is_that_disasters() -> None:
    text = (
        "According to the disaster agency, 27 people have died since the floods began in Sunamganj."
    )
    assert _claims(text)[("killed", 27)].scope == "incident"  # as "since the storm"


def test_a_live_pages_entry_on_a_new_attack_is_its_own_event() -> None:
    text = (
        "Kharkiv, hour by hour\n"
        "07:42 - A missile hits an apartment block in Kharkiv's Kyivskyi district. The mayor"
        " says three people are dead.\n"
        "10:15 - A drone strikes a shop in Chuhuiv, east of the city; one man is killed, the"
        " regional administration says.\n"
        "13:00 - The toll in the Kyivskyi district rises to five."
    )
    claims = _claims(text)
    assert claims[("killed", 1)].part_of is None  # not one of the district's three
    assert claims[("killed", 5)].place == claims[("killed", 3)].place  # the district again


def test_the_first_two_that_killed_are_no_dead_and_their_toll_is_a_sum() -> None:
    text = (
        "A bus fell into a ravine near Huancavelica, killing 21 passengers. It was the third"
        " such crash in the region this year; the first two killed 35 people."
    )
    claims = _claims(text)
    assert ("killed", 2) not in claims  # the two are crashes
    assert claims[("killed", 35)].scope == "cumulative"  # two earlier crashes together


def test_things_that_killed_are_no_count_of_the_dead() -> None:
    assert ("killed", 2) not in _claims("The two blasts killed 40 people in Quetta.")


def test_the_first_months_of_the_year_are_a_period() -> None:
    text = "Air strikes killed at least 1,240 civilians in the first ten months of the year."
    assert _claims(text)[("killed", 1240)].when == "2026-01-01/2026-10-31"


def test_a_toll_since_a_month_and_year_is_no_range_from_the_year() -> None:
    text = (
        "The ministry said 41 people had been killed in the past 24 hours, bringing the toll"
        " since October 2023 to 68,212."
    )
    claim = _claims(text)[("killed", 68212)]
    assert claim.when == "2023-10-01/2026-11-13"


def test_a_subject_that_acted_before_it_spoke_is_the_source() -> None:
    text = (
        "Landslides buried three houses in Myagdi.\n"
        "Police recovered eight bodies and say four people are missing."
    )
    assert claims_source(text, ("missing", 4)) == "police"


def test_a_pages_corrections_are_a_section_of_their_own() -> None:
    text = (
        "Morning briefing\n"
        "Nepal: Landslides killed eight people in Myagdi on Thursday, police said.\n"
        "Corrections: Yesterday's briefing said five people died in a fire in Dhaka; the fire"
        " service says four."
    )
    claims = _claims(text)
    assert claims[("killed", 5)].part_of is None


def test_an_officials_source_does_not_carry_into_a_pages_next_item() -> None:
    text = (
        "Morning briefing\n"
        "GAZA: The health ministry said 41 people had been killed.\n"
        "NEPAL: Landslides buried three houses in Myagdi on Thursday.\n"
        "Eight bodies were recovered."
    )
    assert claims_source(text, ("bodies_found", 8)) is None  # not Gaza's health ministry


def test_fighting_counted_over_this_week_is_the_weeks_count() -> None:
    text = "Fighting killed at least 120 people in Sudan this week, monitors said."
    claim = _claims(text)[("killed", 120)]
    assert claim.scope == "cumulative"
    assert claim.when == "2026-11-09/2026-11-13"  # Monday to the report


def test_one_strike_this_week_stays_one_event() -> None:
    text = "A drone strike killed 12 people in Sumy this week, officials said."
    assert _claims(text)[("killed", 12)].scope == "incident"
