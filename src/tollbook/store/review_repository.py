"""The latest review of each claim (the full history is in the audit log)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tollbook.store.mapping import claim_review
from tollbook.store.records import ClaimReview, ReviewStatus
from tollbook.store.tables import ClaimReviewRow


class ClaimReviewRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, claim_id: int) -> ClaimReview | None:
        row = self._session.get(ClaimReviewRow, claim_id)
        return claim_review(row) if row is not None else None

    def record(
        self,
        claim_id: int,
        *,
        status: ReviewStatus,
        reviewed_by: str,
        reviewed_at: datetime,
        reason: str | None = None,
        extracted: dict[str, Any] | None = None,
    ) -> None:
        """Set the claim's latest review; ``extracted`` is kept from the first edit on."""
        row = self._session.get(ClaimReviewRow, claim_id)
        if row is None:
            row = ClaimReviewRow(claim_id=claim_id)
            self._session.add(row)
        row.status = status
        row.reason = reason
        row.reviewed_by = reviewed_by
        row.reviewed_at = reviewed_at
        if row.extracted is None and extracted is not None:
            row.extracted = extracted
        self._session.flush()
