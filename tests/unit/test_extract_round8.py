"""Round 8 of issue 12: place, kind and scope on outlets-blind4 (docs/extraction.md, "Round
8"). The reports are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.test_extract_round7 import _one
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, title: str | None = None) -> list[Claim]:
    if title is not None:
        text = f"{title}\n{text}"
    return extract_claims(Report("r8", text, published=date(2026, 10, 14), title=title))


# --- place: the site of the event, read by its kind --------------------------------------


def test_a_club_named_after_the_lead_is_the_site_of_the_fire() -> None:
    claims = _claims(
        "A fire swept through a bar in the Serbian town of Šabac early on Sunday, killing 11 "
        "people, the interior minister said.\n"
        "The fire started at the Pirana club shortly after midnight, he said.\n"
        "Thirty people were injured, the minister said.\n"
    )
    assert _one(claims, 11).place == "Pirana club, Šabac"


def test_a_town_name_opening_with_a_latin_extended_capital_is_read() -> None:
    claims = _claims("Four people were killed in Čačak on Monday, police said.\n")
    assert _one(claims, 4).place == "Čačak"


def test_the_central_market_of_a_town_is_a_site_in_it() -> None:
    claims = _claims(
        "Rockets struck the central market of El Obeid on Monday, killing 17 traders, the "
        "state health ministry said.\n"
    )
    assert _one(claims, 17).place == "central market, El Obeid"


def test_the_market_of_a_camp_is_not_a_site_of_the_town_named_before() -> None:
    claims = _claims(
        "Shelling in El Fasher killed 12 people on Monday when the main market of Zamzam camp "
        "was hit, a medical group said.\n"
    )
    assert _one(claims, 12).place != "main market, El Fasher"


def test_a_coal_mine_keeps_its_kind_in_its_name() -> None:
    claims = _claims(
        "Nine miners were killed in a blast at the Lenina coal mine in Shakhtinsk on Tuesday, the "
        "emergency ministry said.\n"
    )
    assert _one(claims, 9).place == "Lenina coal mine, Shakhtinsk"


def test_a_hospital_ward_on_fire_is_the_site_not_where_victims_were_taken() -> None:
    claims = _claims(
        "Six patients died after a fire broke out in the burns unit of the Civil Hospital in "
        "Jhelum on Friday, officials said.\n"
    )
    assert _one(claims, 6).place == "Civil Hospital, Jhelum"


def test_a_hospital_that_received_the_wounded_is_still_not_the_site() -> None:
    claims = _claims(
        "A bomb killed eight people at a bus stop in Quetta on Friday, police said.\n"
        "Twenty wounded people were admitted to the Civil Hospital in Quetta, police said.\n"
    )
    assert _one(claims, 20, "injured").place != "Civil Hospital, Quetta"


def test_a_running_total_in_the_town_is_the_towns_not_the_countrys() -> None:
    claims = _claims(
        "Shells hit the central market of Dilling in Sudan on Tuesday, killing nine people, the "
        "UN said.\n"
        "The UN said at least 140 civilians had been killed in and around the town since the "
        "siege began in May.\n"
    )
    assert _one(claims, 140).place == "Dilling"


def test_a_figure_after_the_hospitals_sentence_keeps_the_events_village() -> None:
    claims = _claims(
        "PATNA, Oct 13 (PTI) - At least 12 passengers were killed when two trains collided near "
        "Dumrikhurd in Bihar's Saran district on Monday, police said.\n"
        "Forty people were being treated in hospitals in Chhapra and Patna, police said. "
        "Three passengers are still missing, police said.\n"
    )
    assert _one(claims, 3, "missing").place == "Dumrikhurd"


# --- scope: "since" in a comparison; a past disaster --------------------------------------


def test_the_deadliest_since_a_year_is_a_comparison_not_a_running_total() -> None:
    claims = _claims(
        "In March 2024, fires in the same province killed 58 people, the deadliest in the "
        "country since the 2010 floods.\n"
    )
    assert _one(claims, 58).scope == "incident"


def test_the_largest_number_since_it_opened_is_one_event() -> None:
    claims = _claims(
        "The field hospital said it had received 64 wounded patients on Monday, the largest "
        "number in a single day since it opened.\n"
    )
    assert _one(claims, 64, "injured").scope == "incident"


def test_a_running_total_since_a_date_stays_cumulative() -> None:
    claims = _claims(
        "The health ministry said 412 people had been killed in the province since January.\n"
    )
    assert _one(claims, 412).scope == "cumulative"


def test_an_avalanche_of_an_earlier_year_is_one_event() -> None:
    claims = _claims(
        "In October 2019, a blizzard and avalanches in the same valley killed 29 trekkers, "
        "officials said at the time.\n"
    )
    assert _one(claims, 29).scope == "incident"


# --- kind: public bodies; a speaker's own count ------------------------------------------


def test_a_railway_and_a_district_collector_are_official() -> None:
    claims = _claims(
        "At least 9 passengers were killed when a train derailed near Khurda, the East Coast "
        "Railway said.\n"
        "District Collector Anita Sahu told reporters that 12 people had died.\n"
    )
    assert _one(claims, 9).kind == "official"
    assert _one(claims, 12).kind == "official"


def test_a_rescue_crews_own_carried_wounded_are_observed() -> None:
    claims = _claims(
        "The Hayat Ambulance service, a volunteer group, said its crews had carried 23 injured "
        "people from the scene.\n"
    )
    assert _one(claims, 23, "injured").kind == "observed"


def test_a_rights_group_passing_on_a_count_stays_reported() -> None:
    claims = _claims(
        "A local rights group said 14 people had been killed in the raid, citing residents.\n"
    )
    assert _one(claims, 14).kind == "reported"


def test_one_disasters_bodies_recovered_so_far_are_one_event() -> None:
    claims = _claims(
        "A magnitude 6.1 earthquake struck the province on Sunday night.\n"
        "The disaster management department said on Tuesday that 41 bodies had been recovered "
        "so far and 120 people injured.\n"
    )
    assert _one(claims, 41, "bodies_found").scope == "incident"


def test_bodies_recovered_so_far_since_the_war_began_stay_cumulative() -> None:
    claims = _claims(
        "Forensic teams said 310 bodies had been recovered so far since the war began in April.\n"
    )
    assert _one(claims, 310, "bodies_found").scope == "cumulative"
