"""Round 40 of docs/extraction.md: rules found on the tuning corpora (and on blind72 and
blind73, spent on arrival). Each test fails without its rule unless it says it is a guard;
the sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.claims_by_figure import claims_by_figure
from tollbook.count.wording import read_wording
from tollbook.domain.claim import Claim
from tollbook.extract.scoring import place_agrees

PUBLISHED = date(2026, 9, 16)  # a Wednesday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    return claims_by_figure(text, PUBLISHED)


def _place(claim: Claim) -> str | None:
    return claim.place


def test_a_village_told_by_what_it_is_is_carried_not_the_region_after_it() -> None:
    text = (
        "Tanks shell a village in Kani township\n"
        "Tanks shelled Mya Thar, a rice-growing village in Kani township of Sagaing region, "
        "on Monday morning, residents said.\n"
        "Nine people were killed, the village's rescue team said."
    )
    assert _place(_claims(text)[("killed", 9)]) == "Mya Thar"


def test_a_kebele_or_a_camp_told_by_what_it_is_is_a_place() -> None:
    kebele = (
        "A landslide buried Dore Bafano, a hillside kebele of Damot Gale district about "
        "20 kilometres from Boditi, on Sunday night.\n"
        "The district administration put the toll at 17."
    )
    assert _place(_claims(kebele)[("killed", 17)]) == "Dore Bafano"
    camp = (
        "Mud swept over Bukit Lima, a camp of miners' huts on a slope in Dengilo district, "
        "on Saturday.\n"
        "Rescuers have recovered 11 bodies, the search office said."
    )
    assert _place(_claims(camp)[("bodies_found", 11)]) == "Bukit Lima"


def test_a_quarter_of_a_city_is_a_place() -> None:
    text = "Four people died when a house collapsed in the Hay al-Souk quarter of Sidon on Friday."
    assert _place(_claims(text)[("killed", 4)]) == "Hay al-Souk quarter, Sidon"
    assert place_agrees("Hay al-Souk, Sidon", "Hay al-Souk quarter, Sidon")


def test_a_desk_in_a_byline_is_no_place() -> None:
    text = (
        "Party shooting leaves three dead\n"
        "By the Metro desk | Updated 14 September 2026\n"
        "Three people were shot dead at a birthday party late on Sunday, police said."
    )
    assert _place(_claims(text)[("killed", 3)]) != "Metro"


def test_where_the_wounded_were_sent_is_not_carried() -> None:
    text = (
        "A shell struck the market in Ombada on Tuesday.\n"
        "Twenty of the wounded remain in our hospital and the others were sent to Atbara.\n"
        "The state health ministry said 14 people were killed in the shelling."
    )
    assert _place(_claims(text)[("killed", 14)]) != "Atbara"


def test_bodies_counted_over_days_of_a_heat_wave_are_a_period_count() -> None:
    text = (
        "The city morgue took in 86 bodies in the five days to Tuesday night, as a heat "
        "wave with temperatures above 45 degrees entered its sixth day, its director said."
    )
    assert _claims(text)[("killed", 86)].scope == "cumulative"


def test_a_norm_to_compare_with_is_no_count() -> None:
    text = (
        "The city morgue took in 86 bodies in five days, against about 25 in a normal week, "
        "its director said."
    )
    assert ("killed", 25) not in _claims(text)


def test_people_who_collapsed_and_died_are_dead() -> None:
    text = "On Tuesday, two farm workers collapsed and died in the fields, police said."
    assert _claims(text)[("killed", 2)].victims == "farm workers"


def test_a_school_named_with_its_grade_is_one_site_with_its_short_name() -> None:
    text = (
        "Drone strike on the Al-Huda school shelter, Sennar\n"
        "Late on Saturday, a drone struck the Al-Huda primary school in the Al-Sharif "
        "neighbourhood of Sennar, where displaced families had been sleeping.\n"
        "By morning 16 people had been declared dead.\n"
        "The state ministry of health said 18 people were killed, counting two who died "
        "at the school."
    )
    claims = _claims(text)
    assert _place(claims[("killed", 16)]) == "Al-Huda primary school, Sennar"
    assert _place(claims[("killed", 18)]) == "Al-Huda primary school, Sennar"


def test_a_toll_that_is_now_a_figure_revises() -> None:
    assert read_wording(
        "Three of the wounded died overnight, so the number of dead at the hospital is now 19."
    ).revises


def test_a_figure_carried_and_the_same_figure_placed_elsewhere_later_are_two() -> None:
    text = (
        "Drone strikes in North Darfur\n"
        "A drone hit a wedding tent in Tawila on Sunday night, residents said.\n"
        "The state ministry said 21 people were killed in the strike, counting two who "
        "died at the tent.\n"
        "Twelve of the wounded were flown out.\n"
        "On Monday, two people were killed when a drone hit a lorry on the road near Kutum."
    )
    twos = [c for c in _all(text) if c.outcome == "killed" and c.low == 2]
    assert sorted(_place(c) or "" for c in twos) == ["Kutum", "Tawila"]


def test_a_heading_and_the_next_sentence_share_a_figure() -> None:  # guard
    text = (
        "Fire at the Grand Hotel in Mombasa kills 9\n"
        "14:20 | Two more bodies recovered\n"
        "Firefighters found two more bodies on the third floor of the hotel in Nyali."
    )
    twos = [c for c in _all(text) if c.low == 2]
    assert len(twos) == 1


def _all(text: str) -> list[Claim]:
    from tollbook.domain.report import Report
    from tollbook.extract import extract_claims

    return extract_claims(Report("r", text, published=PUBLISHED))


def test_since_the_start_of_the_year_in_russian_with_so_is_a_running_count() -> None:
    text = "Со начала года в области погибли 48 мирных жителей, сообщил губернатор."
    assert _claims(text)[("killed", 48)].scope == "cumulative"


def test_one_fire_or_one_night_is_no_count_of_the_dead() -> None:
    text = "Це найбільша кількість жертв однієї пожежі в області з 2019 року."
    assert ("killed", 1) not in _claims(text)
