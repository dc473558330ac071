"""The extractor's rules of round 44 (thirty-second session; docs/extraction.md, "Round
44"), one or more tests each, every one failing on the code before its rule. The round is
about place: the site of the event carried to the figures after it, and the places that
say where the wounded and the dead were taken rather than where they were hit."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, published: date = date(2026, 10, 14)) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _claim(claims: list[Claim], outcome: str, low: int) -> Claim:
    return next(c for c in claims if c.outcome == outcome and c.low == low)


def test_a_site_named_after_patients_were_received_following_the_event_is_the_event() -> None:
    text = (
        "Kisumu County Referral Hospital gives an update on the patients it has received "
        "following the fire at the Nyando Rice Millers warehouse in Homa Bay on Monday night.\n"
        "Our emergency unit received 24 injured workers overnight, most of them with burns."
    )
    assert _claim(_claims(text), "injured", 24).place == "Nyando Rice Millers warehouse, Homa Bay"


def test_a_patient_taken_to_a_named_site_still_marks_it_receiving() -> None:
    text = (
        "A bus overturned near Kericho on Monday, police said.\n"
        "Nine of the injured were taken to the Kericho County Referral Hospital, where two "
        "of them died."
    )
    assert _claim(_claims(text), "killed", 2).place == "Kericho"


def test_the_vegetable_market_of_a_town_is_the_events_site() -> None:
    text = (
        "A car bomb exploded in the vegetable market of Idlib, in northern Syria, on Tuesday "
        "morning.\n"
        "The civil defence said 14 people were killed and 30 wounded."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 14).place == "vegetable market, Idlib"
    assert _claim(claims, "injured", 30).place == "vegetable market, Idlib"


def test_a_site_on_a_named_street_in_a_town_lies_in_that_town() -> None:
    text = (
        "Armed men opened fire at the La Palma bar on Calle Hidalgo in Irapuato late on "
        "Friday, prosecutors said.\n"
        "Nine people were killed at the scene."
    )
    assert _claim(_claims(text), "killed", 9).place == "La Palma bar, Irapuato"


def test_a_named_mine_shaft_is_the_site_of_the_event() -> None:
    text = (
        "A fire killed 12 miners at a gold mine near Welkom in March, an inquiry found.\n"
        "The fire started in the Kopanang shaft of Vaal Gold, where 40 workers were on shift.\n"
        "Ten of the dead were found in a tunnel, and two died in hospital."
    )
    assert _claim(_claims(text), "killed", 10).place == "Kopanang shaft, Welkom"


def test_a_past_events_figure_keeps_its_village_when_a_victim_died_in_a_hospital_town() -> None:
    text = (
        "Quarterly report: violence in Cauca, July to September\n"
        "Our monitors documented 96 killings in the department over the quarter.\n"
        "The deadliest attack was on 12 August in the village of Las Brisas, where gunmen "
        "killed six people in a shop.\n"
        "The governor's office confirmed five deaths on the night of the attack; the sixth "
        "victim, a woman of 60, died in hospital in Popayán three days later."
    )
    assert _claim(_claims(text), "killed", 5).place == "Las Brisas"


def _injured_place(text: str, low: int) -> str | None:
    return _claim(_claims(text), "injured", low).place


_MINE_LEAD = (
    "A methane blast killed six miners at a colliery in Bytom on Monday, the operator said.\n"
)


def test_towns_listed_after_hospitals_in_are_where_the_injured_went() -> None:
    text = _MINE_LEAD + (
        "Of the injured, 23 were taken to hospitals in Gliwice, Zabrze and Katowice."
    )
    assert _injured_place(text, 23) == "Bytom"


def test_the_second_hospital_of_a_breakdown_is_where_the_injured_went() -> None:
    text = _MINE_LEAD + (
        "Of the 15 miners injured, nine are being treated at the regional hospital in "
        "Gliwice and six at the burns centre in Katowice."
    )
    assert _injured_place(text, 6) == "Bytom"


def test_treatment_at_a_hospital_and_in_a_town_names_where_the_injured_went() -> None:
    text = _MINE_LEAD + (
        '"At least 17 people were injured, and they are receiving treatment at the '
        'district hospital and in Katowice," the mayor said.'
    )
    assert _injured_place(text, 17) == "Bytom"


def test_took_them_to_the_hospital_in_a_town() -> None:
    text = (
        "Gunmen attacked a bus near Kericho on Sunday night, police said.\n"
        "Rescuers gave first aid to 11 of the wounded and took them by ambulance to the "
        "hospital in Nakuru."
    )
    assert _injured_place(text, 11) == "Kericho"


def test_the_weekly_market_of_an_unknown_village_is_no_site() -> None:
    text = (
        "Militiamen killed 19 men at the weekly market of Kossa-Dioula on 11 June, residents said."
    )
    assert _claim(_claims(text), "killed", 19).place != "weekly market"


def test_ru_a_town_the_wounded_were_taken_to_is_not_the_events_place() -> None:
    text = (
        "В Кременчуге в результате обстрела погибли три человека. Ещё пятерых раненых "
        "доставили в областную больницу в Полтаве."
    )
    assert _injured_place(text, 5) == "Кременчуг"


def test_uk_a_town_the_wounded_were_moved_to_later_is_not_the_events_place() -> None:
    text = (
        "Унаслідок обстрілу Кременчука загинули троє людей. Ще п'ятьох поранених доправили "
        "до обласної лікарні в Полтаві."
    )
    assert _injured_place(text, 5) == "Кременчук"


def test_ru_a_hospital_struck_in_a_town_keeps_that_town() -> None:
    text = (
        "25 мая управляемая авиабомба попала в городскую больницу в Сумах: погибли не менее "
        "шести человек."
    )
    assert _claim(_claims(text), "killed", 6).place == "Суми"


def test_uk_the_injured_in_hospital_in_a_town_are_not_placed_there() -> None:
    text = (
        "На околиці села Озеряни у ДТП загинули двоє людей. Ще троє пасажирів отримали "
        "травми, вони перебувають у лікарні в Ковелі."
    )
    assert _injured_place(text, 3) == "Озеряни"


def test_a_town_on_whose_outskirts_people_were_killed_is_the_place() -> None:
    text = (
        "In a separate attack on Thursday morning, a drone hit a car on the outskirts of "
        "Orikhiv, killing two men, the regional administration said."
    )
    assert _claim(_claims(text), "killed", 2).place == "Orikhiv"


def test_an_anniversary_reports_new_toll_keeps_its_own_event() -> None:
    text = (
        "A year after the Ghatte landslide, the monsoon kills again\n"
        "Survivors of the landslide that buried much of Ghatte, a village in Myagdi "
        "district, gathered on Thursday at a memorial, one year after the hillside fell.\n"
        "The landslide of 20 August 2025 killed 29 people, according to the district "
        "administration office.\n"
        "On Tuesday, a landslide struck the village of Dhorpatan in Baglung district, "
        "sweeping away five houses.\n"
        "The chief district officer put the toll at eight, counting one injured man who "
        "died in hospital in Baglung."
    )
    toll = _claim(_claims(text, date(2026, 8, 20)), "killed", 8)
    assert toll.when == "2026-08-18"
    assert toll.place == "Dhorpatan"


def test_the_port_a_capsized_boat_had_left_is_not_where_its_dead_died() -> None:
    text = (
        "The boat that capsized on Wednesday night about 15 nautical miles south of Lampedusa "
        "had left Sfax with about 40 people on board, the coast guard said.\n"
        "Its crews rescued 27 survivors and recovered eight bodies by Thursday morning."
    )
    assert _claim(_claims(text, date(2026, 7, 9)), "bodies_found", 8).place == "Lampedusa"


def test_deaths_during_one_boats_crossing_are_its_event_not_a_share_of_the_routes_total() -> None:
    text = (
        "At least 430 people died trying to reach the Canary Islands by boat in the first six "
        "months of 2026, a migrant rights group said on Thursday.\n"
        "May was the deadliest month, with 120 dead.\n"
        "On Tuesday a boat carrying about 150 people capsized at the quay of La Restinga, and "
        "six people drowned, the emergency service said.\n"
        "Survivors told Red Cross workers that nine people had died during the eight-day "
        "crossing from Nouakchott."
    )
    assert _claim(_claims(text, date(2026, 7, 9)), "killed", 9).scope == "incident"


def test_the_day_a_deadliest_event_was_since_dates_that_event() -> None:
    text = (
        "It is the deadliest shipwreck near Lampedusa since 3 October 2013, when 368 people "
        "died within sight of the island."
    )
    assert _claim(_claims(text, date(2026, 6, 30)), "killed", 368).when == "2013-10-03"


def test_an_unrelated_incident_is_not_a_part_of_the_reports_toll() -> None:
    text = (
        "Factory fire: death toll rises to 11\n"
        "The police regret to announce that 11 people died in the fire that broke out at the "
        "Maisha Plastics factory in Nairobi on Tuesday night.\n"
        "In an unrelated incident, six people died and nine were injured on Wednesday evening "
        "when a bus collided with a lorry on the Nakuru-Eldoret highway."
    )
    six = _claim(_claims(text, date(2026, 9, 10)), "killed", 6)
    assert six.part_of is None
    assert six.when == "2026-09-09"


def test_a_listed_attack_with_its_own_day_is_an_event_not_a_share_of_the_quarter() -> None:
    text = (
        "Gunmen carried out 19 massacres in Colombia between July and September, killing 71 "
        "people, a monitoring group said in its quarterly report.\n"
        "The report singles out two attacks:\n"
        "- 12 July, Tumaco (Nariño): six young men were shot dead at a pool hall\n"
        "- 23 August, Tibú (Norte de Santander): nine people were killed at a rural shop"
    )
    nine = _claim(_claims(text), "killed", 9)
    assert nine.scope == "incident"
    assert nine.when == "2026-08-23"


def test_a_town_held_by_a_side_is_the_place_and_the_capital_that_did_not_comment_is_not() -> None:
    text = (
        "In Russian-occupied Enerhodar, the Moscow-installed administration said Ukrainian "
        "shelling had killed three people on Thursday; Kyiv did not comment."
    )
    assert _claim(_claims(text, date(2026, 7, 10)), "killed", 3).place == "Enerhodar"


def test_children_hit_at_a_school_who_died_in_the_night_are_dead() -> None:
    text = (
        "A drone strike on a school used as a shelter in Ak-Suu killed nine people on "
        "Sunday, the ministry said.\n"
        '"Two of the children hit at the school died in the night," the chief doctor said.'
    )
    assert 2 in [c.low for c in _claims(text, date(2026, 5, 18)) if c.outcome == "killed"]


def test_a_killing_hours_before_the_reports_event_is_not_a_part_of_its_toll() -> None:
    text = (
        "A car bomb struck a police station in the town of El Tarra on Tuesday night, "
        "killing eight people, authorities said.\n"
        "Hours before the bombing, on Monday, gunmen killed four farmworkers on a coca farm "
        "in the rural area of Tibú, a monitoring group said."
    )
    four = _claim(_claims(text, date(2026, 10, 29)), "killed", 4)
    assert four.part_of is None


def test_a_volcanos_eruption_told_in_a_years_review_is_its_own_event() -> None:
    text = (
        "Papua New Guinea has counted 118 deaths from natural disasters so far this year, "
        "the disaster centre said.\n"
        "Manam volcano erupted on 9 November, and three people were killed by falling rocks "
        "on the island, the provincial disaster office said."
    )
    three = _claim(_claims(text, date(2026, 11, 27)), "killed", 3)
    assert three.scope == "incident"


def test_a_country_naming_the_police_that_gave_the_toll_is_not_the_place() -> None:
    text = (
        "Armed men attacked Mahango Secondary School in Kasese on Friday night and set fire "
        "to a dormitory.\n"
        "According to the Uganda Police Force, 17 people were killed, 14 of them students."
    )
    assert _claim(_claims(text, date(2026, 6, 14)), "killed", 17).place != "Uganda"


def test_a_figure_told_separately_is_not_a_repeat_of_the_same_number() -> None:
    text = (
        "Torrential rain on 29 and 30 July set off floods in Adjara that killed five people, "
        "two of them children, in Keda municipality, the emergency service said.\n"
        "Separately, a landslide on 1 August buried a car on the road over the Rikoti pass, "
        "killing the two people inside, police said."
    )
    twos = [c for c in _claims(text, date(2026, 8, 4)) if c.outcome == "killed" and c.low == 2]
    assert len(twos) == 2


def test_members_of_a_group_who_took_part_in_a_massacre_and_were_killed_are_dead() -> None:
    text = (
        "Two members of the armed group who allegedly took part in the massacre were killed "
        "on 3 April in a clash with the army in the same area."
    )
    assert _claim(_claims(text, date(2026, 4, 5)), "killed", 2).scope == "incident"


def test_a_village_outside_the_city_is_not_a_share_of_the_citys_toll() -> None:
    text = (
        "Russian glide bombs hit the central bus station in Zaporizhzhia on Wednesday, "
        "killing 15 people, the regional governor said.\n"
        "A third bomb hit a private house in the village of Kushuhum, south of the city, "
        "killing two residents, the governor said."
    )
    two = _claim(_claims(text, date(2026, 3, 12)), "killed", 2)
    assert two.part_of is None


def test_a_place_owned_by_a_known_city_is_the_place() -> None:
    text = "Israeli strike on tents in Gaza's Muwasi kills 16, hospital says"
    assert _claim(_claims(text, date(2026, 7, 1)), "killed", 16).place == "Muwasi"


def test_a_countrys_coast_is_no_place_of_its_own() -> None:
    text = (
        "The earthquake that struck off Peru's Pacific coast on Monday night killed 12 people, "
        "officials said."
    )
    assert _claim(_claims(text, date(2026, 3, 18)), "killed", 12).place != "Pacific"
