"""Records into comparable columns, and the choice of blocking rules."""

from __future__ import annotations

from datetime import date

from tollbook.domain.person_record import PersonRecord
from tollbook.link.blocking import CANDIDATES, choose_rules, count_pairs, rule_sql, usable
from tollbook.link.features import features
from tollbook.link.model import compared_fields


def record(**values: object) -> PersonRecord:
    return PersonRecord(source=str(values.pop("source", "morgue")), row=2, **values)  # type: ignore[arg-type]


def test_features_normalise_names_and_dates() -> None:
    table = features(
        [
            record(
                family_name="Шевченко",
                given_name="Олександр",
                patronymic="Петрович",
                birth_date=date(1970, 5, 1),
                death_date=date(2022, 3, 4),
                district="Заводський",
            ),
            record(
                source="news",
                family_name="Shevchenko",
                given_name="Aleksandr",
                age=51,
                death_date=date(2022, 3, 5),
            ),
        ],
        ids=[10, 11],
    )
    c = table.columns
    assert c["unique_id"] == [10, 11]
    assert c["family_key"][0] == c["family_key"][1]
    assert c["given_key"][0] == c["given_key"][1]
    assert c["sex"] == ["M", "M"]
    assert c["birth_date"] == ["1970-05-01", None]
    assert c["birth_year"] == [1970, 2022 - 51]
    assert c["birth_year_exact"] == [1, 0]
    assert c["death_date"] == ["2022-03-04", "2022-03-05"]
    assert c["district"][0] == "zavodski"
    assert "postcode" not in table.present
    assert {"family_key", "birth_date", "district"} <= table.present


def test_an_unreadable_birth_date_is_still_compared_by_its_digits() -> None:
    table = features([record(family_name="Reid", unread={"birth_date": "19450493"})])
    assert table.columns["birth_date"] == ["1945-04-93"]
    assert table.columns["birth_year"] == [1945]


def test_sorted_names_catch_swapped_order() -> None:
    table = features(
        [
            record(family_name="Smith", given_name="Zoe"),
            record(family_name="Zoe", given_name="Smith"),
        ]
    )
    assert table.columns["names_sorted"][0] == table.columns["names_sorted"][1]


def test_compared_fields_follow_the_columns_present() -> None:
    assert compared_fields({"family_key", "given_key", "source"}) == (
        "list",
        "family_name",
        "given_name",
    )
    assert "list" not in compared_fields({"family_key", "source"}, "link_only")


def test_blocking_rules_need_their_columns() -> None:
    rules = usable(CANDIDATES, {"family_key", "given_key", "birth_year_low", "birth_year_high"})
    assert rules == [("family_key", "given_key"), ("family_key", "given_key", "birth_span")]
    assert rule_sql(("a", "b")) == "l.a = r.a AND l.b = r.b"


def test_pairs_are_counted_per_rule_without_missing_values() -> None:
    table = features(
        [record(family_name="Koval", given_name="Ivan") for _ in range(3)]
        + [record(family_name="Koval")]
    )
    assert count_pairs(table, ("family_key",)) == 6
    assert count_pairs(table, ("family_key", "given_key")) == 3


def test_rules_are_kept_within_the_budget_in_order() -> None:
    counts = [(("a",), 10), (("b",), 100), (("c",), 5)]
    assert choose_rules(counts, budget=20) == [("a",), ("c",)]
    assert choose_rules([(("big",), 10**9)], budget=20) == [("big",)]
