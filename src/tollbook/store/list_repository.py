"""The repository of named lists: their imports and person records."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from tollbook.domain.person_record import PersonRecord
from tollbook.names import normalise_name
from tollbook.names.normalise import NORMALISER_VERSION
from tollbook.store.list_tables import (
    ListImportRow,
    ListRecordRow,
    NamedListRow,
)

_CHUNK = 5_000


@dataclass(frozen=True)
class StoredRecord:
    """A list record as stored: its row id and the record with its provenance."""

    id: int
    record: PersonRecord
    import_id: int


@dataclass(frozen=True)
class ListSummary:
    name: str
    records: int
    imports: int
    created_at: datetime
    #: whether the list may name one person twice (its records are then linked to
    #: each other; otherwise never)
    has_duplicates: bool = False


@dataclass(frozen=True)
class StoredImport:
    """One file imported into a list: which, when, by whom, and what came of it."""

    id: int
    list_name: str
    file_name: str
    sha256: str
    mapping: dict[str, Any]
    rows_read: int
    rows_imported: int
    rows_rejected: int
    imported_at: datetime
    imported_by: str | None
    #: what the import noted: {"unused_columns": [...]} (empty before revision 0010)
    notes: dict[str, Any] = field(default_factory=dict)
    #: when and by whom it was undone (revision 0014; None: it stands)
    undone_at: datetime | None = None
    undone_by: str | None = None


class ListRepository:
    """Named lists, their imports and their records."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def list_id(
        self,
        name: str,
        *,
        at: datetime,
        actor: str | None,
        has_duplicates: bool | None = None,
    ) -> tuple[int, bool]:
        """The id of the list called ``name`` (made if new) and whether it was made.
        ``has_duplicates`` declares whether the list may name one person twice (None:
        a new list does not, an existing one keeps what it said)."""
        row = self._session.scalars(select(NamedListRow).where(NamedListRow.name == name)).first()
        if row is not None:
            if has_duplicates is not None:
                row.has_duplicates = int(has_duplicates)
                self._session.flush()
            return row.id, False
        row = NamedListRow(
            name=name, created_at=at, created_by=actor, has_duplicates=int(bool(has_duplicates))
        )
        self._session.add(row)
        self._session.flush()
        return row.id, True

    def has_duplicates(self, name: str) -> bool | None:
        """Whether the list called ``name`` may name one person twice (None: no such list)."""
        value = self._session.scalar(
            select(NamedListRow.has_duplicates).where(NamedListRow.name == name)
        )
        return None if value is None else bool(value)

    def lists_with_duplicates(self) -> frozenset[str]:
        """The names of the lists declared to hold duplicates."""
        return frozenset(
            self._session.scalars(select(NamedListRow.name).where(NamedListRow.has_duplicates == 1))
        )

    def import_with_hash(self, list_id: int, sha256: str) -> int | None:
        """The id of an earlier import of the same file into the list, if any (an undone
        import is none)."""
        return self._session.scalar(
            select(ListImportRow.id).where(
                ListImportRow.list_id == list_id,
                ListImportRow.file_sha256 == sha256,
                ListImportRow.undone_at.is_(None),
            )
        )

    def add_import(
        self,
        list_id: int,
        *,
        file_name: str,
        sha256: str,
        mapping: dict[str, Any],
        rows_read: int,
        rows_imported: int,
        rows_rejected: int,
        at: datetime,
        actor: str | None,
        notes: dict[str, Any] | None = None,
    ) -> int:
        row = ListImportRow(
            notes=notes or None,
            list_id=list_id,
            file_name=file_name,
            file_sha256=sha256,
            mapping=mapping,
            rows_read=rows_read,
            rows_imported=rows_imported,
            rows_rejected=rows_rejected,
            imported_at=at,
            imported_by=actor,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def add_records(self, list_id: int, import_id: int, records: Iterable[PersonRecord]) -> int:
        """Store the records with their normalised names (flushed, not committed)."""
        count = 0
        chunk: list[dict[str, Any]] = []
        for record in records:
            chunk.append(record_values(list_id, import_id, record))
            if len(chunk) >= _CHUNK:
                self._session.execute(insert(ListRecordRow), chunk)
                count += len(chunk)
                chunk = []
        if chunk:
            self._session.execute(insert(ListRecordRow), chunk)
            count += len(chunk)
        self._session.flush()
        return count

    def summaries(self) -> list[ListSummary]:
        records = (
            select(ListRecordRow.list_id, func.count().label("n"))
            .group_by(ListRecordRow.list_id)
            .subquery()
        )
        imports = (
            select(ListImportRow.list_id, func.count().label("n"))
            .group_by(ListImportRow.list_id)
            .subquery()
        )
        query = (
            select(
                NamedListRow.name,
                records.c.n,
                imports.c.n,
                NamedListRow.created_at,
                NamedListRow.has_duplicates,
            )
            .outerjoin(records, records.c.list_id == NamedListRow.id)
            .outerjoin(imports, imports.c.list_id == NamedListRow.id)
            .order_by(NamedListRow.name)
        )
        return [
            ListSummary(name, int(n or 0), int(k or 0), at, bool(dup))
            for name, n, k, at, dup in self._session.execute(query).tuples()
        ]

    def imports(self, *, limit: int | None = None, offset: int = 0) -> builtins.list[StoredImport]:
        """Imports, the newest first."""
        query = (
            select(ListImportRow, NamedListRow.name)
            .join(NamedListRow, NamedListRow.id == ListImportRow.list_id)
            .order_by(ListImportRow.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return [
            StoredImport(
                id=row.id,
                list_name=name,
                file_name=row.file_name,
                sha256=row.file_sha256,
                mapping=dict(row.mapping or {}),
                rows_read=row.rows_read,
                rows_imported=row.rows_imported,
                rows_rejected=row.rows_rejected,
                imported_at=row.imported_at,
                imported_by=row.imported_by,
                notes=dict(row.notes or {}),
                undone_at=row.undone_at,
                undone_by=row.undone_by,
            )
            for row, name in self._session.execute(query).tuples()
        ]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(ListRecordRow)) or 0)

    def record_lists(self) -> dict[int, str]:
        """Record id -> the name of its list, for every record."""
        query = select(ListRecordRow.id, NamedListRow.name).join(
            NamedListRow, NamedListRow.id == ListRecordRow.list_id
        )
        return dict(self._session.execute(query).tuples().all())

    def record_ids(self) -> list[int]:
        return list(self._session.scalars(select(ListRecordRow.id).order_by(ListRecordRow.id)))

    def exists(self, record_id: int) -> bool:
        return self._session.get(ListRecordRow, record_id) is not None

    def records(self, ids: Sequence[int] | None = None) -> list[StoredRecord]:
        """Records in id order (all of them, or those with ``ids``)."""
        return list(self.iter_records(ids))

    def iter_records(self, ids: Sequence[int] | None = None) -> Iterator[StoredRecord]:
        query = (
            select(ListRecordRow, NamedListRow.name)
            .join(NamedListRow, NamedListRow.id == ListRecordRow.list_id)
            .order_by(ListRecordRow.id)
        )
        if ids is not None:
            wanted = sorted(set(ids))
            for start in range(0, len(wanted), _CHUNK):
                part = query.where(ListRecordRow.id.in_(wanted[start : start + _CHUNK]))
                for row, name in self._session.execute(part).tuples():
                    yield _stored(row, name)
            return
        for row, name in self._session.execute(query.execution_options(yield_per=_CHUNK)).tuples():
            yield _stored(row, name)


def record_values(list_id: int, import_id: int, record: PersonRecord) -> dict[str, Any]:
    name = normalise_name(record.family_name, record.given_name, record.patronymic)
    year, _ = record.birth_year()
    return {
        "list_id": list_id,
        "import_id": import_id,
        "row": record.row,
        "record_id": record.record_id,
        "family_name": record.family_name,
        "given_name": record.given_name,
        "patronymic": record.patronymic,
        "sex": record.sex,
        "birth_date": record.birth_date,
        "age": record.age,
        "death_date": record.death_date,
        "district": record.district,
        "address": record.address,
        "postcode": record.postcode,
        "region": record.region,
        "original": dict(record.original),
        "unread": dict(record.unread) or None,
        "family_latin": name.family or None,
        "family_key": name.family_key or None,
        "given_latin": name.given or None,
        "given_key": name.given_key or None,
        "patronymic_key": name.patronymic_key or None,
        "sex_inferred": name.sex,
        "names_swapped": int(name.swapped),
        "birth_year": year,
        "normaliser_version": NORMALISER_VERSION,
    }


def _stored(row: ListRecordRow, list_name: str) -> StoredRecord:
    sex = row.sex if row.sex in ("M", "F") else None
    record = PersonRecord(
        source=list_name,
        row=row.row,
        record_id=row.record_id,
        family_name=row.family_name,
        given_name=row.given_name,
        patronymic=row.patronymic,
        sex=sex,  # type: ignore[arg-type]
        birth_date=row.birth_date,
        age=row.age,
        death_date=row.death_date,
        district=row.district,
        address=row.address,
        postcode=row.postcode,
        region=row.region,
        original=dict(row.original or {}),
        unread=dict(row.unread or {}),
    )
    return StoredRecord(id=row.id, record=record, import_id=row.import_id)
