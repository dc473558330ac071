"""What the store hands back: domain objects with their database identity.

These are plain frozen dataclasses, free of the ORM, so the services, the CLI and the
web app can use them without a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tollbook.domain.claim import Claim
from tollbook.domain.incident import REVIEW_STATUSES, ReviewStatus
from tollbook.domain.report import Report

__all__ = [
    "REVIEW_STATUSES",
    "AuditEntry",
    "ClaimReview",
    "ReviewStatus",
    "StoredClaim",
    "StoredIncident",
    "StoredReport",
]


@dataclass(frozen=True)
class StoredReport:
    """A report as stored, with when and by whom it came in."""

    id: int
    report: Report
    text_sha256: str
    ingested_at: datetime
    ingested_by: str | None
    #: who published it, when a person has said (None: unknown, its own source)
    publisher: str | None = None


@dataclass(frozen=True)
class StoredClaim:
    """A claim as stored: its row id, its report's row id and its review status.

    ``part_of`` is the row id of the claim (of the same report) this one is part of,
    as the extractor linked them ("including 11 children"); None when not linked.
    """

    id: int
    report_id: int
    review_status: ReviewStatus
    extractor_version: str
    created_at: datetime
    claim: Claim
    part_of: int | None = None


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


@dataclass(frozen=True)
class ClaimReview:
    """The latest review of a claim: by whom, when, why (for a rejection), and the
    machine's values from before the first edit."""

    claim_id: int
    status: ReviewStatus
    reason: str | None
    reviewed_by: str
    reviewed_at: datetime
    extracted: dict[str, Any] | None


@dataclass(frozen=True)
class StoredIncident:
    """A stored incident's identity and its claims as last saved (figures are
    recomputed from the claims, never stored)."""

    id: int
    place: str | None
    outcome: str
    status: str
    claim_ids: tuple[int, ...]
