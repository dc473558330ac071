"""A report's toll broken down by place ("In the village of X alone, 30 died") links each
share to the toll (``extract.breakdowns``), so that the count does not add the shares to
it; another event, an earlier one, or shares adding up to more than the toll stay apart.
All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _links(title: str, body: str) -> list[tuple[str, int | None, int | None]]:
    """Each claim's outcome, figure and the figure of the claim it is part of."""
    claims = extract_claims(Report(id="r", text=f"{title}\n{body}", title=title))
    return [
        (
            str(c.outcome),
            c.low if c.low is not None else c.high,
            None if c.part_of is None else claims[c.part_of].low,
        )
        for c in claims
    ]


def test_a_village_share_of_an_earthquake_toll_is_part_of_it() -> None:
    links = _links(
        "Earthquake in Herat province kills 52, injures hundreds",
        "An earthquake of magnitude 6.1 killed 52 people in Herat province on Tuesday, "
        "officials said. In the village of Sarband alone, 30 people died when their "
        "mud-brick houses fell, a district official said.",
    )
    assert ("killed", 30, 52) in links


def test_two_villages_named_in_one_sentence_are_both_shares_of_the_raid() -> None:
    links = _links(
        "Gunmen kill 32 villagers in Zamfara",
        "Gunmen killed 32 villagers in two raids in Zamfara state on Sunday, police said. "
        '"Twenty persons were killed in Danjibga and twelve in Kurya," the police '
        "spokesman said.",
    )
    assert ("killed", 20, 32) in links
    assert ("killed", 12, 32) in links


def test_bodies_received_at_a_hospital_are_part_of_the_toll() -> None:
    links = _links(
        "Toll from Mogadishu hotel attack rises to 21",
        "MOGADISHU - At least 21 people were killed when gunmen stormed a hotel in "
        "Mogadishu on Friday, police said. The director of Madina hospital said the "
        "hospital had received nine bodies and 30 wounded.",
    )
    assert ("killed", 9, 21) in links


def test_a_strike_elsewhere_is_another_event() -> None:
    links = _links(
        "Missile strike kills 14 in Dnipro",
        "A missile strike killed 14 people in Dnipro on Monday, the regional governor "
        "said. Elsewhere, shelling killed two people in Nikopol, he said.",
    )
    assert ("killed", 2, None) in links


def test_an_earlier_disaster_in_another_place_is_not_a_share() -> None:
    links = _links(
        "Floods kill 60 in Sindh province",
        "Floods have killed 60 people in Sindh province this week, the disaster agency "
        "said. In 2019, a flash flood in Hyderabad killed 12 people.",
    )
    assert ("killed", 12, None) in links


def test_shares_adding_up_to_more_than_the_toll_are_not_shares() -> None:
    links = _links(
        "Storms kill 10 in Bihar",
        "Storms killed 10 people in Bihar state on Saturday, officials said. Eight people "
        "died in Gaya when a wall fell. Seven people died in Nalanda after lightning "
        "struck a field.",
    )
    assert ("killed", 8, 10) in links
    assert ("killed", 7, None) in links


def test_the_worst_hit_district_is_a_share_of_the_storm_toll() -> None:
    links = _links(
        "Storm leaves 31 dead in central Vietnam",
        "A tropical storm has killed 31 people in central Vietnam since Friday, the disaster "
        "agency said on Monday. Quang Binh province was worst hit, with 14 deaths, the "
        "agency said.",
    )
    assert ("killed", 14, 31) in links


def test_a_district_share_of_a_running_total_is_part_of_it() -> None:
    links = _links(
        "Cholera deaths in Zambia rise to 240",
        "Cholera has killed 240 people in Zambia since the outbreak began in October, the "
        "health ministry said. In Lusaka district alone, 96 people have died since October, "
        "it said.",
    )
    assert ("killed", 96, 240) in links


def test_a_country_share_dated_at_landfall_is_part_of_the_storm_toll() -> None:
    claims = extract_claims(
        Report(
            id="r",
            text="Hurricane Omar leaves at least 30 dead in Cuba and the Bahamas\n"
            "At least 30 people have died in Cuba and the Bahamas since Hurricane Omar came "
            "ashore, officials said on Friday. In the Bahamas, where the storm made landfall "
            "on Tuesday, 12 people have died, the prime minister said.",
            title="Hurricane Omar leaves at least 30 dead in Cuba and the Bahamas",
            published=date(2026, 10, 30),
        )
    )
    twelve = next(c for c in claims if c.low == 12)
    assert twelve.part_of is not None and claims[twelve.part_of].low == 30


def test_among_them_were_names_part_of_the_figure_before() -> None:
    links = _links(
        "Soldiers kill 48 villagers in raid",
        "Soldiers killed at least 48 villagers in a raid on Doumbala, a rights group said. "
        "Among them were 11 children, it said.",
    )
    assert ("killed", 11, 48) in links


def test_of_the_n_deaths_names_part_of_that_figure() -> None:
    links = _links(
        "Dengue: seven more deaths in a day",
        "Seven more people died of dengue in the 24 hours to Monday, the health directorate "
        "said. Of the seven deaths, four were of patients who died at home, it said.",
    )
    assert ("killed", 4, 7) in links


def test_a_later_figure_of_the_strike_keeps_the_strikes_place() -> None:
    title = "Missile strike kills 14, wounds 50 in Zaporizhzhia"
    body = (
        "A missile strike killed 14 people and wounded 50 in Zaporizhzhia on Monday, the "
        "governor said. Rescue teams from Dnipro worked through the night. The regional "
        "health department said the strike had left 41 people in hospital with shrapnel "
        "wounds."
    )
    claims = extract_claims(Report(id="r", text=f"{title}\n{body}", title=title))
    assert [c.place for c in claims if c.low == 41] == ["Zaporizhzhia"]


def test_among_those_who_died_names_part_of_the_toll() -> None:
    links = _links(
        "Ebola deaths in Equateur rise to 52",
        "Ebola has killed 52 people in Equateur province since the outbreak was declared in "
        "August, the health ministry said. Six nurses are among those who died.",
    )
    assert ("killed", 6, 52) in links


def test_the_injured_after_a_subgroup_of_the_dead_are_no_part_of_the_dead() -> None:
    title = "Missile strike on Kharkiv market kills 23"
    body = (
        "The death toll rose overnight to 23, among them two children, and 64 people were "
        "injured, the regional governor said."
    )
    claims = extract_claims(Report(id="r", text=f"{title}\n{body}", title=title))
    injured = next(c for c in claims if c.outcome == "injured")
    assert injured.part_of is None


def test_a_figure_of_the_same_sentence_is_told_by_the_same_voice() -> None:
    text = (
        "Sudan: Flash Update #2 - Drone strike on market in Babanusa\n"
        "HIGHLIGHTS\n"
        "• At least 25 people, including 8 children, were reportedly killed and 50 others "
        "injured when a drone struck a market in Babanusa on 3 March.\n"
        "SITUATION OVERVIEW\n"
        "On 3 March, at about 10:00, a drone struck the cattle market of Babanusa. The State "
        "Ministry of Health in West Kordofan said the death toll had risen to 25 by the "
        "morning of 4 March, up from 16 on the evening of the attack."
    )
    injured = next(c for c in extract_claims(Report(id="r", text=text)) if c.outcome == "injured")
    assert injured.part_of is None
    assert injured.attributed_to == "State Ministry of Health in West Kordofan"
    assert injured.kind == "official"


def test_the_later_ages_of_a_list_are_no_figures() -> None:
    body = (
        "Four civilians were killed in the strike on the bus stop: three men aged 29, 48 "
        "and 71 and a woman, the prosecutor's office said."
    )
    figures = [c.low for c in extract_claims(Report(id="r", text=body))]
    assert 48 not in figures and 71 not in figures


def test_a_place_in_the_speakers_role_is_not_carried_to_the_next_figures() -> None:
    text = (
        "A drone strike on a market in Kupiansk killed 7 people on Friday, the governor said. "
        '"Three of the dead were traders," said Olena Hrytsenko, MSF\'s field coordinator in '
        "Kharkiv. Rescuers said 11 people had been wounded at the market."
    )
    claims = extract_claims(Report(id="r", text=text))
    assert [c.place for c in claims if c.low == 11] == ["market, Kupiansk"]


def test_a_speaker_who_gave_a_toll_in_apposition_is_the_source() -> None:
    text = (
        "At least 30 civilians were killed in an attack on Mbau village, residents said. "
        "The administrator of Beni territory, Colonel Jean Mutombo, gave a provisional toll "
        "of 24 dead and said nine people were missing."
    )
    claims = extract_claims(Report(id="r", text=text))
    twenty_four = next(c for c in claims if c.low == 24)
    assert twenty_four.attributed_to is not None
    assert twenty_four.attributed_to.startswith("Colonel Jean Mutombo")
    assert twenty_four.kind == "official"
    assert twenty_four.place != "Beni"


def test_a_share_named_by_the_camp_without_the_word_camp_is_linked() -> None:
    text = (
        "Sudan: hundreds killed in assault on Kalma camp\n"
        "NYALA, 3 May 2026 - More than 300 people were killed in attacks on Kalma displacement "
        "camp between Friday and Sunday, the UN said.\n"
        "A local doctors' group put the number killed in Kalma alone at 97 on the first day."
    )
    claims = extract_claims(
        Report(id="r", text=text, published=date(2026, 5, 3), title=text.split("\n")[0])
    )
    by_low = {c.low: c for c in claims}
    assert by_low[97].part_of is not None and claims[by_low[97].part_of].low == 300


def test_a_police_toll_of_the_same_attacks_takes_the_events_place() -> None:
    text = (
        "Gunmen kill at least 40 in attacks on Bassa villages\n"
        "JOS, June 6 - Gunmen killed at least 40 people in overnight attacks on villages in "
        "Bassa, a local official said on Saturday.\n"
        "Officials said 22 of the dead were in Kwall, 10 in Rukuba and eight in Miango.\n"
        "The state police command confirmed the attacks but put the number of dead at 26."
    )
    claims = extract_claims(
        Report(id="r", text=text, published=date(2026, 6, 6), title=text.split("\n")[0])
    )
    places = {c.low: c.place for c in claims}
    assert places[26] == places[40]


def test_a_later_figure_of_the_same_day_with_no_place_of_its_own_follows_the_event() -> None:
    text = (
        "Gunmen kill 35 in attack on Yelwata village\n"
        "MAKURDI, June 6 - Gunmen killed 35 people in an attack on the village of Yelwata in "
        "Benue state on Friday night, officials said on Saturday.\n"
        "Residents said the attackers had crossed the river from Nasarawa state at dusk.\n"
        "Police said 28 people were killed on Friday night."
    )
    claims = extract_claims(
        Report(id="r", text=text, published=date(2026, 6, 6), title=text.split("\n")[0])
    )
    by_low = {c.low: c for c in claims}
    assert (by_low[28].place, by_low[28].when) == (by_low[35].place, by_low[35].when)
