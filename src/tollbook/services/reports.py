"""Stored reports and their claims, read back: ``tollbook reports`` and the web pages."""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.services.claims import list_claims
from tollbook.store.records import StoredClaim, StoredReport
from tollbook.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ReportWithClaims:
    report: StoredReport
    claims: list[StoredClaim]


def list_reports(uow: UnitOfWork, limit: int | None = None, offset: int = 0) -> list[StoredReport]:
    with uow:
        return uow.reports.list(limit=limit, offset=offset)


def get_report(uow: UnitOfWork, report_id: int) -> ReportWithClaims | None:
    with uow:
        stored = uow.reports.get(report_id)
    if stored is None:
        return None
    claims = [c for c in list_claims(uow, article=stored.report.id) if c.report_id == stored.id]
    return ReportWithClaims(stored, claims)


def get_claim(uow: UnitOfWork, claim_id: int) -> tuple[StoredClaim, StoredReport] | None:
    with uow:
        claim = uow.claims.get(claim_id)
        if claim is None:
            return None
        report = uow.reports.get(claim.report_id)
    if report is None:  # pragma: no cover - the foreign key forbids it
        return None
    return claim, report
