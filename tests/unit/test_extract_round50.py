"""Round 50's rules (docs/extraction.md, "Round 50"), each in sentences written for this
file: public offices the kind of a figure did not know, in English, Ukrainian and Russian,
and an armed group's officials, who are no state's."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.kind import is_official_source
from tollbook.extract.speaker_cascade import is_place_only
from tollbook.extract.uk_ru.kind_scope_uk_ru import kind_of as kind_uk_ru


def _claims(text: str, published: date = date(2026, 5, 20)) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


@pytest.mark.parametrize(
    "source",
    [
        "Miriam Otieno, Secretary for Health",
        "the presiding judge",
        "Lindiwe Moyo, ward councillor",
        "Ukraine's air force",
        "the Chilean Navy",
        "Senior Constable Aaron Pike",
        "municipal ombudsman",
        "Provincial governments",
        "Musa Idris, executive director of Kadara locality",
        "Etienne Nko, senior divisional officer",
        "State Penitentiary Institute (SPI)",
        "county fire bureau",
        "national register of missing persons",
        "city's emergency medical service",
        "provincial health delegation",
        "Ana Lobo, provincial disaster coordinator",
    ],
)
def test_a_public_office_is_an_official_source(source: str) -> None:
    assert is_official_source(source)


@pytest.mark.parametrize(
    "source",
    [
        "Institute for the Study of War",
        "general secretary of the miners' union",
        "a spokesman for the local People's Defence Force",
        "opposition officials",
    ],
)
def test_a_body_that_is_no_state_stays_reported(source: str) -> None:
    assert not is_official_source(source)


def test_the_word_official_in_an_armed_group_s_title_makes_no_official_count() -> None:
    text = (
        "Air strikes on the village of Tawkyin killed 9 people on Sunday, a local resistance "
        "official said."
    )
    (claim,) = [c for c in _claims(text) if c.outcome == "killed"]
    assert claim.kind == "reported"


def test_a_secretary_for_a_portfolio_gives_an_official_count() -> None:
    text = (
        "Cholera has killed 14 people in Mzimba district since March, Secretary for Health "
        "Miriam Otieno said on Tuesday."
    )
    (claim,) = [c for c in _claims(text) if c.outcome == "killed"]
    assert claim.kind == "official"


@pytest.mark.parametrize(
    "source",
    [
        "КМВА",
        "місцева влада",
        "местные власти",
        "Держпраці",
        "МЗС",
        "МИД",
        "ГСЧС",
        "консульство",
        "Генеральный инспекторат по чрезвычайным ситуациям",
        "повідомлення відомства",
    ],
)
def test_a_cyrillic_authority_gives_an_official_count(source: str) -> None:
    assert kind_uk_ru("загинули 9 людей", source, False) == "official"


@pytest.mark.parametrize("source", ["Владислав Коваль", "Владимир Петров"])
def test_a_name_is_not_the_authorities(source: str) -> None:
    assert kind_uk_ru("загинули 9 людей", source, False) == "reported"


def test_a_cyrillic_figure_told_by_the_state_labour_service_is_official() -> None:
    text = "Від початку року на шахтах Донеччини загинули 9 гірників, повідомили в Держпраці."
    (claim,) = [c for c in _claims(text) if c.outcome == "killed"]
    assert claim.kind == "official"


# --- a body described by its kind, named in full with its acronym elsewhere ---------------


def test_a_rights_group_is_the_observatory_the_report_names_with_its_acronym() -> None:
    text = (
        "DORI, March 3 - Soldiers killed dozens of herders near the village of Sambé in "
        "January, a rights group said in a report on Tuesday.\n"
        "The Liptako Rights Observatory (LRO), a Niamey-based group that documents abuses, "
        "said it had spoken to 38 survivors.\n"
        "In all, the group recorded 164 civilians killed in the region between January "
        "and February."
    )
    (claim,) = [c for c in _claims(text) if c.outcome == "killed" and c.low == 164]
    assert claim.attributed_to == "Liptako Rights Observatory (LRO)"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "The National Institute for Disaster Management (INGC) opened 40 shelters on "
            "Sunday.\nFloods have killed 23 people in the province since Friday, Mozambique's "
            "disaster agency said.",
            "National Institute for Disaster Management (INGC)",
            id="a country's disaster agency is its institute named with an acronym",
        ),
        pytest.param(
            "The Liptako Rights Observatory (LRO) and the Sahel Justice Association (SJA) both "
            "sent researchers to the area.\n"
            "Soldiers killed 31 herders near Sambé in January, a rights group said.",
            "rights group",
            id="stays described when two named bodies could be it",
        ),
        pytest.param(
            "The UN Integrated Office in Haiti (BINUH) has documented gang violence since 2019."
            "\nThe UN human rights office said on Monday that 34 people were killed in "
            "Pont-Sonde.",
            "UN human rights office",
            id="stays described when the named body lacks its words",
        ),
    ],
)
def test_a_described_body_takes_the_one_name_that_fits(text: str, source: str) -> None:
    (claim,) = [c for c in _claims(text) if c.outcome == "killed"]
    assert claim.attributed_to == source


def test_a_monitoring_group_is_the_monitor_the_report_names_without_an_acronym() -> None:
    text = (
        "KANO, May 4 - Armed gangs killed 530 people across four northern states in the "
        "first quarter, a Kano-based monitoring group said on Monday.\n"
        "The Sahel Security Monitor, which compiles its figures from local officials and "
        "hospitals, counted 212 deaths in January alone."
    )
    claims = {c.low: c for c in _claims(text) if c.outcome == "killed"}
    assert claims[530].attributed_to == "Sahel Security Monitor"


# --- a said-clause followed by a remark on the figure ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Across the country, 52 people have died in floods since 1 January, the General "
        "Inspectorate for Emergency Situations said, a figure that does not include the "
        "Vadu dead.",
        "Floods have killed 52 people since 1 January, the Inspectorate for Emergency "
        "Situations said, up from 40 a week earlier.",
    ],
)
def test_a_body_that_said_before_a_remark_on_the_figure_is_its_source(sentence: str) -> None:
    (claim,) = [c for c in _claims(sentence) if c.outcome == "killed" and c.low == 52]
    assert claim.attributed_to is not None
    assert "Inspectorate" in claim.attributed_to
    assert claim.kind == "official"


# --- a month told first, then the one event that happened in it ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In March 1998, a mudflow in Tarvia killed about 80 people and buried the market.",
        "In June, a gunfight between rival clans in the village of Kebro killed four people.",
    ],
)
def test_a_month_told_first_then_one_event_is_that_event(sentence: str) -> None:
    (claim,) = [c for c in _claims(sentence) if c.outcome == "killed"]
    assert claim.scope == "incident"


def test_a_month_told_first_then_a_total_stays_the_month_s_count() -> None:
    (claim,) = [
        c
        for c in _claims("In April, a total of 64 people were killed in the province.")
        if c.outcome == "killed"
    ]
    assert claim.scope == "cumulative"


def test_a_month_told_first_then_a_spell_of_weather_stays_a_count_of_its_days() -> None:
    (claim,) = [
        c
        for c in _claims("In January 2024, a cold snap killed more than 90 people in the hills.")
        if c.outcome == "killed"
    ]
    assert claim.scope == "cumulative"


def test_clans_and_villages_counted_are_no_dead() -> None:
    text = "A gunfight between two clans in the village of Kebro killed four people on Sunday."
    assert [c.low for c in _claims(text) if c.outcome == "killed"] == [4]
    text = "Gunmen attacked three villages near the border overnight, killing 20 people."
    assert [c.low for c in _claims(text) if c.outcome == "killed"] == [20]


# --- deaths in a hospital told by an authority ----------------------------------------------


def test_deaths_in_hospital_told_by_an_authority_are_its_official_count() -> None:
    text = (
        "Two people died overnight in hospital, bringing the death toll from Monday's "
        "strike to 19, the city military administration said."
    )
    claims = {c.low: c for c in _claims(text) if c.outcome == "killed"}
    assert claims[2].kind == "official"


def test_what_a_hospital_received_stays_a_first_hand_count() -> None:
    text = (
        "The Emergency Medicine Centre said its ambulances had carried 46 of the wounded to "
        "hospitals and had recovered four bodies from the streets."
    )
    claims = {c.low: c for c in _claims(text) if c.outcome in ("injured", "bodies_found")}
    assert claims[46].kind == "observed"


# --- a share of the figure told in the sentence before ---------------------------------------


def test_of_those_opens_a_share_of_the_figure_before() -> None:
    text = "The ministry said 64 people were killed on Monday. Of those, 17 were children."
    claims = _claims(text)
    killed = [c for c in claims if c.outcome == "killed"]
    assert [c.low for c in killed] == [64, 17]
    assert killed[1].part_of == claims.index(killed[0])


def test_n_of_them_were_opens_a_share_of_the_figure_before() -> None:
    text = (
        "A drone strike on a bus station in Vorsk killed 23 people on Thursday, the regional "
        "governor said. Five of them were children."
    )
    claims = _claims(text)
    killed = [c for c in claims if c.outcome == "killed"]
    assert [c.low for c in killed] == [23, 5]
    assert killed[1].part_of == claims.index(killed[0])
    assert killed[1].victims == "children"


def test_n_of_them_were_somewhere_is_a_share_of_that_outcome() -> None:
    text = (
        "Landslides injured 41 people across the district, officials said. Twelve of them "
        "were in the village of Rosca."
    )
    claims = _claims(text)
    injured = [c for c in claims if c.outcome == "injured"]
    assert [c.low for c in injured] == [41, 12]
    assert injured[1].part_of == claims.index(injured[0])


def test_n_of_them_inside_a_sentence_is_read_as_before() -> None:
    text = "Shelling killed 14 people in Vorsk, and three of them were children, officials said."
    assert [c.low for c in _claims(text) if c.outcome == "killed"] == [14, 3]


# --- a place told as if it spoke -----------------------------------------------------------


def test_a_town_that_reported_deaths_is_their_place_not_their_source() -> None:
    text = "Masvingo has reported 19 cholera deaths since January, the most of any province."
    (claim,) = [c for c in _claims(text) if c.outcome == "killed"]
    assert claim.attributed_to is None
    assert claim.place == "Masvingo"


@pytest.mark.parametrize("who", ["Masvingo", "Ratnapura District", "the Kherson region"])
def test_a_town_or_a_district_is_only_a_place(who: str) -> None:
    assert is_place_only(who)


@pytest.mark.parametrize(
    "who", ["Israel", "Kyiv city military administration", "Sylvain Kouassi, ONPC director"]
)
def test_a_state_a_body_or_a_person_may_speak(who: str) -> None:
    assert not is_place_only(who)


def test_a_surname_that_is_also_a_place_stays_a_source() -> None:
    text = (
        "Between 30 and 40 miners are believed to be still trapped, according to Rangel, who "
        "said the search would go on through the night."
    )
    (claim,) = [c for c in _claims(text) if c.outcome == "missing"]
    assert claim.attributed_to == "Rangel"


def test_a_surname_that_is_also_a_town_said_is_a_person() -> None:
    text = "Nine miners died in the flooded shaft on Thursday, Moyo said on Friday."
    (claim,) = [c for c in _claims(text) if c.outcome == "killed"]
    assert claim.attributed_to == "Moyo"
