"""Ukrainian and Russian extraction: numbers, hedges, outcomes, dates, places, sources and
whole reports (mixed with English too), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.uk_ru.dates_uk_ru import find_dates_uk_ru
from tollbook.extract.uk_ru.hedges_uk_ru import qualify
from tollbook.extract.uk_ru.language import language_of
from tollbook.extract.uk_ru.numbers_uk_ru import find_numbers, plain_lower
from tollbook.extract.uk_ru.outcomes_uk_ru import outcome_of
from tollbook.extract.uk_ru.places_uk_ru import find_districts, find_places_uk_ru
from tollbook.extract.uk_ru.sources_uk_ru import source_of


def _numbers(text: str) -> list[tuple[int | None, int | None]]:
    return [(n.low, n.high) for n in find_numbers(plain_lower(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("сімнадцять", [(17, 17)]),
        ("сімнадцяти", [(17, 17)]),
        ("семнадцати", [(17, 17)]),
        ("двоє і троє", [(2, 2), (3, 3)]),
        ("пятеро", [(5, 5)]),
        ("півтори тисячі", [(1500, 1500)]),
        ("полторы тысячи", [(1500, 1500)]),
        ("понад тисячу", [(1000, 1000)]),
        ("более тысячи", [(1000, 1000)]),
        ("близько двохсот", [(200, 200)]),
        ("двісті сорок три", [(243, 243)]),
        ("двадцять п’ять тисяч", [(25000, 25000)]),
        ("10 000", [(10000, 10000)]),
        ("1 300 человек", [(1300, 1300)]),
        ("20 тысяч", [(20000, 20000)]),
        ("від семи до десяти", [(7, 10)]),
        ("от 500 до 700", [(500, 700)]),
        ("десятки тысяч", [(None, None)]),
        ("сотні", [(None, None)]),
        ("тисячі людей", [(None, None)]),
    ],
)
def test_numbers_in_digits_and_words_in_their_case_forms(
    text: str, expected: list[tuple[int | None, int | None]]
) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("щонайменше 5", ("at_least", 5, None)),
        ("не менше 5", ("at_least", 5, None)),
        ("принаймні 5", ("at_least", 5, None)),
        ("по меньшей мере 5", ("at_least", 5, None)),
        ("не менее 5", ("at_least", 5, None)),
        ("понад 5", ("more_than", 5, None)),
        ("більше 5", ("more_than", 5, None)),
        ("свыше 5", ("more_than", 5, None)),
        ("более 5", ("more_than", 5, None)),
        ("близько 5", ("about", 5, 5)),
        ("приблизно 5", ("about", 5, 5)),
        ("около 5", ("about", 5, 5)),
        ("порядка 5", ("about", 5, 5)),
        ("до 5", ("up_to", None, 5)),
        ("кількість загиблих зросла до 5", ("exact", 5, 5)),
        ("від 5 до 9", ("range", 5, 9)),
        ("от 5 до 9", ("range", 5, 9)),
        ("десятки", ("vague", None, None)),
        ("5", ("exact", 5, 5)),
    ],
)
def test_hedges_give_qualifiers(text: str, expected: tuple[str, int | None, int | None]) -> None:
    lower = plain_lower(text)
    number = find_numbers(lower)[-1]
    assert qualify(lower, number) == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("загинули 7 людей", "killed"),
        ("7 загиблих", "killed"),
        ("вбито 7 людей", "killed"),
        ("погибли 7 человек", "killed"),
        ("7 человек убиты", "killed"),
        ("7 погибших", "killed"),
        ("7 людей поранені", "injured"),
        ("ранены 7 человек", "injured"),
        ("7 людей постраждали", "injured"),
        ("7 человек пострадали", "injured"),
        ("7 людей зникли безвісти", "missing"),
        ("7 человек пропали без вести", "missing"),
        ("поховали 7 загиблих", "buried"),
        ("7 людей поховані", "buried"),
        ("похоронены 7 человек", "buried"),
        ("тіла 7 людей виявили", "bodies_found"),
        ("обнаружены тела 7 человек", "bodies_found"),
        ("постраждали 7 людей, з них двоє загинули", None),
        ("7 будинків зруйновано", "not read"),
    ],
)
def test_outcomes(text: str, outcome: str | None) -> None:
    lower = plain_lower(text)
    n = find_numbers(lower)[0]
    if outcome == "not read":
        report = Report("t", text[0].upper() + text[1:] + ".", date(2024, 5, 2))
        assert extract_claims(report) == []
        return
    assert outcome_of(lower, n.start, n.end, 0) == outcome


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9 березня", "2024-03-09"),
        ("9 марта", "2024-03-09"),
        ("12 травня 2023 року", "2023-05-12"),
        ("9 грудня", "2023-12-09"),  # no year: the latest 9 December before publication
        ("учора", "2024-05-01"),
        ("вчера", "2024-05-01"),
        ("у вівторок", "2024-04-30"),
        ("минулого тижня", "2024-04-22/2024-04-28"),
        ("на прошлой неделе", "2024-04-22/2024-04-28"),
        ("за добу", "2024-05-01/2024-05-02"),
        ("з початку повномасштабного вторгнення", "2022-02-24/2024-05-02"),
        ("с начала вторжения", "2022-02-24/2024-05-02"),
    ],
)
def test_dates_against_publication(text: str, value: str) -> None:
    dates = find_dates_uk_ru(plain_lower(text), date(2024, 5, 2))  # a Thursday
    assert [d.value for d in dates] == [value]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("у Маріуполі", ["Маріуполь"]),
        ("в Мариуполе", ["Мариуполь"]),
        ("під Ізюмом", ["Ізюм"]),
        ("в Одессе", ["Одесса"]),
        ("у Києві та Харкові", ["Київ", "Харків"]),
        ("у Сумах", ["Суми"]),
        ("по Запоріжжю", ["Запоріжжя"]),
        ("на Донеччині", ["Донеччина"]),
        ("у Харківській області", ["Харківська область"]),
        ("в Донецкой области", ["Донецкая область"]),
        ("в Україні", ["Україна"]),
    ],
)
def test_places_in_the_nominative(text: str, names: list[str]) -> None:
    language = language_of(text)
    assert [p.place.name for p in find_places_uk_ru(text, language)] == names


def test_districts_take_their_city() -> None:
    for text, name in (
        ("у Лівобережному районі Маріуполя", "Лівобережний район, Маріуполь"),
        ("в Левобережном районе Мариуполя", "Левобережный район, Мариуполь"),
        ("у Шевченківському районі Харкова", "Шевченківський район, Харків"),
    ):
        language = language_of(text)
        places = find_places_uk_ru(text, language)
        assert [d.place.name for d in find_districts(text, language, places, None)] == [name]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Загинули троє, повідомив начальник ОВА Іван Коваль.", "Іван Коваль, начальник ОВА"),
        ("За словами голови громади Петра Гната, загинули троє.", "Петро Гнат, голова громади"),
        ("Загинули троє, за даними міської ради.", "міська рада"),
        ("Загинули троє, як зазначили в поліції.", "поліція"),
        ("Погибли трое, сообщил мэр Олег Петров.", "Олег Петров, мэр"),
        ("По данным ООН, погибли трое.", "ООН"),
        ("По словам врача Анны Ким, погибли трое.", "Анна Ким, врач"),
        ("Погибли трое, заявила полиция.", "полиция"),
    ],
)
def test_sources(text: str, source: str) -> None:
    assert source_of(text, plain_lower(text)) == (source, False)


def test_a_ukrainian_report_gives_claims_with_evidence_offsets() -> None:
    text = (
        "Удар по Маріуполю\n"
        "Учора в Маріуполі загинули щонайменше сімнадцять людей, серед них троє дітей. "
        "Ще 40 людей поранені, повідомила міська рада."
    )
    claims = extract_claims(Report("uk", text, date(2022, 3, 10), "Удар по Маріуполю"))
    got = [(c.outcome, c.low, c.high, c.qualifier, c.victims, c.place, c.when) for c in claims]
    assert got == [
        ("killed", 17, None, "at_least", "people", "Маріуполь", "2022-03-09"),
        ("killed", 3, 3, "exact", "children", "Маріуполь", "2022-03-09"),
        ("injured", 40, 40, "exact", "people", "Маріуполь", "2022-03-09"),
    ]
    assert claims[1].part_of == 0
    assert {c.attributed_to for c in claims} == {"міська рада"}
    assert all(c.kind == "official" for c in claims)
    for c in claims:
        assert c.evidence_start is not None
        assert text[c.evidence_start : c.evidence_start + len(c.evidence)] == c.evidence


def test_a_report_mixing_english_and_russian_reads_both_and_counts_a_figure_once() -> None:
    text = (
        "Missiles hit Kharkiv on Monday, killing 9 people, police said.\n"
        "В Харькове погибли девять человек, еще 31 ранен, сообщила полиция."
    )
    claims = extract_claims(Report("mix", text, date(2024, 5, 2)))
    got = [(c.outcome, c.low, c.place) for c in claims]
    assert got == [("killed", 9, "Kharkiv"), ("injured", 31, "Харьков")]
    for c in claims:
        assert c.evidence_start is not None
        assert text[c.evidence_start : c.evidence_start + len(c.evidence)] == c.evidence


def test_cumulative_scope_and_estimates() -> None:
    text = (
        "З початку повномасштабного вторгнення в Україні загинули понад 500 дітей, "
        "повідомили в Офісі Генерального прокурора. "
        "Реальна кількість загиблих може сягнути 700, вважають правозахисники."
    )
    claims = extract_claims(Report("cum", text, date(2023, 6, 1)))
    assert [(c.low, c.high, c.qualifier, c.scope, c.kind) for c in claims] == [
        (500, None, "more_than", "cumulative", "official"),
        # the real number of the same dead is a running total too, as monitors code it
        # (round 21; it was read as one incident before)
        (None, 700, "up_to", "cumulative", "estimate"),
    ]
    assert claims[0].when == "2022-02-24/2023-06-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dash stands for the verb
        ("Двоє людей загинули, 14 — поранені в Одесі.", [("killed", 2), ("injured", 14)]),
        # a time of day and an age are not figures
        ("Станом на 10:00 відомо про 12 загиблих.", [("killed", 12)]),
        ("У Херсоні загинув 65-річний чоловік.", []),
        # bodies pulled from the rubble, with a subgroup
        (
            "Из-под завалов извлекли тела 19 человек, включая троих детей.",
            [("bodies_found", 19), ("bodies_found", 3)],
        ),
        ("Евакуювали 300 людей, загиблих немає.", []),
    ],
)
def test_telegram_style_sentences(text: str, expected: list[tuple[str, int]]) -> None:
    claims = extract_claims(Report("tg", text, date(2024, 5, 2)))
    assert [(c.outcome, c.low) for c in claims] == expected


def test_a_signature_and_an_attributing_sentence_name_the_source() -> None:
    signed = "Окупанти вбили 2 мешканців області, — Олег Синєгубов."
    assert source_of(signed, plain_lower(signed)) == ("Олег Синєгубов", False)
    text = "У Покровську загинули 3 людини. Про це повідомив начальник МВА Сергій Добряк."
    claims = extract_claims(Report("s", text, date(2024, 5, 2)))
    assert [(c.attributed_to, c.kind) for c in claims] == [
        ("Сергій Добряк, начальник МВА", "official")
    ]


def test_a_village_is_named_as_written() -> None:
    text = "Загинули 5 цивільних у селі Гроза."
    claims = extract_claims(Report("v", text, date(2024, 5, 2)))
    assert [c.place for c in claims] == ["Гроза"]


def test_a_list_without_its_verb_and_places_that_change_their_stem() -> None:
    text = "В Авдіївці загинули двоє, в Ірпені — троє, у Кривому Розі — один."
    claims = extract_claims(Report("list", text, date(2024, 5, 2)))
    assert [(c.outcome, c.low, c.place) for c in claims] == [
        ("killed", 2, "Авдіївка"),
        ("killed", 3, "Ірпінь"),
        ("killed", 1, "Кривий Ріг"),
    ]


def test_a_span_of_days_recorded_by_a_body_is_a_running_total() -> None:
    text = "Місія ООН зафіксувала загибель 12 цивільних у Сумах з 1 по 15 березня."
    claims = extract_claims(Report("span", text, date(2024, 5, 2)))
    assert [(c.when, c.scope, c.kind, c.attributed_to) for c in claims] == [
        ("2024-03-01/2024-03-15", "cumulative", "official", "Місія ООН")
    ]
    spans = find_dates_uk_ru(plain_lower("с 24 февраля по 30 апреля"), date(2024, 3, 16))
    assert [d.value for d in spans] == ["2023-02-24/2023-04-30"]


def test_a_subgroup_in_a_sentence_of_its_own() -> None:
    text = "Кількість загиблих у Умані зросла до 23 осіб. Серед них — 6 дітей."
    claims = extract_claims(Report("sub", text, date(2024, 5, 2)))
    assert [(c.low, c.victims, c.part_of) for c in claims] == [
        (23, "people", None),
        (6, "children", 0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "До войны в Мариуполе проживали около 430 тысяч человек.",
        "Из города эвакуировали более 5 тысяч человек.",
        "Спасатели спасли 40 человек из-под завалов.",
        "Россия выпустила по Украине 90 ракет и 60 дронов.",
    ],
)
def test_population_rescued_evacuated_and_weapons_are_not_claims(text: str) -> None:
    assert extract_claims(Report("no", text, date(2024, 5, 2))) == []


def test_the_wounded_who_died_lives_taken_and_a_common_noun_that_opens_a_sentence() -> None:
    text = (
        "Еще двое раненых скончались в больнице. Удар унес жизни 14 человек. "
        "Атака забрала життя 8 людей."
    )
    claims = extract_claims(Report("d", text, date(2024, 5, 2)))
    assert [(c.outcome, c.low, c.place) for c in claims] == [
        ("killed", 2, None),
        ("killed", 14, None),
        ("killed", 8, None),
    ]
