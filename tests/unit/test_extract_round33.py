"""Round 33 of docs/extraction.md: English rules found on blind37 once it became tuning
data; each test fails without its rule. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 8, 14)  # a Friday


def _extract(text: str, published: date = PUBLISHED) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _killed(text: str) -> list[Claim]:
    return [c for c in _extract(text) if c.outcome == "killed"]


def test_a_paragraph_that_turns_to_a_past_event_keeps_its_date_and_place() -> None:
    text = (
        "A mudslide buried part of Kivolo village on Tuesday, killing at least 9 people, the"
        " district officer said.\n"
        "It recalls the March 2023 flood at Mbeza village, after which officials spoke of"
        " 200 dead. Few bodies were found, and the Red Cross later put the toll at about 120.\n"
        "Rescuers said on Thursday that four more people had died."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[120].when == "2023-03-01/2023-03-31"
    assert by_figure[120].place == "Mbeza village"
    assert by_figure[4].when != "2023-03-01/2023-03-31"  # the paragraph has ended
    assert by_figure[4].place != "Mbeza village"


def test_a_town_naming_the_hospital_someone_died_at_is_not_the_events_place() -> None:
    text = (
        "Gunmen attacked a police post in Tambura on Wednesday night, killing five officers,"
        " the army said.\n"
        "A sixth officer died on Thursday at the Yambio state hospital, a nurse said.\n"
        "A chief said seven people had died, counting a trader who died in a private clinic"
        " in Maridi."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[7].place == "police post, Tambura"


def test_a_death_this_morning_at_a_hospital_does_not_date_the_event() -> None:
    text = (
        "Fighters attacked the barracks in Kidal late on Tuesday, killing eight soldiers, the"
        " army said.\n"
        "A soldier aged 24 died this morning at the Gao regional hospital.\n"
        "The mayor said 11 people were killed."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[11].when == by_figure[8].when == "2026-08-11"


def test_the_day_a_toll_stood_does_not_date_the_event() -> None:
    text = (
        "Gunmen attacked a bus near Bunia on Tuesday, killing six passengers, police said.\n"
        "A woman was found in the wreck.\n"
        "That is why the toll today is eight, the governor said.\n"
        "A local group said 10 people were killed."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[8].when == by_figure[10].when == "2026-08-11"


def test_dead_and_then_another_group_killed_are_two_figures() -> None:
    text = "Police confirm 9 dead and three gunmen killed in an attack on a bar in Irapuato"
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[9].victims == "people"
    assert by_figure[3].victims == "gunmen"


def test_a_bulletins_place_heading_begins_a_story_of_its_own() -> None:
    text = (
        "Evening bulletin\n"
        "Sudan\n"
        "At least 40 people were killed when militiamen attacked a market in El Fasher on"
        " Wednesday, local officials said.\n"
        "Nigeria\n"
        "Gunmen killed 12 farmers in Zamfara on Wednesday, police said.\n"
        "They said 3 of the attackers were killed.\n"
        "Kenya\n"
        "A bus crash near Narok on Wednesday night killed 9 people."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[12].part_of is None and by_figure[9].part_of is None
    assert by_figure[3].place == "Zamfara"


def test_a_round_ups_place_headings_stay_shares_of_its_total() -> None:
    text = (
        "At least 15 people were killed in attacks across the north over the weekend, police"
        " said.\n"
        "Kaduna\n"
        "Nine people were killed in Kaduna on Saturday.\n"
        "Katsina\n"
        "Six people were killed in Katsina on Sunday."
    )
    claims = _killed(text)
    total = next(i for i, c in enumerate(claims) if c.low == 15)
    assert {c.low: c.part_of for c in claims}[9] == total


def test_the_witnesses_nearby_town_is_not_the_events_place() -> None:
    text = (
        "Fighters attacked an army post on Tchoukou island on Wednesday, killing nine soldiers,"
        " the army said.\n"
        "Residents of the nearby town of Baga Sola said at least 14 soldiers were killed."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[14].place != "Baga Sola"


def test_of_the_n_deaths_refers_back_to_the_running_total() -> None:
    text = (
        "Cholera cases rise in eastern Sudan\n"
        "A cholera outbreak in Gedaref state has killed 41 people since 1 July, the ministry"
        " said. Another 900 fell ill.\n"
        "Of the 41 deaths, 15 occurred at the treatment centre in Doka, and six were children."
    )
    report = Report("r", text, published=PUBLISHED, title="Cholera cases rise in eastern Sudan")
    claims = [c for c in extract_claims(report) if c.outcome == "killed"]
    assert [c.scope for c in claims if c.low == 41] == ["cumulative", "cumulative"]
    assert {c.when for c in claims if c.low == 41} == {"2026-07-01/2026-08-14"}


def test_a_medical_centres_count_is_a_share_of_the_heatwaves_running_total() -> None:
    text = (
        "Heatwave deaths mount in Multan\n"
        "MULTAN: At least 54 people have died of heatstroke in Multan since the heatwave began"
        " on Friday, the health department said.\n"
        "Of the confirmed deaths, 40 were men and 14 women, a spokesman said.\n"
        "The Nishtar Medical Centre alone received 29 people who had died of heatstroke.\n"
        "In Shujabad, four labourers died at a brick kiln on Wednesday, police said."
    )
    report = Report("r", text, published=PUBLISHED, title="Heatwave deaths mount in Multan")
    by_figure = {c.low: c for c in extract_claims(report) if c.outcome == "killed"}
    assert by_figure[29].scope == "cumulative"


def test_bodies_counted_in_the_streets_there_are_a_share_of_the_attacks_toll() -> None:
    text = (
        "We are appalled by a gang attack on the commune of Mirebalais last week, in which at"
        " least 36 people were killed.\n"
        "Gang members stormed the locality of Morne Blanc between 2 and 4 June.\n"
        "Survivors told our staff they counted 22 bodies in the streets and fields there on"
        " the morning of 3 June."
    )
    claims = [c for c in _extract(text, date(2026, 6, 12)) if c.outcome == "killed"]
    total = next(i for i, c in enumerate(claims) if c.low == 36)
    assert {c.low: c.part_of for c in claims}[22] == total


def test_killings_told_by_who_did_them_are_shares_of_the_reports_count() -> None:
    text = (
        "Half-year report on attacks on civilians in Ituri province\n"
        "Key findings\n"
        "- At least 520 civilians were killed in Ituri between 1 January and 30 June 2026\n"
        "- ADF fighters were responsible for 301 of the killings, and CODECO for 122"
    )
    claims = [c for c in _extract(text, date(2026, 8, 20)) if c.outcome == "killed"]
    assert {c.low: c.scope for c in claims}[301] == "cumulative"


def test_a_day_in_an_events_name_is_no_day_and_each_past_event_keeps_its_month() -> None:
    text = (
        "The worst remain the Black Saturday fires of February 2009, which killed 173 people,"
        " and the Ash Wednesday fires of February 1983, which killed 75 people."
    )
    days = {c.low: c.when for c in _killed(text)}
    assert days == {173: "2009-02-01/2009-02-28", 75: "1983-02-01/1983-02-28"}


def test_a_year_named_after_than_dates_the_figure_told_of_it() -> None:
    text = (
        "Floods on 9 November killed 11 people in Capiz.\n"
        "The spokeswoman said 2026 was already deadlier than 2025, when the council recorded"
        " 151 deaths from natural hazards."
    )
    assert {c.low: c.when for c in _killed(text)}[151] == "2025-01-01/2025-12-31"


def test_an_anniversarys_past_event_told_between_the_day_and_the_figure_keeps_its_year() -> None:
    text = (
        "Families laid flowers on Thursday at the spot where, exactly one year ago, a wall of"
        " mud came down and killed 31 people."
    )
    published = date(2026, 2, 19)
    claims = [c for c in _extract(text, published) if c.outcome == "killed"]
    assert claims[0].when == "2025-01-01/2025-12-31"


def test_died_in_hospital_in_a_town_names_no_place_of_the_event() -> None:
    text = (
        "Gunmen attacked a billiard hall in El Tambo on Saturday night, killing eight people.\n"
        "The governor confirmed seven deaths on the night of the attack; the last victim, a boy"
        " of 16, died in hospital in Popayan two days later."
    )
    by_figure = {c.low: c for c in _killed(text)}
    assert by_figure[7].place != "Popayan"


def test_where_a_gang_is_based_is_not_where_it_killed() -> None:
    text = (
        "Police said 29 residents had been killed when gunmen from a gang based in the"
        " Artibonite valley stormed the town on Saturday night."
    )
    assert _killed(text)[0].place != "Artibonite valley"


def test_a_states_toll_told_beside_one_events_figure_is_a_running_total() -> None:
    text = "Monsoon 2026: landslide in Kullu district kills five, State toll rises to 61"
    report = Report("r", text, published=PUBLISHED, title=text)
    by_figure = {c.low: c for c in extract_claims(report) if c.outcome == "killed"}
    assert by_figure[61].scope == "cumulative" and by_figure[5].scope == "incident"


def test_tolls_an_agency_had_reported_on_later_days_are_the_events() -> None:
    text = (
        "Cold lava floods swept through villages in Agam on Saturday night, killing 37 people,"
        " the agency said on Tuesday.\n"
        "The agency had reported 19 deaths on Sunday and 28 on Monday."
    )
    days = {c.low: c.when for c in _extract(text, date(2026, 11, 24)) if c.outcome == "killed"}
    assert days[28] == days[37] == "2026-11-21"


def test_a_figure_named_again_to_break_it_down_holds_its_parts() -> None:
    text = (
        "The minister said the floods killed 31 people in Murcia on Tuesday.\n"
        "Of the 31 in Murcia, 14 died in the municipality of Lorca.\n"
        "The 31 include the two people who died in hospital on Wednesday."
    )
    claims = _killed(text)
    whole = next(i for i, c in enumerate(claims) if c.low == 31)
    parts = {c.low: c.part_of for c in claims}
    assert parts[14] == whole and parts[2] == whole


def test_a_count_recorded_by_the_end_of_a_month_is_a_running_total() -> None:
    text = (
        "The monitor had recorded more than 34,000 fatalities from fighting and attacks by"
        " the end of May 2026, its analysts said."
    )
    assert _killed(text)[0].scope == "cumulative"


def test_a_quarters_count_and_fourteen_massacres_are_running_totals() -> None:
    text = (
        "The report also records 14 massacres, in which 57 people died during the quarter.\n"
        "The Ombudsman's Office recorded 31 leaders killed in the third quarter.\n"
        "Soldiers set fire to houses in the quarter, and four people were burnt to death."
    )
    scopes = {c.low: c.scope for c in _extract(text, date(2026, 10, 8)) if c.outcome == "killed"}
    assert scopes[57] == scopes[31] == "cumulative" and scopes[4] == "incident"
