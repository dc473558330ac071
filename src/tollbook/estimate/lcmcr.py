"""Bayesian latent class estimation (Manrique-Vallier 2016, the R package LCMCR).

People fall into up to ``classes`` hidden groups (a truncated Dirichlet process mixture); in
each group the lists record people independently, with their own probabilities. Differences
between groups model both heterogeneity (some people are harder to record) and dependence
between lists. Several chains are run from scattered starting points; the estimate is the
posterior median of the total, the interval the central posterior interval, and R-hat and
effective sample sizes say whether the chains agree and ran long enough.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from tollbook.domain.text import N_
from tollbook.estimate.checks import size_concerns
from tollbook.estimate.convergence import ESS_OK, RHAT_OK, ess_bulk, ess_tail, rhat
from tollbook.estimate.lcmcr_sampler import run_chain
from tollbook.estimate.lcmcr_settings import LcmcrSettings as LcmcrSettings  # re-exported
from tollbook.estimate.results import Estimate, JsonValue
from tollbook.estimate.tables import OverlapTable

Array = npt.NDArray[np.float64] | npt.NDArray[np.int64]

#: The sampler never imagines more than this many times the people seen as unseen.
MAX_UNSEEN_FACTOR = 1_000


@dataclass(frozen=True)
class LcmcrPosterior:
    """Posterior draws, one row per chain: the total, occupied classes, and ``alpha``."""

    totals: npt.NDArray[np.float64]
    occupied: npt.NDArray[np.float64]
    alpha: npt.NDArray[np.float64]
    seconds: float
    settings: LcmcrSettings


def chain_seeds(seed: int, chains: int) -> list[int]:
    """Independent 32-bit seeds for the chains, from one seed."""
    return [int(s) for s in np.random.SeedSequence(seed).generate_state(chains)]


def sample_lcmcr(table: OverlapTable, settings: LcmcrSettings | None = None) -> LcmcrPosterior:
    """Run the chains on ``table`` (the model needs at least one person seen)."""
    settings = settings or LcmcrSettings()
    if table.observed == 0:
        raise ValueError("no one is on any list")
    cells = table.matrix.astype(np.int64)
    freq = np.array(table.counts, dtype=np.int64)
    start = time.perf_counter()

    def chain(seed: int) -> tuple[Array, Array, Array]:
        n, k, a = run_chain(
            cells,
            freq,
            settings.classes,
            settings.a_alpha,
            settings.b_alpha,
            settings.burn_in,
            settings.draws,
            settings.thin,
            seed,
            MAX_UNSEEN_FACTOR * table.observed,
        )
        return n, k, a

    seeds = chain_seeds(settings.seed, settings.chains)
    workers = max(1, min(settings.chains, settings.threads or os.cpu_count() or 1))
    if workers == 1:
        results = [chain(s) for s in seeds]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(chain, seeds))
    seconds = time.perf_counter() - start
    totals = [r[0] for r in results]
    occupied = [r[1] for r in results]
    alphas = [r[2] for r in results]
    return LcmcrPosterior(
        totals=np.array(totals, dtype=np.float64),
        occupied=np.array(occupied, dtype=np.float64),
        alpha=np.array(alphas, dtype=np.float64),
        seconds=seconds,
        settings=settings,
    )


#: R-hat from which the chains are far apart, not merely short: a longer run is no remedy.
RHAT_SETTLED_APART = 1.1

#: Times the burn-in is doubled, at most, while the chains disagree (R-hat >= RHAT_OK).
BURN_IN_ROUNDS = 2


def estimate_lcmcr(table: OverlapTable, settings: LcmcrSettings | None = None) -> Estimate:
    """The posterior median total, its central interval, and the chains' diagnostics.

    With several chains, while they disagree (R-hat at or above RHAT_OK) the burn-in is
    doubled and the chains run again, up to BURN_IN_ROUNDS times; the estimate says
    how long the burn-in was and, if the chains never agreed, that they did not."""
    settings = settings or LcmcrSettings()
    posterior = sample_lcmcr(table, settings)
    rounds = 0
    while settings.chains > 1 and not rhat(posterior.totals) < RHAT_OK:
        if rounds == BURN_IN_ROUNDS:
            break
        rounds += 1
        longer = replace(settings, burn_in=max(2 * settings.burn_in, 1_000))
        posterior = sample_lcmcr(table, longer)
        settings = longer
    return summarise(table, posterior)


def summarise(table: OverlapTable, posterior: LcmcrPosterior) -> Estimate:
    settings = posterior.settings
    draws = posterior.totals
    tail = (1.0 - settings.level) / 2.0
    median = float(np.median(draws))
    lower, upper = (float(v) for v in np.quantile(draws, [tail, 1.0 - tail]))
    r = rhat(draws) if settings.chains > 1 else float("nan")
    bulk, tail_ess = ess_bulk(draws), ess_tail(draws)
    warnings: list[str] = []
    if settings.chains > 1 and r >= RHAT_SETTLED_APART:
        warnings.append(
            N_(
                "The %(chains)s chains settled in different places (R-hat %(r)s, should be "
                "below %(rhat_ok)s): on a large table the latent class model's total has a long "
                "upper tail that its sampler crosses slowly, and longer runs move the figure up "
                "as well as down (on a simulated siege of 2,000,000 people, chains ten times "
                "longer still disagreed). Do not publish this figure alone; read its interval.",
                chains=settings.chains,
                r=format(r, ".3f"),
                rhat_ok=RHAT_OK,
            )
        )
    elif settings.chains > 1 and not r < RHAT_OK:
        warnings.append(
            N_(
                "The %(chains)s chains did not agree even after a burn-in of "
                "%(burn_in)s sweeps (R-hat %(r)s, should be below "
                "%(rhat_ok)s): run with more draws and a longer burn-in "
                "before relying on this figure.",
                chains=settings.chains,
                burn_in=format(settings.burn_in, ","),
                r=format(r, ".3f"),
                rhat_ok=RHAT_OK,
            )
        )
    low_ess = min(bulk, tail_ess)
    if not low_ess >= ESS_OK:
        warnings.append(
            N_(
                "Only about %(low_ess)s effectively independent draws (at "
                "least %(ess_ok)s are needed): run with more draws before "
                "relying on the interval.",
                low_ess=format(low_ess, ",.0f"),
                ess_ok=ESS_OK,
            )
        )
    warnings.extend(size_concerns(table.observed, median, upper))
    diagnostics: dict[str, JsonValue] = {
        "chains": settings.chains,
        "draws_per_chain": settings.draws,
        "burn_in": settings.burn_in,
        "thin": settings.thin,
        "classes": settings.classes,
        "R_hat": _finite(r, 4),
        "ESS_bulk": _finite(bulk, 0),
        "ESS_tail": _finite(tail_ess, 0),
        "posterior_mean": round(float(np.mean(draws)), 1),
        "occupied_classes": round(float(np.mean(posterior.occupied)), 2),
        "seconds": round(posterior.seconds, 2),
        "seed": settings.seed,
    }
    return Estimate(
        method="lcmcr",
        observed=table.observed,
        estimate=median,
        lower=lower,
        upper=upper,
        interval=f"{settings.level:.0%} posterior (central)",
        model=f"LCMCR, K*={settings.classes}",
        diagnostics=diagnostics,
        warnings=tuple(warnings),
        draws=draws.ravel(),
    )


def _finite(value: float, digits: int) -> float | None:
    if not np.isfinite(value):
        return None
    return round(float(value), digits) if digits else float(round(float(value)))
