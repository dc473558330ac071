"""The profile-likelihood interval for the total, as Rcapture's ``closedpCI.t`` computes it.

For a candidate total ``N`` the unobserved cell is set to ``n0 = N - n`` and the model is
refitted to all ``2**t`` cells. The multinomial profile log-likelihood is the Poisson one
plus a correction (Cormack 1992):

    loglik(N) = -(deviance(N) - 2 ct) / 2,
    ct = n0 log n0 + log N! - N log N - log n0!

(Rcapture uses Stirling's approximation of the factorials above 100 people; the exact
form used here differs from it by less than ``1/(12 n0)``.) Its maximum is the
multinomial estimate; the interval holds every ``N`` whose log-likelihood is within
``chi2(level, 1) / 2`` of the maximum. Rcapture searches for the maximum in
``(n, 3 N_poisson)`` and for the upper end below ``3 N_poisson`` (``fmaxSupCL = 3``);
the lower end is ``n`` if the likelihood at ``n`` is still inside the interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats
from scipy.special import gammaln

from tollbook.estimate.loglinear_fit import LoglinearFit, full_design
from tollbook.estimate.poisson_glm import Vector, fit_poisson
from tollbook.estimate.tables import OverlapTable


@dataclass(frozen=True)
class ProfileInterval:
    """The multinomial estimate and the profile-likelihood interval around it."""

    maximum: float
    lower: float
    upper: float | None
    level: float


def _correction(n0: float, total: float) -> float:
    n0_log_n0 = n0 * math.log(n0) if n0 > 0 else 0.0
    return float(n0_log_n0 + gammaln(total + 1.0) - total * math.log(total) - gammaln(n0 + 1.0))


def profile_interval(
    table: OverlapTable, fit: LoglinearFit, level: float = 0.95, max_factor: float = 3.0
) -> ProfileInterval | None:
    """The interval for the model of ``fit``; None if the model gives no finite total."""
    if not math.isfinite(fit.estimate):
        return None
    n = float(table.observed)
    design, _ = full_design(fit.model, with_unobserved=True)
    design = design[:, list(fit.columns)]
    y = table.vector()
    start: list[Vector | None] = [None]

    def loglik(total: float) -> float:
        n0 = max(total - n, 0.0)
        augmented = np.append(y, n0)
        refit = fit_poisson(design, augmented, start=start[0] if n0 > 0 else None)
        if n0 > 0 and refit.converged:
            start[0] = refit.coef
        return -(refit.deviance - 2.0 * _correction(n0, n + n0)) / 2.0

    ceiling = max_factor * fit.estimate
    best = optimize.minimize_scalar(
        lambda total: -loglik(total),
        bounds=(n, ceiling),
        method="bounded",
        options={"xatol": 1e-4},
    )
    peak = float(best.x)
    top = -float(best.fun)
    cut = top - float(stats.chi2.ppf(level, 1)) / 2.0

    def gap(total: float) -> float:
        return loglik(total) - cut

    lower = n
    if gap(n) < 0 and gap(peak) > 0:
        lower = float(optimize.brentq(gap, n, peak, xtol=1e-6, rtol=1e-12))
    upper: float | None = None
    if gap(ceiling) < 0 and gap(peak) > 0:
        upper = float(optimize.brentq(gap, peak, ceiling, xtol=1e-6, rtol=1e-12))
    return ProfileInterval(maximum=peak, lower=lower, upper=upper, level=level)
