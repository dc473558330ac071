"""Saved estimates.

The unit of work (:class:`~tollbook.store.unit_of_work.UnitOfWork`) binds
:class:`EstimateRepository` and the audit log to one session, so a saved estimate (or a
change of its status) and its audit entry are committed together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tollbook.store.estimate_tables import EstimateRow
from tollbook.store.list_tables import LinkRunRow


@dataclass(frozen=True)
class SavedEstimate:
    """An estimate as stored: its provenance, tables, report (JSON) and status."""

    id: int
    created_at: datetime
    actor: str
    source: str
    file_name: str | None
    file_sha256: str | None
    link_run_id: int | None
    lists: tuple[str, ...]
    strata: tuple[str, ...]
    method: str
    options: dict[str, Any]
    tables: list[dict[str, Any]]
    report: dict[str, Any]
    warnings: tuple[str, ...]
    observed: int
    status: str
    published_by: str | None
    published_at: datetime | None
    withdrawn_by: str | None
    withdrawn_at: datetime | None
    withdrawn_reason: str | None


@dataclass(frozen=True)
class NewEstimate:
    """What is saved of a new estimate (the store adds id and status ``draft``)."""

    created_at: datetime
    actor: str
    source: str
    file_name: str | None
    file_sha256: str | None
    link_run_id: int | None
    lists: tuple[str, ...]
    strata: tuple[str, ...]
    method: str
    options: dict[str, Any]
    tables: list[dict[str, Any]]
    report: dict[str, Any]
    warnings: tuple[str, ...]
    observed: int


class EstimateRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, new: NewEstimate) -> SavedEstimate:
        row = EstimateRow(
            created_at=new.created_at,
            actor=new.actor,
            source=new.source,
            file_name=new.file_name,
            file_sha256=new.file_sha256,
            link_run_id=new.link_run_id,
            lists=list(new.lists),
            strata=list(new.strata),
            method=new.method,
            options=new.options,
            tables=new.tables,
            report=new.report,
            warnings=list(new.warnings),
            observed=new.observed,
            status="draft",
        )
        self._session.add(row)
        self._session.flush()
        return _saved(row)

    def get(self, estimate_id: int) -> SavedEstimate | None:
        row = self._session.get(EstimateRow, estimate_id)
        return _saved(row) if row is not None else None

    def page(
        self, *, status: str | None = None, limit: int | None = 50, offset: int = 0
    ) -> list[SavedEstimate]:
        """Saved estimates, newest first."""
        query = select(EstimateRow).order_by(EstimateRow.id.desc())
        if status is not None:
            query = query.where(EstimateRow.status == status)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return [_saved(row) for row in self._session.scalars(query)]

    def count(self, *, status: str | None = None) -> int:
        query = select(func.count()).select_from(EstimateRow)
        if status is not None:
            query = query.where(EstimateRow.status == status)
        return int(self._session.scalar(query) or 0)

    def publish(self, estimate_id: int, *, at: datetime, by: str) -> SavedEstimate | None:
        """Mark a draft published; None if it is not (or no longer) a draft."""
        return self._change(
            estimate_id, ("draft",), status="published", published_at=at, published_by=by
        )

    def withdraw(
        self, estimate_id: int, *, at: datetime, by: str, reason: str
    ) -> SavedEstimate | None:
        """Withdraw a draft or published estimate; None if it was withdrawn already."""
        return self._change(
            estimate_id,
            ("draft", "published"),
            status="withdrawn",
            withdrawn_at=at,
            withdrawn_by=by,
            withdrawn_reason=reason,
        )

    def _change(
        self, estimate_id: int, expected: tuple[str, ...], **values: Any
    ) -> SavedEstimate | None:
        # one conditional UPDATE: two people publishing at once cannot both succeed
        result = self._session.execute(
            update(EstimateRow)
            .where(EstimateRow.id == estimate_id, EstimateRow.status.in_(expected))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if not getattr(result, "rowcount", 0):
            return None
        self._session.expire_all()
        return self.get(estimate_id)

    def latest_link_run(self) -> int | None:
        """The id of the newest finished linkage run (whose persons are the active ones)."""
        return self._session.scalar(
            select(LinkRunRow.id)
            .where(LinkRunRow.finished_at.is_not(None))
            .order_by(LinkRunRow.id.desc())
            .limit(1)
        )


def _saved(row: EstimateRow) -> SavedEstimate:
    return SavedEstimate(
        id=row.id,
        created_at=row.created_at,
        actor=row.actor,
        source=row.source,
        file_name=row.file_name,
        file_sha256=row.file_sha256,
        link_run_id=row.link_run_id,
        lists=tuple(row.lists),
        strata=tuple(row.strata),
        method=row.method,
        options=dict(row.options),
        tables=list(row.tables),
        report=dict(row.report),
        warnings=tuple(row.warnings),
        observed=row.observed,
        status=row.status,
        published_by=row.published_by,
        published_at=row.published_at,
        withdrawn_by=row.withdrawn_by,
        withdrawn_at=row.withdrawn_at,
        withdrawn_reason=row.withdrawn_reason,
    )
