"""A drone strike on one building whose toll rises over the day, told twice in Ukrainian
and once in English, a shipwreck whose second report's headline names the country while a
third names the town, and a flood whose later toll is told at the county named after the
town: stored with the real extractor and no review, each is one incident (found by storing
reports as a new user would; docs/counting.md, rules 6 to 8), and a bombing's region-wide
running total is the region's, not the city's.
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


FLOOD = (
    Report(
        "flood-1",
        "Kitui floods: 7 dead as river bursts its banks\n\n"
        "KITUI, Kenya - At least seven people died after the Tiva river burst its banks "
        "overnight and swept through villages near Kitui town, the Kenya Red Cross said on "
        "Monday. Since March, floods have killed 41 people across Kenya, the Interior "
        "Ministry said.",
        published=date(2025, 5, 5),
    ),
    Report(
        "flood-2",
        "Kitui flood toll rises to 12 as more bodies are recovered\n\n"
        "The number of people killed by the floods in Kitui County has risen to 12 after "
        "divers recovered five more bodies on Tuesday, the county commissioner said. The "
        "Interior Ministry said the national toll from this season's floods stood at 46.",
        published=date(2025, 5, 6),
    ),
)

BOMBING = (
    Report(
        "quetta-1",
        "Bomb at Quetta bus terminal kills nine\n\n"
        "QUETTA, Pakistan (AP) - A bomb hidden in a motorcycle exploded at a crowded bus "
        "terminal in Quetta on Monday, killing nine people, police said. Since January, "
        "militant attacks in Balochistan have killed at least 160 people, according to a "
        "research group's tally.",
        published=date(2025, 3, 3),
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


def test_a_flood_whose_later_toll_is_told_at_its_county_is_counted_once(tmp_path: Path) -> None:
    toll, _ = ingest_unreviewed(f"sqlite:///{tmp_path / 'tollbook.db'}", FLOOD, "Kenya")
    assert (toll.low, toll.high) == (12, 12)
    [incident] = toll.incidents
    assert {s.article for s in incident.sources} == {"flood-1", "flood-2"}
    # the national running totals are Kenya's, beside the count, never in it
    assert sorted(p.low for p in toll.official) == [41, 46]


def test_a_regions_running_total_is_not_its_citys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    city, _ = ingest_unreviewed(url, BOMBING, "Quetta")
    assert (city.low, city.high) == (9, 9)
    assert not city.official and not city.reported
