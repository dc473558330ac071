"""What the store hands back: domain objects with their database identity.

These are plain frozen dataclasses, free of the ORM, so the services, the CLI and the
web app can use them without a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report

ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected"]
REVIEW_STATUSES: tuple[str, ...] = get_args(ReviewStatus)


@dataclass(frozen=True)
class StoredReport:
    """A report as stored, with when and by whom it came in."""

    id: int
    report: Report
    text_sha256: str
    ingested_at: datetime
    ingested_by: str | None


@dataclass(frozen=True)
class StoredClaim:
    """A claim as stored: its row id, its report's row id and its review status."""

    id: int
    report_id: int
    review_status: ReviewStatus
    extractor_version: str
    created_at: datetime
    claim: Claim


@dataclass(frozen=True)
class AuditEntry:
    """One line of the append-only audit log."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
