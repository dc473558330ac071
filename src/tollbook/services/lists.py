"""Importing named lists of the dead: one file into one list, all good rows or none.

The file is read whole first; rows that cannot be read are reported by row and field
and left out, and the good rows are written in one transaction with the import's audit
entry, so an interrupted import leaves nothing behind. The same file is not imported
into the same list twice; a corrected file updates the records it corrects (matched by
their row key: the file's own id column, else the row's content), adds its new rows,
leaves its unchanged rows alone and, when it replaces an earlier import, takes out that
import's rows it no longer has. An import is undone by :mod:`tollbook.services.list_undo`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError

from tollbook.domain.person_record import PersonRecord, record_content, row_keys
from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits
from tollbook.exchange.list_files import (
    ColumnMapping,
    ListFile,
    read_header,
    read_list_file,
    unused_message,
)
from tollbook.store.list_record_changes import ListRecordChanges
from tollbook.store.list_repository import ListSummary, StoredImport, record_values
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "ImportRefused",
    "ListImportResult",
    "file_columns",
    "import_list",
    "list_imports",
    "list_summaries",
]


class ImportRefused(Invalid, ValueError):
    """An import that is not made: a bad list name or mapping, or a file imported already."""


@dataclass(frozen=True)
class ListImportResult:
    list_name: str
    #: None when no row could be imported (nothing was written)
    import_id: int | None
    new_list: bool
    rows: int
    imported: int
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[InputProblem] = field(default_factory=list)
    #: the file's columns no field was mapped to (not imported; kept in each record's
    #: original values)
    unused_columns: tuple[str, ...] = ()
    #: whether the list is declared to hold duplicates (after this import)
    has_duplicates: bool = False
    #: rows that are new to the list, that corrected a record, that the list held as
    #: they are, and records of the replaced import that the file no longer has
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def rejected(self) -> int:
        return len({p.line for p in self.problems})

    @property
    def unused_warning(self) -> str | None:
        """The warning naming the unused columns, or None."""
        return unused_message(self.unused_columns) if self.unused_columns else None


def import_list(
    uow: UnitOfWork,
    path: Path,
    source: str,
    mapping: Sequence[str] = (),
    *,
    actor: str | None = None,
    lenient: bool = False,
    sheet: str | None = None,
    now: datetime | None = None,
    file_name: str | None = None,
    has_duplicates: bool | None = None,
    limits: FileLimits | None = None,
    replaces: int | None = None,
) -> ListImportResult:
    """Import a CSV or XLSX file into the list called ``source``.

    ``mapping`` holds ``COLUMN=FIELD`` pairs; columns named like a field, or with a
    known name for one, map themselves, and the columns left unused are named in the
    result and kept in the import's notes. ``has_duplicates`` declares whether the list
    may name one person twice (None: a new list does not, an existing list keeps what
    it said); only then are its records linked to each other. ``file_name`` names the file in the
    import's record, the audit log and every message (default: ``path``), for a file
    uploaded to a temporary path. Raises :class:`ImportRefused` for a bad list name or
    mapping or a file already imported into the list, and
    :class:`~tollbook.exchange.errors.InputError` for a file that cannot be read or is
    over ``limits`` (default: from the environment; see
    :mod:`tollbook.exchange.file_limits`). Two imports of one file at once store it once:
    the other is refused in words, as is any other collision of the two. Rows whose key
    (the file's id column, else the row's content) the list holds already update that
    record, or are left alone when unchanged; ``replaces`` names an earlier import of the
    list that this file corrects: its records the file no longer has are taken out.
    """
    name = " ".join(source.split())
    if not name:
        raise ImportRefused(N_("the list needs a name: --source NAME"))
    try:
        columns = ColumnMapping.parse(mapping)
    except ValueError as error:
        raise ImportRefused(N_("--map %(error)s", error=error)) from None
    shown = file_name or str(path)
    try:
        read = read_list_file(path, name, columns, lenient=lenient, sheet=sheet, limits=limits)
    except InputError as error:
        raise InputError(dataclasses.replace(error.problem, path=shown)) from None
    if file_name is not None:
        read.problems = [dataclasses.replace(p, path=shown) for p in read.problems]
        read.warnings = [dataclasses.replace(p, path=shown) for p in read.warnings]
    sha256 = file_sha256(path)
    at = now or datetime.now(UTC)
    for attempt in (1, 2):
        try:
            return _store(uow, read, name, shown, sha256, at, actor, has_duplicates, replaces)
        except (IntegrityError, OperationalError) as error:
            # another import made the list, or stored this file, between our look and
            # our write (or holds SQLite's write lock): look again once, then say so
            if isinstance(error, OperationalError) and "locked" not in str(error):
                raise
            if attempt == 2:
                raise ImportRefused(
                    N_(
                        "%(shown)s: another import into list %(name)s was being made "
                        "at the same time; nothing was imported: try again",
                        shown=shown,
                        name=repr(name),
                    )
                ) from None
    raise AssertionError("unreachable")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _store(
    uow: UnitOfWork,
    read: ListFile,
    name: str,
    shown: str,
    sha256: str,
    at: datetime,
    actor: str | None,
    has_duplicates: bool | None,
    replaces: int | None = None,
) -> ListImportResult:
    with uow:
        before = uow.lists.has_duplicates(name)
        list_id, new_list = uow.lists.list_id(
            name, at=at, actor=actor, has_duplicates=has_duplicates
        )
        duplicates = bool(uow.lists.has_duplicates(name))
        earlier = uow.lists.import_with_hash(list_id, sha256)
        if earlier is not None:
            raise ImportRefused(
                N_(
                    "%(shown)s was imported into list %(name)s already (import "
                    "%(earlier)s); nothing was imported",
                    shown=shown,
                    name=repr(name),
                    earlier=earlier,
                )
            )
        unused = read.unused
        changes = ListRecordChanges(uow.session)
        plan = _plan(changes, list_id, name, read.records, replaces)
        if not read.records:
            return ListImportResult(
                name, None, new_list, read.rows, 0, read.problems, read.warnings, unused, duplicates
            )
        rejected_rows = sorted({p.line for p in read.problems if p.line is not None})
        import_id = uow.lists.add_import(
            list_id,
            file_name=shown,
            sha256=sha256,
            mapping={k: list(v) for k, v in read.mapping.items()},
            rows_read=read.rows,
            rows_imported=len(plan.new) + len(plan.updated),
            rows_rejected=len(rejected_rows),
            at=at,
            actor=actor,
            notes={"unused_columns": list(unused)} if unused else None,
        )
        uow.lists.add_records(list_id, import_id, [r for r, _ in plan.new])
        changes.set_row_keys(import_id, [k for _, k in plan.new])
        for record_id, record, key in plan.updated:
            values = record_values(list_id, import_id, record)
            changes.update_record(record_id, import_id, {**values, "row_key": key})
        taken = changes.take_out(plan.removed, at=at) if plan.removed else None
        imported = len(plan.new) + len(plan.updated)
        uow.audit.append(
            at=at,
            actor=actor or "unknown",
            action="import",
            entity="list_import",
            entity_id=import_id,
            after={
                "list": name,
                "file": shown,
                "sha256": sha256,
                "mapping": {k: list(v) for k, v in read.mapping.items()},
                "rows": read.rows,
                "imported": imported,
                "added": len(plan.new),
                "updated": [record_id for record_id, _, _ in plan.updated],
                "unchanged": plan.unchanged,
                "removed": plan.removed,
                **({"replaces": replaces} if replaces is not None else {}),
                **({"decided_pairs_removed": taken.decided_pairs} if taken else {}),
                "rejected_rows": rejected_rows,
                "unread_values": len(read.warnings),
                "unused_columns": list(unused),
                "has_duplicates": duplicates,
                **({"has_duplicates_before": before} if before not in (None, duplicates) else {}),
            },
        )
        uow.commit()
    return ListImportResult(
        name,
        import_id,
        new_list,
        read.rows,
        imported,
        read.problems,
        read.warnings,
        unused,
        duplicates,
        added=len(plan.new),
        updated=len(plan.updated),
        unchanged=plan.unchanged,
        removed=len(plan.removed),
    )


@dataclass
class _Plan:
    new: list[tuple[PersonRecord, str]] = field(default_factory=list)
    updated: list[tuple[int, PersonRecord, str]] = field(default_factory=list)
    unchanged: int = 0
    removed: list[int] = field(default_factory=list)


def _plan(
    changes: ListRecordChanges,
    list_id: int,
    name: str,
    records: Sequence[PersonRecord],
    replaces: int | None,
) -> _Plan:
    """What a file does to the list: its rows by key against the list's records."""
    plan = _Plan()
    existing = changes.keyed_records(list_id)
    keys = row_keys(records)
    for record, key in zip(records, keys, strict=True):
        old = existing.get(key)
        if old is None:
            plan.new.append((record, key))
        elif old.content == record_content(record):
            plan.unchanged += 1
        else:
            plan.updated.append((old.id, record, key))
    if replaces is not None:
        found = changes.import_row(replaces)
        if found is None or found[0].list_id != list_id:
            raise ImportRefused(
                N_(
                    "--replaces: list %(name)s has no import %(replaces)s",
                    name=repr(name),
                    replaces=replaces,
                )
            )
        if found[0].undone_at is not None:
            raise ImportRefused(
                N_("--replaces: import %(replaces)s was undone already", replaces=replaces)
            )
        kept = set(keys)
        plan.removed = [
            old.id for key, old in existing.items() if old.import_id == replaces and key not in kept
        ]
    return plan


def list_summaries(uow: UnitOfWork) -> list[ListSummary]:
    """Every named list with its number of records and imports."""
    with uow:
        return uow.lists.summaries()


def list_imports(uow: UnitOfWork, *, limit: int | None = 50, offset: int = 0) -> list[StoredImport]:
    """The files imported into lists, the newest first: which, when, by whom, how many rows."""
    with uow:
        return uow.lists.imports(limit=limit, offset=offset)


def file_columns(
    path: Path, *, sheet: str | None = None, file_name: str | None = None
) -> tuple[str, ...]:
    """The columns of a list file (its header row), to choose a mapping from. Raises
    :class:`~tollbook.exchange.errors.InputError` (naming ``file_name`` if given) for a
    file that cannot be read."""
    try:
        return read_header(path, sheet)
    except InputError as error:
        if file_name is None:
            raise
        raise InputError(dataclasses.replace(error.problem, path=file_name)) from None
