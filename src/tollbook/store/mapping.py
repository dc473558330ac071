"""Rows to and from domain objects: the only place that knows both shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row

from tollbook.domain.claim import Claim, GeoPoint, Kind, Outcome, Qualifier, Scope
from tollbook.domain.incident import SourcedClaim
from tollbook.domain.incident import place_key as place_key  # re-exported
from tollbook.domain.incident import when_bounds as when_bounds  # re-exported
from tollbook.domain.report import Report
from tollbook.store.records import (
    AuditEntry,
    ClaimReview,
    ReviewStatus,
    StoredClaim,
    StoredReport,
)
from tollbook.store.tables import AuditRow, ClaimReviewRow, ClaimRow, ReportRow


def report_row(report: Report, *, ingested_at: datetime, ingested_by: str | None) -> ReportRow:
    return ReportRow(
        external_id=report.id,
        title=report.title,
        published=report.published,
        text=report.text,
        text_sha256=report.text_sha256,
        source=report.source if report.source is not None else "",
        publisher=report.publisher,
        ingested_at=ingested_at,
        ingested_by=ingested_by,
    )


def stored_report(row: ReportRow) -> StoredReport:
    report = Report(
        id=row.external_id,
        text=row.text,
        published=row.published,
        title=row.title,
        source=row.source or None,
        publisher=row.publisher,
    )
    return StoredReport(
        id=row.id,
        report=report,
        text_sha256=row.text_sha256,
        ingested_at=row.ingested_at,
        ingested_by=row.ingested_by,
        publisher=row.publisher,
    )


def claim_insert_values(
    claim: Claim, *, report_id: int, extractor_version: str, created_at: datetime
) -> dict[str, Any]:
    """The columns of a new claim's row (its subgroup link is set once the rows exist)."""
    return {
        "report_id": report_id,
        **claim_values(claim),
        "extractor_version": extractor_version,
        "review_status": "unreviewed",
        "created_at": created_at,
    }


def claim_values(claim: Claim) -> dict[str, Any]:
    """The claim's columns (all but its report, provenance and review status)."""
    when_start, when_end = when_bounds(claim.when)
    geo = claim.geo
    return {
        "outcome": claim.outcome,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "victims": claim.victims,
        "place": claim.place,
        "place_key": place_key(claim.place),
        "when_text": claim.when,
        "when_start": when_start,
        "when_end": when_end,
        "scope": claim.scope,
        "kind": claim.kind,
        "attributed_to": claim.attributed_to,
        "evidence": claim.evidence,
        "evidence_start": claim.evidence_start,
        "lat": geo.lat if geo else None,
        "lon": geo.lon if geo else None,
        "country": geo.country if geo else None,
        "geonameid": geo.geonameid if geo else None,
    }


def stored_claim(row: ClaimRow, *, article: str) -> StoredClaim:
    """``article`` is the external id of the claim's report."""
    return StoredClaim(
        id=row.id,
        report_id=row.report_id,
        review_status=cast(ReviewStatus, row.review_status),
        extractor_version=row.extractor_version,
        created_at=row.created_at,
        claim=domain_claim(row, article=article),
        part_of=row.part_of_claim_id,
    )


def domain_claim(row: ClaimRow | Row[Any], *, article: str) -> Claim:
    """The claim of a row (an ORM row, or a result row with the same column names)."""
    geo = None
    if row.lat is not None and row.lon is not None:
        geo = GeoPoint(lat=row.lat, lon=row.lon, country=row.country, geonameid=row.geonameid)
    return Claim(
        article=article,
        outcome=cast(Outcome, row.outcome),
        low=row.low,
        high=row.high,
        qualifier=cast(Qualifier, row.qualifier),
        victims=row.victims,
        place=row.place,
        when=row.when_text,
        scope=cast(Scope, row.scope),
        kind=cast(Kind, row.kind),
        attributed_to=row.attributed_to,
        evidence=row.evidence,
        evidence_start=row.evidence_start,
        geo=geo,
    )


#: The columns :func:`sourced_claim` reads: a claim's, and its report's provenance.
SOURCED_COLUMNS = (
    ClaimRow.id,
    ClaimRow.report_id,
    ClaimRow.outcome,
    ClaimRow.low,
    ClaimRow.high,
    ClaimRow.qualifier,
    ClaimRow.victims,
    ClaimRow.place,
    ClaimRow.when_text,
    ClaimRow.scope,
    ClaimRow.kind,
    ClaimRow.attributed_to,
    ClaimRow.evidence,
    ClaimRow.evidence_start,
    ClaimRow.lat,
    ClaimRow.lon,
    ClaimRow.country,
    ClaimRow.geonameid,
    ClaimRow.review_status,
    ClaimRow.part_of_claim_id,
    ReportRow.external_id,
    ReportRow.publisher,
    ReportRow.published,
)


def sourced_claim(row: Row[Any]) -> SourcedClaim:
    """A claim as the count layer reads it, from a row of :data:`SOURCED_COLUMNS`."""
    return SourcedClaim(
        claim_id=row.id,
        report_id=row.report_id,
        claim=domain_claim(row, article=row.external_id),
        review_status=cast(ReviewStatus, row.review_status),
        publisher=row.publisher,
        published=row.published,
        part_of=row.part_of_claim_id,
    )


def claim_review(row: ClaimReviewRow) -> ClaimReview:
    return ClaimReview(
        claim_id=row.claim_id,
        status=cast(ReviewStatus, row.status),
        reason=row.reason,
        reviewed_by=row.reviewed_by,
        reviewed_at=row.reviewed_at,
        extracted=row.extracted,
    )


def audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
    )
