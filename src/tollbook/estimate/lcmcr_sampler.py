"""The Gibbs sampler of Manrique-Vallier's latent class model, compiled with numba.

This follows the C++ of the R package LCMCR (``NPLCM_CR_Basic_Freq.cpp``): people with
the same list pattern are exchangeable, so the sampler draws how many of each pattern fall
in each latent class (a multinomial per pattern) instead of one class per person. One sweep:

1. class counts of each observed pattern, given class weights ``nu`` and list
   probabilities ``lambda``;
2. ``lambda[j, k] ~ Beta(1 + on list j, 1 + not on list j)`` over class ``k``'s people,
   the unobserved ones included;
3. stick-breaking weights ``V_k ~ Beta(1 + n_k, alpha + n_{>k})``, ``nu`` from ``V``;
4. the number never listed, ``n0 ~ NegBinomial(n, 1 - p0)`` with ``p0`` the probability of
   being on no list (the prior on the total is ``1/N``), and their classes;
5. ``alpha ~ Gamma(a + K - 1, rate = b - log nu_K)``.

The function releases the GIL, so chains can run in parallel threads; numba keeps one
random state per thread, and each chain seeds it first, so results do not depend on how
chains are spread over threads.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
import numpy as np
import numpy.typing as npt

_F = TypeVar("_F", bound=Callable[..., Any])

#: ``alpha`` is kept above this so that ``1 / alpha`` stays a finite double. The chain can
#: wander to tiny values when few classes are occupied; the floor changes nothing else.
MIN_ALPHA = 1e-250


def _compiled(function: _F) -> _F:
    return cast(_F, numba.njit(cache=True, nogil=True)(function))


@_compiled
def _multinomial(total: int, weights: npt.NDArray[np.float64], out: npt.NDArray[np.int64]) -> None:
    """Draw ``out ~ Multinomial(total, weights / sum(weights))`` by successive binomials."""
    classes = weights.shape[0]
    rest = 0.0
    for k in range(classes):
        rest += weights[k]
    left = total
    for k in range(classes - 1):
        if left == 0 or rest <= 0.0:
            out[k] = 0
        else:
            p = weights[k] / rest
            p = min(max(p, 0.0), 1.0)
            drawn = np.random.binomial(left, p)
            out[k] = drawn
            left -= drawn
        rest -= weights[k]
    out[classes - 1] = left


@_compiled
def _log_gamma_draw(shape: float) -> float:
    """``log(Gamma(shape, 1))`` without underflow for tiny shapes."""
    if shape < 1.0:
        u = np.random.random()
        while u <= 0.0:
            u = np.random.random()
        return math.log(np.random.gamma(shape + 1.0, 1.0)) + math.log(u) / shape
    return math.log(np.random.gamma(shape, 1.0))


@_compiled
def run_chain(
    cells: npt.NDArray[np.int64],
    freq: npt.NDArray[np.int64],
    classes: int,
    a_alpha: float,
    b_alpha: float,
    burn_in: int,
    draws: int,
    thin: int,
    seed: int,
    max_unseen: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """One chain: the total ``N``, the number of occupied classes, and ``alpha``, per draw."""
    np.random.seed(seed)
    patterns, lists = cells.shape
    n = 0
    for m in range(patterns):
        n += freq[m]
    lam = np.empty((lists, classes))
    for j in range(lists):
        on = 0
        for m in range(patterns):
            if cells[m, j] == 1:
                on += freq[m]
        share = on / n
        for k in range(classes):
            value = share + 0.5 * (np.random.random() - 0.5)
            lam[j, k] = min(max(value, 0.02), 0.98)
    log_nu = np.empty(classes)
    nu = np.empty(classes)
    alpha = 1.0
    rest = 0.0
    for k in range(classes - 1):
        v = np.random.beta(1.0, alpha)
        v = min(max(v, 1e-12), 1.0 - 1e-12)
        log_nu[k] = math.log(v) + rest
        rest += math.log1p(-v)
    log_nu[classes - 1] = rest
    for k in range(classes):
        nu[k] = math.exp(log_nu[k])

    counts = np.zeros((patterns, classes), dtype=np.int64)
    unseen_counts = np.zeros(classes, dtype=np.int64)
    weights = np.empty(classes)
    unseen = 0
    totals = np.empty(draws, dtype=np.int64)
    occupied = np.empty(draws, dtype=np.int64)
    alphas = np.empty(draws)
    kept = 0
    for sweep in range(burn_in + draws * thin):
        # 1. classes of the people seen, pattern by pattern
        for m in range(patterns):
            if freq[m] == 0:
                for k in range(classes):
                    counts[m, k] = 0
                continue
            for k in range(classes):
                w = nu[k]
                for j in range(lists):
                    w *= lam[j, k] if cells[m, j] == 1 else 1.0 - lam[j, k]
                weights[k] = w
            _multinomial(freq[m], weights, counts[m])
        # 2. list probabilities in each class
        for j in range(lists):
            for k in range(classes):
                on = 0
                off = unseen_counts[k]
                for m in range(patterns):
                    if cells[m, j] == 1:
                        on += counts[m, k]
                    else:
                        off += counts[m, k]
                lam[j, k] = np.random.beta(1.0 + on, 1.0 + off)
        # 3. class weights by stick breaking
        rest = 0.0
        cumulative = 0
        everyone = n + unseen
        filled = 0
        for k in range(classes):
            size = unseen_counts[k]
            for m in range(patterns):
                size += counts[m, k]
            if size > 0:
                filled += 1
            if k == classes - 1:
                break
            cumulative += size
            g1 = _log_gamma_draw(1.0 + size)
            beyond = everyone - cumulative  # an integer first: alpha may be tiny
            g2 = _log_gamma_draw(alpha + beyond)
            top = max(g1, g2)
            log_sum = top + math.log(math.exp(g1 - top) + math.exp(g2 - top))
            log_nu[k] = g1 - log_sum + rest
            rest += g2 - log_sum
        log_nu[classes - 1] = rest
        for k in range(classes):
            nu[k] = math.exp(log_nu[k])
        # 4. the people on no list, and their classes
        p_zero = 0.0
        for k in range(classes):
            w = nu[k]
            for j in range(lists):
                w *= 1.0 - lam[j, k]
            weights[k] = w
            p_zero += w
        p_seen = max(1.0 - p_zero, 1e-12)
        unseen = np.random.negative_binomial(n, p_seen)
        unseen = min(unseen, max_unseen)
        _multinomial(unseen, weights, unseen_counts)
        # 5. concentration of the stick-breaking prior
        alpha = np.random.gamma(a_alpha + classes - 1.0, 1.0 / (b_alpha - log_nu[classes - 1]))
        alpha = max(alpha, MIN_ALPHA)
        if sweep >= burn_in and (sweep - burn_in) % thin == thin - 1:
            totals[kept] = n + unseen
            occupied[kept] = filled
            alphas[kept] = alpha
            kept += 1
    return totals, occupied, alphas
