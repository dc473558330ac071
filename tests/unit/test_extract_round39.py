"""Round 39 of docs/extraction.md: rules found on the tuning corpora (and on blind68, spent
on arrival). Each test fails without its rule unless it says it is a guard; the sentences
are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.unit.claims_by_figure import claims_by_figure
from tollbook.domain.claim import Claim
from tollbook.extract.scoring import place_agrees

PUBLISHED = date(2026, 9, 16)  # a Wednesday


def _claims(text: str) -> dict[tuple[str, int | None], Claim]:
    return claims_by_figure(text, PUBLISHED)


def test_years_ago_this_week_is_that_week_years_back() -> None:
    text = (
        "Six years ago this week, a mudslide buried the lower streets of Tarma, killing 27 "
        "people, and the town still marks the day."
    )
    assert _claims(text)[("killed", 27)].when == "2020-09-10/2020-09-16"


def test_years_ago_this_month_and_today() -> None:
    month = "Ten years ago this month, a typhoon killed more than 900 people on the coast."
    assert _claims(month)[("killed", 900)].when == "2016-09-01/2016-09-30"
    day = "A year ago today, a ferry sank off the island, drowning 41 passengers."
    assert _claims(day)[("killed", 41)].when == "2025-09-16"


def test_this_week_alone_is_still_the_week_of_publication() -> None:  # guard
    text = "Floods killed eight people in the valley this week, the district office said."
    assert _claims(text)[("killed", 8)].when == "2026-09-14/2026-09-16"


def test_bodies_pulled_from_the_water_on_a_later_day_leave_the_toll_its_day() -> None:
    text = (
        "At least 31 people drowned when a ferry capsized on the lake on Sunday night, "
        "officials said.\n"
        "Eighteen bodies were pulled from the water on Monday and 13 more on Tuesday, the "
        "police said.\n"
        "A fishermen's union said at least 37 people had died."
    )
    assert _claims(text)[("killed", 37)].when == "2026-09-13"


def test_the_event_day_inside_the_year_carried_is_taken_in_the_aftermath() -> None:
    """Passes on the start code, where "pulled from" told no aftermath; fails with that
    rule alone (the year carried from the lead would stay)."""
    text = (
        "A year after the river burst its banks and killed 23 people, families prayed on "
        "the bank on Saturday.\n"
        "The first toll after the flood of 9 September 2025 was 11, and it rose through "
        "the week as bodies were pulled from the mud downstream.\n"
        "Of the dead, nine were children, the disaster office said at the time."
    )
    assert _claims(text)[("killed", 9)].when == "2025-09-09"


def test_drowned_before_the_figure_is_a_death() -> None:
    text = (
        "Floods drowned 12 people in the district on Sunday.\n"
        "A ferry sank off the island on Monday, drowning 41 passengers."
    )
    claims = _claims(text)
    assert claims[("killed", 12)].victims == "people"
    assert claims[("killed", 41)].victims == "passengers"


def test_a_village_told_by_what_it_is_is_the_place_not_its_region_or_border() -> None:
    text = (
        "Gunmen attacked the weekly market at Kossogou, a village in Burkina Faso's Sahel "
        "region near the border with Niger, on Sunday, killing at least 26 traders, the "
        "mayor said."
    )
    assert _claims(text)[("killed", 26)].place == "Kossogou"


def test_a_village_told_by_what_it_is_without_a_preposition() -> None:
    text = (
        "Gunmen stormed Kossogou, a village in Burkina Faso's Sahel region, on Sunday, "
        "killing 26 people, the mayor said."
    )
    assert _claims(text)[("killed", 26)].place == "Kossogou"


def test_a_guard_in_the_region_alone_stays_the_region() -> None:  # guard
    text = "Gunmen killed 26 people in Burkina Faso's Sahel region on Sunday, the mayor said."
    assert _claims(text)[("killed", 26)].place == "Sahel region"


def test_a_street_named_after_a_city_is_not_that_city() -> None:
    text = (
        "Fire kills 9 in Durban block of flats\n"
        "DURBAN, May 4 - A fire in a block of flats on Pretoria Street in Durban killed nine "
        "people on Sunday, the fire service said.\n"
        "Six of the dead were found on the top floor of the building on Pretoria Street, it "
        "said."
    )
    assert _claims(text)[("killed", 6)].place != "Pretoria"


def test_a_count_opening_a_sentence_is_no_part_of_a_sites_name() -> None:
    text = (
        "A missile hit a tram depot in Kharkiv on Tuesday.\n"
        "Seven depot workers were killed there, the mayor said."
    )
    assert "Seven" not in (_claims(text)[("killed", 7)].place or "")


def test_a_site_of_a_breakdowns_item_is_not_the_figures_whose_town_comes_first() -> None:
    text = (
        "An earthquake killed 14 people in Hualien county on Tuesday, the fire agency said.\n"
        "Nine of the dead were in Chishang, among them four guests at the Lakeview Hotel, and "
        "five in Guanshan, the agency said."
    )
    assert _claims(text)[("killed", 9)].place == "Chishang"


# Ukrainian and Russian (blind70 and the Cyrillic tuning corpora)


def test_a_site_in_a_named_district_is_the_place_not_the_district() -> None:
    text = (
        "Кількість загиблих унаслідок удару по супермаркету «Світанок» у Шевченківському "
        "районі Харкова зросла до чотирьох, повідомив начальник ОВА."
    )
    place = _claims(text)[("killed", 4)].place
    assert place_agrees(place, "супермаркет «Світанок», Харків")


def test_a_street_in_a_named_district_is_the_place() -> None:
    text = (
        "Число погибших в результате удара по дому на улице Гагарина в Салтовском районе "
        "Харькова возросло до трёх, сообщил глава ОВА."
    )
    assert place_agrees(_claims(text)[("killed", 3)].place, "улица Гагарина, Харьков")


def test_a_mine_and_a_numbered_school_are_sites() -> None:
    mine = "На шахте «Восточная» в Шахтинске погибли семь горняков, сообщили в МЧС."
    assert place_agrees(_claims(mine)[("killed", 7)].place, "шахта «Восточная», Шахтинск")
    school = (
        "Унаслідок удару по будівлі школи № 6 у Дружківці загинули п'ятеро цивільних, "
        "повідомив начальник ОВА."
    )
    assert place_agrees(_claims(school)[("killed", 5)].place, "школа № 6, Дружківка")


def test_the_number_of_a_building_is_no_count() -> None:
    claims = _claims("Унаслідок удару по лікарні № 4 у Сумах загинули двоє людей.")
    assert ("killed", 4) not in claims
    assert ("killed", 2) in claims


def test_a_school_people_were_housed_in_is_not_the_site_hit() -> None:
    """Passes on the start code, where a school was no site; fails with the school as a
    site alone (two sites in the town, so the street is no longer the one)."""
    text = (
        "Вибух газу на вулиці Шевченка в Ізюмі: загинули троє людей\n"
        "Унаслідок вибуху газу в будинку на вулиці Шевченка загинули троє людей, повідомили "
        "в ДСНС.\n"
        "Мешканців під'їзду розмістили в школі № 2.\n"
        "Серед загиблих двоє дітей, повідомили в ДСНС."
    )
    assert place_agrees(_claims(text)[("killed", 3)].place, "вулиця Шевченка, Ізюм")


def test_a_given_name_before_a_surname_is_no_town_however_spelt() -> None:
    text = (
        "Об этом сообщил начальник ОВА Александр Гребенюк.\n"
        "По словам городского головы, ранения получили 31 человек."
    )
    assert "Александр" not in (_claims(text)[("injured", 31)].place or "")


def test_of_them_after_a_subgroup_is_of_the_whole() -> None:
    text = (
        "Ранения получили 31 человек, в том числе пятеро детей, сообщил мэр.\n"
        "Из них 18 госпитализированы, остальным помощь оказали на месте."
    )
    claims = _claims(text)
    assert claims[("injured", 18)].part_of == next(
        i for i, c in enumerate(claims.values()) if (c.outcome, c.low) == ("injured", 31)
    )


def test_since_the_start_of_a_year_month_or_day_is_a_running_counts_period() -> None:
    uk = "Від початку 2026 року внаслідок обстрілів на Донеччині загинули 380 мирних жителів."
    assert _claims(uk)[("killed", 380)].when == "2026-01-01/2026-09-16"
    ru = "С начала августа в Харькове в результате обстрелов погибли 27 человек."
    assert _claims(ru)[("killed", 27)].when == "2026-08-01/2026-09-16"
    day = "Від 24 лютого 2022 року через обстріли в громаді загинули 214 мирних мешканців."
    assert _claims(day)[("killed", 214)].when == "2022-02-24/2026-09-16"


def test_a_span_from_one_day_to_another_stays_that_span() -> None:  # guard
    text = "З 1 по 15 вересня внаслідок обстрілів в області загинули 12 людей."
    assert _claims(text)[("killed", 12)].when == "2026-09-01/2026-09-15"


def test_lei_are_money_not_the_dead() -> None:
    text = (
        "В ДТП у Пересечины погибли восемь человек.\n"
        "Семьям погибших выплатят по 50 тысяч леев из резервного фонда."
    )
    assert [key for key in _claims(text) if key[0] == "killed"] == [("killed", 8)]


def test_a_roundup_sentence_gives_each_figure_its_own_town_and_the_site_its_own() -> None:
    text = (
        "По его словам, трое человек погибли в Краматорске, где авиабомба попала в рынок "
        "«Сокол», двое — в Славянске, еще один человек — в селе Райгородок, сообщил "
        "начальник ОВА."
    )
    claims = _claims(text)
    assert place_agrees(claims[("killed", 3)].place, "рынок «Сокол», Краматорск")
    assert place_agrees(claims[("killed", 2)].place, "Славянск")
    assert place_agrees(claims[("killed", 1)].place, "Райгородок")


def test_no_event_headline_clause_or_we_is_a_source() -> None:
    text = (
        "Удар по вокзалу в Ковелі: кількість загиблих зросла до п'яти\n"
        "Кількість загиблих унаслідок удару по вокзалу в Ковелі зросла до п'яти, повідомив "
        "начальник ОВА Іван Петрук.\n"
        "Вдень ми повідомляли про трьох загиблих, написав Петрук."
    )
    claims = _claims(text)
    assert "Удар" not in (claims[("killed", 5)].attributed_to or "")
    assert claims[("killed", 3)].attributed_to != "ми"
    signed = "Он напомнил, что в 2019 году на трассе Кишинёв — Унгены погибли девять человек."
    assert _claims(signed)[("killed", 9)].attributed_to is None


def test_the_day_an_inquiry_heard_evidence_is_not_the_fires_day() -> None:
    text = (
        "Inquiry hears residents of Lakeview home were trapped\n"
        "HALIFAX — A locked fire door trapped residents of a seniors' home on the night of "
        "8 March, a coroner's inquiry heard on Tuesday.\n"
        "The fire at the Lakeview home killed nine residents, according to the coroner's "
        "office."
    )
    assert _claims(text)[("killed", 9)].when == "2026-03-08"


def test_a_share_of_a_quarters_count_told_alone_is_part_of_that_count() -> None:
    text = (
        "Yemen's civilian toll fell in the third quarter, monitor says\n"
        "SANAA, Oct 8 - At least 312 civilians were killed in Yemen between July and "
        "September, the Civilian Impact Monitoring Project said in a report on Thursday.\n"
        "Air strikes killed 41 civilians in Saada and Hajjah, it said."
    )
    claim = claims_by_figure(text, date(2026, 10, 8))[("killed", 41)]
    assert claim.scope == "cumulative"
    assert claim.when == "2026-07-01/2026-09-30"


def test_an_event_told_after_a_quarters_count_stays_an_event() -> None:  # guard
    text = (
        "SANAA, Oct 8 - At least 312 civilians were killed in Yemen between July and "
        "September, the Civilian Impact Monitoring Project said in a report on Thursday.\n"
        "In Hodeidah, seven fishermen drowned when a strike hit their boat, it said."
    )
    assert claims_by_figure(text, date(2026, 10, 8))[("killed", 7)].scope == "incident"
