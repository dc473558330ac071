"""What a published toll shows the public: reviewed aggregate figures only.

Only incidents whose every claim a person confirmed or edited are counted, and the
official figure only if a person reviewed it: the public never sees a death that no
human confirmed, nor any name, source sentence or report.
"""

from __future__ import annotations

from typing import Any

from tollbook.count import documented_series
from tollbook.domain.toll import Toll
from tollbook.services.accounts import AccountError


def public_figures(toll: Toll) -> dict[str, Any]:
    """The aggregate figures of ``toll`` fit to publish; AccountError if none are."""
    reviewed = [i for i in toll.incidents if i.reviewed]
    official = [p for p in toll.official if p.review_status in ("confirmed", "edited")]
    latest = max(
        (p for p in official if p.date is not None),
        key=lambda p: (p.date, p.claim_id),
        default=None,
    )
    if not reviewed and latest is None:
        raise AccountError(
            f"nothing to publish for {toll.place} ({toll.outcome}): no incident and no "
            "official figure has been reviewed by a person yet"
        )
    return {
        "min": sum(i.low for i in reviewed),
        "max": sum(i.high for i in reviewed),
        "incidents": len(reviewed),
        "left_out_unreviewed_incidents": len(toll.incidents) - len(reviewed),
        "series": [
            {"date": p.date.isoformat(), "min": p.low, "max": p.high}
            for p in documented_series(reviewed)
        ],
        "latest_official": (
            {
                "date": latest.date.isoformat() if latest.date else None,
                "low": latest.low,
                "high": latest.high,
                "qualifier": latest.qualifier,
            }
            if latest is not None
            else None
        ),
        "vague_rule": toll.vague_rule,
    }
