"""Repositories for reports and claims: domain objects in, domain objects out."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from tollbook.domain.claim import Claim
from tollbook.domain.incident import SourcedClaim, place_key
from tollbook.domain.report import Report
from tollbook.store.mapping import (
    SOURCED_COLUMNS,
    claim_insert_values,
    claim_values,
    report_row,
    sourced_claim,
    stored_claim,
    stored_report,
)
from tollbook.store.records import ReviewStatus, StoredClaim, StoredReport
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

    def set_publisher(self, report_id: int, publisher: str | None) -> None:
        """Record who published the report (flushed, not committed)."""
        row = self._session.get(ReportRow, report_id)
        if row is None:
            raise KeyError(report_id)
        row.publisher = publisher
        self._session.flush()


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    """``column`` holds ``text`` in any letter case (``%`` and ``_`` taken literally)."""
    return func.lower(column).contains(text.lower(), autoescape=True)


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
        """Store ``claims`` for the report with row id ``report_id``; return their row ids.

        A claim's ``part_of`` (the position of the larger claim in ``claims``) becomes
        a link to that claim's row; the caller checks the positions first.
        """
        claims = list(claims)
        if not claims:
            return []
        # One executemany INSERT for the report's claims (and one for the subgroup links),
        # not an ORM object and a flush per claim: storing was as slow as extracting.
        # RETURNING in parameter order would run one statement a row on SQLite, so the ids
        # are read back instead: a sequence only grows, so this call's rows are the last
        # ``len(claims)`` of the report, in the order they were inserted.
        self._session.execute(
            insert(cast(Table, ClaimRow.__table__)),
            [
                claim_insert_values(
                    claim,
                    report_id=report_id,
                    extractor_version=extractor_version,
                    created_at=created_at,
                )
                for claim in claims
            ],
        )
        query = select(ClaimRow.id).where(ClaimRow.report_id == report_id)
        ids = list(self._session.scalars(query.order_by(ClaimRow.id.desc()).limit(len(claims))))
        ids.reverse()
        links = [
            {"claim_id": ids[i], "part_of_claim_id": ids[claim.part_of]}
            for i, claim in enumerate(claims)
            if claim.part_of is not None
        ]
        if links:
            table = cast(Table, ClaimRow.__table__)
            self._session.execute(update(table).where(table.c.id == bindparam("claim_id")), links)
        return ids

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
        review_status: ReviewStatus | None = None,
        scope: str | None = None,
        kind: str | None = None,
        victims: str | None = None,
        source: str | None = None,
    ) -> list[StoredClaim]:
        """Claims in id order, filtered by place (exact, or a site in it: "chernihiv"
        finds "school, Chernihiv"; any case), outcome, report id, review status, scope and
        kind, and by part of the victims and of who said it (``attributed_to``), in any
        letter case."""
        query = self._select()
        if scope is not None:
            query = query.where(ClaimRow.scope == scope)
        if kind is not None:
            query = query.where(ClaimRow.kind == kind)
        if victims is not None:
            query = query.where(_contains(ClaimRow.victims, victims))
        if source is not None:
            query = query.where(_contains(ClaimRow.attributed_to, source))
        if review_status is not None:
            query = query.where(ClaimRow.review_status == review_status)
        if place is not None:
            # a town finds its sites too ("chernihiv" finds "school, Chernihiv")
            key = place_key(place) or ""
            query = query.where(
                or_(
                    ClaimRow.place_key == key,
                    ClaimRow.place_key.endswith(f", {key}", autoescape=True),
                )
            )
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

    def update(self, claim_id: int, claim: Claim, review_status: ReviewStatus) -> None:
        """Give the stored claim new values and review status (flushed, not committed).

        The claim's report, evidence offset, extractor version and creation time stay.
        """
        row = self._session.get(ClaimRow, claim_id)
        if row is None:
            raise KeyError(claim_id)
        for name, value in claim_values(claim).items():
            setattr(row, name, value)
        row.review_status = review_status
        self._session.flush()

    def sourced(self) -> builtins.list[SourcedClaim]:
        """Every claim not rejected, as the count layer reads it, in id order."""
        query = (
            select(*SOURCED_COLUMNS)
            .join(ReportRow, ClaimRow.report_id == ReportRow.id)
            .where(ClaimRow.review_status != "rejected")
            .order_by(ClaimRow.id)
        )
        return [sourced_claim(row) for row in self._session.execute(query)]
