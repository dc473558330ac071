"""Round 36 of docs/extraction.md: what pages of short items and retrospectives make the
extractor misread, found on blind53 and blind54 once spent. Each test fails without its
rule unless it says it is a guard; the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.claims_by_figure import claims_by_figure
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 9, 18)  # a Friday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    return claims_by_figure(text, PUBLISHED)


def test_a_season_named_by_its_year_dates_its_toll() -> None:
    text = "Storms and floods in the 2019 monsoon killed more than 240 people in Kerala."
    assert _claims(text)[("killed", 240)].when == "2019-01-01/2019-12-31"


def test_a_possessive_before_the_year_still_names_a_past_event() -> None:
    text = "The mountain's 2014 eruption killed more than 60 hikers."
    assert _claims(text)[("killed", 60)].when == "2014-01-01/2014-12-31"


def test_the_new_deaths_before_taking_the_toll_are_an_incident() -> None:
    text = (
        "The state disaster agency says three more people drowned overnight in Kurigram, "
        "taking the toll in this year's floods to 58."
    )
    claims = _claims(text)
    assert claims[("killed", 3)].scope == "incident"
    assert claims[("killed", 58)].scope == "cumulative"


def test_a_magnitude_with_decimals_counts_no_one() -> None:
    text = (
        "The toll of five given in Tuesday's story was right, and so was the magnitude "
        "of 5.8, but the town's name was misspelt."
    )
    assert sorted(low for _, low in _claims(text)) == [5]


def test_a_guard_a_decimal_million_is_still_a_count() -> None:  # guard
    text = "The famine killed 1.5 million people, historians estimate."
    assert ("killed", 1_500_000) in _claims(text)


def test_the_day_a_corrected_story_ran_is_not_the_events() -> None:
    text = (
        "Corrections and clarifications\n"
        "A report on the landslide in Bududa district, Uganda (9 September, page 12) said "
        "23 people had died when the slope gave way on 6 September."
    )
    assert _claims(text)[("killed", 23)].when == "2026-09-06"


def test_a_bulletin_heading_with_a_topic_starts_a_story() -> None:
    text = (
        "Morning note, 18 September\n"
        "KENYA | Kisumu floods\n"
        "The Kenya Red Cross says six people drowned in Kisumu on Wednesday.\n"
        "PERU | Ubinas\n"
        "The Ubinas volcano erupted on Thursday and no one was hurt. "
        "Its 2006 eruption killed more than 20 people."
    )
    claims = _claims(text)
    assert claims[("killed", 6)].place == "Kisumu"
    assert claims[("killed", 20)].place == "Peru"
    assert claims[("killed", 20)].part_of is None


def test_a_bulleted_line_of_names_heads_the_next_item() -> None:
    text = (
        "What we are watching this week\n"
        "- Kherson, Ukraine\n"
        "A drone hit a bus in Kherson on Tuesday, killing four passengers, officials said.\n"
        "- Idlib, Syria\n"
        "Shelling of villages west of the town killed nine people on Monday, monitors said."
    )
    assert _claims(text)[("killed", 9)].place in ("Idlib", "Syria")


PAGE = (
    "News in brief\n"
    "Valley Courier | Friday, 18 September 2026\n"
    "Bandits kill 9 in Gidan Kara\n"
    "Bandits raided Gidan Kara village late on Tuesday, killing nine people, police said.\n"
    "Drivers shot near Maru\n"
    "Two lorry drivers were shot dead near Maru on Wednesday, a transport union said.\n"
    "Court adjourns trial\n"
    "A court adjourned the trial of four men over an attack in 2024.\n"
)


def test_an_items_title_is_its_headline() -> None:
    claims = _claims(PAGE)
    assert claims[("killed", 9)].when == "2026-09-15"  # the body's day, not the page's


def test_an_items_title_starts_a_story_of_its_own() -> None:
    claims = _claims(PAGE)
    assert claims[("killed", 2)].part_of is None  # not a share of the first item's nine
    assert claims[("killed", 2)].attributed_to == "transport union"


def test_a_guard_subheadings_of_one_article_keep_its_place() -> None:  # guard
    text = (
        "Cholera kills 14 in Malawi in a week\n"
        "The health ministry said 14 people died of cholera in Malawi last week.\n"
        "Key figures\n"
        "Since the outbreak began, 142 people have died, the ministry said.\n"
        "Response\n"
        "Vaccination reached 400,000 people.\n"
    )
    assert _claims(text)[("killed", 142)].place == "Malawi"


def test_a_toll_before_a_colon_that_lists_its_parts() -> None:
    text = (
        "A hillside fell on the village of Kumbo on 2 August.\n"
        "The district officer said the official toll is 31: the 30 dug out of the mud and a "
        "man who died in hospital in Bamenda in September."
    )
    claim = _claims(text)[("killed", 31)]
    assert (claim.scope, claim.when) == ("incident", "2026-08-02")


def test_a_guard_a_time_is_still_no_figure() -> None:  # guard
    text = "The blast at 10:30 killed four people in Kumbo on Monday, police said."
    assert sorted(low for _, low in _claims(text)) == [4]


def test_a_town_the_dateline_places_in_its_country_is_a_place() -> None:
    text = (
        "Raid on hill town\n"
        "KAFOUNTINE-BAS, Senegal, 16 September 2026 - Armed men entered Kafountine-Bas on "
        "Tuesday night and went from house to house.\n"
        "The gendarmerie said twelve people were killed and nine wounded."
    )
    assert _claims(text)[("killed", 12)].place == "Kafountine-Bas"


def test_remains_identified_are_bodies_found() -> None:
    text = "Flood inquiry: pathologists have identified 41 of 48 sets of remains"
    assert ("bodies_found", 48) in _claims(text)


def test_a_guard_a_witness_who_asked_not_to_be_identified() -> None:  # guard
    text = (
        "A nurse who asked not to be identified said she had counted 14 bodies in the "
        "hospital yard in Kumbo on Monday."
    )
    assert ("killed", 14) in _claims(text)


def test_a_country_in_capitals_with_a_full_stop_heads_its_item() -> None:
    text = (
        "Morning brief, 18 September\n"
        "CHAD. Gunmen attacked the customs post at Adre, on the border with Sudan, on "
        "Tuesday, killing six officers, police said.\n"
        "NIGER. A convoy was ambushed near Tera on Wednesday. Officials said nine soldiers "
        "were killed."
    )
    claim = _claims(text)[("killed", 9)]
    assert (claim.place, claim.when) == ("Tera", "2026-09-16")


def test_the_same_figure_told_of_days_apart_is_two_events() -> None:
    text = (
        "Police log: the week of 7 to 13 September\n"
        "Monday, 7 September. Two men were shot dead outside a bar on Gordon Road, police "
        "said.\n"
        "Saturday, 12 September. One of the men hurt in a shooting on Mill Street on 30 August "
        "died in hospital, police said, raising the number of dead from that shooting to two."
    )
    dead = sorted(
        c.when or ""
        for c in extract_claims(Report("r", text, published=PUBLISHED))
        if c.outcome == "killed" and c.low == 2
    )
    assert dead == ["2026-08-30", "2026-09-07"]


def test_a_country_in_title_case_with_a_full_stop_heads_its_item() -> None:
    text = (
        "The week in conflict\n"
        "Peru. Gunmen attacked a mine camp in Pataz on Monday, killing six workers, police "
        "said.\n"
        "Mali. Militants raided a village near Gao overnight. The army gave a toll of nine "
        "civilians."
    )
    claim = _claims(text)[("killed", 9)]
    assert claim.place != "Pataz"


def test_how_long_a_truce_held_is_no_day_of_the_dead() -> None:
    text = (
        "Clashes between two militias in villages near Tal Abyad killed 21 people on Sunday, "
        "a monitoring group said.\n"
        "The local council gave a toll of 15 and said a truce had held since Tuesday."
    )
    assert _claims(text)[("killed", 15)].when == "2026-09-13"


def test_a_wire_round_ups_next_dateline_starts_a_story() -> None:
    text = (
        "World in brief\n"
        "LAGOS, Sept 16 (XPA) - A tanker exploded on a highway near Lagos on Tuesday, killing "
        "seven people, four of them drivers, police said.\n"
        "ADEN, Sept 16 (XPA) - A mortar round hit a house in Aden on Tuesday, killing four "
        "members of one family, a medic said."
    )
    assert _claims(text)[("killed", 4)].part_of is None  # not four of Lagos's seven


def test_a_hyphenated_title_is_no_dateline() -> None:
    from tollbook.extract.places import dateline_end

    assert dateline_end("LASEMA's director-general, Femi Ade, said 19 had died.") == 0
    assert dateline_end("LAGOS, Sept 16 (XPA) - A tanker exploded.") > 0  # guard
