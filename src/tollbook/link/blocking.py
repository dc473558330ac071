"""Which pairs of records are compared at all (blocking), and which train the model.
Pure.

A pair is compared when it satisfies every term of at least one rule. A term is a
feature column the two records agree on exactly, or a *near* term that tolerates what
lists get wrong (:data:`NEAR`): ``birth_span``, birth years whose ranges overlap (a birth
date gives one year; an age at death gives the years it allows, see
:mod:`tollbook.link.features`), and ``death_near``, death dates at most
:data:`DEATH_DAYS` days apart. Every rule has at least one exact term, so that engines
join on it and filter by the near terms.

The rules are tried in order, most telling first; a rule is kept while the pairs all
kept rules generate stay within a budget, so that small data is compared broadly (high
recall) and a million records stay feasible on one machine. A rule with near terms
whose exact terms alone would pair more than :data:`NEAR_JOIN_CAP` records is not
tried (filtering that many is too slow). The choice depends only on the data, so every
engine compares the same pairs.

Records of a list that holds no duplicates (``list_exclusive`` set) are never paired
with each other: two records of one such list are two people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tollbook.link.features import FeatureTable

Rule = tuple[str, ...]

#: Death dates this many days apart or closer may be the same death.
DEATH_DAYS = 10


@dataclass(frozen=True)
class Near:
    """A tolerant blocking term: the columns it needs, and its SQL condition."""

    columns: tuple[str, ...]
    sql: str


#: Tolerant terms, by name.
NEAR: dict[str, Near] = {
    "birth_span": Near(
        ("birth_year_low", "birth_year_high"),
        "l.birth_year_low <= r.birth_year_high AND r.birth_year_low <= l.birth_year_high",
    ),
    "death_near": Near(
        ("death_day",),
        f"abs(l.death_day - r.death_day) <= {DEATH_DAYS}",
    ),
}
#: The condition that keeps records of one list without duplicates apart.
EXCLUSIVE_SQL = "(l.source <> r.source OR l.list_exclusive IS NULL)"
#: A rule with near terms is not tried when its exact terms pair more records than this.
NEAR_JOIN_CAP = 48_000_000

#: Candidate rules, most telling first: the exact rules, then the tolerant ones (which
#: add the pairs the exact ones miss; on large data the budget goes to the exact ones
#: first, so a million records are compared as before).
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
    ("family_key", "given_key", "birth_span"),
    ("family_key", "given_key", "death_near"),
    ("given_key", "patronymic_key", "birth_span"),
    ("family_key", "patronymic_key", "death_near"),
    ("family_key", "patronymic_key", "birth_span"),
    ("names_sorted", "birth_span"),
    ("family_skel", "given_key", "birth_span"),
    ("family_skel", "given_key", "death_near"),
    ("given_key", "patronymic_key", "death_near"),
    ("family_skel", "birth_span", "death_near"),
    ("given_key", "birth_span", "death_near"),
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


def columns_of(rule: Rule) -> tuple[str, ...]:
    """The feature columns a rule reads."""
    out: list[str] = []
    for term in rule:
        out.extend(NEAR[term].columns if term in NEAR else (term,))
    return tuple(out)


def exact_terms(rule: Rule) -> Rule:
    """The terms of a rule compared for equality (the engines join on them)."""
    return tuple(term for term in rule if term not in NEAR)


def near_terms(rule: Rule) -> Rule:
    return tuple(term for term in rule if term in NEAR)


def usable(rules: Iterable[Rule], present: Iterable[str]) -> list[Rule]:
    """The rules whose columns the data has."""
    have = set(present)
    return [rule for rule in rules if set(columns_of(rule)) <= have]


def exclusive(present: Iterable[str]) -> bool:
    """Whether some list of the data holds no duplicates (its records stay apart)."""
    return "list_exclusive" in set(present)


def admits(table: FeatureTable, rule: Rule, i: int, j: int) -> bool:
    """Whether records ``i`` and ``j`` (positions in ``table``) satisfy ``rule`` and may
    be paired at all (as the SQL of :func:`rule_sql` with the exclusive condition)."""
    columns = table.columns
    if i == j or not _apart_ok(table, i, j):
        return False
    for term in rule:
        if term == "birth_span":
            lows, highs = columns["birth_year_low"], columns["birth_year_high"]
            if None in (lows[i], lows[j], highs[i], highs[j]):
                return False
            if not (lows[i] <= highs[j] and lows[j] <= highs[i]):  # type: ignore[operator]
                return False
        elif term == "death_near":
            days = columns["death_day"]
            if days[i] is None or days[j] is None:
                return False
            if abs(days[i] - days[j]) > DEATH_DAYS:  # type: ignore[operator]
                return False
        else:
            values = columns[term]
            if values[i] is None or values[i] != values[j]:
                return False
    return True


def _apart_ok(table: FeatureTable, i: int, j: int) -> bool:
    sources = table.columns["source"]
    marks = table.columns.get("list_exclusive")
    return sources[i] != sources[j] or marks is None or marks[i] is None


def count_pairs(table: FeatureTable, rule: Rule) -> int:
    """How many pairs ``rule`` admits (missing values agree with nothing; records of a
    list without duplicates are never paired). The engines count the same in SQL,
    faster."""
    exact = exact_terms(rule)
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, key in enumerate(zip(*(table.columns[name] for name in exact), strict=True)):
        if all(v is not None for v in key):
            groups.setdefault(key, []).append(i)
    if not near_terms(rule) and not exclusive(table.present):
        return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())
    return sum(
        1
        for members in groups.values()
        for x, i in enumerate(members)
        for j in members[x + 1 :]
        if admits(table, rule, i, j)
    )


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


def rule_sql(rule: Rule, apart: bool = False) -> str:
    """The rule as the SQL condition Splink joins on (the same in every dialect);
    ``apart``: with the condition that keeps records of an exclusive list apart."""
    terms = [NEAR[t].sql if t in NEAR else f"l.{t} = r.{t}" for t in rule]
    if apart:
        terms.append(EXCLUSIVE_SQL)
    return " AND ".join(terms)


def count_sql(table: str, rule: Rule, *, cross_source_only: bool, apart: bool, div: str) -> str:
    """SQL counting the pairs the exact terms of ``rule`` admit, by grouping (no join);
    ``div`` is the dialect's integer division (``//`` or ``DIV``)."""
    exact = exact_terms(rule)
    columns = ", ".join(exact)
    not_null = " AND ".join(f"{column} IS NOT NULL" for column in exact)
    if cross_source_only or apart:
        # pairs in each group, less those within one source (all sources, or the
        # exclusive ones)
        if cross_source_only:
            within, mark = "k * (k - 1)", ""
        else:
            within = "CASE WHEN list_exclusive IS NULL THEN 0 ELSE k * (k - 1) END"
            mark = ", list_exclusive"
        return (
            f"SELECT (sum(n * (n - 1)) - sum(w)) {div} 2 FROM (SELECT sum(k) AS n, "
            f"sum({within}) AS w FROM (SELECT {columns}, source{mark}, "
            f"count(*) AS k FROM {table} WHERE {not_null} GROUP BY {columns}, source{mark}"
            f") AS g GROUP BY {columns}) AS h"
        )
    return (
        f"SELECT sum(n * (n - 1)) {div} 2 FROM (SELECT count(*) AS n FROM {table} "
        f"WHERE {not_null} GROUP BY {columns}) AS g"
    )


def join_count_sql(table: str, rule: Rule, *, cross_source_only: bool, apart: bool) -> str:
    """SQL counting the pairs ``rule`` admits, near terms included, by a self-join."""
    condition = rule_sql(rule, apart)
    if cross_source_only:
        condition += " AND l.source <> r.source"
    return (
        f"SELECT count(*) FROM {table} AS l JOIN {table} AS r "
        f"ON {condition} AND l.unique_id < r.unique_id"
    )
