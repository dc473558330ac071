"""The claims the extractor reads from a text written for a test, keyed by outcome and
figure: the helper every round's extraction tests share."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def claims_by_figure(text: str, published: date) -> dict[tuple[str, int | None], Claim]:
    """``{(outcome, low): claim}`` of ``text`` published on ``published``."""
    claims = extract_claims(Report("r", text, published=published))
    return {(c.outcome, c.low): c for c in claims}
