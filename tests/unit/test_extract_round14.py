"""Shapes of round 14, from the errors of outlets-blind9 and outlets-blind10 after they were
scored blind: a "siege toll" and a count "in the two months" are running totals; a village
named as "the worst hit" or in a list "in X and five in Y" is a place; "Another 13 were
killed in X" and "killed there" are shares of one event's toll. All sentences are written
for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims

SATURDAY = date(2026, 6, 6)


def _claims(text: str) -> list[tuple[int | None, str, str | None, int | None]]:
    report = Report(id="r", text=text, published=SATURDAY, title=text.split("\n")[0])
    claims = extract_claims(report)
    return [
        (c.low, str(c.scope), c.place, None if c.part_of is None else claims[c.part_of].low)
        for c in claims
    ]


def test_a_siege_toll_is_a_running_total() -> None:
    text = "Drone strike kills six in besieged Dilling as siege toll passes 400"
    scopes = {low: scope for low, scope, _, _ in _claims(text)}
    assert (scopes[6], scopes[400]) == ("incident", "cumulative")


def test_a_count_in_the_two_months_is_a_period_count() -> None:
    text = "Such strikes killed 118 people in the two months, the office said."
    assert _claims(text)[0][:2] == (118, "cumulative")


def test_a_village_named_as_the_worst_hit_is_the_place_of_its_figure() -> None:
    text = "Gunmen kill 30 in attacks on villages\nTudun-Wada was the worst hit, with 19 dead."
    assert dict((low, place) for low, _, place, _ in _claims(text))[19] == "Tudun-Wada"


def test_another_n_killed_in_named_villages_are_shares_of_the_toll() -> None:
    text = (
        "Gunmen kill at least 40 in overnight attacks on Mangu villages\n"
        "JOS, June 6 - Gunmen killed at least 40 people in overnight attacks on three villages "
        "in Mangu, police said on Saturday.\n"
        "Another 11 people were killed in Kerang-Daji and six in Ampang-Tudu, police said."
    )
    parts = {low: part for low, _, _, part in _claims(text)}
    assert (parts[11], parts[6]) == (40, 40)


def test_killed_there_after_a_village_is_named_is_a_share_of_the_quake_toll() -> None:
    text = (
        "Quake toll rises to 30 in northern Tajikistan\n"
        "DUSHANBE, June 6 - An earthquake killed 30 people in the Rasht valley on Thursday, "
        "officials said.\n"
        "The village of Kalai-Sang was destroyed. Eighteen people were killed there, the "
        "emergency committee said."
    )
    parts = {low: part for low, _, _, part in _claims(text)}
    assert parts[18] == 30


def _read(text: str) -> list[tuple[str, int | None]]:
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    return [(str(c.outcome), c.low) for c in claims]


def test_brought_to_n_the_number_of_people_killed_counts_the_dead() -> None:
    text = (
        "The governor said the raid brought to 44 the number of villagers killed in the "
        "district since January."
    )
    assert _read(text) == [("killed", 44)]


def test_shares_of_the_dead_told_by_where_they_lived_or_died() -> None:
    text = (
        "Cholera has killed 27 people in the province, the ministry said.\n"
        "Of the 27 deaths, 19 occurred in Mopti and 8 in Djenné."
    )
    assert ("killed", 19) in _read(text)


def test_a_count_of_deaths_registered_by_a_hospital_is_a_count() -> None:
    text = "The town's hospital has received 90 wounded and has registered 14 deaths since May."
    assert ("killed", 14) in _read(text)


def test_injured_passengers_who_died_are_dead() -> None:
    text = "The toll rose to 30 on Monday after four more injured passengers died in hospital."
    assert ("killed", 4) in _read(text) and ("injured", 4) not in _read(text)


def test_people_still_being_treated_are_injured() -> None:
    text = (
        "A bus crash killed nine people. Seventeen passengers were still being treated on Friday."
    )
    assert ("injured", 17) in _read(text)


def test_people_feared_buried_are_missing() -> None:
    assert _read("Landslide kills 9, up to 15 feared buried in Bududa") == [
        ("killed", 9),
        ("missing", None),
    ]


def test_two_of_the_wounded_named_in_apposition_who_died_are_dead() -> None:
    text = "Two of the wounded, a nurse and her son, died on the way to the clinic."
    assert _read(text) == [("killed", 2)]


def test_a_situation_reports_unattributed_lines_are_its_issuers() -> None:
    text = (
        "National Disaster Management Office: Situation Report 2, Tropical Cyclone Harold\n"
        "Issued: Friday 5 June 2026, 18:00\n"
        "Casualties: The number of confirmed deaths has risen to 9, up from 6 in Situation "
        "Report 1."
    )
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    assert {(c.low, c.attributed_to, str(c.kind)) for c in claims if c.low == 9} == {
        (9, "National Disaster Management Office", "official")
    }


def test_have_been_reported_names_no_source() -> None:
    text = "As of 4 June, a total of 31 cases, including 12 deaths, have been reported."
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    assert [c.attributed_to for c in claims if c.low == 12] == [None]


def _places(text: str) -> list[tuple[int | None, str | None]]:
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    return [(c.low, c.place) for c in claims]


def test_a_place_named_before_an_administrative_unit_word_is_introduced() -> None:
    text = "Cold killed four herders in Tosontsengel soum on Friday, officials said."
    assert _places(text)[0] == (4, "Tosontsengel")


def test_a_camp_at_a_place_then_its_regency_names_the_place() -> None:
    text = "Gunmen killed eight miners at Kali Doma, Asmat regency, on Monday, the police said."
    assert _places(text)[0] == (8, "Kali Doma")


def test_a_besieged_town_named_before_since_is_the_place() -> None:
    text = "At least 52 civilians have been killed in Ceel Buur since January, elders said."
    assert _places(text)[0] == (52, "Ceel Buur")


def test_a_longer_name_beats_the_small_town_the_gazetteer_knows_at_its_start() -> None:
    text = "Rescuers pulled 11 bodies from houses in Tala Ouriane, a mountain village, on Monday."
    assert _places(text)[0][1] == "Tala Ouriane"


def _kinds(text: str) -> list[tuple[int | None, str]]:
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    return [(c.low, str(c.kind)) for c in claims]


def test_the_wounded_a_hospital_director_says_were_admitted_are_observed() -> None:
    text = (
        "The director of the district hospital, Amal Nasser, said 27 of the wounded had been "
        "admitted since Thursday."
    )
    assert _kinds(text) == [(27, "observed")]


def test_a_hospital_that_has_registered_deaths_counts_them_itself() -> None:
    text = (
        "Baidoa Regional Hospital, the only one still open in the town, has registered 15 "
        "deaths among its patients since May."
    )
    assert _kinds(text) == [(15, "observed")]


def test_deaths_in_the_first_months_of_the_year_are_a_period_count() -> None:
    text = "Boat accidents killed 42 people in the first eight months of the year, officials said."
    assert _claims(text)[0][:2] == (42, "cumulative")


def test_a_headlines_attack_toll_beside_clashes_since_a_day_stays_one_event() -> None:
    text = (
        "Bus attack toll rises to 19; 12 killed in clashes since Sunday\n"
        "QUETTA: The death toll from Sunday's attack on a bus near Mastung rose to 19 on "
        "Tuesday, officials said."
    )
    scopes = {low: scope for low, scope, _, _ in _claims(text)}
    assert (scopes[19], scopes[12]) == ("incident", "cumulative")


def test_a_communiques_unattributed_lines_are_its_issuing_ministrys() -> None:
    text = (
        "Communique of the Ministry of Defence on the attack in the Kara region\n"
        "Lome, 5 June 2026\n"
        "The Government informs the public that armed groups attacked a post at Dapaong.\n"
        "Seven soldiers lost their lives and 11 were wounded."
    )
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    assert {(c.low, c.attributed_to) for c in claims} == {
        (7, "Ministry of Defence"),
        (11, "Ministry of Defence"),
    }


def test_our_teams_in_a_statement_are_its_authors() -> None:
    text = (
        "Statement | Goma, 5 June 2026\n"
        "The Kivu Medical Network (KMN) condemns the attack on the Bulengo camp, in which "
        "at least 14 people were killed, according to camp leaders.\n"
        "Our teams at the camp clinic treated 29 wounded people overnight."
    )
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    assert dict((c.low, c.attributed_to) for c in claims)[29] == "Kivu Medical Network (KMN)"


def test_according_to_the_same_statement_is_the_body_named_before() -> None:
    text = (
        "The earthquake killed 40 people, the Ministry of Emergency Situations said.\n"
        "At least 19 people are still missing, according to the same statement."
    )
    claims = extract_claims(Report(id="r", text=text, published=SATURDAY))
    assert dict((c.low, c.attributed_to) for c in claims)[19] == (
        "Ministry of Emergency Situations"
    )


def test_a_series_of_explosions_at_one_factory_is_one_event() -> None:
    text = (
        "Fourteen workers were killed when a series of explosions ripped through a fireworks "
        "factory near Sattur on Thursday, police said."
    )
    assert _claims(text)[0][:2] == (14, "incident")


def test_a_war_named_by_its_years_is_dated_to_them() -> None:
    from tollbook.extract.dates import find_dates

    found = find_dates(
        "The town was fought over in the 1998-2000 war, which killed 80,000.", SATURDAY
    )
    assert [(d.value, d.of_event) for d in found] == [("1998-01-01/2000-12-31", True)]


def test_a_disaster_a_century_ago_keeps_its_own_date_in_a_report_of_a_new_one() -> None:
    text = (
        "Earthquake kills 23 in Calabria\n"
        "COSENZA, Feb 9 - An earthquake killed 23 people in Calabria on Sunday, the prefecture "
        "said.\n"
        "The area was last struck by a deadly earthquake on 8 September 1905, when the "
        "Calabria quake killed about 560 people."
    )
    report = Report(id="r", text=text, published=date(2026, 2, 9), title=text.split("\n")[0])
    when = {c.low: c.when for c in extract_claims(report)}
    assert when[560] == "1905-09-08"


def test_an_outbreaks_cases_and_deaths_are_a_count_over_its_period() -> None:
    text = "The capital accounts for 980 cases and 17 deaths, the ministry said."
    assert _claims(text)[0][:2] == (17, "cumulative")


def test_deaths_of_an_epidemiological_week_are_a_period_count() -> None:
    text = "In epidemiological week 9 (23 February to 1 March), 6 deaths were recorded."
    assert _claims(text)[0][:2] == (6, "cumulative")
