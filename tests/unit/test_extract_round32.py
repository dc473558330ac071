"""Round 32 of docs/extraction.md: English rules found on blind32 once it became tuning
data; each test fails without its rule. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 5, 20)  # a Wednesday


def _extract(text: str, published: date = PUBLISHED) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _killed(text: str) -> list[Claim]:
    return [c for c in _extract(text) if c.outcome == "killed"]


def test_a_headline_toll_for_the_year_is_a_running_total() -> None:
    text = (
        "Envoy briefs council on lake ambush as Ituri toll passes 900 for the year\n"
        "The envoy told the council that gunmen killed 22 fishermen at Tchomia on Sunday."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[900].scope == "cumulative"
    assert by_figure[22].scope == "incident"


def test_a_timeline_line_opening_on_a_month_and_year_is_that_months_event() -> None:
    text = (
        "A bus plunged into a gorge near Chitral on Monday, killing 14 passengers, police said.\n"
        "Past accidents on the road\n"
        "- March 2019: a coach falls into the river near Drosh, killing more than 20 people\n"
        "- May 2026: a bus plunges near Chitral; 14 dead so far"
    )
    old = next(c for c in _killed(text) if c.low == 20)
    assert old.when == "2019-03-01/2019-03-31"
    assert old.part_of is None  # a past event, not a share of Monday's toll


def test_the_day_a_count_stood_is_not_the_day_of_the_event() -> None:
    text = (
        "Gunmen attacked a cattle market in Mangu on Saturday, killing 19 people, police said"
        " on Sunday.\n"
        "A local vigilante leader said his men had counted 26 bodies by Tuesday evening.\n"
        "As of yesterday, 31 wounded were being treated in Jos, a nurse said."
    )
    days = {c.low: c.when for c in _extract(text)}
    assert days[19] == days[26] == days[31] == "2026-05-16"


def test_one_persons_death_told_in_passing_does_not_date_the_event() -> None:
    text = (
        "Attackers opened fire on a wake late on Saturday, when mourners had gathered at the"
        " home of a trader who died on Thursday.\n"
        "Eleven people were killed, police said."
    )
    assert _killed(text)[0].when == "2026-05-16"


def test_a_patient_still_treated_on_a_later_day_keeps_the_events_day() -> None:
    text = (
        "A grandstand collapsed at a football ground in Kumasi on Saturday, killing nine fans.\n"
        "The hospital received 40 of the injured, and 15 were still being treated on Tuesday."
        " A fans' leader said at least 12 people had died."
    )
    days = {c.low: c.when for c in _killed(text)}
    assert days[9] == days[12] == "2026-05-16"


def test_a_seasons_review_counts_a_season_not_an_event() -> None:
    text = (
        "Bhutan's monsoon in review: 64 dead in three months of floods and landslides\n"
        "THIMPHU, Oct 20 - Between June and September floods, landslides and lightning killed"
        " 64 people, the disaster department said in its end-of-season summary.\n"
        "Lightning caused 12 of the season's deaths, the department said.\n"
        "- August 14, Punakha: a landslide buried a farmhouse, killing five people"
    )
    scopes = {c.low: c.scope for c in _killed(text)}
    assert scopes[64] == scopes[12] == "cumulative"
    assert scopes[5] == "incident"


def test_a_toll_for_the_first_half_of_the_year_is_a_period_count() -> None:
    text = (
        "A rights group puts the toll for the first half of the year at 1,420, relying on"
        " relatives and local radio."
    )
    assert _killed(text)[0].scope == "cumulative"


def test_the_day_of_a_flash_update_is_the_day_it_was_said() -> None:
    text = (
        "An air strike hit a livestock market in Marib on Sunday 17 May.\n"
        "OCHA said in a flash update on 19 May that at least 23 civilians were killed."
    )
    assert _killed(text)[0].when == "2026-05-17"


def test_an_outbreaks_deaths_told_in_its_sentence_are_a_running_total() -> None:
    text = (
        "A measles outbreak in the camps around Dadaab, in north-eastern Kenya, is spreading"
        " faster than vaccination teams can reach families, the aid group said on Tuesday, as"
        " the number of deaths recorded by the county health office reached 27."
    )
    assert _killed(text)[0].scope == "cumulative"


def test_a_dated_list_item_is_placed_at_its_heading() -> None:
    text = (
        "Gunmen killed 12 people in Tumaco on Friday, police said.\n"
        "The quarter's other massacres:\n"
        "- 19 July, Cumbitara (Nariño): eight people were shot dead at a pool hall\n"
        "- August 2, Mercaderes: a family of five was killed in their home"
    )
    places = {c.low: c.place for c in _killed(text)}
    assert places == {12: "Tumaco", 8: "Cumbitara", 5: "Mercaderes"}


def test_the_killing_of_three_or_more_people_defines_a_massacre_and_counts_none() -> None:
    text = (
        "The monitor, which counts as a massacre the killing of three or more people at one"
        " time, recorded 31 massacres and 104 deaths between July and September."
    )
    assert [c.low for c in _killed(text)] == [104]


def test_across_does_not_open_the_name_of_an_island() -> None:
    text = (
        "Across Tingaloy Island, the civil defence office now counts 22 deaths linked to the"
        " typhoon."
    )
    assert _killed(text)[0].place == "Tingaloy Island"


def test_the_previous_evening_is_the_day_before_the_day_named() -> None:
    text = (
        "The defence ministry said on Sunday that a missile strike on a barracks in Bakhmach"
        " the previous evening had killed 14 soldiers."
    )
    assert _killed(text)[0].when == "2026-05-16"


def test_a_transcripts_turn_names_its_speaker() -> None:
    text = (
        "Transcript: county officials brief reporters on the Elkton tornado\n"
        "Dana Whitfield, director of Cecil County Emergency Services: Good morning. We have"
        " confirmed six deaths from Monday night's tornado, all in Elkton.\n"
        "Q: Is anyone still unaccounted for?\n"
        "A (Sheriff Tom Ardrey): We had a list of nine names yesterday. Right now three people"
        " are still missing."
    )
    sources = {(c.outcome, c.low): c.attributed_to for c in _extract(text)}
    assert sources[("killed", 6)] == "Dana Whitfield, director of Cecil County Emergency Services"
    assert sources[("missing", 3)] == "Sheriff Tom Ardrey"


def test_attackers_killed_are_no_share_of_a_toll_they_happen_to_sum_to() -> None:
    text = (
        "Camp attack live: toll rises to 20\n"
        "14:20 | Hospital: two wounded have died\n"
        "Two of the wounded died during surgery, the hospital's director said.\n"
        "11:45 | Army says three attackers killed\n"
        "An army spokesman said soldiers killed three of the attackers.\n"
        "09:30 | Civil society counts 15 dead\n"
        "A civil society leader said he had counted 15 bodies in the camp."
    )
    attackers = next(c for c in _killed(text) if c.victims == "attackers")
    assert attackers.part_of is None


def test_the_day_a_statement_was_read_is_the_day_it_was_said() -> None:
    text = (
        "Fighters attacked an army post in Diapaga at dawn on Saturday.\n"
        "In a statement read on state television on Sunday evening, the army said 15 soldiers"
        " were killed."
    )
    assert _killed(text)[0].when == "2026-05-16"


def test_a_count_over_the_same_months_and_a_threshold_are_no_events() -> None:
    text = (
        "The UN rights office counted 240 civilians killed in the province over the same three"
        " months.\n"
        "The report lists 19 attacks in which five or more people died."
    )
    killed = _killed(text)
    assert [(c.low, c.scope) for c in killed] == [(240, "cumulative")]


def test_a_share_of_the_deaths_by_perpetrator_counts_over_the_total() -> None:
    text = (
        "Armed groups killed at least 290 civilians in the province between April and June, a"
        " monitor said on Monday.\n"
        "The monitor, which sends volunteers to the scene of each attack, said rebels were"
        " responsible for 120 of the deaths, with unidentified gunmen accounting for the rest."
    )
    share = next(c for c in _killed(text) if c.low == 120)
    assert share.scope == "cumulative"


def test_the_fires_that_burned_for_days_are_one_disaster_and_a_burns_death_its_aftermath() -> None:
    text = (
        "The fires that burned across the districts of Vila Real and Braganca between 3 and 9"
        " August killed nine people, the civil protection authority said.\n"
        "Six of them died on the night of 5 August in the parish of Lamas, in Macedo.\n"
        "A man of 74 died of his burns in hospital in Porto on 2 September.\n"
        "A local newspaper has published a toll of 12 dead.\n"
        "In the fires of June and October 2017, more than 100 people died."
    )
    by_figure = {c.low: c for c in _extract(text, date(2026, 9, 9)) if c.outcome == "killed"}
    assert by_figure[9].scope == "incident"
    assert by_figure[12].when == "2026-08-05"  # the fires' days, not the burns death's
    assert by_figure[100].when == "2017-06-01/2017-10-31"


def test_the_sum_of_the_events_a_review_lists_is_a_period_count() -> None:
    text = (
        "By our count, based on official figures, the events listed here killed at least 61"
        " people, not counting the heat deaths."
    )
    assert _killed(text)[0].scope == "cumulative"


def test_a_death_included_in_the_toll_keeps_the_events_day() -> None:
    text = (
        "Police confirm that 12 people were killed in fighting between two clans near Laiagam"
        " on Saturday.\n"
        "Twenty people with gunshot wounds were taken to hospital. One of them died on Monday"
        " morning and is included in the toll of 12."
    )
    days = {c.low: c.when for c in _killed(text)}
    assert days[1] == days[12] == "2026-05-16"


def test_the_day_a_station_reported_is_the_day_it_was_said() -> None:
    text = (
        "A mudslide swept through a neighbourhood of Sorata late on Sunday, killing seven.\n"
        "A local radio station reported on Tuesday evening that ten bodies had been taken to"
        " the town's morgue."
    )
    days = {c.low: c.when for c in _killed(text)}
    assert days[10] == days[7] == "2026-05-17"


def test_wounded_brought_in_since_the_morning_are_the_days_event() -> None:
    text = (
        "Gunmen attacked the market in Diapaga at dawn on Saturday.\n"
        "The head nurse said 30 wounded had been brought in since the morning and that two had"
        " died on arrival."
    )
    assert {c.scope for c in _extract(text)} == {"incident"}


def test_a_new_disaster_an_anniversary_report_tells_is_no_share_of_the_old_one() -> None:
    text = (
        "A year after the Tsana mudflow, the village mourns as new floods hit Guria\n"
        "MESTIA, Georgia, Aug 4 - Eighteen people died in the mudflow of 4 August 2025, among"
        " them six children.\n"
        "Torrential rain on 29 and 30 July set off floods in Guria that killed five people, two"
        " of them children, in Ozurgeti."
    )
    new = next(c for c in _extract(text, date(2026, 8, 4)) if c.low == 5)
    assert new.part_of is None


def test_a_month_a_report_is_due_in_dates_nothing() -> None:
    text = "Parliament: 13 died in Dhanbad colliery blast; inquiry report due in January"
    assert _killed(text)[0].when is None


def test_a_hospital_directors_forecast_is_an_estimate() -> None:
    text = "A local hospital director says the toll could pass 30."
    assert _killed(text)[0].kind == "estimate"


def test_an_earlier_toll_after_a_body_found_keeps_the_events_day() -> None:
    text = (
        "A week after flash floods swept through villages in Larnaca district, the toll from"
        " the night of 3 May has risen to six.\n"
        "Police said the body of a 68-year-old man was found on Sunday in a dry riverbed. Until"
        " then, police had given a toll of five."
    )
    days = {c.low: c.when for c in _killed(text)}
    assert days[5] == days[6] == "2026-05-03"
