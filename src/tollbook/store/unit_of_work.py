"""The unit of work: one database transaction around a use case, holding every repository.

Usage (the pattern of *Architecture Patterns with Python*)::

    with uow:
        report_id = uow.reports.add(report, ingested_at=now, ingested_by=None)
        uow.claims.add(report_id, claims, extractor_version="1", created_at=now)
        uow.commit()

Leaving the block rolls back whatever was not committed, so an exception in the middle
never leaves half a change in the database. Every repository (reports and claims,
incidents, lists and linkage, the registry of the dead, estimates, jobs, accounts and the
audit log) is bound to the session of the open block, so one use case changes any of
them in one transaction.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from tollbook.store.account_repository import (
    AuditPages,
    PublicationRepository,
    SessionRepository,
    UserRepository,
)
from tollbook.store.audit_log import AuditLog
from tollbook.store.estimate_repository import EstimateRepository
from tollbook.store.incident_repository import IncidentRepository
from tollbook.store.job_repository import JobRepository
from tollbook.store.linkage_repository import LinkageRepository
from tollbook.store.list_repository import ListRepository
from tollbook.store.override_repository import OverrideRepository
from tollbook.store.registry_repository import RegistryRepository
from tollbook.store.repository import ClaimRepository, ReportRepository
from tollbook.store.review_repository import ClaimReviewRepository


class UnitOfWork:
    """Opens a session on ``with``, closes it (rolling back the uncommitted) on exit.

    The same object can be entered again after it exits; each ``with`` is a new session.
    It cannot be nested: a use case that needs a second transaction beside an open one
    makes a second unit of work on the same engine (``UnitOfWork(uow.engine)``).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session_factory = sessionmaker(engine, expire_on_commit=False)
        self._session: Session | None = None

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already in use; it cannot be nested")
        self._session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        if session is None:  # pragma: no cover - __exit__ without __enter__
            return
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    @property
    def session(self) -> Session:
        """The session of the open ``with`` block."""
        if self._session is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._session

    # --- reports, claims and incidents ---------------------------------------------------
    @property
    def reports(self) -> ReportRepository:
        return ReportRepository(self.session)

    @property
    def claims(self) -> ClaimRepository:
        return ClaimRepository(self.session)

    @property
    def reviews(self) -> ClaimReviewRepository:
        return ClaimReviewRepository(self.session)

    @property
    def incidents(self) -> IncidentRepository:
        return IncidentRepository(self.session)

    @property
    def overrides(self) -> OverrideRepository:
        return OverrideRepository(self.session)

    # --- named lists and linkage ---------------------------------------------------------
    @property
    def lists(self) -> ListRepository:
        return ListRepository(self.session)

    @property
    def linkage(self) -> LinkageRepository:
        return LinkageRepository(self.session)

    # --- the registry of the dead, estimates, jobs ---------------------------------------
    @property
    def registry(self) -> RegistryRepository:
        return RegistryRepository(self.session)

    @property
    def estimates(self) -> EstimateRepository:
        return EstimateRepository(self.session)

    @property
    def jobs(self) -> JobRepository:
        return JobRepository(self.session)

    # --- accounts and the audit log ------------------------------------------------------
    @property
    def users(self) -> UserRepository:
        return UserRepository(self.session)

    @property
    def sessions(self) -> SessionRepository:
        return SessionRepository(self.session)

    @property
    def publications(self) -> PublicationRepository:
        return PublicationRepository(self.session)

    @property
    def audit(self) -> AuditLog:
        return AuditLog(self.session)

    @property
    def audit_pages(self) -> AuditPages:
        return AuditPages(self.session)

    def dispose(self) -> None:
        """Close the engine's pooled connections (the unit of work can still be used)."""
        self.engine.dispose()
