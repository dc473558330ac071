"""Parametric bootstrap of a log-linear estimate, used to add up strata.

Profile-likelihood intervals cannot simply be added: the sum of lower ends is too low and
the sum of upper ends too high. Instead each stratum's fitted model is used to simulate
new populations (Buckland and Garthwaite 1991): ``round(N)`` people are spread over all
``2**t`` cells, the unobserved one included, with the fitted probabilities; the same model
is refitted to the cells that would have been seen. Summing the ``i``-th replicate of every
stratum gives replicates of the total. The model chosen in each stratum is held fixed, so
the interval leaves out the uncertainty of choosing it.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from tollbook.estimate.loglinear_fit import LoglinearFit, full_design
from tollbook.estimate.poisson_glm import fit_poisson


def bootstrap_totals(
    fit: LoglinearFit, replicates: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """``replicates`` re-estimated totals from populations simulated from ``fit``."""
    if not math.isfinite(fit.estimate):
        return np.full(replicates, np.nan)
    design, _ = full_design(fit.model)
    design = design[:, list(fit.columns)]
    unseen = fit.estimate - fit.observed
    expected = np.append(fit.fitted, unseen)
    probabilities = expected / expected.sum()
    size = round(fit.estimate)
    out = np.empty(replicates)
    for r in range(replicates):
        cells = rng.multinomial(size, probabilities)[:-1].astype(np.float64)
        seen = float(cells.sum())
        if seen == 0:
            out[r] = np.nan
            continue
        refit = fit_poisson(design, cells, start=fit.coef, max_iter=50, tol=1e-9)
        b0 = float(refit.coef[0])
        out[r] = seen + math.exp(b0) if b0 < 700 else np.inf
    return out
