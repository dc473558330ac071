"""Undo an import of a named list: its records leave the list, the persons linkage made
of them and any draft estimate that counted them; the import stays in the history,
marked undone, and the audit log keeps what was taken out. The file can then be imported
again (corrected or not)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.store.list_record_changes import ListRecordChanges
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["ImportUndone", "UndoRefused", "undo_import"]


class UndoRefused(Invalid, ValueError):
    """No such import, or one undone already."""


@dataclass(frozen=True)
class ImportUndone:
    import_id: int
    list_name: str
    file_name: str
    records: int
    links: int
    persons_changed: int
    persons_retired: int
    #: draft estimates that counted the list since the import: withdrawn
    drafts_withdrawn: list[int] = field(default_factory=list)
    #: published estimates that counted it: left as published, named for a human
    published_counted: list[int] = field(default_factory=list)


def undo_import(
    uow: UnitOfWork, import_id: int, *, actor: str, reason: str = "", now: datetime | None = None
) -> ImportUndone:
    """Take the records of import ``import_id`` out (one transaction, audited)."""
    if not actor.strip():
        raise UndoRefused(N_("say who undoes the import: --actor NAME"))
    at = now or datetime.now(UTC)
    with uow:
        changes = ListRecordChanges(uow.session)
        found = changes.import_row(import_id)
        if found is None:
            raise UndoRefused(
                N_(
                    "there is no import %(import_id)s: `tollbook lists imports`",
                    import_id=import_id,
                )
            )
        row, list_name = found
        if row.undone_at is not None:
            raise UndoRefused(
                N_(
                    "import %(import_id)s was undone already, on %(undone_at)s "
                    "UTC by %(undone_by)s",
                    import_id=import_id,
                    undone_at=format(row.undone_at, "%Y-%m-%d %H:%M"),
                    undone_by=row.undone_by,
                )
            )
        ids = changes.record_ids_of_import(import_id)
        taken = changes.take_out(ids, at=at)
        changes.mark_undone(import_id, at=at, by=actor)
        drafts: list[int] = []
        published: list[int] = []
        why = f"import {import_id} of list {list_name!r} was undone" + (
            f": {reason}" if reason else ""
        )
        for estimate_id, status in changes.estimates_since(list_name, row.imported_at):
            if status == "draft":
                uow.estimates.withdraw(estimate_id, at=at, by=actor, reason=why)
                drafts.append(estimate_id)
            else:
                published.append(estimate_id)
        uow.audit.append(
            at=at,
            actor=actor,
            action="undo_import",
            entity="list_import",
            entity_id=import_id,
            before={
                "list": list_name,
                "file": row.file_name,
                "sha256": row.file_sha256,
                "record_ids": ids,
                "decided_pairs": taken.decided_pairs,
            },
            after={
                "records_removed": taken.records,
                "links_removed": taken.links,
                "persons_changed": taken.persons_changed,
                "persons_retired": taken.persons_retired,
                "drafts_withdrawn": drafts,
                "published_estimates_counted": published,
                "reason": reason,
            },
        )
        uow.commit()
    return ImportUndone(
        import_id,
        list_name,
        row.file_name,
        taken.records,
        taken.links,
        taken.persons_changed,
        taken.persons_retired,
        drafts,
        published,
    )
