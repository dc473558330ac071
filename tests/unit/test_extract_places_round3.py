"""The place of a figure (issue 12, tuning round 3): names with particles, "In X," at a
sentence's start, "the X area of City", a city's district, totals and estimates about what
the report is about, and the source's own places.

Every text here was written for this test.
"""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.scoring import place_agrees

PUBLISHED = date(2025, 6, 11)


def claims(text: str) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED))


def place_of(found: list[Claim], low: int) -> str | None:
    return next(c.place for c in found if c.low == low or c.high == low)


def test_a_name_with_particles_is_read_whole() -> None:
    found = claims("Floods in Rio Grande do Sul killed 31 people on Monday, officials said.")
    assert place_of(found, 31) == "Rio Grande do Sul"
    shore = claims("Fishermen found 45 bodies on the shore near Ras al-Qasr on Friday.")
    assert place_of(shore, 45) == "Ras al-Qasr"


def test_a_small_town_at_the_start_of_a_sentence() -> None:
    found = claims(
        "Flash floods hit Valencia province on Tuesday.\n"
        "In Paiporta alone, 19 bodies were recovered, the mayor said."
    )
    assert place_of(found, 19) == "Paiporta"


def test_the_area_of_a_city_and_a_district_of_the_city_told_about() -> None:
    found = claims("A strike on tents in the Mawasi area of Khan Younis killed nine people.")
    assert place_agrees("Mawasi, Khan Younis", place_of(found, 9))
    district = claims(
        "A missile hit the centre of Sumy on Sunday, killing 12 people.\n"
        "Later a drone killed two people in the Kovpakivskyi district."
    )
    assert place_agrees("Kovpakivskyi district, Sumy", place_of(district, 2))
    compass = claims("A strike on a school in Jabalia, north of Gaza City, killed 15 people.")
    assert place_of(compass, 15) is not None


def test_a_total_or_an_estimate_without_a_place_is_what_the_report_is_about() -> None:
    found = claims(
        "Cholera has killed 310 people in Angola since January, the health ministry said.\n"
        "Luanda province has the most cases.\n"
        "The WHO warned that the death toll could reach 700 by July."
    )
    assert place_of(found, 310) == "Angola"
    assert place_of(found, 700) == "Angola"
    site = claims(
        "A bomb hit School No. 4 in Lysychansk on Monday, killing 17 people.\n"
        "Residents said as many as 900 people may have died during the siege."
    )
    assert place_of(site, 900) == "Lysychansk"


def test_the_places_that_name_the_source_are_not_the_figures() -> None:
    found = claims(
        "A missile hit the centre of Sumy on Sunday, killing 12 people.\n"
        "The National Police of Ukraine said 40 people were injured.\n"
        "Seismologists at Ankara University said the toll could reach 300."
    )
    assert place_of(found, 40) == "Sumy"
    assert place_of(found, 300) != "Ankara University, Sumy"


def test_a_place_that_only_locates_another_is_not_the_figures() -> None:
    found = claims("A building collapsed in Bhiwandi, near Mumbai, killing 14 people on Friday.")
    assert place_of(found, 14) == "Bhiwandi"
    past = claims("In 2002 a fire on a train near El Ayyat, south of Cairo, killed 360 people.")
    assert place_of(past, 360) == "El Ayyat"


def test_a_port_of_a_city_is_the_city_and_an_owner_is_not_part_of_a_village() -> None:
    found = claims("A drone hit a building in the Black Sea port of Odesa, killing six people.")
    assert place_of(found, 6) == "Odesa"
    village = claims("A stampede in Bihar's Rampur village killed 11 people on Sunday.")
    assert place_of(village, 11) == "Rampur village"
    long_name = claims("Gunmen stormed the village of Wad al-Nour Sharq, killing 40 people.")
    assert place_of(long_name, 40) == "Wad al-Nour Sharq"


def test_each_figure_of_a_list_takes_the_place_of_its_own_clause() -> None:
    found = claims("Police said 30 bodies washed up near Shuqra and 12 on beaches near Zinjibar.")
    assert place_of(found, 12) == "Zinjibar"


def test_where_the_injured_are_treated_and_an_upazila() -> None:
    found = claims(
        "A wall collapsed at a fair in Rampur village on Monday, killing nine people.\n"
        "Twenty people injured in the collapse are being treated at the district hospital in "
        "Etah, officials said."
    )
    assert place_of(found, 20) != "Etah"
    upazila = claims(
        "A flood swept through villages in Sulla upazila on Monday, and 11 people drowned."
    )
    assert place_of(upazila, 11) == "Sulla upazila"
