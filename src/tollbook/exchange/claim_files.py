"""Claims out: JSON Lines (the contract of docs/claims.md) and a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from tollbook.domain.claim import Claim
from tollbook.store.records import StoredClaim


def claim_to_json(claim: Claim) -> str:
    return json.dumps(claim.to_contract(), ensure_ascii=False)


def stored_claim_record(stored: StoredClaim) -> dict[str, Any]:
    """A stored claim as JSON: its id, the contract fields, and its review status.

    ``part_of`` is here the *id* of the stored claim it is part of (in ``tollbook
    extract`` output, which has no ids, it is that claim's position in the report).
    """
    record: dict[str, Any] = {"id": stored.id, **stored.claim.to_contract()}
    record["part_of"] = stored.part_of
    record["review_status"] = stored.review_status
    record["extractor_version"] = stored.extractor_version
    return record


def write_claims_jsonl(claims: Iterable[Claim], out: IO[str]) -> int:
    count = 0
    for claim in claims:
        out.write(claim_to_json(claim) + "\n")
        count += 1
    return count


def figure_text(low: int | None, high: int | None, qualifier: str) -> str:
    """A claim's figure as a person reads it: "≥17", "3,600–4,800", "~40", "≤100", "vague"."""
    if qualifier == "vague":
        return "vague"
    if low is not None and high is not None and low != high:
        return f"{low:,}–{high:,}"
    if qualifier == "at_least" and low is not None:
        return f"≥{low:,}"
    if qualifier == "more_than" and low is not None:
        return f">{low:,}"
    if qualifier == "up_to" and high is not None:
        return f"≤{high:,}"
    value = low if low is not None else high
    prefix = "~" if qualifier == "about" else ""
    return f"{prefix}{value:,}" if value is not None else "?"


def claims_table(claims: Iterable[Claim]) -> str:
    """A plain-text table of claims for the terminal."""
    header = (
        "outcome",
        "figure",
        "qualifier",
        "victims",
        "place",
        "when",
        "scope",
        "kind",
        "source",
    )
    rows = [
        (
            c.outcome,
            figure_text(c.low, c.high, c.qualifier),
            c.qualifier,
            c.victims,
            c.place or "-",
            c.when or "-",
            c.scope,
            c.kind,
            (c.attributed_to or "-")[:40],
        )
        for c in claims
    ]
    if not rows:
        return "no casualty claims found"
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
