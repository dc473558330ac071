"""Round 26 of docs/extraction.md: longer reports with several events, period counts and
other sources' totals; each test fails without its rule (a guard test, so named, fails if
a rule reaches too far)."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2026, 2, 20)


def _extract(text: str) -> list[Claim]:
    return extract_claims(Report("r", text, published=PUBLISHED))


def _figures(text: str) -> list[tuple[str, int | None]]:
    return [(c.outcome, c.low) for c in _extract(text)]


def test_the_number_in_a_rescue_service_name_is_no_figure() -> None:
    text = (
        "Landslide in the valley\n\n"
        "The two Rescue 1122 drivers were killed when a second slide buried their ambulance "
        "on Tuesday, the district office said."
    )
    assert not any(low == 1122 for _, low in _figures(text))


def test_a_place_of_two_words_between_victims_and_verb() -> None:
    text = (
        "Flood\n\n"
        "A farmer, Omar Haidari, said at least 12 people from Dara Kalan had died in the water."
    )
    assert ("killed", 12) in _figures(text)


def test_guard_a_conjunction_after_a_place_stops_the_crossing() -> None:
    text = (
        "City council figures\n\n"
        "Since the start of the year, strikes have killed 41 civilians in Velmora and injured "
        "230, the city council said."
    )
    figures = _figures(text)
    assert ("killed", 41) in figures and ("injured", 230) in figures


def test_the_words_before_a_figure_hold_when_the_verb_after_belongs_to_another() -> None:
    # the place of two words lets the reading cross to "190 civilians injured"; the verb
    # there is the other figure's
    text = (
        "Siege of the town\n\n"
        "Since the siege began, the mission has verified the deaths of 87 civilians in Sorel "
        "Vane, including Monday's victims, and 190 civilians injured."
    )
    figures = _figures(text)
    assert ("killed", 87) in figures and ("injured", 87) not in figures


def test_figures_of_several_paragraphs_that_add_up_to_the_lead_are_its_parts() -> None:
    text = (
        "Storm Marel: information bulletin\n\n"
        "As of 9 February, the storm has caused at least 27 deaths in the three countries, "
        "the national authorities said.\n"
        "Norvania: The storm reached the coast on 6 February. The civil protection office "
        "reports 19 deaths and 40 injured.\n"
        "Eastmark: The interior ministry reported five deaths, and 12 injured.\n"
        "Solvenia: The prefecture reported three deaths on 7 February."
    )
    claims = _extract(text)
    lead = next(i for i, c in enumerate(claims) if c.outcome == "killed" and c.low == 27)
    parts = {c.low for c in claims if c.outcome == "killed" and c.part_of == lead}
    assert parts == {19, 5, 3}


def test_guard_figures_that_do_not_add_up_to_the_lead_stay_apart() -> None:
    text = (
        "Storm Marel: information bulletin\n\n"
        "As of 9 February, the storm has caused at least 27 deaths in the three countries, "
        "the national authorities said.\n"
        "Norvania: The civil protection office reports 19 deaths and 40 injured.\n"
        "Eastmark: The interior ministry reported five deaths, and 12 injured.\n"
        "Solvenia: The prefecture reported four deaths on 7 February."
    )
    claims = _extract(text)
    lead = next(i for i, c in enumerate(claims) if c.outcome == "killed" and c.low == 27)
    assert not any(c.part_of == lead and c.low == 4 for c in claims)


def test_victims_housed_in_relief_centres_are_not_dead() -> None:
    text = (
        "Floods recede\n\n"
        "The number of flood victims housed in relief centres fell to 31,440 on Monday, from "
        "40,118 on Sunday. The number of deaths has risen to 11."
    )
    figures = _figures(text)
    assert ("killed", 11) in figures
    assert not any(low in (31440, 40118) for _, low in figures)


def test_guard_a_toll_at_a_camp_for_displaced_people_is_read() -> None:
    text = (
        "Camp strike\n\n"
        "The death toll from a drone strike on the Tawila camp for displaced people rose to 17 "
        "on Monday, camp officials said."
    )
    assert ("killed", 17) in _figures(text)


def test_a_man_of_a_given_age_is_no_figure() -> None:
    text = (
        "Two more flood deaths\n\n"
        "The two latest deaths were recorded on Thursday: a man of 63 whose body was found in "
        "a drain, and a driver whose lorry was swept off the road."
    )
    assert not any(low == 63 for _, low in _figures(text))


def test_a_figure_of_that_disaster_takes_the_past_date_told_before() -> None:
    text = (
        "Ferry sinking: toll rises to 21\n\n"
        "Divers recovered four more bodies on Tuesday, bringing the toll to 21, the port "
        "authority said.\n"
        "It is the worst sinking on the lake since May 2009, when the MV Kalima went down off "
        "Bukoba. The official toll of that disaster was more than 140 dead."
    )
    past = [c for c in _extract(text) if c.low == 140]
    assert past and all(c.when == "2009-05-01/2009-05-31" for c in past)


def test_the_bodies_recovered_since_a_ferry_sank_are_one_events_dead() -> None:
    text = (
        "Ferry sinking\n\n"
        "Rescuers have recovered 26 bodies from the lake since a ferry sank on Monday night, "
        "and one survivor has died in hospital, bringing the toll to 27, the police said."
    )
    claims = [c for c in _extract(text) if c.low in (26, 27)]
    assert claims and all(c.scope == "incident" for c in claims)


def test_a_share_of_the_dead_is_not_part_of_a_guess_at_the_toll() -> None:
    text = (
        "Landslide\n\n"
        "At least 21 people were killed when a hillside collapsed onto the village of Kombe "
        "on Monday, the governor said.\n"
        "A civil protection official said the toll could rise to more than 40.\n"
        "The district hospital's morgue, built for 10 bodies, had received 16 of the dead by "
        "Tuesday, its director said."
    )
    claims = _extract(text)
    assert not any(c.low == 10 for c in claims)
    share = next(c for c in claims if c.low == 16)
    assert share.part_of is None or claims[share.part_of].kind != "estimate"


def test_attackers_in_the_headline_and_gunmen_below_are_one_figure() -> None:
    text = (
        "Gunmen kill 9 at a wedding near Tlaltenco; two attackers die in shootout\n\n"
        "Armed men opened fire at a wedding in the village of San Roque, outside Tlaltenco, "
        "late on Saturday, killing nine guests, the prosecutor's office said.\n"
        "As they fled, they met an army patrol. Two gunmen were killed in the exchange of fire."
    )
    twos = [c for c in _extract(text) if c.outcome == "killed" and c.low == 2]
    assert len(twos) == 1


def test_a_forensic_service_that_received_the_bodies_saw_them_where_they_were_taken() -> None:
    text = (
        "Massacre at a ranch\n\n"
        "Gunmen killed 11 people at a ranch in the village of San Roque late on Wednesday, the "
        "prosecutor's office said.\n"
        "By Friday morning the state forensic medical service in the city of Tlaltenco had "
        "received 13 bodies, those of the victims and of two gunmen, a spokeswoman said."
    )
    seen = next(c for c in _extract(text) if c.evidence.startswith("By Friday"))
    assert seen.kind == "observed"
    assert seen.place == "San Roque"
    assert seen.when == "2026-02-18"


def test_dead_of_the_injured_do_not_take_the_scope_of_the_injured() -> None:
    text = (
        "Crush at the stadium: 18 dead, nearly 80 injured\n\n"
        "Eighteen people were crushed to death on Friday evening at a gate of the Kavala "
        "stadium, the ministry said.\n"
        "The toll rose from 16 after two of the injured died in hospital on Saturday, the "
        "ministry said. In all, nearly 80 people were hurt."
    )
    twos = [c for c in _extract(text) if c.outcome == "killed" and c.low == 2]
    assert twos and all(c.scope == "incident" for c in twos)


def test_a_years_count_up_to_an_attack_is_a_period_count() -> None:
    text = (
        "Market shelled\n\n"
        "Rockets hit the market of Berezanka on 12 February, killing six civilians, the "
        "prosecutor's office said.\n"
        "In 2026 alone, nine people had been killed in the community before the attack on the "
        "market."
    )
    nine = [c for c in _extract(text) if c.low == 9]
    assert nine and all(c.scope == "cumulative" for c in nine)


def test_a_weekly_updates_figures_over_several_regions_are_the_weeks() -> None:
    text = (
        "Civilian casualty update, 2-8 March 2026\n\n"
        "Between 2 and 8 March 2026, the mission verified that 38 civilians were killed and 170 "
        "injured across Ukraine. Most casualties (24 killed and 101 injured), including those in "
        "Kupiansk, occurred in the Kharkiv, Donetsk and Kherson regions, where drones and glide "
        "bombs caused most of the harm.\n"
        "In territory held by the other side, the mission received reports of five civilians "
        "killed and 12 injured by strikes during the week."
    )
    claims = {c.low: c for c in _extract(text) if c.outcome == "killed"}
    assert claims[24].scope == "cumulative"
    assert claims[5].scope == "cumulative"


def test_a_hedge_on_the_cases_before_a_death_figure_is_not_its_own() -> None:
    text = (
        "Cholera situation report 4\n\n"
        "Since the outbreak was declared on 3 January, a cumulative total of 1,402 suspected "
        "cases and 41 deaths have been reported from nine districts."
    )
    deaths = [c for c in _extract(text) if c.outcome == "killed" and c.low == 41]
    assert deaths and all(c.kind != "estimate" for c in deaths)


def test_village_shares_of_a_period_and_another_sources_higher_count() -> None:
    text = (
        "Cameroon: at least 30 killed in clashes over water\n\n"
        "At least 30 people have been killed since Saturday in clashes between herders and "
        "fishermen in villages of Cameroon's Far North region, the regional governor said.\n"
        "The fighting began on Saturday in Kaza Goura, where 10 people were killed, the governor "
        "said.\n"
        "Eight people died in Zina on Sunday, and 12 in Blangoua on Monday, among them a "
        "gendarme who was trying to separate the groups, he said.\n"
        "A traditional ruler, who asked not to be named, said at least 47 people had been killed."
    )
    claims = _extract(text)
    lead = next(i for i, c in enumerate(claims) if c.low == 30)
    assert {c.low for c in claims if c.part_of == lead} >= {10, 8, 12}
    other = next(c for c in claims if c.low == 47)
    assert other.scope == "cumulative"


def test_attackers_neutralised_in_quotes_are_a_figure() -> None:
    text = (
        "Patrol ambushed\n\n"
        'The army said six soldiers had been killed, and that "about 30 terrorists" had been '
        '"neutralised" in the counter-attack.'
    )
    assert ("killed", 30) in _figures(text)


def test_reunion_written_with_its_accent_is_a_place() -> None:
    text = (
        "Cyclone bulletin\n\n"
        "Réunion: The prefecture reported four deaths on 1 February after landslides."
    )
    assert [c.place for c in _extract(text) if c.outcome == "killed"] == ["Réunion"]


def test_a_place_inside_an_aside_about_some_of_the_dead_is_theirs() -> None:
    text = (
        "Quake live: toll rises to 12\n\n"
        "The quake struck the island of Tilos at 03:10 on Monday, the fire service said.\n"
        "At least three people have been killed, police say, including an elderly couple whose "
        "house collapsed in Archanes."
    )
    three = [c for c in _extract(text) if c.low == 3]
    assert three and all(c.place != "Archanes" for c in three)


def test_a_day_in_a_clause_about_the_place_tells_no_event_of_a_share() -> None:
    text = (
        "Heat wave: 40 deaths confirmed as heat-related\n\n"
        "The coroners service says 40 deaths since 1 February have now been confirmed as "
        "heat-related.\n"
        "The Okanagan has been hardest hit, with 26 confirmed heat deaths, including 9 in "
        "Penticton, where the temperature reached 43.1 C on Monday."
    )
    share = [c for c in _extract(text) if c.low == 26]
    assert share and all(c.scope == "cumulative" for c in share)


def test_the_day_of_a_press_conference_is_the_day_of_saying() -> None:
    text = (
        "Death toll from plant blast rises to 19\n\n"
        "The death toll from an explosion at a fertiliser plant has risen to 19, the city "
        "government said.\n"
        "Four people remain missing, according to a press conference held by the municipal "
        "government on Thursday afternoon.\n"
        "The blast occurred at about 15:10 on Tuesday at a storage shed of the plant. The "
        "toll had stood at eight on Tuesday night."
    )
    toll = [c for c in _extract(text) if c.low == 19]
    assert toll and all(c.when == "2026-02-17" for c in toll)
