"""Records of a list taken out or corrected: an import undone, a corrected file's rows.

Taking records out removes what was built on them (scored links, pairs for review, their
place in a person; a person left with no record is retired) and the records themselves;
the import row stays, marked undone. The service writes the audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from tollbook.domain.person_record import record_content, row_keys
from tollbook.store.estimate_tables import EstimateRow
from tollbook.store.list_repository import _stored
from tollbook.store.list_tables import (
    ListImportRow,
    ListRecordRow,
    NamedListRow,
    PairReviewRow,
    PersonRecordRow,
    PersonRow,
    RecordLinkRow,
)

_CHUNK = 5_000


@dataclass
class TakenOut:
    records: int = 0
    links: int = 0
    persons_changed: int = 0
    persons_retired: int = 0
    #: pairs a human had decided ({"records": [a, b], "status", "by"}), kept for the audit
    decided_pairs: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class KeyedRecord:
    id: int
    import_id: int
    content: str


class ListRecordChanges:
    def __init__(self, session: Session) -> None:
        self._session = session

    def import_row(self, import_id: int) -> tuple[ListImportRow, str] | None:
        """The import and its list's name."""
        row = self._session.get(ListImportRow, import_id)
        if row is None:
            return None
        name = self._session.scalar(select(NamedListRow.name).where(NamedListRow.id == row.list_id))
        return row, str(name)

    def record_ids_of_import(self, import_id: int) -> list[int]:
        query = select(ListRecordRow.id).where(ListRecordRow.import_id == import_id)
        return list(self._session.scalars(query.order_by(ListRecordRow.id)))

    def keyed_records(self, list_id: int) -> dict[str, KeyedRecord]:
        """Every record of the list by its row key (records stored before revision 0014
        get theirs from their values, as :func:`row_keys` would)."""
        rows = list(
            self._session.scalars(
                select(ListRecordRow)
                .where(ListRecordRow.list_id == list_id)
                .order_by(ListRecordRow.id)
            )
        )
        records = [_stored(row, "").record for row in rows]
        derived = row_keys(records)
        out: dict[str, KeyedRecord] = {}
        for row, record, key in zip(rows, records, derived, strict=True):
            out[row.row_key or key] = KeyedRecord(row.id, row.import_id, record_content(record))
        return out

    def set_row_keys(self, import_id: int, keys: Sequence[str]) -> None:
        """Give the records of an import, in row order, their keys."""
        ids = list(
            self._session.scalars(
                select(ListRecordRow.id)
                .where(ListRecordRow.import_id == import_id, ListRecordRow.row_key.is_(None))
                .order_by(ListRecordRow.row)
            )
        )
        for record_id, key in zip(ids, keys, strict=True):
            self._session.execute(
                update(ListRecordRow).where(ListRecordRow.id == record_id).values(row_key=key)
            )

    def update_record(self, record_id: int, import_id: int, values: dict[str, Any]) -> None:
        """A record corrected by a later file: its values and provenance are the new row's
        (its id, and so its links and person, stay)."""
        kept = {k: v for k, v in values.items() if k not in ("list_id", "import_id")}
        self._session.execute(
            update(ListRecordRow)
            .where(ListRecordRow.id == record_id)
            .values(**kept, import_id=import_id)
        )

    def take_out(self, ids: Sequence[int], *, at: datetime) -> TakenOut:
        """Remove these records and what was built on them (flushed, not committed)."""
        out = TakenOut()
        for start in range(0, len(ids), _CHUNK):
            part = list(ids[start : start + _CHUNK])
            self._take_out(part, at, out)
        self._session.flush()
        return out

    def _take_out(self, ids: list[int], at: datetime, out: TakenOut) -> None:
        s = self._session
        pairs = or_(PairReviewRow.record_a.in_(ids), PairReviewRow.record_b.in_(ids))
        for review in s.scalars(select(PairReviewRow).where(pairs)):
            if review.status != "pending":
                out.decided_pairs.append(
                    {
                        "records": [review.record_a, review.record_b],
                        "status": review.status,
                        "by": review.decided_by,
                    }
                )
        s.execute(delete(PairReviewRow).where(pairs))
        links = or_(RecordLinkRow.record_a.in_(ids), RecordLinkRow.record_b.in_(ids))
        out.links += _count(s.execute(delete(RecordLinkRow).where(links)))
        persons = set(
            s.scalars(select(PersonRecordRow.person_id).where(PersonRecordRow.record_id.in_(ids)))
        )
        s.execute(delete(PersonRecordRow).where(PersonRecordRow.record_id.in_(ids)))
        if persons:
            left = dict(
                s.execute(
                    select(PersonRecordRow.person_id, func.count())
                    .where(PersonRecordRow.person_id.in_(persons))
                    .group_by(PersonRecordRow.person_id)
                )
                .tuples()
                .all()
            )
            empty = [p for p in persons if not left.get(p)]
            s.execute(update(PersonRow).where(PersonRow.id.in_(persons)).values(updated_at=at))
            if empty:
                s.execute(update(PersonRow).where(PersonRow.id.in_(empty)).values(status="retired"))
            out.persons_changed += len(persons) - len(empty)
            out.persons_retired += len(empty)
        out.records += _count(s.execute(delete(ListRecordRow).where(ListRecordRow.id.in_(ids))))

    def mark_undone(self, import_id: int, *, at: datetime, by: str) -> None:
        self._session.execute(
            update(ListImportRow)
            .where(ListImportRow.id == import_id)
            .values(undone_at=at, undone_by=by)
        )

    def estimates_since(self, list_name: str, since: datetime) -> list[tuple[int, str]]:
        """Estimates from the database made since ``since`` that counted ``list_name``:
        (id, status), draft and published."""
        query = select(EstimateRow.id, EstimateRow.status, EstimateRow.lists).where(
            EstimateRow.source == "database",
            EstimateRow.created_at >= since,
            EstimateRow.status.in_(("draft", "published")),
        )
        return [
            (i, status)
            for i, status, lists in self._session.execute(query).tuples()
            if list_name in (lists or [])
        ]


def _count(result: object) -> int:
    """The rows a DELETE removed."""
    return int(getattr(result, "rowcount", 0) or 0)
