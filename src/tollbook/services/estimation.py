"""Overlap tables of the linked persons in the database, for multiple systems estimation.

Each active person (a cluster of list records, issue 6) is counted once, on every list one
of their records comes from. Strata come from the records: ``district``, ``region``,
``sex``, ``period`` (the month of death) and ``age_group``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from tollbook.domain.person_record import PersonRecord
from tollbook.estimate.tables import OverlapTable, Stratum, tables_from_memberships
from tollbook.services.linkage import list_persons
from tollbook.store.unit_of_work import UnitOfWork

#: What the linked persons can be divided by.
STRATA: tuple[str, ...] = ("district", "region", "sex", "period", "age_group")


class NoLinkedPersons(ValueError):
    """The database has no linked persons to count."""


def linked_overlap_tables(
    uow: UnitOfWork, by: Sequence[str] = ()
) -> tuple[tuple[str, ...], dict[Stratum, OverlapTable]]:
    """The lists and one overlap table per stratum, from the persons linkage made."""
    unknown = [name for name in by if name not in STRATA]
    if unknown:
        raise ValueError(f"cannot divide persons by {unknown}; one of {', '.join(STRATA)}")
    persons = list_persons(uow, limit=None)
    if not persons:
        raise NoLinkedPersons(
            "there are no linked persons in the database: import the named lists "
            "(tollbook lists import) and link them (tollbook link) first"
        )
    memberships = [
        (
            frozenset(r.record.source for r in person.records),
            {name: _stratum_value(name, [r.record for r in person.records]) for name in by},
        )
        for person in persons
    ]
    lists = tuple(sorted({name for on, _ in memberships for name in on}))
    return lists, tables_from_memberships(memberships, lists, by)


def _stratum_value(name: str, records: Iterable[PersonRecord]) -> str:
    """The value most of a person's records give (records disagree; blanks don't vote)."""
    votes = Counter(v for v in (_value_of(name, r) for r in records) if v)
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
