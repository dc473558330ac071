"""The unit of work: one database transaction around a use case.

Usage (the pattern of *Architecture Patterns with Python*)::

    with uow:
        report_id = uow.reports.add(report, ingested_at=now, ingested_by=None)
        uow.claims.add(report_id, claims, extractor_version="1", created_at=now)
        uow.commit()

Leaving the block rolls back whatever was not committed, so an exception in the middle
never leaves half a change in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from tollbook.store.audit_log import AuditLog
from tollbook.store.incident_repository import IncidentRepository
from tollbook.store.override_repository import OverrideRepository
from tollbook.store.repository import ClaimRepository, ReportRepository
from tollbook.store.review_repository import ClaimReviewRepository


@dataclass(frozen=True)
class _Open:
    """The session of one ``with`` block and the repositories bound to it."""

    session: Session
    reports: ReportRepository
    claims: ClaimRepository
    audit: AuditLog
    reviews: ClaimReviewRepository
    incidents: IncidentRepository
    overrides: OverrideRepository


class UnitOfWork:
    """Opens a session on ``with``, closes it (rolling back the uncommitted) on exit.

    The same object can be entered again after it exits; each ``with`` is a new session.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session_factory = sessionmaker(engine, expire_on_commit=False)
        self._open: _Open | None = None

    def __enter__(self) -> Self:
        if self._open is not None:
            raise RuntimeError("this unit of work is already in use; it cannot be nested")
        session = self._session_factory()
        self._open = _Open(
            session=session,
            reports=ReportRepository(session),
            claims=ClaimRepository(session),
            audit=AuditLog(session),
            reviews=ClaimReviewRepository(session),
            incidents=IncidentRepository(session),
            overrides=OverrideRepository(session),
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        opened, self._open = self._open, None
        if opened is None:  # pragma: no cover - __exit__ without __enter__
            return
        try:
            opened.session.rollback()
        finally:
            opened.session.close()

    def commit(self) -> None:
        self._current().session.commit()

    def rollback(self) -> None:
        self._current().session.rollback()

    @property
    def reports(self) -> ReportRepository:
        return self._current().reports

    @property
    def claims(self) -> ClaimRepository:
        return self._current().claims

    @property
    def audit(self) -> AuditLog:
        return self._current().audit

    @property
    def reviews(self) -> ClaimReviewRepository:
        return self._current().reviews

    @property
    def incidents(self) -> IncidentRepository:
        return self._current().incidents

    @property
    def overrides(self) -> OverrideRepository:
        return self._current().overrides

    def dispose(self) -> None:
        """Close the engine's pooled connections (the unit of work can still be used)."""
        self.engine.dispose()

    def _current(self) -> _Open:
        if self._open is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._open
