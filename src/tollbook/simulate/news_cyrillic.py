"""Simulated news in Ukrainian and Russian, with their claims coded by construction.

Besides the English outlets, the city council posts about each large incident in
Ukrainian the day after it (a Telegram post: "Учора внаслідок обстрілу у Степовому районі
загинули 12 людей, ще 30 поранені"), and a Russian-language outlet reports the city's
running toll every two weeks ("С начала блокады в городе Степаноград погибли не менее
1200 мирных жителей"). Coded as ``tests/data/outlets-uk-ru/NOTES.md`` codes real posts:
places in the nominative and in the post's script (the district without "район", as the
English news drop "district"), sources as written, English ``victims``, "учора" the day
before publication, "з початку блокади" a running total from the siege's first day.
"""

from __future__ import annotations

from datetime import date, timedelta

from tollbook.simulate.deaths import SimulatedIncident
from tollbook.simulate.news import Draft, claim

UK_COLLECTIVE = ("", "", "двоє", "троє", "четверо", "п'ятеро", "шестеро", "семеро")
RU_COLLECTIVE = ("", "", "двое", "трое", "четверо", "пятеро", "шестеро", "семеро")
UK_ATTACKS = ("обстрілу", "ракетного удару", "авіаудару", "удару керованою авіабомбою")


def _plural(n: int, one: str, few: str, many: str) -> str:
    """The noun form Ukrainian and Russian use after the number ``n``."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _locative_district(name: str) -> str:
    """ "Степовий" -> "у Степовому районі"; a name that is not an adjective keeps its form."""
    if name.endswith("ий"):
        return f"у {name[:-2]}ому районі"
    return f"у районі {name}"


def uk_council_post(
    report: Draft, incident: SimulatedIncident, district: str, killed: int, injured: int
) -> None:
    """The city council's post about an incident, published the day after it."""
    rng = report.rng
    day = report.published - timedelta(days=1)
    when = day.isoformat()
    council = "міська рада"
    where = _locative_district(district)
    attack = rng.choice(UK_ATTACKS)
    u = rng.random()
    if killed < len(UK_COLLECTIVE) and u < 0.3:
        figure, low, high, qualifier = UK_COLLECTIVE[killed], killed, killed, "exact"
        verb_figure = f"загинули {figure} людей"
    elif u < 0.55:
        low, high, qualifier = killed, None, "at_least"
        verb_figure = f"загинули щонайменше {killed} {_plural(killed, 'людина', 'людини', 'людей')}"
    else:
        low, high, qualifier = killed, killed, "exact"
        noun = _plural(killed, "людина", "людини", "людей")
        verb = "загинула" if noun == "людина" else "загинули"
        verb_figure = f"{verb} {killed} {noun}"
    killed_claim = claim(
        "killed",
        low,
        high,
        qualifier,
        place=district,
        when=when,
        kind="official",
        attributed_to=council,
    )
    injured_claim = claim(
        "injured",
        injured,
        injured,
        "exact",
        place=district,
        when=when,
        kind="official",
        attributed_to=council,
    )
    people = _plural(injured, "людина", "людини", "людей")
    got = "отримала" if people == "людина" else "отримали"
    lead = (
        f"Учора внаслідок {attack} {where} {verb_figure}, ще {injured} {people} {got} поранення.",
        [killed_claim, injured_claim],
    )
    report.line(("Міська рада повідомляє", []))
    report.line(lead, ("Про це повідомила міська рада.", []))
    shelter = rng.randint(20, 400)
    report.line(
        (f"У бомбосховищах району перебувають {shelter} мешканців, тривають рятувальні роботи.", [])
    )


def ru_toll_post(report: Draft, city: str, start: date, toll: int) -> None:
    """A Russian-language outlet's report on the city's running toll."""
    rng = report.rng
    mayor = "мэр города"
    u = rng.random()
    if u < 0.5:
        low, high, qualifier = toll, None, "at_least"
        figure = f"не менее {toll}"
    else:
        low, high, qualifier = toll, None, "more_than"
        figure = f"более {toll}"
    residents = _plural(toll, "мирного жителя", "мирных жителей", "мирных жителей")
    total = claim(
        "killed",
        low,
        high,
        qualifier,
        victims="civilians",
        place=city,
        when=f"{start.isoformat()}/{report.published.isoformat()}",
        scope="cumulative",
        kind="official",
        attributed_to=mayor,
    )
    report.line((f"Число погибших в городе {city} растёт", []))
    report.line(
        (
            f"С начала блокады в городе {city} погибли {figure} {residents}, сообщил мэр города.",
            [total],
        ),
        ("Точное число погибших пока установить невозможно.", []),
    )
    evacuated = rng.randint(2, 40) * 100
    report.line((f"За неделю из города эвакуировали {evacuated} человек.", []))
