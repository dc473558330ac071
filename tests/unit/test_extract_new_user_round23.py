"""Round 23 of docs/extraction.md: faults found by storing new reports of two strikes on one
city as a new user would; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2024, 3, 20)


def _extract(text: str, published: date = PUBLISHED) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _claims(text: str) -> list[tuple[int | None, int | None, str | None, str | None]]:
    return [(c.low, c.high, c.attributed_to, c.when) for c in _extract(text)]


def test_a_speaker_named_by_the_place_they_serve_after_a_dateline() -> None:
    text = (
        "Title of the report\n\nMYKOLAIV, 19 March 2024 - Mykolaiv's deputy mayor, Petro "
        "Hrytsenko, said on Tuesday that as many as 300 residents may have died in the "
        "villages during the occupation."
    )
    [(low, high, source, _)] = _claims(text)
    assert (low, high) == (None, 300) and source == "Petro Hrytsenko, deputy mayor"


def test_a_body_that_has_since_said_is_the_body() -> None:
    text = "The district council has since said that five people were killed in the fire."
    assert [source for *_, source, _ in _claims(text)] == ["district council"]


def test_since_a_clause_that_ends_in_a_month_runs_to_the_report() -> None:
    text = (
        "Medics have buried more than 250 people since the town was cut off from the "
        "river crossing in October 2023."
    )
    assert [when for *_, when in _claims(text)] == ["2023-10-01/2024-03-20"]


def test_the_deadliest_since_an_event_in_a_month_is_that_month() -> None:
    text = (
        "It was the deadliest fire in the city since a blaze at a textile mill in April "
        "2019 killed 41 workers."
    )
    assert [when for *_, when in _claims(text)] == ["2019-04-01/2019-04-30"]


def test_a_live_blog_entry_names_its_own_speaker_after_its_time() -> None:
    text = (
        "Live: storms in the north\n\n"
        "08:20 - Police in Lira say two fishermen drowned on Thursday.\n\n"
        "10:05 - NaDMA now puts the death toll from the storm in Gulu at 14."
    )
    assert [(low, source) for low, _, source, _ in _claims(text)] == [
        (2, "police in Lira"),
        (14, "NaDMA"),
    ]


def test_the_deadliest_since_a_month_when_a_past_event_killed_is_that_month() -> None:
    text = (
        "The landslide is the deadliest in the district since July 2020, when heavy rain "
        "buried 28 people in a village nearby."
    )
    assert [when for *_, when in _claims(text)] == ["2020-07-01/2020-07-31"]


def _places(text: str, published: date = PUBLISHED) -> list[tuple[str, int | None, str | None]]:
    return [(c.outcome, c.low, c.place) for c in _extract(text, published)]


def test_a_total_broken_down_after_a_colon_is_not_its_first_item_s() -> None:
    text = (
        "Storms hit Gilan province on Friday. The number of dead has risen to 41, the "
        "governor said on Saturday: 30 in Rasht, nine in the town of Lahijan and two in "
        "neighbouring Mazandaran province. More than 200 people were injured."
    )
    assert _places(text) == [
        ("killed", 41, "Gilan province"),
        ("killed", 30, "Rasht"),
        ("killed", 9, "Lahijan"),
        ("killed", 2, "Mazandaran province"),
        ("injured", 200, "Gilan province"),
    ]


def test_a_state_hospital_is_no_state() -> None:
    text = "The morgue at Rasht state hospital has received 35 bodies since Friday, staff said."
    assert [place for *_, place in _places(text)] == ["Rasht"]


def test_a_weekday_in_russian_or_ukrainian_is_that_day_in_a_report_of_that_day() -> None:
    monday = date(2011, 10, 24)
    text = "Погибли 12 человек в понедельник вечером в Ване."
    [claim] = _extract(text, monday)
    assert claim.when == "2011-10-24"


def test_the_day_a_russian_source_spoke_is_neither_the_source_nor_the_day_of_the_deaths() -> None:
    text = "Число погибших выросло до 279 человек, сообщило в понедельник агентство AFAD."
    [claim] = _extract(text, date(2011, 10, 24))
    assert (claim.attributed_to, claim.when) == ("агентство AFAD", None)


def test_a_tally_of_the_dead_found_in_the_rubble_of_one_building_is_that_event_s() -> None:
    text = (
        "Three more bodies were pulled from the rubble of the Sumy school on Sunday, bringing "
        "the confirmed tally to 11, the regional administration said."
    )
    assert {c.scope for c in _extract(text)} == {"incident"}


def test_a_local_government_area_is_named_by_its_name() -> None:
    text = (
        "Gunmen killed 21 villagers in Tangaza local government area of Sokoto State on "
        "Sunday, police said."
    )
    assert [place for *_, place in _places(text)] == ["Tangaza"]


def test_the_day_after_a_ukrainian_source_is_not_part_of_it() -> None:
    text = "Кількість загиблих зросла до 13, повідомила Запорізька ОВА в четвер."
    [claim] = _extract(text, date(2024, 3, 7))
    assert claim.attributed_to == "Запорізька ОВА"


def test_a_figure_an_earlier_statement_gave_below_a_running_total_is_that_total() -> None:
    for text in (
        "Since 3 May, 27 civilians have been killed in Belgorod region, the governor said. On "
        "Friday a drone killed one man in Shebekino. Earlier, the headquarters had reported "
        "25 dead.",
        "С 3 мая в Белгородской области погибли 27 мирных жителей. В пятницу при атаке "
        "беспилотника в Шебекино погиб один человек. Ранее в оперштабе сообщали о 25 погибших.",
    ):
        claims = _extract(text)
        [earlier] = [c for c in claims if c.low == 25]
        [total] = [c for c in claims if c.low == 27]
        assert (earlier.scope, earlier.place) == ("cumulative", total.place)


def test_a_russian_headline_rounding_the_body_s_count_is_that_count() -> None:
    text = (
        "Установлены имена более 41 тысячи погибших\n\n"
        "Журналисты установили имена 41 287 погибших с февраля 2022 года."
    )
    claims = _extract(text)
    assert {c.scope for c in claims} == {"cumulative"}


def test_among_those_who_died_is_a_part_of_the_total_before_it() -> None:
    text = (
        "У 2024 році на Сумщині внаслідок підриву на мінах загинули 9 цивільних, повідомили "
        "в ДСНС. Серед тих, хто загинув, — троє дітей."
    )
    claims = _extract(text)
    [children] = [c for c in claims if c.low == 3]
    assert children.part_of == 0 and children.scope == claims[0].scope


def test_a_country_in_the_instrumental_is_an_actor_not_a_place() -> None:
    text = (
        "В Каховке 12 человек погибли при наводнении. Назначенные Россией власти заявляют "
        "о 17 погибших."
    )
    places = {c.low: c.place for c in _extract(text)}
    assert places[17] != "Россия"


def test_a_total_in_all_that_sums_the_event_s_figures_is_the_event_s_toll() -> None:
    for text in (
        "A missile hit a block of flats in Izium. Rescuers pulled 9 bodies from the rubble, and "
        "two more people died in hospital. In all, 11 people died, among them a child.",
        "Ракета влучила в житловий будинок в Ізюмі. З-під завалів витягли тіла 9 людей, ще двоє "
        "людей померли в лікарні. Загалом загинули 11 людей, серед них дитина.",
    ):
        claims = _extract(text)
        [total] = [c for c in claims if c.low == 11]
        assert total.scope == "incident", text


def test_a_part_or_article_of_a_law_is_no_figure() -> None:
    text = (
        "Розпочато розслідування порушення законів війни, поєднаного з умисним вбивством "
        "(ч. 2 ст. 438 КК України). Унаслідок удару загинули 5 цивільних."
    )
    assert [c.low for c in _extract(text)] == [5]


def test_bodies_buried_are_a_burial_not_a_death_toll() -> None:
    text = "На кладовищі в Ізюмі поховали тіла 40 невпізнаних людей."
    [claim] = _extract(text)
    assert claim.outcome == "buried"


def test_the_month_a_figure_was_said_in_is_no_period() -> None:
    text = (
        "Авиаудар по театру в Мариуполе 16 марта. Городской совет в марте говорил примерно "
        "о 300 погибших."
    )
    claims = _extract(text)
    assert [(c.low, c.scope) for c in claims] == [(300, "incident")]


def test_bodies_that_still_lie_under_the_rubble_are_a_running_count() -> None:
    text = "У Центральному районі під завалами будинків досі лежать тіла близько 150 людей."
    assert [c.scope for c in _extract(text)] == ["cumulative"]


def test_figures_of_one_sentence_that_add_up_to_the_toll_are_its_parts() -> None:
    text = (
        "A gunman killed 12 people at a market and a cafe in Riverton on Friday night, police "
        "said. Five people died at the market and four at the cafe; three died in hospital."
    )
    claims = _extract(text)
    assert [(c.low, c.part_of) for c in claims if c.outcome == "killed"] == [
        (12, None),
        (5, 0),
        (4, 0),
        (3, 0),
    ]


def test_among_the_dead_after_bodies_found_counts_bodies() -> None:
    text = (
        "У лісі під Ізюмом знайшли тіла 120 людей. За його словами, більшість із них — "
        "цивільні, серед загиблих є 9 військовослужбовців."
    )
    claims = _extract(text)
    [soldiers] = [c for c in claims if c.low == 9]
    assert (soldiers.outcome, soldiers.part_of) == ("bodies_found", 0)
