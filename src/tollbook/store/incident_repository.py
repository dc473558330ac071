"""Stable ids for incidents whose grouping is recomputed from the claims every time.

:meth:`IncidentRepository.sync` saves a fresh grouping: each new incident keeps the id
of the stored incident it shares most claims with (older ids win ties), the others get
new ids, and stored incidents left with no match are retired (kept, with no claims), so
ids in listings, overrides and the audit log keep meaning the same event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from tollbook.store.records import StoredIncident
from tollbook.store.tables import IncidentClaimRow, IncidentRow

_CHUNK = 500


@dataclass(frozen=True)
class Grouping:
    """One incident of a reconciliation, as stored: where, what, and its claims."""

    place: str | None
    place_key: str | None
    outcome: str
    claim_ids: frozenset[int]


@dataclass(frozen=True)
class SyncResult:
    """The stored id of each grouping (in the order given) and what changed."""

    ids: list[int]
    created: list[int] = field(default_factory=list)
    retired: list[int] = field(default_factory=list)
    moved_claims: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.retired or self.moved_claims)


class IncidentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def claim_ids(self, incident_id: int) -> list[int]:
        """The claims of a stored incident as last saved (none once retired)."""
        query = (
            select(IncidentClaimRow.claim_id)
            .where(IncidentClaimRow.incident_id == incident_id)
            .order_by(IncidentClaimRow.claim_id)
        )
        return list(self._session.scalars(query))

    def get(self, incident_id: int) -> StoredIncident | None:
        """The stored incident (``active`` or ``retired``), or None for an unknown id."""
        row = self._session.get(IncidentRow, incident_id)
        if row is None:
            return None
        return StoredIncident(
            id=row.id,
            place=row.place,
            outcome=row.outcome,
            status=row.status,
            claim_ids=tuple(self.claim_ids(incident_id)),
        )

    def ids_of(self, groupings: Sequence[Grouping]) -> list[int | None]:
        """The stored id of each grouping (in the order given), as :meth:`sync` would keep
        it, without writing: ``None`` for a grouping that is not stored yet."""
        links = (
            select(IncidentClaimRow.claim_id, IncidentClaimRow.incident_id)
            .join(IncidentRow, IncidentRow.id == IncidentClaimRow.incident_id)
            .where(IncidentRow.status == "active")
        )
        return _match(groupings, {c: i for c, i in self._session.execute(links).tuples()})

    def sync(self, groupings: Sequence[Grouping], at: datetime) -> SyncResult:
        """Save ``groupings`` as the active incidents (flushed, not committed)."""
        links = select(IncidentClaimRow.claim_id, IncidentClaimRow.incident_id)
        stored = {c: i for c, i in self._session.execute(links).tuples()}
        active = {
            incident_id: (place, key, outcome)
            for incident_id, place, key, outcome in self._session.execute(
                select(
                    IncidentRow.id, IncidentRow.place, IncidentRow.place_key, IncidentRow.outcome
                ).where(IncidentRow.status == "active")
            ).tuples()
        }
        matched = _match(groupings, {c: i for c, i in stored.items() if i in active})
        fresh: list[int] = []
        for index, grouping in enumerate(groupings):
            incident_id = matched[index]
            where = (grouping.place, grouping.place_key, grouping.outcome)
            if incident_id is None:
                fresh.append(index)
            elif active[incident_id] != where:
                self._session.execute(
                    update(IncidentRow)
                    .where(IncidentRow.id == incident_id)
                    .values(place=where[0], place_key=where[1], outcome=where[2], updated_at=at)
                )
        created_ids = self._create([groupings[i] for i in fresh], at)
        new_id = dict(zip(fresh, created_ids, strict=True))
        final = [
            new_id[i] if incident_id is None else incident_id
            for i, incident_id in enumerate(matched)
        ]
        wanted = {c: final[i] for i, g in enumerate(groupings) for c in g.claim_ids}
        leaving = [c for c, i in stored.items() if wanted.get(c) != i]
        joining = [c for c, i in wanted.items() if stored.get(c) != i]
        for chunk in _chunks(leaving):
            self._session.execute(
                delete(IncidentClaimRow).where(IncidentClaimRow.claim_id.in_(chunk))
            )
        if joining:
            self._session.execute(
                insert(IncidentClaimRow),
                [{"claim_id": c, "incident_id": wanted[c]} for c in joining],
            )
        touched = {wanted[c] for c in joining} | {stored[c] for c in leaving if stored[c] in active}
        kept = set(final)
        retired = sorted(i for i in active if i not in kept)
        for chunk in _chunks(retired):
            self._session.execute(
                update(IncidentRow)
                .where(IncidentRow.id.in_(chunk))
                .values(status="retired", updated_at=at)
            )
        for chunk in _chunks(sorted((touched & kept) - set(created_ids))):
            self._session.execute(
                update(IncidentRow).where(IncidentRow.id.in_(chunk)).values(updated_at=at)
            )
        self._session.flush()
        return SyncResult(final, created_ids, retired, len(joining))

    def _create(self, groupings: Sequence[Grouping], at: datetime) -> list[int]:
        """Insert new active incidents; their ids, in the order given."""
        if not groupings:
            return []
        rows = [
            {
                "place": g.place,
                "place_key": g.place_key,
                "outcome": g.outcome,
                "status": "active",
                "created_at": at,
                "updated_at": at,
            }
            for g in groupings
        ]
        statement = insert(IncidentRow).returning(IncidentRow.id, sort_by_parameter_order=True)
        return list(self._session.scalars(statement, rows))


def _match(groupings: Sequence[Grouping], stored: dict[int, int]) -> list[int | None]:
    """For each grouping, the stored incident it keeps the id of (None: a new one)."""
    pairs: list[tuple[int, int, int]] = []
    for index, grouping in enumerate(groupings):
        overlap = Counter(stored[c] for c in grouping.claim_ids if c in stored)
        pairs.extend((-shared, incident_id, index) for incident_id, shared in overlap.items())
    pairs.sort()
    ids: list[int | None] = [None] * len(groupings)
    taken: set[int] = set()
    for _, incident_id, index in pairs:
        if ids[index] is None and incident_id not in taken:
            ids[index] = incident_id
            taken.add(incident_id)
    return ids


def _chunks(values: Iterable[int]) -> Iterable[list[int]]:
    batch: list[int] = []
    for value in values:
        batch.append(value)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch
