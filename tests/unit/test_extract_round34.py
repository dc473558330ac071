"""Round 34 of docs/extraction.md: a site of the event told by what it is ("the main
market", "a car wash"), written with its town as the claim contract asks. Each test fails
without its rule; the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 10, 9)  # a Friday


def _killed(text: str) -> dict[int | None, Claim]:
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    return {c.low: c for c in claims if c.outcome == "killed"}


def test_a_site_told_by_what_it_was_is_the_place_of_its_figures() -> None:
    text = (
        "A drone strike hit the main market in Kassala on Wednesday morning, killing 14"
        " people, the state health ministry said.\n"
        "Three of the wounded died in hospital overnight, raising the toll to 17, a doctor"
        " said."
    )
    killed = _killed(text)
    assert killed[14].place == "main market, Kassala"
    assert killed[17].place == "main market, Kassala"  # carried to the toll it rose to


def test_words_that_only_describe_a_site_are_left_out_of_its_name() -> None:
    text = "Gunmen killed nine people at a crowded car wash in Gao on Tuesday, police said."
    assert _killed(text)[9].place == "car wash, Gao"


def test_at_or_near_a_site_names_it_only_where_people_were_attacked() -> None:
    text = (
        "A car bomb exploded in Kassala on Monday, killing 11 people, officials said.\n"
        "Police said they had arrested two men near the main mosque and seized a second car."
    )
    assert _killed(text)[11].place == "Kassala"


def test_one_target_of_several_is_no_site_of_the_event() -> None:
    text = (
        "Rockets fell on houses and on a fish market in Gao on Sunday, killing eight people,"
        " the governor said."
    )
    assert _killed(text)[8].place == "Gao"


def test_a_site_in_a_village_or_a_named_district_is_told_by_that_place() -> None:
    village = (
        "Armed men attacked the weekly market in the village of Tinakoro on Thursday, killing"
        " 23 traders, residents said."
    )
    assert _killed(village)[23].place == "Tinakoro"
    district = (
        "A missile hit an apartment block in the Saltivskyi district of Kharkiv on Monday,"
        " killing six people, the mayor said."
    )
    assert _killed(district)[6].place == "Saltivskyi district, Kharkiv"


def test_a_site_told_by_what_it_is_is_the_one_the_report_names() -> None:
    text = (
        "Militants stormed a hotel in Mogadishu on Friday night, killing 12 people, police"
        " said.\n"
        "The siege of the Jazira Palace Hotel ended after nine hours, an officer said, and"
        " four of the wounded later died."
    )
    assert _killed(text)[12].place == "Jazira Palace Hotel, Mogadishu"


def test_a_school_bus_is_no_school_and_a_country_is_no_town() -> None:
    bus = (
        "Floodwater swept away a school bus near Kitale on Monday, killing seven pupils, the"
        " county commissioner said."
    )
    assert _killed(bus)[7].place == "Kitale"
    country = (
        "It was the deadliest attack on a school in Kenya since 2015, when 147 people were"
        " killed at Garissa University College."
    )
    assert _killed(country)[147].place == "Garissa University College, Garissa"


def test_the_first_share_of_a_list_among_the_dead_is_a_part_of_the_toll() -> None:
    text = (
        "Gunmen killed at least 44 villagers in Tinakoro on Sunday, the governor said.\n"
        "Nineteen children and 11 women are among the dead."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    parts = {c.low: c.part_of for c in claims}
    assert parts[19] == 0 and parts[11] == 0  # both of the 44, not the 11 of the 19


def test_a_place_in_and_around_which_people_died_is_theirs() -> None:
    text = (
        "Armed men attacked three villages in Djugu territory on Sunday, killing 20.\n"
        "Twelve people were killed on Monday in and around Ngabo, the administrator said."
    )
    assert _killed(text)[12].place == "Ngabo"


def test_a_sentence_that_opens_on_its_own_day_is_not_the_aftermath_of_the_last_event() -> None:
    text = (
        "Nine people were killed on 9 March in an attack on Kivolo, the administrator said.\n"
        "On 11 March, 14 people were killed in Mabanga village, and three more bodies were"
        " found the next day, bringing the toll there to 17, he said."
    )
    killed = _killed(text)
    assert killed[14].when == "2026-03-11"
    assert killed[9].when == "2026-03-09"


def test_a_count_over_an_area_named_before_is_a_count_of_the_period() -> None:
    text = (
        "Attacks on villages in Djugu and Irumu territories killed at least 50 civilians"
        " between 2 and 6 March, local authorities said.\n"
        "The administrator of Djugu reported 31 people killed in the territory.\n"
        "Civil society groups put the territory's toll at 36."
    )
    killed = _killed(text)
    assert killed[31].scope == "cumulative"
    assert killed[36].scope == "cumulative"


def test_a_body_named_in_lower_case_with_its_acronym_is_the_source() -> None:
    text = (
        "Floods have killed at least 38 people in Malawi, all of them in the southern"
        " districts of Nsanje, Chikwawa and Zomba, the national meteorological institute"
        " (NMI) said on Thursday, up from 19 on Monday."
    )
    assert _killed(text)[38].attributed_to == "national meteorological institute (NMI)"


def test_an_earlier_toll_is_of_the_events_day_not_the_day_it_was_given() -> None:
    text = (
        "The number of people killed by the earthquake that struck Tarija province on Sunday"
        " has risen to 27, the civil defence said, up from 19 on Monday."
    )
    published = date(2026, 10, 8)
    claims = extract_claims(Report("r", text, published=published))
    assert {c.low: c.when for c in claims} == {27: "2026-10-04", 19: "2026-10-04"}


def test_a_share_told_beside_a_river_that_rose_is_still_a_share() -> None:
    text = (
        "Floods have killed at least 40 people in Malawi, the police said on Friday.\n"
        "Nsanje was the worst hit, with 22 dead, after the Shire river rose by three metres"
        " overnight."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    assert {c.low: c.part_of for c in claims}[22] == 0


def test_an_earlier_toll_told_after_the_latest_is_placed_with_it() -> None:
    text = (
        "Floods have killed at least 40 people in Malawi, all of them in the southern"
        " districts of Nsanje, Chikwawa and Zomba, the police said on Friday, up from 26 on"
        " Wednesday."
    )
    killed = _killed(text)
    assert killed[26].place == killed[40].place == "Malawi"


def test_an_officer_named_again_by_rank_and_surname_is_named_in_full() -> None:
    text = (
        "Police spokesperson Colonel Thabo Mlambo said the motive was a land dispute.\n"
        "Mass shootings have claimed 41 lives in the district since January, Colonel Mlambo"
        " said."
    )
    who = _killed(text)[41].attributed_to
    assert who is not None and who.endswith("Thabo Mlambo, police spokesperson")


def test_a_toll_of_two_shootings_is_a_sum_not_one_event() -> None:
    text = "Eleven killed in two separate mass shootings near Mthatha on Saturday."
    assert _killed(text)[11].scope == "cumulative"


def test_a_body_told_by_what_it_is_then_named_is_the_source_by_its_name() -> None:
    text = (
        "A local monitoring group, the Kivu Peace Observers, said 23 civilians had been"
        " killed.\n"
        "At least 12 people are still missing, according to the group, the Kivu Peace"
        " Observers."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    assert {c.attributed_to for c in claims} == {"Kivu Peace Observers"}


def test_it_and_its_tally_are_the_body_of_the_sentence_before() -> None:
    text = (
        "The Sahel Conflict Data Project (SCDP) tracks political violence in Burkina Faso."
        " It has recorded more than 9,400 fatalities since January 2025."
    )
    assert _killed(text)[9400].attributed_to == "Sahel Conflict Data Project (SCDP)"


def test_the_body_a_sentence_names_again_is_the_body_not_its_officer() -> None:
    text = (
        "The Kharkiv Regional Military Administration said on Monday that a drone had hit a"
        " bus, killing four people.\n"
        "Oleh Marchenko, head of the administration, said rescuers were still at the scene.\n"
        "Since January, the administration has recorded 203 civilian deaths in the region."
    )
    assert _killed(text)[203].attributed_to == "Kharkiv Regional Military Administration"


def test_more_public_bodies_give_official_counts() -> None:
    for text in (
        "An army division said 12 soldiers were killed in the ambush near Tibu.",
        "The national disaster centre said 19 people had died in the landslide.",
        "The representative of Moldova told the Council that 14 civilians had been killed.",
    ):
        (claim,) = extract_claims(Report("r", text, published=PUBLISHED))
        assert claim.kind == "official", text


def test_a_body_described_between_commas_that_put_the_toll_is_the_source() -> None:
    text = "The Darfur Medics Network, a doctors' group, put the toll at 37 on Sunday."
    assert _killed(text)[37].attributed_to == "Darfur Medics Network"
    text = (
        "A Quetta-based research group, the Institute for Peace Data, says attacks in the"
        " province have killed at least 160 people since January."
    )
    assert _killed(text)[160].attributed_to == "Institute for Peace Data"


def test_a_briefing_statement_speaks_for_its_briefer() -> None:
    text = (
        "Transcript: county officials brief reporters on the floods\n"
        "Opening statement by Marta Quinlan, director of the Clare County Emergency Office\n"
        "Good afternoon.\n"
        "As of noon, we can confirm nine deaths from the floods."
    )
    assert _killed(text)[9].attributed_to == (
        "Marta Quinlan, director of the Clare County Emergency Office"
    )


def test_a_named_body_that_recalls_received_or_recovered_is_the_source() -> None:
    text = (
        "Floods killed nine people in Escuintla on Monday, CONRED said.\n"
        "CONRED recalls that a landslide at Villa Nueva in October 2015 killed about 260"
        " people.\n"
        "The Escuintla National Hospital received 31 of the injured."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    who = {c.low: c.attributed_to for c in claims}
    assert who[260] == "CONRED" and who[31] == "Escuintla National Hospital"


def test_a_statement_headed_by_its_speakers_name_speaks_for_them() -> None:
    text = (
        "Press briefing on Cyclone Mala, 4 March 2026\n"
        "Seru Tamanikaira, director of the National Disaster Management Office, and the"
        " police commissioner took questions.\n"
        "Opening statement (Tamanikaira): As of noon today, we have confirmed six deaths."
    )
    who = _killed(text)[6].attributed_to
    assert who is not None and "Tamanikaira" in who


def test_a_speaker_named_with_two_ranks_keeps_the_whole_name() -> None:
    text = (
        "Six people died at the scene, said Lieutenant Colonel Ramon Dela Paz Aquino, the"
        " town's police chief."
    )
    who = _killed(text)[6].attributed_to
    assert who is not None and who.split(",")[0].endswith("Ramon Dela Paz Aquino")


def test_a_named_market_described_by_its_trade_is_still_named() -> None:
    text = (
        "Eight people died when fire swept through the Sabon Gari textile market in Kano on"
        " Monday, the fire service said."
    )
    assert _killed(text)[8].place == "Sabon Gari market, Kano"


def test_a_live_pages_entry_heading_has_its_entrys_source() -> None:
    text = (
        "Storm live: toll rises in the east\n"
        "21:15 | Toll rises to 12\n"
        "The Emergency Operations Centre said 12 people have died since the storm made"
        " landfall."
    )
    assert _killed(text)[12].attributed_to == "Emergency Operations Centre"


def test_a_rights_group_is_the_watch_the_report_names() -> None:
    text = (
        "Drone strikes killed at least 40 civilians in Tigray, rights group says\n"
        "The Horn Rights Watch said on Monday that drone strikes had killed at least 40"
        " civilians since March."
    )
    claims = extract_claims(Report("r", text, published=PUBLISHED))
    assert {c.attributed_to for c in claims} == {"Horn Rights Watch"}


def test_a_site_named_once_with_its_town_keeps_it_where_named_alone() -> None:
    text = (
        "A glide bomb hit the House of Culture in Huliaipole on Saturday, the governor said.\n"
        "On Sunday, a second bomb hit a queue near the House of Culture, killing five people."
    )
    assert _killed(text)[5].place == "House of Culture, Huliaipole"


def test_a_towns_bus_terminal_or_police_post_is_a_site_of_that_town() -> None:
    assert _killed("Suicide bombing at Quetta bus terminal kills 14")[14].place == (
        "bus terminal, Quetta"
    )
    assert _killed("Car bomb kills six at Bannu police post")[6].place == "police post, Bannu"
