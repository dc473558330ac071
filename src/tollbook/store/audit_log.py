"""The audit log: who changed what, when, and what it was before and after.

Append-only: this class only adds and reads, and the database refuses UPDATE and DELETE
on the table (triggers added by the migrations).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tollbook.store.mapping import audit_entry
from tollbook.store.records import AuditEntry
from tollbook.store.tables import AuditRow


class AuditLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        entity: str,
        entity_id: str | int,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> int:
        """Add one entry (flushed, not committed) and return its id."""
        row = AuditRow(
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=before,
            after=after,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def entries(
        self, *, entity: str | None = None, entity_id: str | int | None = None
    ) -> list[AuditEntry]:
        """Entries in the order they were written, optionally for one entity."""
        query = select(AuditRow).order_by(AuditRow.id)
        if entity is not None:
            query = query.where(AuditRow.entity == entity)
        if entity_id is not None:
            query = query.where(AuditRow.entity_id == str(entity_id))
        return [audit_entry(row) for row in self._session.scalars(query)]

    def actions_between(
        self, low: int, high: int, entities: tuple[str, ...]
    ) -> list[tuple[str, str]]:
        """(entity, action) of the entries of ``entities`` with ``low < id <= high``."""
        query = (
            select(AuditRow.entity, AuditRow.action)
            .where(AuditRow.id > low, AuditRow.id <= high, AuditRow.entity.in_(entities))
            .order_by(AuditRow.id)
        )
        return [(entity, action) for entity, action in self._session.execute(query)]
