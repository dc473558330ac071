"""Convergence diagnostics for several Markov chains: R-hat and effective sample size.

Rank-normalised split R-hat, bulk and tail effective sample sizes, as defined by Vehtari,
Gelman, Simpson, Carpenter and Bürkner (2021), "Rank-normalization, folding, and
localization: an improved R-hat for assessing convergence of MCMC", Bayesian Analysis.
``draws`` is always a ``(chains, draws)`` array.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from scipy import stats

Draws = npt.NDArray[np.float64]

#: Vehtari et al. recommend trusting a posterior only with R-hat below this...
RHAT_OK = 1.01
#: ...and with at least this many effective draws (bulk and tail).
ESS_OK = 400


def split_chains(draws: Draws) -> Draws:
    """Each chain cut in two halves (the middle draw of an odd chain is dropped)."""
    draws = np.asarray(draws, dtype=np.float64)
    half = draws.shape[1] // 2
    return np.vstack([draws[:, :half], draws[:, draws.shape[1] - half :]])


def rank_normalise(draws: Draws) -> Draws:
    """Pooled ranks (ties averaged) mapped to normal scores, ``(r - 3/8) / (S + 1/4)``."""
    flat = draws.ravel()
    ranks = stats.rankdata(flat, method="average")
    scores = stats.norm.ppf((ranks - 0.375) / (flat.size + 0.25))
    return np.asarray(scores, dtype=np.float64).reshape(draws.shape)


def _rhat(draws: Draws) -> float:
    chains, length = draws.shape
    if length < 2 or chains < 2:
        return math.nan
    within = float(np.mean(np.var(draws, axis=1, ddof=1)))
    between = length * float(np.var(np.mean(draws, axis=1), ddof=1))
    if within <= 0:
        return math.nan if between > 0 else 1.0
    return math.sqrt(((length - 1) / length * within + between / length) / within)


def rhat(draws: Draws) -> float:
    """Rank-normalised split R-hat: the larger of the bulk and the folded (tail) value."""
    split = split_chains(draws)
    bulk = _rhat(rank_normalise(split))
    folded = np.abs(split - np.median(split))
    tail = _rhat(rank_normalise(folded))
    return max(bulk, tail)


def _autocovariance(chain: Draws) -> Draws:
    length = chain.size
    centred = chain - chain.mean()
    size = 1 << (2 * length - 1).bit_length()
    spectrum = np.fft.rfft(centred, size)
    acov = np.fft.irfft(spectrum * np.conjugate(spectrum), size)[:length]
    return np.asarray(acov / length, dtype=np.float64)


def ess(draws: Draws) -> float:
    """Effective sample size of ``draws`` (not split, not normalised), with Geyer's initial
    monotone sequence on the chains' combined autocorrelation (as Stan computes it)."""
    chains, length = draws.shape
    if length < 4:
        return math.nan
    acov = np.array([_autocovariance(c) for c in draws])
    chain_means = draws.mean(axis=1)
    mean_var = float(np.mean(acov[:, 0])) * length / (length - 1)
    var_plus = mean_var * (length - 1) / length
    if chains > 1:
        var_plus += float(np.var(chain_means, ddof=1))
    if var_plus <= 0:
        return float(chains * length)
    rho = np.zeros(length)
    rho[0] = 1.0
    even = 1.0
    odd = 1.0 - (mean_var - float(np.mean(acov[:, 1]))) / var_plus
    rho[1] = odd
    t = 1
    while t < length - 3 and even + odd > 0.0:
        even = 1.0 - (mean_var - float(np.mean(acov[:, t + 1]))) / var_plus
        odd = 1.0 - (mean_var - float(np.mean(acov[:, t + 2]))) / var_plus
        if even + odd >= 0:
            rho[t + 1] = even
            rho[t + 2] = odd
        t += 2
    last = t - 2
    if even > 0:
        rho[last + 1] = even
    t = 1
    while t <= last - 2:
        if rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t]:
            rho[t + 1] = (rho[t - 1] + rho[t]) / 2.0
            rho[t + 2] = rho[t + 1]
        t += 2
    total = chains * length
    tau = -1.0 + 2.0 * float(np.sum(rho[: last + 1])) + float(np.sum(rho[last + 1 : last + 2]))
    tau = max(tau, 1.0 / math.log10(total))
    return float(total / tau)


def ess_bulk(draws: Draws) -> float:
    """Bulk effective sample size: ESS of the rank-normalised split chains."""
    return ess(rank_normalise(split_chains(draws)))


def ess_tail(draws: Draws) -> float:
    """Tail effective sample size: the smaller ESS of the 5% and 95% quantile indicators."""
    split = split_chains(draws)
    values = []
    for q in (0.05, 0.95):
        cut = np.quantile(split, q)
        indicator = (split <= cut).astype(np.float64)
        values.append(ess(indicator))
    return min(values)
