"""Which pairs of records are compared at all (blocking), and which train the model.
Pure.

A pair is compared when it agrees exactly on every column of at least one rule. The
rules are tried in order, most telling first; a rule is kept while the pairs all kept
rules generate stay within a budget, so that small data is compared broadly (high
recall) and a million records stay feasible on one machine. The choice depends only on
the data, so every engine compares the same pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tollbook.link.features import FeatureTable

Rule = tuple[str, ...]

#: Candidate rules, most telling first.
CANDIDATES: tuple[Rule, ...] = (
    ("family_key", "given_key", "birth_year"),
    ("birth_date", "given_key"),
    ("birth_date", "family_skel"),
    ("family_key", "given_key", "patronymic_key"),
    ("family_key", "given_key", "death_date"),
    ("given_key", "patronymic_key", "birth_year"),
    ("family_key", "patronymic_key", "death_date"),
    ("family_skel", "given_key", "district"),
    ("family_key", "birth_year", "death_date"),
    ("given_key", "birth_year", "death_date"),
    ("family_key", "patronymic_key", "birth_year"),
    ("names_sorted", "birth_year"),
    ("postcode", "family_skel"),
    ("postcode", "given_key"),
    ("postcode", "birth_date"),
    ("address", "birth_year"),
    ("address", "family_skel"),
    ("address_words", "postcode"),
    ("address_words", "district"),
    ("birth_date", "district"),
    ("family_key", "given_key"),
    ("names_sorted", "district"),
    ("family_skel", "birth_year"),
    ("given_key", "birth_year", "district"),
    ("postcode", "birth_year"),
    ("family_key", "death_date"),
    ("family_skel", "given_key", "sex"),
    ("birth_date",),
)
#: Pairs within this many comparisons are affordable on one machine in a minute or so.
DEFAULT_BUDGET = 12_000_000
#: Pairs that are surely the same person, for the prior (share of pairs that match).
DETERMINISTIC: tuple[Rule, ...] = (
    ("family_key", "given_key", "birth_date"),
    ("family_key", "given_key", "patronymic_key", "birth_year"),
    ("family_key", "given_key", "birth_year", "postcode"),
)
#: Expectation-maximisation sessions: each blocks on columns and trains the others.
TRAINING: tuple[Rule, ...] = (
    ("birth_date",),
    ("family_key", "given_key", "patronymic_key"),
    ("family_key", "given_key", "death_date"),
    ("family_key", "given_key", "postcode"),
)


def usable(rules: Iterable[Rule], present: Iterable[str]) -> list[Rule]:
    """The rules whose columns the data has."""
    have = set(present)
    return [rule for rule in rules if set(rule) <= have]


def count_pairs(table: FeatureTable, rule: Rule) -> int:
    """How many pairs agree on every column of ``rule`` (missing values agree with
    nothing). The engines count the same in SQL, faster."""
    columns = [table.columns[name] for name in rule]
    counts = Counter(key for key in zip(*columns, strict=True) if all(v is not None for v in key))
    return sum(n * (n - 1) // 2 for n in counts.values())


def choose_rules(counts: Iterable[tuple[Rule, int]], budget: int = DEFAULT_BUDGET) -> list[Rule]:
    """The rules to use, from (rule, pairs it generates) in order of preference: each is
    kept while the kept rules' pairs add up to at most ``budget`` (the first is always
    kept)."""
    chosen: list[Rule] = []
    total = 0
    for rule, pairs in counts:
        if chosen and total + pairs > budget:
            continue
        chosen.append(rule)
        total += pairs
    return chosen


def rule_sql(rule: Rule) -> str:
    """The rule as the SQL condition Splink joins on (the same in every dialect)."""
    return " AND ".join(f"l.{column} = r.{column}" for column in rule)
