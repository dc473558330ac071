"""Coverage of the 95% intervals on simulated sieges, over at least 50 seeds.

For each scenario of ``benchmarks/estimate_population.py`` and each method, prints how
often the interval contains the true number of dead, the median estimate over the truth,
and the median interval width over the truth. Methods: the BIC-best hierarchical
log-linear model (Rcapture's default search), the same search with Darroch heterogeneity
terms, LCMCR (4 chains × 1,000 draws, thin 25, burn-in 5,000: lighter than the command's
default, to keep the benchmark to minutes), and the log-linear sum over districts with its
bootstrap interval. Usage: python -m benchmarks.estimate_coverage [--seeds 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np

from benchmarks.estimate_population import SCENARIOS, Outcome, Siege, simulate
from tollbook.estimate.lcmcr import LcmcrSettings, estimate_lcmcr
from tollbook.estimate.loglinear import estimate_loglinear
from tollbook.estimate.loglinear_models import Heterogeneity
from tollbook.estimate.report import EstimationSettings
from tollbook.estimate.results import Estimate
from tollbook.estimate.stratified import estimate_strata

LCMCR = LcmcrSettings(draws=1_000, burn_in=5_000, thin=25)
Method = Callable[[Outcome, Siege], Estimate | None]


def _bic(outcome: Outcome, siege: Siege) -> Estimate:
    return estimate_loglinear(outcome.table(siege.lists))[0]


def _darroch(outcome: Outcome, siege: Siege) -> Estimate:
    table = outcome.table(siege.lists)
    return estimate_loglinear(table, heterogeneity=Heterogeneity("darroch"))[0]


def _lcmcr(outcome: Outcome, siege: Siege) -> Estimate:
    return estimate_lcmcr(outcome.table(siege.lists), LCMCR)


def _by_district(outcome: Outcome, siege: Siege) -> Estimate | None:
    settings = EstimationSettings(methods=("loglinear",), bootstrap=1_000)
    report = estimate_strata(outcome.tables_by_district(siege.lists), ("district",), settings)
    return report.totals[0] if report.totals else None


METHODS: dict[str, Method] = {
    "log-linear, BIC-best": _bic,
    "log-linear, BIC-best + Darroch": _darroch,
    "LCMCR": _lcmcr,
    "log-linear by district, summed": _by_district,
}
PLAN = {
    "siege": list(METHODS),
    "mild": list(METHODS),
    "dependent-lists": ["log-linear, BIC-best", "LCMCR"],
}


def coverage(scenario: str, method: str, seeds: int) -> str:
    siege = SCENARIOS[scenario]
    hits, ratios, widths, missing = 0, [], [], 0
    start = time.perf_counter()
    for seed in range(seeds):
        outcome = simulate(10_000 + seed, siege)
        estimate = METHODS[method](outcome, siege)
        if estimate is None or estimate.lower is None:
            missing += 1
            continue
        upper = estimate.upper if estimate.upper is not None else np.inf
        hits += estimate.lower <= outcome.deaths <= upper
        ratios.append(estimate.estimate / outcome.deaths)
        widths.append((upper - estimate.lower) / outcome.deaths)
    seconds = time.perf_counter() - start
    note = f", {missing} not estimated" if missing else ""
    return (
        f"  {method:<32} covered {hits:>3}/{seeds} = {hits / seeds:>4.0%}   "
        f"estimate/truth {statistics.median(ratios):.3f}   width/truth "
        f"{statistics.median(widths):.2f}   ({seconds:.0f} s{note})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=50)
    args = parser.parse_args()
    for scenario, methods in PLAN.items():
        siege = SCENARIOS[scenario]
        seen = simulate(10_000, siege).table(siege.lists).observed
        print(
            f"scenario {scenario}: {siege.deaths:,} dead, about {seen:,} on the "
            f"{len(siege.lists)} lists; 95% intervals over {args.seeds} seeds"
        )
        for method in methods:
            print(coverage(scenario, method, args.seeds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
