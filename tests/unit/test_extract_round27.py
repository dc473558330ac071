"""Round 27 of docs/extraction.md: Ukrainian and Russian reports of several events (daily
summaries, monthly updates, rescue updates); each test fails without its rule (a guard
test, so named, fails if a rule reaches too far). The sentences are written for these
tests."""

from __future__ import annotations

from datetime import date

from tollbook.count.wording import read_wording
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.uk_ru.language import language_of

PUBLISHED = date(2026, 6, 12)


def _extract(text: str) -> list[Claim]:
    return extract_claims(Report("r", text, published=PUBLISHED))


def _figures(text: str) -> list[tuple[str, int | None]]:
    return [(c.outcome, c.low) for c in _extract(text)]


def test_russian_gibel_is_a_death() -> None:
    assert ("killed", 57) in _figures(
        "В мае миссия зафиксировала гибель 57 мирных жителей и ранения еще 300 человек."
    )


def test_a_number_joined_to_a_name_is_no_figure() -> None:
    figures = _figures("На шахте «Северная-3» под Интой погибли шесть горняков.")
    assert figures == [("killed", 6)]


def test_a_share_in_thirds_is_no_figure() -> None:
    assert _figures("Понад дві третини загиблих — люди похилого віку, кажуть у місії.") == []


def test_money_in_millions_is_no_figure() -> None:
    assert _figures("Семьям погибших выплатят по 1 миллиону тенге, сообщил аким.") == []


def test_a_telephone_line_is_no_figure() -> None:
    assert _figures("Поліція просить родичів загиблих телефонувати на лінію 104.") == []


def test_interviews_and_visits_are_no_figures() -> None:
    text = "За місяць фахівці провели 64 інтерв'ю з постраждалими і здійснили 7 виїздів у громади."
    assert _figures(text) == []


def test_the_same_period_a_year_before_is_a_period_count() -> None:
    claims = _extract("За аналогічний період минулого року на дорогах області загинули 40 людей.")
    assert [(c.low, c.scope) for c in claims] == [(40, "cumulative")]


def test_where_most_of_a_period_s_dead_died_is_a_period_count() -> None:
    claims = _extract("Найбільше цивільних загинуло в Запорізькій області (27).")
    assert [(c.low, c.scope) for c in claims] == [(27, "cumulative")]


def test_bodies_pulled_out_with_the_verb_far_before_them() -> None:
    text = (
        "Рятувальники вночі дістали з-під уламків п'ятиповерхівки в селищі Оленівка "
        "Бахмутського району тіла ще двох людей."
    )
    assert _figures(text) == [("bodies_found", 2)]


def test_told_to_journalists_in_a_body_is_that_body() -> None:
    claims = _extract(
        "Число погибших при пожаре на складе выросло до девяти, сообщили журналистам в "
        "Главном управлении МЧС по Омской области."
    )
    assert claims[0].attributed_to == "Главное управление МЧС по Омской области"
    assert claims[0].kind == "official"


def test_a_period_before_the_body_that_recorded_it() -> None:
    claims = _extract(
        "Загалом від 1 січня 2026 року ММПЛУ підтвердила загибель 812 цивільних у країні."
    )
    assert claims[0].attributed_to == "ММПЛУ"
    assert claims[0].kind == "official"


def test_a_list_by_community_is_part_of_the_day_s_toll() -> None:
    text = (
        "Херсонщина за добу\n"
        "Вчора ворог атакував 9 громад області. Загинули двоє людей.\n"
        "- Білозерська громада: 1 загиблий\n"
        "- Херсонська громада: 1 загиблий\n"
        "Голова Херсонської ОВА"
    )
    claims = _extract(text)
    total = next(i for i, c in enumerate(claims) if c.low == 2)
    assert [c.part_of for c in claims if c.low == 1] == [total, total]


def test_guard_a_list_under_a_running_total_stays_the_day_s_events() -> None:
    text = (
        "Оперативная сводка\n"
        "С начала месяца в области погибли 30 мирных жителей.\n"
        "- Купянская громада: 2 погибших\n"
        "- Изюмская громада: 1 погибший\n"
    )
    claims = _extract(text)
    assert [c.part_of for c in claims if c.low in (1, 2)] == [None, None]


def test_the_day_a_strike_s_toll_is_given_as_of_is_not_its_day() -> None:
    text = (
        "Станом на ранок суботи, 13 червня, кількість загиблих унаслідок удару по Одесі "
        "зросла до семи. Ракета влучила в будинок у четвер ввечері, поранені 12 людей."
    )
    claims = _extract(text)
    assert claims[0].low == 7
    assert claims[0].when == "2026-06-11"
    assert claims[0].scope == "incident"


def test_the_wounded_who_died() -> None:
    assert _figures("Вночі в лікарні померли троє поранених.") == [("killed", 3)]


def test_one_strike_is_no_figure() -> None:
    figures = _figures("Це найбільша кількість жертв одного удару з початку року.")
    assert ("killed", 1) not in figures


def test_a_measure_with_a_decimal_point_is_no_figure() -> None:
    assert _figures("Землетрясение магнитудой 5,8 унесло жизни 4 человек.") == [("killed", 4)]


def test_a_fraction_of_a_thousand() -> None:
    assert _figures("За даними ООН, загинули 1,5 тисячі людей.") == [("killed", 1500)]


def test_guard_where_most_died_in_one_village_is_that_event_s_share() -> None:
    claims = _extract("Больше всего жертв в кишлаке Навобод: там погибли 9 человек.")
    assert [(c.low, c.scope, c.place) for c in claims] == [(9, "incident", "Навобод")]


def test_a_dateline_is_not_where_the_event_was() -> None:
    claims = _extract("Сель в горах\nБишкек, 3 июня. Спасатели сообщили, что погибли двое чабанов.")
    assert [(c.low, c.place) for c in claims] == [(2, None)]


def test_an_earlier_toll_is_of_the_event_s_day() -> None:
    text = (
        "Сель сошел на село вечером 9 июня. Число погибших достигло 14.\n"
        "11 июня спасатели нашли тела троих.\n"
        "Ранее в МЧС сообщали об 11 погибших."
    )
    claims = _extract(text)
    when = {c.low: c.when for c in claims}
    assert when[11] == when[14] == "2026-06-09"


def test_a_subgroup_of_the_dead_after_the_wounded() -> None:
    claims = _extract(
        "Погибли семь человек, 31 получил ранения. Консульство уточнило, что среди погибших — "
        "пятеро граждан России."
    )
    seven = next(i for i, c in enumerate(claims) if c.low == 7)
    assert next(c.part_of for c in claims if c.low == 5) == seven


def test_a_figure_after_a_colon_explains_the_one_before() -> None:
    claims = _extract(
        "Агентство сообщило о восьми погибших: по его словам, один из пострадавших скончался "
        "по дороге в больницу."
    )
    assert [(c.low, c.part_of) for c in claims] == [(8, None), (1, 0)]


def test_villages_that_add_up_to_the_toll_are_its_shares() -> None:
    text = (
        "Землетрясение в долине: число погибших выросло до 12\n"
        "В кишлаке Навобод погибли 7 человек.\n"
        "Еще пятеро погибли в кишлаке Хаит."
    )
    claims = _extract(text)
    assert [c.part_of for c in claims if c.low in (7, 5)] == [0, 0]


def test_a_road_and_a_bus_route_are_not_the_place() -> None:
    claims = _extract(
        "На трасі Київ – Чоп зіткнулися автобус «Рівне – Львів» і вантажівка, загинули троє людей."
    )
    assert [(c.low, c.place) for c in claims] == [(3, None)]


def test_the_town_whose_hospitals_took_the_wounded_is_not_the_place() -> None:
    claims = _extract("Ще 12 поранених доправили до лікарень Житомира.")
    assert [c.place for c in claims] == [None]


def test_the_village_not_the_province() -> None:
    claims = _extract(
        "Автобус упал в ущелье у поселка Бозкыр в провинции Конья, погибли 4 человека."
    )
    assert [c.place for c in claims] == ["Бозкыр"]


def test_a_toll_as_of_the_morning_is_one_event_s() -> None:
    claims = _extract("Станом на ранок п'ятниці загинули 38 людей, повідомило AFAD.")
    assert [(c.low, c.scope) for c in claims] == [(38, "incident")]


def test_guard_a_toll_as_of_a_date_since_the_invasion_stays_a_running_total() -> None:
    claims = _extract(
        "Станом на ранок 14 квітня внаслідок повномасштабної збройної агресії загинули 200 дітей."
    )
    assert [(c.low, c.scope) for c in claims] == [(200, "cumulative")]


def test_bodies_listed_by_day_under_the_bodies_recovered() -> None:
    text = (
        "Завершено пошуки\n"
        "Загалом з-під завалів дістали тіла 9 загиблих.\n"
        "Тіла, виявлені за добами:\n"
        "- 3 липня: 6 тіл\n"
        "- 4 липня: 3 тіла\n"
    )
    claims = _extract(text)
    nine = next(i for i, c in enumerate(claims) if c.low == 9)
    assert [(c.outcome, c.part_of) for c in claims if c.low in (6, 3)] == [
        ("bodies_found", nine),
        ("bodies_found", nine),
    ]


def test_guard_key_points_that_repeat_the_toll_are_not_its_parts() -> None:
    text = (
        "Атака на Дніпро: кількість загиблих зросла до шести\n"
        "Головне:\n"
        "- У Дніпрі загинули шестеро людей\n"
        "- У Підгородному загинула одна людина\n"
    )
    assert [c.part_of for c in _extract(text) if c.low == 1] == [None]


def test_a_past_attack_told_for_context_does_not_date_the_news() -> None:
    text = (
        "Удар по Харкову: загинули троє\n"
        "Уламки ракети влучили в житловий будинок, загинули троє людей.\n"
        "Контекст: попередня атака на Харків 2 травня забрала життя двох людей."
    )
    claims = _extract(text)
    assert [c.when for c in claims if c.low == 3] == [None]


def test_a_town_not_the_land_it_lies_in() -> None:
    claims = _extract("У Броварах на Київщині загинула одна людина.")
    assert [c.place for c in claims] == ["Бровари"]


def test_a_district_of_the_headline_s_town() -> None:
    text = (
        "Атака на Київ: загинули двоє\n"
        "У Броварах уламки дрона пошкодили будинок.\n"
        "У Дарницькому районі загинули двоє людей."
    )
    claims = _extract(text)
    assert [c.place for c in claims if c.low == 2][-1] == "Дарницький район, Київ"


def test_kryvyi_rih_in_the_dative() -> None:
    claims = _extract("Ракетный удар по Кривому Рогу 17 октября унес жизни 12 человек.")
    assert [c.place for c in claims] == ["Кривой Рог"]


def test_two_figures_of_one_verb_each_with_its_town() -> None:
    claims = _extract(
        "Крім Краматорська, 19 листопада росіяни вбили двох людей у Дружківці та одного "
        "чоловіка в Костянтинівці."
    )
    assert [(c.outcome, c.low, c.place) for c in claims] == [
        ("killed", 2, "Дружківка"),
        ("killed", 1, "Костянтинівка"),
    ]


def test_the_person_a_street_is_named_after_is_no_place() -> None:
    text = "Удар по місту\nВ Ізюмі уламки впали на вулиці Ярослава Мудрого, загинули двоє людей."
    claims = _extract(text)
    assert [(c.low, (c.place or "").split(", ")[-1]) for c in claims] == [(2, "Ізюм")]


def test_the_words_of_a_law_are_no_figure() -> None:
    text = "Дело возбуждено по статье 238 (услуги, повлекшие смерть двух или более лиц)."
    assert _figures(text) == []


def test_the_risen_toll_of_the_report_s_event_is_that_event_s() -> None:
    text = (
        "Удар по Краматорську: загинули семеро\n"
        "У четвер, 19 листопада, авіабомба влучила в пункт видачі допомоги в Краматорську, "
        "загинули семеро людей.\n"
        "У п'ятницю в лікарні помер ще один поранений, тож кількість загиблих зросла до "
        "восьми, уточнили в Національній поліції Донеччини."
    )
    claims = extract_claims(Report("r", text, published=date(2026, 11, 20)))
    seven = next(c for c in claims if c.low == 7)
    eight = next(c for c in claims if c.low == 8)
    assert (eight.place, eight.when) == (seven.place, seven.when)


def test_a_part_and_a_figure_of_another_sentence_are_two_figures() -> None:
    text = (
        "Удар по Краматорську\n"
        "Загинули семеро людей, серед них двоє волонтерів.\n"
        "Крім того, росіяни вбили двох людей у Дружківці."
    )
    assert [c.low for c in _extract(text)].count(2) == 2


def test_a_colon_after_a_figure_is_no_time_of_day() -> None:
    assert ("killed", 11) in _figures("Число погибших достигло 11: двое скончались в реанимации.")


def test_the_poisoned_are_injured() -> None:
    text = (
        "В результате погибли 9 пациентов, еще 14 человек получили отравление продуктами горения."
    )
    assert _figures(text) == [("killed", 9), ("injured", 14)]


def test_a_region_in_a_governor_s_title_is_not_the_place() -> None:
    claims = _extract(
        "Губернатор Омской области Дмитрий Ласточкин заявил, что число погибших выросло до девяти."
    )
    assert [(c.low, c.place) for c in claims] == [(9, None)]


def test_a_temperature_is_no_figure() -> None:
    text = "Поисковики нашли тела 41 погибшего, поиски идут при морозе до минус 48 градусов."
    assert _figures(text) == [("bodies_found", 41)]


def test_an_earlier_or_corrected_toll_in_ukrainian_and_russian_is_a_revision() -> None:
    assert read_wording("Ранее в МЧС сообщали об 11 погибших.").revises
    assert read_wording("Раніше повідомлялося про вісьмох загиблих.").revises
    assert read_wording("В первые часы источник называл число 45 погибших.").revises
    assert not read_wording("В результате удара погибли 7 человек.").revises


def test_a_release_s_header_is_the_source_of_figures_that_name_none() -> None:
    text = (
        "Удар по зупинці в Херсоні\n"
        "Херсонська обласна прокуратура | 9 червня 2026 року\n"
        "Унаслідок удару загинули двоє чоловіків, ще п'ятеро людей дістали поранення."
    )
    claims = _extract(text)
    assert {(c.attributed_to, c.kind) for c in claims} == {
        ("Херсонська обласна прокуратура", "official")
    }


def test_a_press_service_header_is_its_body() -> None:
    text = (
        "Удар по порту\n"
        "Пресс-служба Одесской областной прокуратуры | 5 мая 2026 года\n"
        "В результате удара погибли три человека."
    )
    assert [c.attributed_to for c in _extract(text)] == ["Одесская областная прокуратура"]


def test_a_signature_with_the_title_first() -> None:
    text = (
        "Обстановка за сутки.\n"
        "Вчера в селе Головчино при атаке дрона погиб один человек.\n"
        "Губернатор Белгородской области Андрей Гордеев"
    )
    claims = _extract(text)
    assert [(c.attributed_to, c.kind) for c in claims] == [
        ("Андрей Гордеев, Губернатор Белгородской области", "official")
    ]


def test_the_agency_is_the_body_named_before() -> None:
    text = (
        "Взрыв на шахте\n"
        "Число погибших возросло до 12, сообщили в Главном управлении МЧС по Омской области.\n"
        "Ранее в ведомстве сообщали о девяти погибших."
    )
    claims = _extract(text)
    assert claims[-1].attributed_to == "Главное управление МЧС по Омской области"


def test_a_subject_after_since_the_invasion() -> None:
    claims = _extract(
        "Від початку повномасштабного вторгнення поліція Сумщини задокументувала загибель "
        "812 цивільних."
    )
    assert [c.attributed_to for c in claims] == ["Поліція Сумщини"]


def test_a_sentence_with_no_telling_letter_is_read_by_its_words() -> None:
    assert language_of("Сообщили в Главном управлении МЧС по Омской области.") == "ru"
    assert language_of("Повідомили в управлінні поліції.") == "uk"


def test_a_past_disaster_of_a_month_and_year_is_one_event_of_that_month() -> None:
    claims = _extract("На цій шахті в березні 2017 року під час обвалу загинули двоє гірників.")
    assert [(c.scope, c.when) for c in claims] == [("incident", "2017-03-01/2017-03-31")]


def test_last_year_s_month() -> None:
    text = "Торік у листопаді під час пожежі в будинку для літніх людей загинули троє людей."
    assert [c.when for c in _extract(text)] == ["2025-11-01/2025-11-30"]


def test_guard_the_month_a_figure_was_given_is_not_its_date() -> None:
    claims = _extract("Власти еще в апреле 2022-го называли цифру в 22 тысячи погибших жителей.")
    assert [c.when for c in claims] == [None]


def test_years_and_a_whole_month_of_a_war_are_period_counts() -> None:
    text = "За десять лет войны в Афганистане погибли около 15 тысяч советских военных."
    assert [c.scope for c in _extract(text)] == ["cumulative"]
    text = "Только за июль журналисты установили имена 2 100 погибших военных."
    assert [c.scope for c in _extract(text)] == ["cumulative"]


def test_a_hyphenated_town_whose_two_parts_decline() -> None:
    claims = _extract(
        "Беспилотник ударил по частному сектору Белгорода-Днестровского, погиб один человек."
    )
    assert [c.place for c in claims] == ["Белгород-Днестровский"]


def test_a_town_in_ia_in_the_genitive() -> None:
    claims = _extract("Унаслідок удару по центру Балаклії загинули троє людей.")
    assert [c.place for c in claims] == ["Балаклія"]


def test_guard_a_risen_toll_of_a_strike_on_a_named_town_is_its_own() -> None:
    text = (
        "Наслідки ударів за добу\n"
        "Учора в області загинули 2 людини.\n"
        "Кількість загиблих унаслідок удару по Балаклії 30 жовтня зросла до п'яти."
    )
    claims = extract_claims(Report("r", text, published=date(2026, 11, 2)))
    assert next(c.place for c in claims if c.low == 5) == "Балаклія"


def test_two_and_a_half_thousand() -> None:
    text = "Станом на ранок четверга в Херсоні загинули близько двох з половиною тисяч людей."
    claims = _extract(text)
    assert [(c.low, c.scope) for c in claims] == [(2500, "cumulative")]


def test_areas_counted_and_searchers_are_no_figures() -> None:
    assert _figures("Під час паводку в чотирьох областях загинули понад 30 людей.") == [
        ("killed", 30)
    ]
    assert _figures("Двоє людей вважаються зниклими, їх шукають понад 200 рятувальників.") == [
        ("missing", 2)
    ]


def test_guard_one_more_dead_is_no_share_of_the_headline_toll() -> None:
    text = (
        "Паводок: троє загиблих\n"
        "Рахівська міська рада повідомила про ще одну загиблу біля села Кваси."
    )
    assert [c.part_of for c in _extract(text) if c.low == 1] == [None]
