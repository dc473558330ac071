"""Places a figure does not belong to: where the wounded or a witness went ("fled to X",
"flown to X"), a hospital they were treated at, a demonym before "village of X"; and a
dateline written with accented capitals is the report's dateline, not its event's place."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _places(text: str, title: str | None = None) -> list[tuple[int | None, str | None]]:
    report = Report(id="r", text=text, title=title)
    return [(c.low, c.place) for c in extract_claims(report)]


def test_a_town_someone_fled_to_is_not_where_the_bodies_were() -> None:
    text = (
        "Gunmen killed 31 villagers in Kaya on Sunday, the regional governor said. "
        "A farmer who fled to Ouahigouya said he had counted 40 bodies in the streets."
    )
    assert _places(text) == [(31, "Kaya"), (40, "Kaya")]


def test_a_town_the_injured_were_flown_to_is_not_the_quake_s_place() -> None:
    text = (
        "The earthquake near Herat killed 12 people, officials said. "
        "Nine of the injured were flown with spinal injuries to Kabul."
    )
    assert _places(text) == [(12, "Herat"), (9, "Herat")]


def test_a_hospital_the_injured_were_treated_at_is_not_the_site_of_the_collapse() -> None:
    text = (
        "Six miners died when a shaft collapsed at Bekwai, the district chief said. "
        "A dozen others were receiving treatment at the Bekwai Municipal Hospital."
    )
    assert all(place is None or "Hospital" not in place for _, place in _places(text))


def test_a_demonym_before_village_of_is_not_a_site() -> None:
    text = (
        "An air strike on a house in the southern Lebanese village of Aitaroun killed "
        "five people, the health ministry said."
    )
    assert _places(text) == [(5, "Aitaroun")]


def test_a_dateline_in_accented_capitals_is_not_the_event_s_place() -> None:
    text = (
        "BOGOTÁ, 2 June (wire) - Seven soldiers were killed when dissidents attacked a "
        "base in Argelia, in the department of Cauca, the army said."
    )
    assert _places(text) == [(7, "Argelia")]


def test_a_past_disaster_is_placed_where_its_own_sentence_says() -> None:
    from datetime import date

    text = (
        "MYAGDI, July 29: Nine people died after a landslide swept away six houses in Beni. "
        "Locals still remember the landslide of 2015 at Ratorukh, about 12 km upstream, "
        "which killed 13 people."
    )
    report = Report(id="r", text=text, published=date(2026, 7, 29))
    assert [(c.low, c.place) for c in extract_claims(report)] == [(9, "Beni"), (13, "Ratorukh")]
