"""Poisson regression with a log link, by iteratively reweighted least squares (numpy).

The same algorithm as R's ``glm(family = poisson)``: start from ``mu = y + 0.1``, stop when
the deviance changes by less than a relative ``tol``. The tolerance is tighter than R's
default (1e-8) so that estimates agree with Rcapture's to more digits than are printed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.special import gammaln

Vector = npt.NDArray[np.float64]
Matrix = npt.NDArray[np.float64]

#: Fitted values below this, where nothing was observed, mean a parameter ran off to
#: minus infinity (the fit is on the boundary of the parameter space).
BOUNDARY_FITTED = 1e-6


@dataclass(frozen=True)
class PoissonFit:
    """A fitted Poisson log-linear model."""

    coef: Vector
    fitted: Vector
    deviance: float
    loglik: float
    rank: int
    cov: Matrix
    converged: bool
    iterations: int

    @property
    def boundary(self) -> bool:
        """True if some expected count was driven to (almost) zero."""
        return bool(np.any(self.fitted < BOUNDARY_FITTED))


def deviance(y: Vector, mu: Vector) -> float:
    """Poisson deviance, with ``0 * log 0 = 0``."""
    safe = np.where(y > 0, y, 1.0)
    return float(2.0 * np.sum(np.where(y > 0, y * np.log(safe / mu), 0.0) - (y - mu)))


def poisson_loglik(y: Vector, mu: Vector) -> float:
    """The Poisson log-likelihood ``sum(dpois(y, mu, log = TRUE))``."""
    safe_mu = np.maximum(mu, np.finfo(float).tiny)
    return float(np.sum(y * np.log(safe_mu) - mu - gammaln(y + 1.0)))


def independent_columns(design: Matrix, tol: float = 1e-9) -> list[int]:
    """Indexes of columns kept, left to right, dropping any that the earlier ones span
    (as R's ``glm`` reports aliased coefficients as NA), by Gram-Schmidt with
    re-orthogonalisation."""
    rows, width = design.shape
    if width <= rows and np.linalg.matrix_rank(design) == width:
        return list(range(width))
    basis = np.zeros((rows, width))
    kept: list[int] = []
    for j in range(width):
        column = np.asarray(design[:, j], dtype=np.float64)
        size = float(np.linalg.norm(column))
        if size == 0.0:
            continue
        q = basis[:, : len(kept)]
        residual = column - q @ (q.T @ column)
        residual -= q @ (q.T @ residual)
        left = float(np.linalg.norm(residual))
        if left > tol * size:
            basis[:, len(kept)] = residual / left
            kept.append(j)
    return kept


def _step(design: Matrix, y: Vector, eta: Vector, mu: Vector) -> Vector | None:
    """One IRLS step: the weighted least-squares coefficients, or None if not finite."""
    with np.errstate(all="ignore"):
        z = eta + (y - mu) / mu
        weighted = design.T * mu
        info = weighted @ design
        try:
            solved = np.linalg.solve(info, weighted @ z)
        except np.linalg.LinAlgError:
            solved = np.linalg.lstsq(info, weighted @ z, rcond=None)[0]
    coef: Vector = np.asarray(solved, dtype=np.float64)
    return coef if bool(np.all(np.isfinite(coef))) else None


def fit_poisson(
    design: Matrix,
    y: Vector,
    start: Vector | None = None,
    tol: float = 1e-11,
    max_iter: int = 100,
) -> PoissonFit:
    """Fit ``log E[y] = design @ coef``; ``design`` must have full column rank."""
    y = np.asarray(y, dtype=np.float64)
    if start is not None:
        coef = np.array(start, dtype=np.float64)
        eta = np.clip(design @ coef, -700.0, 700.0)
        mu = np.exp(eta)
    else:
        coef = np.zeros(design.shape[1])
        mu = y + 0.1
        eta = np.log(mu)
    dev_old = np.inf
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007
        step = _step(design, y, eta, mu)
        if step is None:  # the weights collapsed: keep the last finite fit
            break
        coef = step
        eta = np.clip(design @ coef, -700.0, 700.0)
        mu = np.exp(eta)
        dev = deviance(y, mu)
        if abs(dev - dev_old) / (abs(dev) + 0.1) < tol:
            converged = True
            break
        dev_old = dev
    with np.errstate(all="ignore"):
        weighted = design.T * mu
        info = weighted @ design
        try:
            cov = np.asarray(np.linalg.inv(info), dtype=np.float64)
        except np.linalg.LinAlgError:
            cov = np.asarray(np.linalg.pinv(info), dtype=np.float64)
    return PoissonFit(
        coef=coef,
        fitted=mu,
        deviance=deviance(y, mu),
        loglik=poisson_loglik(y, mu),
        rank=design.shape[1],
        cov=cov,
        converged=converged,
        iterations=iterations,
    )
