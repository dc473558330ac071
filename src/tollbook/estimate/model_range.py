"""One figure from both models: the range their intervals span (pure).

On linked persons the two methods fail in opposite directions (docs/estimation.md, "The
range across both models"): the log-linear search runs high when linkage missed links,
and the latent class model (LCMCR) runs low when some of the dead were rarely on any list.
Neither can tell from the data which fault it has. So an estimate from the database gives,
beside each method's own figure, the range from the lower end of the lower interval to the
upper end of the higher one, with LCMCR's figure as its point: the spread of the plausible
models reported as a range, a common way of giving model uncertainty in multiple systems
estimation when no one model can be preferred (the UK Home Office's 2014 estimate of victims
of modern slavery, Silverman 2014, was published as a range across models). It is no new
interval with a calibrated level: it covers at least as often as either model's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from tollbook.domain.text import N_
from tollbook.estimate.results import Estimate, JsonValue

#: The method name of the range: shown beside ``loglinear`` and ``lcmcr``.
ACROSS_MODELS: Final = "models"

#: How the range is named wherever an interval is named.
RANGE_NAME = "range of both models' {level:.0%} intervals, linkage error included"

#: Said when one model's figure lies outside the other's interval.
MODELS_DISAGREE = N_(
    "The two models disagree: LCMCR gives %(lcmcr)s (%(lcmcr_interval)s) and log-linear "
    "%(loglinear)s (%(loglinear_interval)s). The log-linear figure runs high when linkage "
    "missed links; LCMCR runs low when some of the dead were rarely on any list. The data "
    "cannot say which, so the range holds both: read the range, not its figure."
)


def across_models(estimates: Sequence[Estimate], level: float) -> Estimate | None:
    """The range of the LCMCR and log-linear intervals, with LCMCR's figure as its point;
    None unless both methods gave a figure with a lower end."""
    done = {e.method: e for e in estimates}
    lcmcr, loglinear = done.get("lcmcr"), done.get("loglinear")
    if lcmcr is None or loglinear is None or lcmcr.lower is None or loglinear.lower is None:
        return None
    uppers = (lcmcr.upper, loglinear.upper)
    upper = None if None in uppers else max(u for u in uppers if u is not None)
    warnings: tuple[str, ...] = ()
    if not (_inside(lcmcr.estimate, loglinear) and _inside(loglinear.estimate, lcmcr)):
        warnings = (
            N_(
                MODELS_DISAGREE,
                lcmcr=f"{lcmcr.estimate:,.0f}",
                lcmcr_interval=_interval(lcmcr),
                loglinear=f"{loglinear.estimate:,.0f}",
                loglinear_interval=_interval(loglinear),
            ),
        )
    diagnostics: dict[str, JsonValue] = {
        "point": "lcmcr",
        "lcmcr": _triple(lcmcr),
        "loglinear": _triple(loglinear),
    }
    return Estimate(
        method=ACROSS_MODELS,
        observed=lcmcr.observed,
        estimate=lcmcr.estimate,
        lower=min(lcmcr.lower, loglinear.lower),
        upper=upper,
        interval=RANGE_NAME.format(level=level),
        model=f"{lcmcr.model}; log-linear {loglinear.model}",
        diagnostics=diagnostics,
        warnings=warnings,
    )


def _inside(value: float, other: Estimate) -> bool:
    low = other.lower if other.lower is not None else value
    return low <= value and (other.upper is None or value <= other.upper)


def _interval(e: Estimate) -> str:
    upper = "no upper end" if e.upper is None else f"{e.upper:,.0f}"
    return f"{e.lower:,.0f}–{upper}"


def _triple(e: Estimate) -> list[JsonValue]:
    return [round(e.estimate, 1), _r(e.lower), _r(e.upper)]


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
