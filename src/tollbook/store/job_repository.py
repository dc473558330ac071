"""Background jobs as stored (:mod:`tollbook.store.job_tables`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tollbook.store.job_tables import JobRow


@dataclass(frozen=True)
class StoredJob:
    id: int
    kind: str
    status: str
    created_at: datetime
    created_by: str
    heartbeat_at: datetime
    finished_at: datetime | None
    progress: str
    params: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None


class JobTaken(Exception):
    """A job of this kind is running already (the database refused a second one)."""


def _job(row: JobRow) -> StoredJob:
    return StoredJob(
        id=row.id,
        kind=row.kind,
        status=row.status,
        created_at=row.created_at,
        created_by=row.created_by,
        heartbeat_at=row.heartbeat_at,
        finished_at=row.finished_at,
        progress=row.progress,
        params=dict(row.params),
        result=dict(row.result) if row.result is not None else None,
        error=row.error,
    )


class JobRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def start(self, kind: str, *, by: str, params: dict[str, Any], at: datetime) -> int:
        """A new running job; :class:`JobTaken` if one of ``kind`` runs already."""
        row = JobRow(
            kind=kind,
            status="running",
            active=1,
            created_at=at,
            created_by=by,
            heartbeat_at=at,
            progress="starting",
            params=params,
        )
        self._session.add(row)
        try:
            self._session.flush()
        except IntegrityError:
            self._session.rollback()
            raise JobTaken(kind) from None
        return row.id

    def get(self, job_id: int) -> StoredJob | None:
        row = self._session.get(JobRow, job_id)
        return None if row is None else _job(row)

    def running(self, kind: str) -> StoredJob | None:
        query = select(JobRow).where(JobRow.kind == kind, JobRow.active == 1)
        row = self._session.scalars(query).one_or_none()
        return None if row is None else _job(row)

    def latest(self, kind: str, limit: int = 10) -> list[StoredJob]:
        query = select(JobRow).where(JobRow.kind == kind).order_by(JobRow.id.desc()).limit(limit)
        return [_job(row) for row in self._session.scalars(query)]

    def step(self, job_id: int, progress: str, *, at: datetime) -> None:
        self._session.execute(
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.active == 1)
            .values(progress=progress[:500], heartbeat_at=at)
        )

    def beat(self, job_id: int, *, at: datetime) -> None:
        """The job is still alive (its step may be long)."""
        self._session.execute(
            update(JobRow).where(JobRow.id == job_id, JobRow.active == 1).values(heartbeat_at=at)
        )

    def finish(
        self,
        job_id: int,
        *,
        status: str,
        at: datetime,
        result: dict[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        self._session.execute(
            update(JobRow)
            .where(JobRow.id == job_id)
            .values(status=status, active=None, finished_at=at, result=result, error=error)
        )
