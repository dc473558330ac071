"""Estimating a table, or one table per stratum and their sum: the estimation use case.

Each stratum (district, period, sex, age group...) is checked and estimated on its own, by
every method asked for. Strata are then added up: for the latent class model by adding
the posterior draws of every stratum (which gives draws of the total), for log-linear
models by adding parametric bootstrap replicates (see ``loglinear_bootstrap``). A sum is
only given when every stratum could be estimated, since a total that silently leaves a
district out would understate the toll. The pooled table (every stratum together) is
estimated too, for comparison.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from tollbook.domain.text import N_
from tollbook.estimate.checks import check_table
from tollbook.estimate.convergence import ESS_OK, RHAT_OK, ess_bulk, rhat
from tollbook.estimate.loglinear import NotEstimable, estimate_loglinear
from tollbook.estimate.loglinear_bootstrap import bootstrap_totals
from tollbook.estimate.loglinear_fit import LoglinearFit
from tollbook.estimate.loglinear_models import parse_model
from tollbook.estimate.report import EstimationReport, EstimationSettings, StratumResult
from tollbook.estimate.results import Estimate, JsonValue, Method
from tollbook.estimate.tables import WHOLE, OverlapTable, Stratum, pool, stratum_label

Progress = Callable[[str], None]


def estimate_table(
    table: OverlapTable,
    settings: EstimationSettings | None = None,
    stratum: Stratum | None = None,
    bootstrap_seed: int | None = None,
) -> tuple[StratumResult, npt.NDArray[np.float64] | None]:
    """Check and estimate one table; also return log-linear bootstrap totals when
    ``bootstrap_seed`` is given (for adding strata up)."""
    settings = settings or EstimationSettings()
    stratum = table.stratum if stratum is None else stratum
    checked = check_table(table)
    if checked.refused:
        return (
            StratumResult(stratum, table, refusals=checked.refusals(), warnings=checked.warnings()),
            None,
        )
    usable = checked.table
    estimates: list[Estimate] = []
    failures: list[tuple[Method, str]] = []
    replicates: npt.NDArray[np.float64] | None = None
    for method in settings.methods:
        try:
            if method == "loglinear":
                estimate, fit = _loglinear(table, usable, settings)
                estimates.append(estimate)
                if bootstrap_seed is not None and settings.bootstrap > 0:
                    replicates = _replicates(fit, settings.bootstrap, bootstrap_seed)
            else:  # the sampler (Numba, SciPy) loaded only when it runs
                from tollbook.estimate.lcmcr import estimate_lcmcr

                estimates.append(estimate_lcmcr(usable, settings.lcmcr))
        except NotEstimable as exc:
            failures.append((method, str(exc)))
    warnings = [*checked.warnings(), *_disagreement(estimates)]
    result = StratumResult(
        stratum,
        table,
        estimates=tuple(estimates),
        failures=tuple(failures),
        warnings=tuple(warnings),
    )
    return result, replicates


def _loglinear(
    original: OverlapTable, usable: OverlapTable, settings: EstimationSettings
) -> tuple[Estimate, LoglinearFit]:
    model = None
    if settings.model is not None:
        if usable.width != original.width:
            raise NotEstimable(
                f"The model {settings.model} was named for the lists "
                f"{', '.join(original.lists)}, but some are empty here."
            )
        try:
            model = parse_model(settings.model, usable.lists)
        except ValueError as exc:
            raise NotEstimable(str(exc)) from None
    return estimate_loglinear(
        usable, model, settings.criterion, settings.heterogeneity, settings.level
    )


def _replicates(fit: LoglinearFit, count: int, seed: int) -> npt.NDArray[np.float64]:
    return bootstrap_totals(fit, count, np.random.default_rng(seed))


def _disagreement(estimates: list[Estimate]) -> list[str]:
    done = {e.method: e for e in estimates}
    a, b = done.get("loglinear"), done.get("lcmcr")
    if a is None or b is None or a.lower is None or b.lower is None:
        return []
    a_upper = a.upper if a.upper is not None else math.inf
    b_upper = b.upper if b.upper is not None else math.inf
    if a_upper < b.lower or b_upper < a.lower:
        return [
            f"The two methods disagree: the log-linear interval ({_span(a)}) and the latent "
            f"class interval ({_span(b)}) do not overlap. The lists behave in a way at least "
            "one model misreads; report both, or neither."
        ]
    return []


def _span(e: Estimate) -> str:
    upper = f"{e.upper:,.0f}" if e.upper is not None else "no upper end"
    return f"{e.lower:,.0f}–{upper}" if e.lower is not None else "none"


def estimate_strata(
    tables: Mapping[Stratum, OverlapTable],
    by: tuple[str, ...] = (),
    settings: EstimationSettings | None = None,
    on_progress: Progress | None = None,
) -> EstimationReport:
    """Estimate every stratum, add them up, and estimate the pooled table."""
    settings = settings or EstimationSettings()
    if not tables:
        raise ValueError("no tables to estimate")
    ordered = sorted(tables.items())
    lists = ordered[0][1].lists
    if any(t.lists != lists for _, t in ordered):
        raise ValueError("every stratum must have the same lists")
    seeds = np.random.SeedSequence(settings.seed).generate_state(len(ordered))
    results: list[StratumResult] = []
    replicates: list[npt.NDArray[np.float64] | None] = []
    for (stratum, table), seed in zip(ordered, seeds, strict=True):
        if on_progress is not None:
            on_progress(f"estimating {stratum_label(stratum)} ({table.observed:,} people)")
        result, boot = estimate_table(table, settings, stratum, int(seed) if by else None)
        results.append(result)
        replicates.append(boot)
    if not by:
        return EstimationReport(lists, by, tuple(results))
    totals, notes = _sums(results, replicates, settings)
    if on_progress is not None:
        on_progress("estimating all strata together")
    pooled, _ = estimate_table(pool(t for _, t in ordered), settings, WHOLE)
    return EstimationReport(lists, by, tuple(results), tuple(totals), tuple(notes), pooled)


def _sums(
    results: list[StratumResult],
    replicates: list[npt.NDArray[np.float64] | None],
    settings: EstimationSettings,
) -> tuple[list[Estimate], list[str]]:
    totals: list[Estimate] = []
    notes: list[str] = []
    for method in settings.methods:
        parts = [r.estimate(method) for r in results]
        missing = [r.label for r, p in zip(results, parts, strict=True) if p is None]
        if missing:
            notes.append(
                N_(
                    "No %(method)s sum: %(items)s could not be estimated, and a "
                    "sum without them would understate the total. Merge small "
                    "strata, or estimate without strata.",
                    method=method,
                    items=", ".join(missing),
                )
            )
            continue
        found = [p for p in parts if p is not None]
        if method == "lcmcr":
            total = _sum_posterior(found, settings)
        else:
            total = _sum_bootstrap(found, replicates, settings, results)
        carried = tuple(
            f"{r.label}: {w}" for r, p in zip(results, parts, strict=True) if p for w in p.warnings
        )
        totals.append(replace(total, warnings=(*total.warnings, *carried)))
    return totals, notes


def _sum_posterior(parts: list[Estimate], settings: EstimationSettings) -> Estimate:
    draws = np.sum([p.draws for p in parts if p.draws is not None], axis=0)
    chains = settings.lcmcr.chains
    shaped = draws.reshape(chains, -1)
    tail = (1.0 - settings.level) / 2.0
    lower, upper = (float(v) for v in np.quantile(draws, [tail, 1.0 - tail]))
    r = rhat(shaped) if chains > 1 else math.nan
    bulk = ess_bulk(shaped)
    diagnostics: dict[str, JsonValue] = {
        "combined": "sum of the strata's posterior draws",
        "strata": len(parts),
        "R_hat": round(r, 4) if math.isfinite(r) else None,
        "ESS_bulk": round(bulk) if math.isfinite(bulk) else None,
    }
    warnings: list[str] = []
    if chains > 1 and not r < RHAT_OK:
        warnings.append(
            N_(
                "The chains of the sum do not agree (R-hat %(r)s, should be below %(rhat_ok)s).",
                r=format(r, ".3f"),
                rhat_ok=RHAT_OK,
            )
        )
    if not bulk >= ESS_OK:
        warnings.append(
            N_(
                "The sum has only about %(bulk)s effectively independent "
                "draws (at least %(ess_ok)s are needed).",
                bulk=format(bulk, ",.0f"),
                ess_ok=ESS_OK,
            )
        )
    return Estimate(
        method="lcmcr",
        observed=sum(p.observed for p in parts),
        estimate=float(np.median(draws)),
        lower=lower,
        upper=upper,
        interval=f"{settings.level:.0%} posterior of the sum",
        model=parts[0].model + " per stratum",
        diagnostics=diagnostics,
        warnings=tuple(warnings),
        draws=draws,
    )


def _sum_bootstrap(
    parts: list[Estimate],
    replicates: list[npt.NDArray[np.float64] | None],
    settings: EstimationSettings,
    results: list[StratumResult],
) -> Estimate:
    point = sum(p.estimate for p in parts)
    sums_lower = sum(p.lower for p in parts if p.lower is not None)
    uppers = [p.upper for p in parts]
    sums_upper = None if any(u is None for u in uppers) else sum(u for u in uppers if u)
    diagnostics: dict[str, JsonValue] = {
        "combined": "parametric bootstrap, each stratum's model held fixed",
        "strata": len(parts),
        "replicates": settings.bootstrap,
        "conservative_interval": [round(sums_lower, 1), _maybe(sums_upper)],
    }
    usable = [r for r in replicates if r is not None]
    lower: float | None = sums_lower
    upper: float | None = sums_upper
    interval = "sum of the strata's bounds (conservative)"
    warnings: list[str] = []
    unbounded = [r.label for r, p in zip(results, parts, strict=True) if p.upper is None]
    if unbounded:
        warnings.append(
            N_(
                "No upper end: %(items)s has no upper bound the data can fix, "
                "so neither has the sum; the figure is at least the lower "
                "end. Merge that stratum with another, or estimate without "
                "strata.",
                items=", ".join(unbounded),
            )
        )
    elif len(usable) == len(parts) and settings.bootstrap > 0:
        total = np.sum(usable, axis=0)
        finite = total[np.isfinite(total)]
        if finite.size >= 0.9 * total.size and finite.size > 0:
            tail = (1.0 - settings.level) / 2.0
            lower, upper = (float(v) for v in np.quantile(total, [tail, 1.0 - tail]))
            interval = f"{settings.level:.0%} parametric bootstrap of the sum"
        else:
            warnings.append(
                N_(
                    "Too many simulated tables gave no finite total: the interval "
                    "is the sum of the strata's bounds, which is wider than it "
                    "needs to be."
                )
            )
    return Estimate(
        method="loglinear",
        observed=sum(p.observed for p in parts),
        estimate=point,
        lower=lower,
        upper=upper,
        interval=interval,
        model="best model per stratum",
        diagnostics=diagnostics,
        warnings=tuple(warnings),
    )


def _maybe(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
