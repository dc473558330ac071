"""The linkage model: which fields are compared, how, and which pairs are compared at all.

The same settings serve every engine (Splink writes the SQL for DuckDB or Spark). The
comparisons depend only on which feature columns the data has
(:attr:`FeatureTable.present`), so a model trained on lists with patronymics and
districts is not reused for a file without them; the blocking rules are chosen for each
run (:mod:`tollbook.link.blocking`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_creator import ComparisonCreator

from tollbook.link.blocking import Rule, rule_sql
from tollbook.link.engine import LinkType

#: The fields a link is explained by, in display order, with the feature columns each
#: needs (the first is the one whose presence decides whether it is compared).
FIELDS: dict[str, tuple[str, ...]] = {
    "list": ("source",),
    "family_name": ("family_key", "family", "family_skel"),
    "given_name": ("given_key", "given"),
    "patronymic": ("patronymic_key",),
    "sex": ("sex",),
    "birth": ("birth_year", "birth_date"),
    "death_date": ("death_date",),
    "district": ("district",),
    "address": ("address",),
    "postcode": ("postcode",),
    "region": ("region",),
}


def _else(label: str = "different") -> Any:
    return cll.ElseLevel().configure(label_for_charts=label)


def compared_fields(present: Iterable[str], link_type: LinkType = "dedupe_only") -> tuple[str, ...]:
    """The fields the model compares for data with these feature columns. Whether two
    records are on the same list is compared when records of one list can match (a list
    rarely names one person twice, and the model learns how rarely)."""
    have = set(present)
    return tuple(
        name
        for name, columns in FIELDS.items()
        if columns[0] in have and (name != "list" or link_type != "link_only")
    )


def _family() -> ComparisonCreator:
    return cl.CustomComparison(
        output_column_name="family_name",
        comparison_levels=[
            cll.NullLevel("family_key"),
            cll.ExactMatchLevel("family").configure(label_for_charts="same spelling"),
            cll.ExactMatchLevel("family_key", term_frequency_adjustments=True).configure(
                label_for_charts="same name (transliteration, feminine form)"
            ),
            cll.ExactMatchLevel("family_skel").configure(label_for_charts="same consonants"),
            cll.JaroWinklerLevel("family_key", 0.92).configure(label_for_charts="very similar"),
            cll.JaroWinklerLevel("family_key", 0.8).configure(label_for_charts="similar"),
            cll.ColumnsReversedLevel("family_key", "given_key", symmetrical=True).configure(
                label_for_charts="given and family name swapped"
            ),
            _else(),
        ],
    )


def _given() -> ComparisonCreator:
    return cl.CustomComparison(
        output_column_name="given_name",
        comparison_levels=[
            cll.NullLevel("given_key"),
            cll.ExactMatchLevel("given_key", term_frequency_adjustments=True).configure(
                label_for_charts="same name (any form or spelling)"
            ),
            cll.JaroWinklerLevel("given", 0.9).configure(label_for_charts="very similar"),
            cll.JaroWinklerLevel("given_key", 0.8).configure(label_for_charts="similar"),
            _else(),
        ],
    )


def _patronymic() -> ComparisonCreator:
    return cl.CustomComparison(
        output_column_name="patronymic",
        comparison_levels=[
            cll.NullLevel("patronymic_key"),
            cll.ExactMatchLevel("patronymic_key", term_frequency_adjustments=True).configure(
                label_for_charts="same father's name"
            ),
            cll.JaroWinklerLevel("patronymic_key", 0.88).configure(label_for_charts="similar"),
            _else(),
        ],
    )


_NEAR_DATE = (
    "levenshtein(birth_date_l, birth_date_r) <= 1"
    " OR (substr(birth_date_l, 1, 4) = substr(birth_date_r, 1, 4)"
    " AND substr(birth_date_l, 6, 2) = substr(birth_date_r, 9, 2)"
    " AND substr(birth_date_l, 9, 2) = substr(birth_date_r, 6, 2))"
    " OR (substr(birth_date_l, 6, 5) = substr(birth_date_r, 6, 5)"
    " AND abs(birth_year_l - birth_year_r) = 1)"
)


def _age_fits(low: int, high: int) -> str:
    """SQL: the birth years agree within [low, high] once an age is read as a birth
    year (an age A at death in year D means born in D - A or D - A - 1; the feature
    holds D - A)."""
    exact_vs_age = (
        "(birth_year_exact_{a} = 1 AND birth_year_exact_{b} = 0"
        " AND birth_year_{a} BETWEEN birth_year_{b} - {lo} AND birth_year_{b} + {hi})"
    )
    return " OR ".join(
        [
            exact_vs_age.format(a="l", b="r", lo=1 - low, hi=high),
            exact_vs_age.format(a="r", b="l", lo=1 - low, hi=high),
            "(birth_year_exact_l = 0 AND birth_year_exact_r = 0"
            f" AND abs(birth_year_l - birth_year_r) <= {high - low})",
        ]
    )


def _birth(with_dates: bool) -> ComparisonCreator:
    levels: list[Any] = [
        cll.CustomLevel(
            "birth_year_l IS NULL OR birth_year_r IS NULL", "birth year unknown"
        ).configure(is_null_level=True)
    ]
    if with_dates:
        levels += [
            cll.ExactMatchLevel("birth_date").configure(label_for_charts="same birth date"),
            cll.CustomLevel(
                f"birth_date_l IS NOT NULL AND birth_date_r IS NOT NULL AND ({_NEAR_DATE})",
                "birth date one slip apart",
            ),
        ]
    levels += [
        cll.CustomLevel(_age_fits(0, 0), "birth year fits the age"),
        cll.CustomLevel(_age_fits(-1, 1), "birth year fits the age within a year"),
        cll.CustomLevel("abs(birth_year_l - birth_year_r) <= 1", "birth years 1 apart"),
        cll.CustomLevel("abs(birth_year_l - birth_year_r) <= 3", "birth years 2 or 3 apart"),
        _else(),
    ]
    return cl.CustomComparison(output_column_name="birth", comparison_levels=levels)


def _death_date() -> ComparisonCreator:
    return cl.CustomComparison(
        output_column_name="death_date",
        comparison_levels=[
            cll.NullLevel("death_date"),
            cll.ExactMatchLevel("death_date").configure(label_for_charts="same day"),
            cll.AbsoluteDateDifferenceLevel(
                "death_date", input_is_string=True, threshold=3, metric="day"
            ).configure(label_for_charts="within 3 days"),
            cll.AbsoluteDateDifferenceLevel(
                "death_date", input_is_string=True, threshold=10, metric="day"
            ).configure(label_for_charts="within 10 days"),
            _else(),
        ],
    )


def _exact(
    name: str,
    column: str,
    *,
    similar: float | None = None,
    same: str = "same",
    other: str = "different",
) -> ComparisonCreator:
    levels: list[Any] = [
        cll.NullLevel(column),
        cll.ExactMatchLevel(column).configure(label_for_charts=same),
    ]
    if similar is not None:
        levels.append(cll.JaroWinklerLevel(column, similar).configure(label_for_charts="similar"))
    levels.append(_else(other))
    return cl.CustomComparison(output_column_name=name, comparison_levels=levels)


def _address() -> ComparisonCreator:
    return cl.CustomComparison(
        output_column_name="address",
        comparison_levels=[
            cll.NullLevel("address"),
            cll.ExactMatchLevel("address").configure(label_for_charts="same"),
            cll.ExactMatchLevel("address_words").configure(label_for_charts="same words"),
            cll.JaroWinklerLevel("address", 0.88).configure(label_for_charts="similar"),
            cll.JaroWinklerLevel("address_words", 0.88).configure(label_for_charts="similar words"),
            _else(),
        ],
    )


def _postcode() -> ComparisonCreator:
    return cl.CustomComparison(
        output_column_name="postcode",
        comparison_levels=[
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode").configure(label_for_charts="same"),
            cll.LevenshteinLevel("postcode", 1).configure(label_for_charts="one slip apart"),
            _else(),
        ],
    )


def comparisons(
    present: Iterable[str], link_type: LinkType = "dedupe_only"
) -> list[ComparisonCreator | dict[str, Any]]:
    have = set(present)
    out: list[ComparisonCreator | dict[str, Any]] = []
    for name in compared_fields(have, link_type):
        if name == "list":
            out.append(_exact("list", "source", same="same list", other="different lists"))
        elif name == "family_name":
            out.append(_family())
        elif name == "given_name":
            out.append(_given())
        elif name == "patronymic":
            out.append(_patronymic())
        elif name == "birth":
            out.append(_birth("birth_date" in have))
        elif name == "death_date":
            out.append(_death_date())
        elif name == "sex":
            out.append(_exact("sex", "sex"))
        elif name == "district":
            out.append(_exact("district", "district", similar=0.9))
        elif name == "address":
            out.append(_address())
        elif name == "postcode":
            out.append(_postcode())
        elif name == "region":
            out.append(_exact("region", "region"))
    return out


def settings(
    present: Iterable[str],
    link_type: LinkType = "dedupe_only",
    rules: Iterable[Rule] = (),
) -> SettingsCreator:
    """The Splink settings for data with these feature columns, blocking on ``rules``."""
    have = frozenset(present)
    blocking: list[BlockingRuleCreator | dict[str, Any]] = [
        {"blocking_rule": rule_sql(rule)} for rule in rules
    ]
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="unique_id",
        comparisons=comparisons(have, link_type),
        blocking_rules_to_generate_predictions=blocking,
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
        additional_columns_to_retain=[],
    )
