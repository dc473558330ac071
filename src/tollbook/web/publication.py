"""What a published toll shows the public: reviewed aggregate figures only.

Only incidents whose every claim a person confirmed or edited are counted (and the parts of
wider incidents placed in the place whose claim a person confirmed), and the
running totals and estimates set beside them only if a person reviewed them: the public
never sees a death that no human confirmed, nor any name, source sentence or report.
"""

from __future__ import annotations

from typing import Any

from tollbook.count import documented_series
from tollbook.domain.toll import SeriesPoint, Toll
from tollbook.services.accounts import AccountError


def public_figures(toll: Toll) -> dict[str, Any]:
    """The aggregate figures of ``toll`` fit to publish; AccountError if none are."""
    reviewed = [i for i in toll.incidents if i.reviewed]
    # parts of wider incidents placed here whose own claim a person confirmed, by what
    # they add beyond every incident counted here (never more than that)
    parts = [p for p in toll.parts if p.reviewed]
    latest = _latest_reviewed(toll.official)
    other = _latest_reviewed(toll.reported)
    estimates = [p for p in toll.estimates if p.review_status in ("confirmed", "edited")]
    if not reviewed and not parts and latest is None:
        raise AccountError(
            f"nothing to publish for {toll.place} ({toll.outcome}): no incident and no "
            "official figure has been reviewed by a person yet"
        )
    return {
        "min": sum(i.low for i in reviewed) + sum(p.added_low for p in parts),
        "max": sum(i.high for i in reviewed) + sum(p.added_high for p in parts),
        "incidents": len(reviewed),
        "parts_of_wider_incidents": len(parts),
        "left_out_unreviewed_incidents": len(toll.incidents) - len(reviewed),
        "series": [
            {"date": p.date.isoformat(), "min": p.low, "max": p.high}
            for p in documented_series(reviewed, parts)
        ],
        # beside the documented count, never added to it (reviewed figures only; the
        # series hold figures for all the victims, never a subgroup's)
        "latest_official": _figure(latest),
        "latest_reported": _figure(other),
        "estimates": [_figure(p) for p in estimates],
        "vague_rule": toll.vague_rule,
    }


def _latest_reviewed(points: tuple[SeriesPoint, ...]) -> SeriesPoint | None:
    return max(
        (
            p
            for p in points
            if p.date is not None and not p.subgroup and p.review_status in ("confirmed", "edited")
        ),
        key=lambda p: (p.date, p.claim_id),
        default=None,
    )


def _figure(point: SeriesPoint | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {
        "date": point.date.isoformat() if point.date else None,
        "low": point.low,
        "high": point.high,
        "qualifier": point.qualifier,
        "kind": point.kind,
    }
