"""The place of a figure (issue 12, tuning round 4): hyphenated names, a compass-qualified
part of a country, a breakdown that is not the total's place, a place that only locates
another, a river named after a city, new site words, a site in "the besieged town of X",
and a described site ("a church in X") that is not a named one.

Every text here was written for this test.
"""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2025, 6, 11)


def claims(text: str) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED))


def place_of(found: list[Claim], low: int) -> str | None:
    return next(c.place for c in found if c.low == low or c.high == low)


def test_a_hyphenated_name_is_read_whole() -> None:
    found = claims(
        "Gunmen stormed the town of Bois-Verte on Monday, killing 12 residents, police said."
    )
    assert place_of(found, 12) == "Bois-Verte"


def test_a_compass_word_stays_with_a_country() -> None:
    found = claims("A storm that swept across northern Peru killed 14 people, the agency said.")
    assert place_of(found, 14) == "northern Peru"
    both = claims("Air raids on southern and western Chad killed 33 people on Friday.")
    assert place_of(both, 33) == "southern and western Chad"
    city = claims("A bus crash in central Nairobi killed 7 people on Sunday, police said.")
    assert place_of(city, 7) == "Nairobi"


def test_a_breakdown_is_not_the_totals_place() -> None:
    found = claims(
        "Floods in western Kenya killed 52 people, most of them in Kisumu, officials said."
    )
    assert place_of(found, 52) == "western Kenya"
    alone = claims("Floods killed 20 people this week, mostly in Kisumu, officials said.")
    assert place_of(alone, 20) == "Kisumu"


def test_a_place_that_only_locates_another() -> None:
    found = claims(
        "Raiders ambushed a bus near Dalbo, about 40 kilometres from Gao, killing 9 "
        "passengers, the army said."
    )
    assert place_of(found, 9) == "Dalbo"
    boat = claims("A boat capsized off Ramlet, near Sfax, on Tuesday and 11 people are missing.")
    assert place_of(boat, 11) == "Ramlet"


def test_a_river_is_not_the_city_of_its_name() -> None:
    found = claims(
        "Shelling hit Kherson on Monday morning.\n"
        "A drone struck a car on the bank of the Dnipro river, killing 3 people."
    )
    assert place_of(found, 3) == "Kherson"


def test_new_site_words_and_the_town_of() -> None:
    beach = claims("A car bomb went off at a cafe on Tarek beach in Mogadishu, killing 8 people.")
    assert place_of(beach, 8) == "Tarek beach, Mogadishu"
    street = claims(
        "A shell hit a queue on Lesia Street in the besieged town of Huliaipole, killing 6 "
        "people, the governor said."
    )
    assert place_of(street, 6) == "Lesia Street, Huliaipole"


def test_a_described_site_gives_way_to_its_town() -> None:
    found = claims(
        "Militants attacked a Baptist church in Komanda on Sunday, killing 15 worshippers, "
        "a local official said."
    )
    assert place_of(found, 15) == "Komanda"


def test_a_hospital_that_received_the_victims_is_not_where_they_were_hit() -> None:
    found = claims(
        "Doctors at the Central hospital in Kharkiv received 27 wounded after the strike, "
        "the charity said."
    )
    assert place_of(found, 27) == "Kharkiv"
