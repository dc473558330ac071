"""Shapes of round 13, found through the headline benchmark: rain "from Monday night into
Tuesday" is one event; a named cyclone crossing "northern and eastern" regions is one
storm; "the 2011 Harvest Monday floods" is dated to its year, not to a Monday; a figure
that someone "has estimated that" the war killed is an estimate, and a siege that "killed"
gives its running total. All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.dates import find_dates
from tollbook.extract.extractor import extract_claims

THURSDAY = date(2026, 9, 17)


def _claims(text: str) -> list[tuple[int | None, str, str, str | None]]:
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    return [(c.low, str(c.scope), str(c.kind), c.when) for c in claims]


def test_rain_from_one_night_into_the_next_day_is_one_event() -> None:
    text = (
        "Heavy rain that fell on Mbale from Tuesday night into Wednesday killed at least 18 "
        "people, the district commissioner said on Thursday."
    )
    assert _claims(text)[0][:2] == (18, "incident")


def test_a_named_cyclone_across_two_regions_is_one_storm() -> None:
    text = (
        "At least 31 people died after Cyclone Maraval crossed southern and western Mozambique "
        "at the weekend, the disaster institute said."
    )
    assert _claims(text)[0][:2] == (31, "incident")


def test_deaths_in_two_regions_without_one_event_stay_a_count_over_them() -> None:
    text = "Cholera has killed 64 people in northern and eastern provinces, the ministry said."
    assert _claims(text)[0][:2] == (64, "cumulative")


def test_a_weekday_in_a_past_events_name_is_not_a_date() -> None:
    found = find_dates("The 2011 Harvest Monday floods killed 240 people.", THURSDAY)
    assert [d.value for d in found] == ["2011-01-01/2011-12-31"]


def test_a_past_disaster_named_by_its_year_and_plural_fires_is_dated() -> None:
    found = find_dates("The 2019 Kestrel Ridge bushfires killed 33 people.", THURSDAY)
    assert [d.value for d in found] == ["2019-01-01/2019-12-31"]


def test_what_someone_has_estimated_that_a_siege_killed_is_an_estimate_and_a_total() -> None:
    text = (
        "The United Nations has estimated that the siege of Kadugli, which lasted nearly "
        "a year, killed between 2,000 and 3,200 civilians."
    )
    low, scope, kind, _ = _claims(text)[0]
    assert (low, scope, kind) == (2000, "cumulative", "estimate")


def _places(text: str) -> list[tuple[int | None, str | None]]:
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    return [(c.low, c.place) for c in claims]


def test_the_town_of_a_hospital_the_wounded_were_flown_to_is_not_their_place() -> None:
    text = (
        "Gunmen attacked an army post in Menaka on Tuesday, killing 12 soldiers.\n"
        "Another 9 soldiers were wounded and flown by helicopter to the Military Hospital in "
        "Gao, the army said."
    )
    assert dict(_places(text))[9] == "Menaka"


def test_the_town_of_a_named_hospital_the_wounded_were_admitted_to_is_not_their_place() -> None:
    text = (
        "A gas cylinder exploded at a restaurant in Kamrej on Monday, killing four people.\n"
        "Eleven injured people were admitted to the Civil Hospital in Surat, its "
        "superintendent said."
    )
    assert dict(_places(text))[11] == "restaurant, Kamrej"


def test_a_river_whose_bank_a_place_lies_on_is_not_the_place() -> None:
    text = (
        "Nine pilgrims were killed in a crush on the banks of the Ganga in Patna on Sunday, "
        "police said."
    )
    assert _places(text)[0] == (9, "Patna")


def test_the_lead_village_named_in_the_next_paragraph_is_the_events_place() -> None:
    text = (
        "Gunmen kill 22 villagers in Ethiopia's Amhara region\n"
        "BAHIR DAR, May 4 - Gunmen killed 22 people in an attack on a village in the Amhara "
        "region on Sunday night, a local official said.\n"
        'Residents of the village, Mbar Kwang, said the attackers burned 40 houses. "We '
        'buried 25 people this morning," said a farmer, Danjuma Gyang.'
    )
    report = Report(id="r", text=text, published=THURSDAY, title=text.split("\n")[0])
    places = {c.low: c.place for c in extract_claims(report)}
    assert places[22] == "Mbar Kwang"


def test_a_national_park_is_an_area_and_the_post_in_it_is_the_place() -> None:
    text = (
        "Militants kill 17 soldiers at army post in Niger\n"
        "NIAMEY, Jan 9 - Militants killed 17 soldiers in an attack on an army post in the "
        "Tamou National Park on Monday, the defence ministry said.\n"
        "The attackers overran the post at Kirtachi Haoussa before dawn, the ministry said, "
        "and nine soldiers were wounded."
    )
    report = Report(id="r", text=text, published=THURSDAY, title=text.split("\n")[0])
    places = {c.low: c.place for c in extract_claims(report)}
    assert places[17] == "Kirtachi Haoussa"


def test_the_island_of_a_place_is_a_place() -> None:
    text = "Pirates killed six fishermen on the island of Tumbatu Kaskazini on Monday, police said."
    assert _places(text)[0] == (6, "Tumbatu Kaskazini")


def test_an_unknown_place_then_the_town_it_lies_in_is_one_place() -> None:
    text = (
        "A block of flats collapsed in Kabowa Hill, Kampala, on Tuesday night, killing 13 "
        "people, police said."
    )
    assert _places(text)[0] == (13, "Kabowa Hill, Kampala")


def test_a_town_that_names_the_speakers_role_is_not_joined() -> None:
    text = (
        "Shelling killed five civilians in Velykyi Burluk, Kharkiv regional governor Oleh "
        "Syniehubov said."
    )
    assert _places(text)[0] != (5, "Velykyi Burluk, Kharkiv")


def test_where_a_bus_was_travelling_from_and_to_is_not_the_place_of_the_crash() -> None:
    text = (
        "Twenty people died when a bus travelling from Nairobi to Mombasa collided with a "
        "lorry near Voi on Sunday, police said."
    )
    assert _places(text)[0] == (20, "Voi")


def _read(text: str) -> list[tuple[str, int | None, int | None, str]]:
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    return [(str(c.outcome), c.low, c.high, str(c.kind)) for c in claims]


def test_victims_from_a_described_village_were_killed() -> None:
    text = "The governor said four herders from a remote hamlet were also killed by the gunmen."
    assert _read(text) == [("killed", 4, 4, "official")]


def test_a_conjunction_after_a_place_does_not_carry_the_next_outcome_back() -> None:
    text = (
        "Since January, shelling has killed 52 civilians in Kupiansk and injured 190, police said."
    )
    assert [(o, low) for o, low, _, _ in _read(text)] == [("killed", 52), ("injured", 190)]


def test_the_figure_that_could_reach_a_number_predicts_the_toll_before_it() -> None:
    text = (
        "The landslide killed 35 people in Kalehe, the governor said on Tuesday. A local "
        "priest said the real figure could be as high as 200."
    )
    assert ("killed", None, 200, "estimate") in _read(text)


def test_one_days_share_of_a_count_that_runs_on_is_cumulative() -> None:
    text = "A nurse said the clinic had received 19 bodies on Saturday alone, police said."
    assert _claims(text)[0][:2] == (19, "cumulative")


def test_bodies_pulled_out_on_one_day_of_a_search_stay_the_disasters() -> None:
    text = "Divers pulled 14 bodies from the lake on Sunday alone, the navy said."
    assert _claims(text)[0][:2] == (14, "incident")


def test_a_storms_toll_since_it_made_landfall_is_one_event() -> None:
    text = (
        "Cyclone Imogen has killed 17 people in Vanuatu since it made landfall on Saturday, "
        "the disaster office said."
    )
    assert _claims(text)[0][:2] == (17, "incident")


def test_the_part_of_a_past_disaster_is_that_disasters() -> None:
    text = (
        "Floods in Kinshasa kill 12.\n"
        "In 2019, floods across the province killed more than 900 people, about 300 of them "
        "in the capital."
    )
    scopes = {low: scope for low, scope, _, _ in _claims(text)}
    assert (scopes[900], scopes[300]) == ("incident", "incident")


def test_landslides_in_an_earlier_year_are_one_past_disaster() -> None:
    text = (
        "A landslide in Bududa killed nine people on Monday.\n"
        "In March 2018, landslides in the same district killed at least 40 people."
    )
    assert dict((low, scope) for low, scope, _, _ in _claims(text))[40] == "incident"


def test_a_morgue_that_received_bodies_counts_them_itself() -> None:
    text = "A doctor at the city morgue said it had received 23 bodies by Friday evening."
    assert _read(text) == [("killed", 23, 23, "observed")]


def test_patients_who_died_after_arriving_are_the_hospitals_own_count() -> None:
    text = "Five patients died after arriving at the district hospital, its director said."
    assert _read(text)[0][3] == "observed"


def test_a_ministry_that_received_reports_is_not_a_hospital() -> None:
    text = "The health ministry said it had received reports of 30 people killed in the raid."
    assert _read(text)[0][3] != "observed"


def test_volunteers_who_buried_the_dead_counted_them_and_rescue_teams_are_official() -> None:
    buried = "A priest said his volunteers had pulled 44 bodies from the river on Sunday."
    recovered = "Civil defence teams recovered 17 bodies from the rubble, the governor said."
    assert (_read(buried)[0][3], _read(recovered)[0][3]) == ("observed", "official")


def test_a_name_said_between_commas_then_the_sentence_goes_on_is_the_source() -> None:
    text = "Eleven people died in the blast, Petrenko said, including two firefighters."
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    assert claims[0].attributed_to == "Petrenko"


def test_a_place_name_with_accented_letters_is_read_whole() -> None:
    text = "Floods killed seven people in Sainte-Hélène-de-Mancebourg on Monday, police said."
    assert _places(text)[0] == (7, "Sainte-Hélène-de-Mancebourg")


def test_a_capitalised_role_then_the_name_between_commas_is_the_source() -> None:
    text = (
        "The storm killed 11 people in the state, the state's Civil Protection director, "
        "Marta Ibarra Solis, said on Tuesday."
    )
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    assert claims[0].attributed_to == "Marta Ibarra Solis, state's Civil Protection director"


def test_the_office_that_opened_an_investigation_into_a_strike_gives_its_toll() -> None:
    text = (
        "The Sumy Regional Prosecutor's Office has opened a criminal investigation into a "
        "drone strike on a bus near Bilopillia, which killed three people on Monday."
    )
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    assert (claims[0].attributed_to, str(claims[0].kind)) == (
        "Sumy Regional Prosecutor's Office",
        "official",
    )


def _sources(text: str) -> list[tuple[int | None, str | None]]:
    claims = extract_claims(Report(id="r", text=text, published=THURSDAY))
    return [(c.low, c.attributed_to) for c in claims]


def test_said_the_role_then_a_relative_clause_names_the_role() -> None:
    text = (
        "The dead included nine women, said the district health officer, whose staff "
        "treated 40 survivors at the landing site."
    )
    assert _sources(text)[0] == (9, "district health officer")


def test_he_said_after_someone_gave_a_higher_toll_is_that_person() -> None:
    text = (
        "A relative said 12 people were buried on Monday, and asked not to be named.\n"
        'A local councillor gave a higher toll. "There are at least 15 dead," he said.'
    )
    assert dict(_sources(text))[15] == "local councillor"


def test_a_line_before_someone_who_gave_a_higher_toll_keeps_its_own_source() -> None:
    text = (
        "At least 22 people were killed, the UN mission said on Tuesday.\n"
        "Its medics evacuated 18 wounded people to the mission's hospital.\n"
        'The prefect gave a higher toll. "We have buried 31 people," he said.'
    )
    assert dict(_sources(text))[18] != "prefect"


def test_the_passengers_a_boat_was_carrying_are_not_its_toll() -> None:
    text = (
        "At least 60 people died when the ferry sank. Survivors said the toll could be far "
        "higher, because the ferry was carrying more than 400 passengers."
    )
    assert [low for _, low, _, _ in _read(text)] == [60]


def test_crews_that_carried_the_wounded_still_count_them() -> None:
    text = "The ambulance service said its crews had carried 27 injured people from the scene."
    assert _read(text)[0][:2] == ("injured", 27)


def test_deaths_a_mortality_survey_recorded_are_a_count_over_its_period() -> None:
    text = "During the survey, enumerators recorded 904 deaths in the sampled households."
    assert _claims(text)[0][:2] == (904, "cumulative")
