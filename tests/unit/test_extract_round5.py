"""Round 5 of issue 12: the place scoring rule's kind words, joined places, the site of the
event for the whole report, and sources named by acronym, by apposition or as "the agency"."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.scoring import place_agrees

PUBLISHED = date(2026, 3, 11)


def claims(text: str, title: str | None = None) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED, title))


def of(found: list[Claim], figure: int) -> Claim:
    return next(c for c in found if figure in (c.low, c.high))


def test_kind_words_in_the_plural_and_camps_are_left_out_of_a_place_as_scored() -> None:
    assert place_agrees("Abu Shouk camp", "Abu Shouk")
    assert place_agrees("Nuseirat refugee camp", "Nuseirat camp")
    assert place_agrees("Baghlan and Takhar provinces", "Baghlan and Takhar")
    assert place_agrees("Kordofan states", "Kordofan")
    assert not place_agrees("Bali Strait", "Bali")
    assert not place_agrees("Pushkinska Street, Kharkiv", "Kharkiv")
    assert not place_agrees("Pushkinska Street, Kharkiv", "Pushkinska Street")


def test_places_listed_together_are_one_place() -> None:
    found = claims(
        "Floods have killed 96 people in Baghlan and Takhar provinces, the authority said.\n"
        "Police killed 16 protesters in Nairobi, Mombasa and Nakuru on Tuesday.\n"
        "Three people died in Sunamganj and two each in Habiganj and Brahmanbaria."
    )
    assert place_agrees("Baghlan and Takhar provinces", of(found, 96).place)
    assert of(found, 16).place == "Nairobi, Mombasa and Nakuru"
    assert of(found, 2).place in ("Habiganj", "Brahmanbaria")
    town_and_country = claims("A drone killed 4 people in Kharkiv, Ukraine, on Monday.")
    assert of(town_and_country, 4).place == "Kharkiv"


def test_the_one_site_of_the_event_places_the_figures_given_for_its_town() -> None:
    found = claims(
        "Five dead, 20 injured in crush at Varanasi bathing ghat\n"
        "Varanasi, Jan 3 Five pilgrims were killed and 20 injured in Varanasi on Saturday, "
        "police said.\n"
        "The crush began at Dashashwamedh ghat in Varanasi, where two of the dead were found."
    )
    assert of(found, 5).place == "Dashashwamedh ghat, Varanasi"
    assert of(found, 20).place == "Dashashwamedh ghat, Varanasi"
    two_sites = claims(
        "Shelling killed 6 people in Kherson on Monday.\n"
        "A shell hit Ushakova Avenue in Kherson, and another struck Central Market in Kherson."
    )
    assert of(two_sites, 6).place == "Kherson"
