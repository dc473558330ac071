"""Rows to and from domain objects: the only place that knows both shapes."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import cast

from tollbook.domain.claim import Claim, GeoPoint, Kind, Outcome, Qualifier, Scope
from tollbook.domain.report import Report
from tollbook.store.records import AuditEntry, ReviewStatus, StoredClaim, StoredReport
from tollbook.store.tables import AuditRow, ClaimRow, ReportRow


def place_key(place: str | None) -> str | None:
    """A place name folded for case-insensitive exact matching, in any script."""
    if place is None:
        return None
    return unicodedata.normalize("NFKC", place).strip().casefold()


def when_bounds(when: str | None) -> tuple[date | None, date | None]:
    """First and last day of a claim's ``when`` (``YYYY-MM-DD`` or ``A/B``).

    Anything else, or a period that ends before it starts, gives ``(None, None)``;
    the text itself is kept as written.
    """
    if not when:
        return None, None
    first, slash, last = when.strip().partition("/")
    try:
        start = date.fromisoformat(first)
        end = date.fromisoformat(last) if slash else start
    except ValueError:
        return None, None
    if end < start:
        return None, None
    return start, end


def report_row(report: Report, *, ingested_at: datetime, ingested_by: str | None) -> ReportRow:
    return ReportRow(
        external_id=report.id,
        title=report.title,
        published=report.published,
        text=report.text,
        text_sha256=report.text_sha256,
        source=report.source if report.source is not None else "",
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
    )
    return StoredReport(
        id=row.id,
        report=report,
        text_sha256=row.text_sha256,
        ingested_at=row.ingested_at,
        ingested_by=row.ingested_by,
    )


def claim_row(
    claim: Claim, *, report_id: int, extractor_version: str, created_at: datetime
) -> ClaimRow:
    when_start, when_end = when_bounds(claim.when)
    geo = claim.geo
    return ClaimRow(
        report_id=report_id,
        outcome=claim.outcome,
        low=claim.low,
        high=claim.high,
        qualifier=claim.qualifier,
        victims=claim.victims,
        place=claim.place,
        place_key=place_key(claim.place),
        when_text=claim.when,
        when_start=when_start,
        when_end=when_end,
        scope=claim.scope,
        kind=claim.kind,
        attributed_to=claim.attributed_to,
        evidence=claim.evidence,
        evidence_start=claim.evidence_start,
        lat=geo.lat if geo else None,
        lon=geo.lon if geo else None,
        country=geo.country if geo else None,
        geonameid=geo.geonameid if geo else None,
        extractor_version=extractor_version,
        review_status="unreviewed",
        created_at=created_at,
    )


def stored_claim(row: ClaimRow, *, article: str) -> StoredClaim:
    """``article`` is the external id of the claim's report."""
    geo = None
    if row.lat is not None and row.lon is not None:
        geo = GeoPoint(lat=row.lat, lon=row.lon, country=row.country, geonameid=row.geonameid)
    claim = Claim(
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
    return StoredClaim(
        id=row.id,
        report_id=row.report_id,
        review_status=cast(ReviewStatus, row.review_status),
        extractor_version=row.extractor_version,
        created_at=row.created_at,
        claim=claim,
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
