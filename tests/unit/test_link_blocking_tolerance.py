"""Blocking tolerates what lists get wrong (an age for a birth date, a death date a few
days off) and keeps records of a list without duplicates apart; the engine counts the
pairs as the pure code does."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tollbook.domain.person_record import PersonRecord
from tollbook.link import blocking
from tollbook.link.duckdb_engine import duckdb_engine
from tollbook.link.features import FeatureTable, birth_span, features

NAME_AND_BIRTH = ("family_key", "given_key", "birth_span")
NAME_AND_DEATH = ("family_key", "given_key", "death_near")


def person(source: str = "morgue", **values: Any) -> PersonRecord:
    return PersonRecord(
        source=source,
        row=2,
        family_name=values.pop("family_name", "Koval"),
        given_name=values.pop("given_name", "Ivan"),
        **values,
    )


def test_an_age_gives_a_span_of_birth_years_not_one() -> None:
    assert birth_span(1961, True) == (1961, 1961)
    # died in 2022 aged 61: born 1960 or 1961, a year either way for a misstated age
    assert birth_span(2022 - 61, False) == (1959, 1962)
    assert birth_span(None, False) == (None, None)
    table = features([person(age=61, death_date=date(2022, 3, 10))])
    assert table.columns["birth_year_low"] == [1959]
    assert table.columns["birth_year_high"] == [1962]
    assert table.columns["death_day"] == [date(2022, 3, 10).toordinal() - 719163]


@pytest.mark.parametrize(
    ("born", "admitted"),
    [(1959, True), (1960, True), (1961, True), (1962, True), (1958, False), (1963, False)],
)
def test_a_birth_date_meets_an_age_within_its_span(born: int, admitted: bool) -> None:
    table = features(
        [
            person(birth_date=date(born, 5, 1), death_date=date(2022, 3, 10)),
            person("news", age=61, death_date=date(2022, 3, 12)),
        ]
    )
    assert blocking.admits(table, NAME_AND_BIRTH, 0, 1) is admitted


def test_two_ages_meet_when_their_spans_overlap() -> None:
    table = features(
        [
            person(age=61, death_date=date(2022, 3, 10)),
            person("news", age=64, death_date=date(2022, 3, 10)),
            person("family", age=65, death_date=date(2022, 3, 10)),
        ]
    )
    assert blocking.admits(table, NAME_AND_BIRTH, 0, 1)
    assert not blocking.admits(table, NAME_AND_BIRTH, 0, 2)


def test_death_dates_a_few_days_apart_are_compared() -> None:
    table = features(
        [
            person(death_date=date(2022, 3, 10)),
            person("burial", death_date=date(2022, 3, 17)),
            person("family", death_date=date(2022, 3, 20)),
            person("news", death_date=date(2022, 3, 21)),
            person("hospital"),
        ]
    )
    assert blocking.admits(table, NAME_AND_DEATH, 0, 1)
    assert blocking.admits(table, NAME_AND_DEATH, 0, 2)  # ten days
    assert not blocking.admits(table, NAME_AND_DEATH, 0, 3)  # eleven days
    assert not blocking.admits(table, NAME_AND_DEATH, 0, 4)  # no date
    assert blocking.count_pairs(table, NAME_AND_DEATH) == 5


def test_records_of_a_list_without_duplicates_are_never_paired() -> None:
    records = [person(), person(), person("burial")]
    apart = features(records, exclusive={"morgue", "burial"})
    together = features(records, exclusive={"burial"})
    rule = ("family_key", "given_key")

    assert not blocking.admits(apart, rule, 0, 1)
    assert blocking.admits(apart, rule, 0, 2) and blocking.admits(apart, rule, 1, 2)
    assert blocking.count_pairs(apart, rule) == 2
    assert blocking.admits(together, rule, 0, 1)
    assert blocking.count_pairs(together, rule) == 3
    assert blocking.rule_sql(rule, apart=True).endswith(blocking.EXCLUSIVE_SQL)


def _sample() -> list[PersonRecord]:
    names = [("Koval", "Ivan"), ("Koval", "Olha"), ("Bondar", "Ivan")]
    out = []
    for i in range(60):
        family, given = names[i % 3]
        source = ("morgue", "burial", "news")[i % 5 % 3]
        values: dict[str, Any] = {"death_date": date(2022, 3, 1 + i % 20)}
        if i % 4:
            values["birth_date"] = date(1950 + i % 7, 1, 1)
        else:
            values["age"] = 65 + i % 5
        out.append(person(source, family_name=family, given_name=given, **values))
    return out


@pytest.mark.parametrize("exclusive", [set(), {"morgue", "news"}])
@pytest.mark.parametrize(
    "rule",
    [NAME_AND_BIRTH, NAME_AND_DEATH, ("family_key",), ("given_key", "birth_span", "death_near")],
)
def test_the_engine_counts_the_pairs_the_pure_code_admits(
    rule: blocking.Rule, exclusive: set[str]
) -> None:
    table: FeatureTable = features(_sample(), exclusive=exclusive)
    engine = duckdb_engine(threads=1)
    try:
        loaded = engine.backend.load(table, "counted")
        counted = engine.count_pairs(table, loaded, rule, "dedupe_only")
    finally:
        engine.close()
    assert counted == blocking.count_pairs(table, rule) > 0
