"""Human decisions on incident groupings, kept in the order they were made."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import cast

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tollbook.domain.incident import Grade, GroupingOverride, OverrideAction
from tollbook.store.tables import OverrideClaimRow, OverrideRow


class OverrideRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        action: OverrideAction,
        claim_ids: Iterable[int],
        *,
        actor: str,
        at: datetime,
        grade: Grade | None = None,
        incident_id: int | None = None,
        reason: str | None = None,
    ) -> int:
        """Store one decision (flushed, not committed) and return its id."""
        ids = sorted(set(claim_ids))
        if not ids:
            raise ValueError("an override names at least one claim")
        row = OverrideRow(
            action=action,
            grade=grade,
            incident_id=incident_id,
            reason=reason,
            actor=actor,
            created_at=at,
        )
        self._session.add(row)
        self._session.flush()
        self._session.execute(
            insert(OverrideClaimRow), [{"override_id": row.id, "claim_id": c} for c in ids]
        )
        return row.id

    def list(self) -> list[GroupingOverride]:
        """Every override, oldest first."""
        claims: dict[int, set[int]] = {}
        for override_id, claim_id in self._session.execute(
            select(OverrideClaimRow.override_id, OverrideClaimRow.claim_id)
        ).tuples():
            claims.setdefault(override_id, set()).add(claim_id)
        return [
            GroupingOverride(
                id=row.id,
                action=cast(OverrideAction, row.action),
                claim_ids=frozenset(claims.get(row.id, ())),
                grade=cast(Grade | None, row.grade),
                actor=row.actor,
                reason=row.reason,
            )
            for row in self._session.scalars(select(OverrideRow).order_by(OverrideRow.id))
        ]
