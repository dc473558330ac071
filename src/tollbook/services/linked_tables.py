"""Overlap tables of the linked persons in the database, for multiple systems estimation.

Each active person (a cluster of list records, issue 6) is counted once, on every list one
of their records comes from. Strata come from the records: ``district``, ``region``,
``sex``, ``period`` (the month of death) and ``age_group``; a place spelt in several
scripts is one value (:mod:`tollbook.estimate.stratum_values`). Lists can be chosen,
dropped or merged (:class:`~tollbook.estimate.list_choice.ListChoice`).

:func:`linked_source` also returns every scored pair of the latest linkage run with its
match probability and the human decisions, for the estimate to carry linkage error
(:mod:`tollbook.estimate.linkage_uncertainty`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tollbook.domain.person_record import PersonRecord
from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.estimate.list_choice import ListChoice
from tollbook.estimate.stratum_values import spellings
from tollbook.estimate.tables import OverlapTable, Stratum, tables_from_memberships
from tollbook.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # imported where used: it loads NumPy and SciPy, which reading lists needs not
    from tollbook.estimate.linkage_uncertainty import ScoredLinkage

#: What the linked persons can be divided by.
STRATA: tuple[str, ...] = ("district", "region", "sex", "period", "age_group")
#: Strata whose values are place names, compared across scripts.
PLACE_STRATA: frozenset[str] = frozenset({"district", "region"})


class NoLinkedPersons(Invalid, ValueError):
    """The database has no linked persons to count."""


@dataclass(frozen=True)
class LinkedSource:
    """The lists, one overlap table per stratum of the persons as linked, and the scored
    pairs they were linked from."""

    lists: tuple[str, ...]
    tables: dict[Stratum, OverlapTable]
    linkage: ScoredLinkage
    #: each record position's list record id
    record_ids: tuple[int, ...] = ()


def linked_overlap_tables(
    uow: UnitOfWork, by: Sequence[str] = (), choice: ListChoice | None = None
) -> tuple[tuple[str, ...], dict[Stratum, OverlapTable]]:
    """The lists and one overlap table per stratum, from the persons linkage made."""
    source = linked_source(uow, by, choice)
    return source.lists, source.tables


def linked_source(
    uow: UnitOfWork, by: Sequence[str] = (), choice: ListChoice | None = None
) -> LinkedSource:
    """The persons linkage made, as overlap tables, with the pairs behind them."""
    unknown = [name for name in by if name not in STRATA]
    if unknown:
        raise ValueError(f"cannot divide persons by {unknown}; one of {', '.join(STRATA)}")
    with uow:
        stored = uow.lists.records()
        person_of = uow.linkage.membership()
        links = uow.linkage.links()
        confirmed, split = uow.linkage.decisions()
        calibration = uow.linkage.calibration_decided()
        run = uow.linkage.latest_run()
        with_duplicates = uow.lists.lists_with_duplicates()
        threshold = run.threshold if run is not None else 0.5
        review = (run.review_low, run.review_high) if run is not None else (0.2, 0.8)
    stored = [s for s in stored if s.id in person_of]
    if not stored:
        raise NoLinkedPersons(
            N_(
                "there are no linked persons in the database: import the "
                "named lists (tollbook lists import) and link them (tollbook "
                "link) first"
            )
        )
    renaming = (choice or ListChoice()).renaming(sorted({s.record.source for s in stored}))
    kept = [s for s in stored if renaming[s.record.source] is not None]
    lists = tuple(sorted({n for n in renaming.values() if n is not None}))
    raw = {name: [_value_of(name, s.record) or "" for s in kept] for name in by}
    shown = {name: spellings(v for v in raw[name] if v) for name in by if name in PLACE_STRATA}
    attributes = tuple(
        {
            name: shown[name].get(raw[name][i], raw[name][i]) if name in shown else raw[name][i]
            for name in by
        }
        for i in range(len(kept))
    )
    sources = tuple(str(renaming[s.record.source]) for s in kept)
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(kept):
        groups.setdefault(person_of[s.id], []).append(i)
    memberships = [
        (frozenset(sources[i] for i in members), {n: _vote(attributes, members, n) for n in by})
        for members in groups.values()
    ]
    tables = tables_from_memberships(memberships, lists, by)
    position = {s.id: i for i, s in enumerate(kept)}
    decided: dict[tuple[int, int], int] = {}
    for value, pairs in ((1, confirmed), (-1, split)):
        for a, b in pairs:
            if a in position and b in position:
                decided[(min(a, b), max(a, b))] = value
    left, right, probability, marks, sampled = [], [], [], [], []
    for link in links:
        if link.record_a in position and link.record_b in position:
            key = (min(link.record_a, link.record_b), max(link.record_a, link.record_b))
            left.append(position[link.record_a])
            right.append(position[link.record_b])
            probability.append(min(max(link.probability, 0.0), 1.0))
            marks.append(decided.pop(key, 0))
            sampled.append(key in calibration and marks[-1] != 0)
    for (a, b), value in decided.items():  # decided pairs that were never scored
        left.append(position[a])
        right.append(position[b])
        probability.append(1.0 if value > 0 else 0.0)
        marks.append(value)
        sampled.append(False)
    import numpy as np

    from tollbook.estimate.linkage_uncertainty import ScoredLinkage

    linkage = ScoredLinkage(
        lists=sources,
        attributes=attributes,
        left=np.array(left, dtype=np.int64),
        right=np.array(right, dtype=np.int64),
        probability=np.array(probability, dtype=np.float64),
        decided=np.array(marks, dtype=np.int64),
        threshold=threshold,
        review=review,
        origins=tuple(s.record.source for s in kept),
        duplicate_free=frozenset(s.record.source for s in kept) - with_duplicates,
        sampled=np.array(sampled, dtype=np.bool_),
    )
    return LinkedSource(lists, tables, linkage, tuple(s.id for s in kept))


def _vote(attributes: tuple[dict[str, str], ...], members: list[int], name: str) -> str:
    """The value most of a person's records give (records disagree; blanks don't vote)."""
    votes = Counter(v for i in members if (v := attributes[i][name]))
    return votes.most_common(1)[0][0] if votes else ""


def _value_of(name: str, record: PersonRecord) -> str | None:
    if name == "period":
        return record.death_date.strftime("%Y-%m") if record.death_date else None
    if name == "age_group":
        age = record.age
        if age is None and record.birth_date and record.death_date:
            age = record.death_date.year - record.birth_date.year
        if age is None:
            return None
        return "0-17" if age < 18 else "18-59" if age < 60 else "60+"
    value = getattr(record, name)
    return str(value) if value else None
