"""Fitting one log-linear model to an overlap table, as Rcapture's ``closedpCI.t`` does.

The model is a Poisson regression on the ``2**t - 1`` observed cells; the unobserved cell
has every covariate zero, so its expected count is ``exp(intercept)`` and the estimated
total is ``n + exp(intercept)`` (Rcapture's "abundance"), with standard error
``sqrt(exp(b0) + exp(2 b0) var(b0))``. AIC and BIC are Rcapture's:
``-2 loglik + 2 rank`` and ``-2 loglik + log(n) rank``, with ``n`` the number of people seen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tollbook.estimate.loglinear_models import LoglinearModel
from tollbook.estimate.poisson_glm import (
    Matrix,
    PoissonFit,
    Vector,
    fit_poisson,
    independent_columns,
)
from tollbook.estimate.tables import OverlapTable


@dataclass(frozen=True)
class LoglinearFit:
    """One model fitted to one table."""

    model: LoglinearModel
    observed: int
    estimate: float
    stderr: float
    deviance: float
    df: int
    aic: float
    bic: float
    converged: bool
    boundary: bool
    columns: tuple[int, ...]
    column_names: tuple[str, ...]
    coef: Vector
    fitted: Vector

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def degenerate(self) -> bool:
        """A fit Rcapture would warn about: not converged, a term at the boundary (a
        cell with no one forced a coefficient to infinity), or no finite standard error
        of the total."""
        return not self.converged or self.boundary or not math.isfinite(self.stderr)

    @property
    def removed(self) -> tuple[str, ...]:
        """Columns left out: aliased by others, or Chao terms with negative coefficients."""
        names, _ = _prepared(self.model)
        return tuple(n for i, n in enumerate(names) if i not in self.columns)

    def criterion(self, which: str) -> float:
        return self.bic if which == "bic" else self.aic


@lru_cache(maxsize=1_024)
def full_design(model: LoglinearModel, with_unobserved: bool = False) -> tuple[Matrix, int]:
    """The design with its intercept column first, and where heterogeneity columns start
    (cached: a stratified run fits the same models again and again; read-only)."""
    _, matrix, structural = model.design(with_unobserved)
    design = np.hstack([np.ones((matrix.shape[0], 1)), matrix])
    design.flags.writeable = False
    return design, structural + 1


@lru_cache(maxsize=1_024)
def _prepared(model: LoglinearModel) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Column names (intercept first) and the columns that are not aliased by others."""
    names, _, _ = model.design()
    design, _ = full_design(model)
    return ("(Intercept)", *names), tuple(independent_columns(design))


def fit_model(table: OverlapTable, model: LoglinearModel) -> LoglinearFit:
    """Fit ``model``; Chao terms with negative coefficients are removed one at a time."""
    if model.lists != table.width:
        raise ValueError(f"the model is for {model.lists} lists, the table has {table.width}")
    y = table.vector()
    n = table.observed
    design, h_start = full_design(model)
    columns = list(_prepared(model)[1])
    fit = fit_poisson(design[:, columns], y)
    if model.heterogeneity is not None and model.heterogeneity.kind == "chao":
        while True:
            negative = [c for pos, c in enumerate(columns) if c >= h_start and fit.coef[pos] < 0]
            if not negative:
                break
            trial = [c for c in columns if c != negative[0]]
            columns = trial
            fit = fit_poisson(design[:, columns], y)
    return _summarise(model, n, fit, tuple(columns))


def _summarise(
    model: LoglinearModel, n: int, fit: PoissonFit, columns: tuple[int, ...]
) -> LoglinearFit:
    b0 = float(fit.coef[0])
    if b0 > 700:
        unseen, stderr = math.inf, math.inf
    else:
        unseen = math.exp(b0)
        var0 = max(float(fit.cov[0, 0]), 0.0)
        stderr = math.sqrt(unseen + unseen * unseen * var0)
    all_names, _ = _prepared(model)
    return LoglinearFit(
        model=model,
        observed=n,
        estimate=n + unseen,
        stderr=stderr,
        deviance=fit.deviance,
        df=len(fit.fitted) - fit.rank,
        aic=-2.0 * fit.loglik + 2.0 * fit.rank,
        bic=-2.0 * fit.loglik + math.log(max(n, 1)) * fit.rank,
        converged=fit.converged,
        boundary=fit.boundary,
        columns=columns,
        column_names=tuple(all_names[c] for c in columns),
        coef=fit.coef,
        fitted=fit.fitted,
    )
