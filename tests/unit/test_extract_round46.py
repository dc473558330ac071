"""The extractor's rules of round 46 (thirty-fourth session; docs/extraction.md, "Round
46"), one or more tests each, every one failing on the code before its rule unless it says
it guards one. The round is about figures counted as another event's share or as an event
of their own when they are neither: the dead of the injured, a rival side's strike, a live
blog's next entry, a district named beside its hromada."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, published: date = date(2026, 5, 14)) -> list[Claim]:
    title = text.split("\n", 1)[0]
    return extract_claims(Report("r", text, title=title, published=published))


def _claim(claims: list[Claim], outcome: str, low: int) -> Claim:
    return next(c for c in claims if c.outcome == outcome and c.low == low)


# -- English: whose dead, and which event's


def test_one_of_those_injured_who_died_is_no_part_of_the_dead_told_before() -> None:
    text = (
        "Shelling of Okhtyrka market kills nine\n"
        "Shells hit the covered market in Okhtyrka on 9 May, killing nine people and "
        "wounding 31. One of those injured in Okhtyrka died in hospital on 12 May."
    )
    assert _claim(_claims(text), "killed", 1).part_of is None


def test_the_dead_of_earlier_attacks_before_a_day_are_a_running_total() -> None:
    text = (
        "Bomb outside Tumaco courthouse kills five\n"
        "A bomb exploded outside the courthouse in Tumaco on Friday, killing five people.\n"
        "The town has suffered 14 attacks this year. Before Friday, eight people had been "
        "killed in them, the ombudsman said."
    )
    assert _claim(_claims(text), "killed", 8).scope == "cumulative"


def test_a_part_of_a_town_named_of_its_wider_place_is_the_figures_place() -> None:
    text = (
        "Strike on shelters kills 12\n"
        "An airstrike hit tents in the Nuseirat area of central Gaza on Monday, killing 12 "
        "people, hospital officials said."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 12).place == "Nuseirat"


def test_a_town_named_as_where_a_hospital_the_dead_were_taken_to_lies_is_not_carried() -> None:
    text = (
        "Strike on shelters kills 12\n"
        "An airstrike hit tents in the Nuseirat area of central Gaza on Monday, killing 12 "
        "people, hospital officials said.\n"
        "The bodies were taken to Al-Aqsa Hospital in nearby Deir al-Balah.\n"
        "The hospital also treated 20 wounded."
    )
    assert _claim(_claims(text), "injured", 20).place == "Nuseirat"


def test_an_adjective_after_a_hyphenated_off_is_no_place() -> None:
    text = "Quake toll rises to 14 as rescuers reach cut-off Andean hamlets"
    assert _claim(_claims(text), "killed", 14).place != "Andean"


def test_a_neighbouring_district_of_a_countrywide_quakes_toll_is_its_share() -> None:
    text = (
        "Bolivia quake kills 15\n"
        "A magnitude 6.1 earthquake that struck the Potosí region of Bolivia late on Monday "
        "has killed 15 people, the civil defence said on Wednesday.\n"
        "In Tinguipaya district, nine people died, the mayor said.\n"
        "Four people died in the neighbouring district of Yocalla and two in Belén de "
        "Urmiri, the regional government said."
    )
    claims = _claims(text)
    toll = claims.index(_claim(claims, "killed", 15))
    assert _claim(claims, "killed", 4).part_of == toll
    assert _claim(claims, "killed", 2).part_of == toll


def test_a_place_after_of_them_is_the_shares_not_the_whole_figures() -> None:
    text = (
        "Quake kills 30 in Bolivia\n"
        "In the town of Tinguipaya, 12 people died, eight of them in the hamlet of Qollana, "
        "the mayor said."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 12).place == "Tinguipaya"
    assert _claim(claims, "killed", 8).place == "Qollana"


def test_a_strike_by_the_other_side_is_no_share_of_the_toll() -> None:
    text = (
        "Russian missiles kill eight in Kherson\n"
        "KHERSON, May 14 - Russian missiles struck a port district of Kherson on Wednesday, "
        "killing eight people, the regional governor said.\n"
        "In the occupied part of the region, the Moscow-installed administration said a "
        "Ukrainian drone strike had killed two people in Nova Kakhovka on Wednesday."
    )
    assert _claim(_claims(text), "killed", 2).part_of is None


def test_a_source_of_the_other_side_does_not_make_a_share_another_event() -> None:
    # guards the rule above: a side's army that speaks is no strike of that side
    text = (
        "Russian missiles kill eight in Kherson region\n"
        "KHERSON, May 14 - Russian missiles struck the Kherson region on Wednesday, killing "
        "eight people, the regional governor said.\n"
        "The Ukrainian military said three of them were killed in Bilozerka."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 3).part_of == claims.index(_claim(claims, "killed", 8))


def test_a_burns_institute_in_another_town_is_where_victims_were_taken() -> None:
    text = (
        "Fire at Savar garment factory kills nine\n"
        "A fire at a garment factory in Savar on Monday killed nine workers, the fire "
        "service said.\n"
        "Two of the injured died overnight at the national burn institute in Dhaka, a "
        "doctor said."
    )
    assert _claim(_claims(text), "killed", 2).place != "Dhaka"


def test_one_of_the_gunmen_killed_is_a_gunman() -> None:
    text = (
        "Gunmen kill three herders near Bokkos\n"
        "One of the gunmen was killed in an exchange of fire with soldiers, the army said."
    )
    assert _claim(_claims(text), "killed", 1).victims == "gunmen"


def test_the_period_a_count_is_compared_with_dates_no_figure_after_it() -> None:
    text = (
        "ROME, July 9 - At least 310 migrants died in the first six months of the year, "
        "fewer than in the same period of 2025, the agency said, hours after six bodies "
        "were recovered south of Lampedusa."
    )
    claims = _claims(text, date(2026, 7, 9))
    assert not (_claim(claims, "bodies_found", 6).when or "").startswith("2025")


def test_a_figure_long_after_the_leads_past_event_keeps_its_own_place() -> None:
    text = (
        "A year after the Irpin block strike, residents return as new attack kills two\n"
        "IRPIN, Ukraine, May 14 - A year after a Russian missile hit a block of flats on "
        "Soborna Street in Irpin, killing 11 people, the first families moved back this "
        "week.\n"
        "The missile struck at 06:10 on 13 May 2025.\n"
        "On Tuesday night, drones hit a warehouse in the Romanivka district of Irpin, "
        "killing one man and wounding three people, the regional administration said.\n"
        "One of the wounded died in hospital on Wednesday, raising the toll to two, the "
        "administration said."
    )
    claims = _claims(text)
    toll = next(c for c in claims if c.low == 2 and (c.when or "").startswith("2026"))
    assert "block" not in (toll.place or "")


def test_those_arrested_are_no_count_of_the_dead() -> None:
    text = (
        "Gunmen kill two near Celaya\n"
        "State police have arrested four men in connection with the killings."
    )
    assert not [c for c in _claims(text) if c.outcome == "killed" and c.low == 4]


def test_an_event_of_the_night_in_a_region_whose_toll_is_told_across_it_is_its_share() -> None:
    text = (
        "Night of drones kills three across Kharkiv region\n"
        "KHARKIV, May 14 - Russian drones killed three people across the Kharkiv region "
        "overnight, the governor said.\n"
        "Kupiansk itself was shelled six times.\n"
        "Two people were killed when a shell struck a house on the edge of the town, and four "
        "were wounded in neighbouring streets, he said."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 2).part_of == claims.index(_claim(claims, "killed", 3))


def test_a_body_said_to_be_among_the_toll_is_part_of_it() -> None:
    text = (
        "Building collapse in Mombasa: toll climbs to nine\n"
        "The city mortuary said it had received nine bodies from the site by Thursday.\n"
        "One of the injured died in hospital on Wednesday night, the hospital said. Her body "
        "is among the nine at the mortuary."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 1).part_of == claims.index(_claim(claims, "killed", 9))


def test_the_deaths_an_inquest_hears_take_the_day_told_after_it() -> None:
    text = (
        "Inquest opens into caravan park flood deaths\n"
        "An inquest into the deaths of five people at a caravan park in Kilcoy heard on "
        "Thursday that campers had little warning.\n"
        "The coroner is examining the deaths at the park on the night of 17 February, when "
        "the river rose by eight metres."
    )
    claims = _claims(text, date(2026, 10, 8))
    assert _claim(claims, "killed", 5).when == "2026-02-17"


def test_suspects_killed_by_soldiers_are_no_share_of_the_victims() -> None:
    text = (
        "Car bomb in Tumaco kills six\n"
        "A car bomb exploded outside a police station in Tumaco on Friday, killing six "
        "people, authorities said.\n"
        "The army said soldiers killed two suspected members of the group in a clash near "
        "the village of Llorente on Saturday."
    )
    assert _claim(_claims(text), "killed", 2).part_of is None


def test_a_toll_that_is_among_others_is_not_made_part_of_them() -> None:
    # guards the rule of the body among the toll: only a body or a person said to be among
    # a toll's figure is made part of it
    text = (
        "Officials say at least 37 people were killed when armed youths attacked cattle "
        "camps, among the deadliest raids this year."
    )
    assert _claim(_claims(text), "killed", 37).part_of is None


def test_the_day_the_police_confirmed_the_killings_is_not_the_days_of_the_figures() -> None:
    text = (
        "Gunmen kill eight at a night vigil in Mafeteng\n"
        "MAFETENG - Eight people were shot dead when gunmen opened fire on mourners at a "
        "vigil in Ha Mohlalefi village on Saturday night.\n"
        "A police spokesperson confirmed the killings on Monday, saying six men and two "
        "women died at the scene, while four other mourners were wounded."
    )
    claims = _claims(text, date(2026, 4, 21))
    assert _claim(claims, "injured", 4).when == "2026-04-18"


# -- Ukrainian and Russian


def test_a_raion_named_after_its_hromada_leaves_the_hromada_the_place() -> None:
    text = (
        "Удар по Павлограду\n"
        "Окремо поліція розслідує обстріл Тернівської громади Павлоградського району 12 "
        "травня, внаслідок якого загинули троє людей."
    )
    assert _claim(_claims(text), "killed", 3).place == "Тернівська громада"


def test_a_live_blogs_next_entry_does_not_keep_the_last_entrys_district() -> None:
    text = (
        "Атака на Харків: кількість загиблих зросла до дев'яти — онлайн\n"
        "15:10 | Кількість загиблих у Харкові зросла до дев'яти\n"
        "За словами мера, у Київському районі загинули шестеро людей, ще троє — в "
        "Салтівському.\n"
        "12:05 | У лікарні помер ще один поранений\n"
        "Кількість загиблих зросла до восьми."
    )
    claims = _claims(text)
    assert "Київський район" not in (_claim(claims, "killed", 1).place or "")


def test_one_being_sought_is_missing() -> None:
    text = "На Дніпрі перекинувся човен: двоє загиблих, одного шукають водолази"
    claims = _claims(text)
    assert _claim(claims, "missing", 1)
    assert not [c for c in claims if c.outcome == "killed" and c.low == 1]


def test_a_day_of_mourning_is_not_the_day_carried() -> None:
    text = (
        "Удар по Дніпру: загинули 11 людей — онлайн\n"
        "20:10 | 15 травня в місті оголошено днем жалоби\n"
        "19:00 | Серед загиблих — двоє дітей"
    )
    claims = _claims(text)
    assert not (_claim(claims, "killed", 2).when or "").startswith("2025")


def test_the_day_of_mourning_is_still_a_date_and_no_count() -> None:
    # guards the rule of the day of mourning: its day is left undated, not read as a count
    text = "Удар по Одесі: загинули 10 людей\n24 лютого в Одесі оголошено днем жалоби за загиблими."
    assert not [c for c in _claims(text) if c.low == 24]


def test_the_month_of_a_past_event_told_after_since_is_that_events() -> None:
    text = (
        "Удар по Одессе: погибли 12 человек\n"
        "Это самый массовый удар по Одессе с марта 2025 года, когда при атаке на порт "
        "погибли 15 человек."
    )
    assert _claim(_claims(text), "killed", 15).when == "2025-03-01/2025-03-31"


def test_a_neuter_city_in_the_dative_is_named() -> None:
    text = "Ракетный удар по Запорожью: погибли шесть человек"
    assert _claim(_claims(text), "killed", 6).place == "Запорожье"


def test_a_hospital_named_in_full_before_is_the_site_of_the_hospital_named_bare() -> None:
    text = (
        "Удар по лікарні в Сумах\n"
        "Сьогодні росіяни завдали удару по території міської лікарні № 5 у Зарічному районі "
        "Сум. Загинули двоє людей.\n"
        "Кількість загиблих унаслідок удару по лікарні зросла до чотирьох."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 2).place == _claim(claims, "killed", 4).place


def test_a_headline_figure_is_not_merged_into_a_share_of_a_running_total() -> None:
    text = (
        "Взрыв газа в Гюмри: погибших уже трое\n"
        "С начала года в Армении от взрывов газа погибли 9 человек, из них трое детей."
    )
    assert _claim(_claims(text), "killed", 3).scope == "incident"


def test_one_more_dead_told_after_the_verb_is_no_share_of_the_areas_toll() -> None:
    text = (
        "Негода на Закарпатті\n"
        "Станом на ранок внаслідок негоди в Закарпатській області загинули троє людей.\n"
        "На Львівщині, у Стрийському районі, вчора через зсув загинула ще одна людина."
    )
    claims = _claims(text)
    one = _claim(claims, "killed", 1)
    assert one.part_of is None
    assert one.place == "Стрийський район"


def test_a_raion_named_after_its_village_or_town_leaves_that_the_place() -> None:
    text = (
        "Паводок на Кубани\n"
        "В селе Шепси Туапсинского района поток унёс автомобиль, погибли двое мужчин, "
        "сообщили в администрации Туапсинского района."
    )
    assert _claim(_claims(text), "killed", 2).place == "Шепси"


def test_the_villages_of_a_krais_toll_are_its_shares() -> None:
    # guards the two rules above: placed in its villages and the krai, the toll keeps them
    text = (
        "Паводок на Кубани: погибли четыре человека\n"
        "По данным оперативного штаба Краснодарского края, погибли четыре человека.\n"
        "В селе Шепси Туапсинского района поток унёс автомобиль, погибли двое мужчин.\n"
        "В Хадыженске Апшеронского района погибла одна жительница."
    )
    claims = _claims(text)
    toll = claims.index(_claim(claims, "killed", 4))
    assert _claim(claims, "killed", 2).part_of == toll
    assert _claim(claims, "killed", 1).part_of == toll


def test_the_dead_told_after_a_days_count_of_attacks_are_that_days_count() -> None:
    text = (
        "Сумщина за сутки: погибли трое\n"
        "Российские войска за минувшие сутки 37 раз обстреляли приграничные громады Сумской "
        "области. Погибли три человека, пятеро ранены, сообщили в областной администрации."
    )
    claim = _claim(_claims(text), "killed", 3)
    assert claim.scope == "cumulative"
    assert claim.when == "2026-05-13/2026-05-14"


def test_a_two_word_city_in_the_accusative_is_named() -> None:
    text = "Сьогодні вночі ворог атакував Білу Церкву ракетами: загинули четверо людей."
    assert _claim(_claims(text), "killed", 4).place == "Біла Церква"


def test_a_days_total_that_holds_a_strikes_victims_is_a_total() -> None:
    text = (
        "У Херсоні дрон атакував автобус: загинули двоє\n"
        "На Херсонщині загинули четверо людей, включно з жертвами удару по автобусу, "
        "повідомили в ОВА."
    )
    assert _claim(_claims(text), "killed", 4).scope == "cumulative"
