"""Repositories for reports and claims: domain objects in, domain objects out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.store.mapping import claim_row, place_key, report_row, stored_claim, stored_report
from tollbook.store.records import StoredClaim, StoredReport
from tollbook.store.tables import ClaimRow, ReportRow


class ReportRepository:
    """Reports, stored once per distinct text."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, report: Report, *, ingested_at: datetime, ingested_by: str | None) -> int:
        """Store ``report`` and return its row id (the row is flushed, not committed)."""
        row = report_row(report, ingested_at=ingested_at, ingested_by=ingested_by)
        self._session.add(row)
        self._session.flush()
        return row.id

    def id_for_hash(self, text_sha256: str) -> int | None:
        """Row id of the report whose text has this SHA-256, if one is stored."""
        return self._session.scalar(
            select(ReportRow.id).where(ReportRow.text_sha256 == text_sha256)
        )

    def get(self, report_id: int) -> StoredReport | None:
        row = self._session.get(ReportRow, report_id)
        return stored_report(row) if row is not None else None

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[StoredReport]:
        query = select(ReportRow).order_by(ReportRow.id).offset(offset).limit(limit)
        return [stored_report(row) for row in self._session.scalars(query)]


class ClaimRepository:
    """Claims, each tied to the report it was read from."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        report_id: int,
        claims: Iterable[Claim],
        *,
        extractor_version: str,
        created_at: datetime,
    ) -> list[int]:
        """Store ``claims`` for the report with row id ``report_id``; return their row ids."""
        rows = [
            claim_row(
                claim,
                report_id=report_id,
                extractor_version=extractor_version,
                created_at=created_at,
            )
            for claim in claims
        ]
        self._session.add_all(rows)
        self._session.flush()
        return [row.id for row in rows]

    def get(self, claim_id: int) -> StoredClaim | None:
        query = self._select().where(ClaimRow.id == claim_id)
        found = self._session.execute(query).one_or_none()
        return stored_claim(found[0], article=found[1]) if found is not None else None

    def list(
        self,
        *,
        place: str | None = None,
        outcome: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredClaim]:
        """Claims in id order, filtered by place (exact, any case), outcome and report id."""
        query = self._select()
        if place is not None:
            query = query.where(ClaimRow.place_key == place_key(place))
        if outcome is not None:
            query = query.where(ClaimRow.outcome == outcome)
        if article is not None:
            query = query.where(ReportRow.external_id == article)
        query = query.order_by(ClaimRow.id).offset(offset).limit(limit)
        return [
            stored_claim(row, article=external_id)
            for row, external_id in self._session.execute(query).tuples()
        ]

    @staticmethod
    def _select() -> Select[tuple[ClaimRow, str]]:
        return select(ClaimRow, ReportRow.external_id).join(
            ReportRow, ClaimRow.report_id == ReportRow.id
        )
