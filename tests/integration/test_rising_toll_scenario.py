"""A drone strike on one building whose toll rises over the day, told twice in Ukrainian
and once in English, and a shipwreck whose second report's headline names the country
while a third names the town: stored with the real extractor and no review, each is one
incident (found by storing reports as a new user would; docs/counting.md, rules 6 to 8).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tollbook.domain.report import Report

from .unreviewed_ingest import ingest_unreviewed

STRIKE = (
    Report(
        "uk-morning",
        "Удар по Миколаєву: загинули троє людей\n\n"
        "Вночі 9 квітня російські війська атакували Миколаїв ударними безпілотниками. "
        "Унаслідок влучання в п'ятиповерховий будинок у Центральному районі загинули троє "
        "людей, ще вісім поранені, повідомив начальник обласної військової адміністрації.",
        published=date(2025, 4, 9),
    ),
    Report(
        "uk-evening",
        "Кількість загиблих унаслідок нічної атаки на Миколаїв зросла до п'яти\n\n"
        "З-під завалів будинку в Центральному районі Миколаєва рятувальники дістали тіла ще "
        "двох людей. Загалом загинули п'ятеро, серед них дитина, повідомили в ДСНС.",
        published=date(2025, 4, 9),
    ),
    Report(
        "en-next-day",
        "Drone strike on Mykolaiv apartment block kills five\n\n"
        "KYIV, April 10 (Reuters) - A Russian drone strike on an apartment block in Mykolaiv "
        "killed five people, including a child, Ukraine's emergency service said on Thursday "
        "after rescuers finished searching the rubble.",
        published=date(2025, 4, 10),
    ),
)

SHIPWRECK = (
    Report(
        "wreck-1",
        "Boat capsizes off Tunisian coast\n\n"
        "SFAX, Oct 2 (AFP) - At least 23 migrants drowned when their boat sank off Sfax "
        "early on Thursday, the national guard said. The coast guard rescued 40 people.",
        published=date(2025, 10, 2),
    ),
    Report(
        "wreck-2",
        "Tunisia shipwreck toll rises to 31\n\n"
        "The number of migrants known to have died in Thursday's shipwreck off Sfax has "
        "risen to 31 after eight more bodies were recovered, a court spokesman said on "
        "Friday.",
        published=date(2025, 10, 3),
    ),
    Report(
        "wreck-3",
        "IOM statement on the shipwreck off Sfax\n\n"
        "Geneva, 4 October 2025 - IOM mourns the 31 migrants who lost their lives when their "
        "boat sank off Sfax, Tunisia, on 2 October, according to the national guard.",
        published=date(2025, 10, 4),
    ),
)


def test_a_toll_that_rises_over_the_day_is_one_incident(tmp_path: Path) -> None:
    toll, _ = ingest_unreviewed(f"sqlite:///{tmp_path / 'tollbook.db'}", STRIKE, "Mykolaiv")
    assert (toll.low, toll.high) == (5, 5)
    [incident] = toll.incidents
    assert {s.article for s in incident.sources} == {"uk-morning", "uk-evening", "en-next-day"}
    assert not toll.official  # no running total was read into the city's toll


def test_a_country_s_toll_counts_the_town_s_shipwreck_once(tmp_path: Path) -> None:
    toll, _ = ingest_unreviewed(f"sqlite:///{tmp_path / 'tollbook.db'}", SHIPWRECK, "Tunisia")
    assert (toll.low, toll.high) == (31, 31)
    [incident] = toll.incidents
    assert incident.place == "Sfax"  # the town's incident, counted in the country's toll
    assert {s.article for s in incident.sources} == {"wreck-1", "wreck-2", "wreck-3"}
