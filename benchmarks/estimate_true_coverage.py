"""Coverage over seeds on the TRUE capture histories and on the persons linkage made.

Is the low coverage of the siege scorecard at 100,000 people the models' (continuous
heterogeneity in the simulator: each list's chance rises with a person's visibility)
or linkage's? For each siege folder kept by ``benchmarks.estimate_siege_scorecard
--workdir`` (``deaths.csv``, ``truth/captures.csv``, ``siege.db``) this runs, on the true
histories and on the linked persons "as linked" (no linkage error drawn):

- log-linear, the BIC-best and the AIC-best hierarchical model (Rcapture's search) with
  its profile interval;
- the BIC model average over every model searched (weights ``exp(-ΔBIC/2)``, Buckland,
  Burnham and Augustin 1997, with their unconditional standard error on the log scale);
- the default search (as ``loglinear.default_search``: every model with and without
  Darroch's heterogeneity term, ranked together by BIC), and which family it chose;
- log-linear with Darroch heterogeneity terms on every model (``--darroch``);
- LCMCR (4 chains, 1,000 draws after 5,000 burn-in, thin 20: the scorecard's lengths).

and prints, per method, how often the 95% interval holds the true number of dead, the
median estimate over the truth and the median width over the truth.

    .venv/bin/python -m benchmarks.estimate_true_coverage DIR/siege-100000-seed-* [--darroch]
        [--no-lcmcr] [--true-only]
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.estimate_true_vs_linked import linked_table, true_table
from tollbook.estimate.lcmcr import LcmcrSettings, estimate_lcmcr
from tollbook.estimate.loglinear import DEFAULT_HETEROGENEITY, rank_fits, search_models
from tollbook.estimate.loglinear_fit import LoglinearFit
from tollbook.estimate.profile_interval import profile_interval
from tollbook.estimate.tables import OverlapTable

Figure = tuple[float, float, float]
LCMCR = LcmcrSettings(draws=1_000, burn_in=5_000, thin=20, seed=11)
Z95 = 1.959963984540054


def _chosen(table: OverlapTable, ranking: list[LoglinearFit], key: str) -> Figure:
    fit = min(ranking, key=lambda f: getattr(f, key))
    interval = profile_interval(table, fit)
    assert interval is not None
    return fit.estimate, interval.lower, interval.upper or math.inf


def _averaged(ranking: list[LoglinearFit]) -> Figure:
    """Buckland et al. (1997): weights exp(-ΔBIC/2); on the log scale, the unconditional
    standard error sum w_i sqrt(var_i + (log N_i - mean)^2)."""
    usable = [
        f
        for f in ranking
        if not f.degenerate and math.isfinite(f.estimate) and f.estimate > 0 and f.stderr > 0
    ]
    best = min(f.bic for f in usable)
    weights = [math.exp(-(f.bic - best) / 2) for f in usable]
    total = sum(weights)
    logs = [math.log(f.estimate) for f in usable]
    mean = sum(w * x for w, x in zip(weights, logs, strict=True)) / total
    se = (
        sum(
            w * math.sqrt((f.stderr / f.estimate) ** 2 + (x - mean) ** 2)
            for w, f, x in zip(weights, usable, logs, strict=True)
        )
        / total
    )
    return math.exp(mean), math.exp(mean - Z95 * se), math.exp(mean + Z95 * se)


def figures(table: OverlapTable, darroch: bool, lcmcr_too: bool) -> dict[str, Figure]:
    ranking = search_models(table)
    out = {
        "log-linear BIC": _chosen(table, ranking, "bic"),
        "log-linear AIC": _chosen(table, ranking, "aic"),
        "log-linear BIC-averaged": _averaged(ranking),
    }
    het = search_models(table, "bic", DEFAULT_HETEROGENEITY)
    both = rank_fits([*ranking, *het])
    family = "Darroch" if both[0].model.heterogeneity is not None else "none"
    out[f"log-linear default ({family})"] = _chosen(table, both[:1], "bic")
    out["log-linear default"] = out[f"log-linear default ({family})"]
    if darroch:
        out["log-linear BIC + Darroch"] = _chosen(table, het, "bic")
    if not lcmcr_too:
        return out
    lcmcr = estimate_lcmcr(table, LCMCR)
    assert lcmcr.lower is not None
    out["LCMCR"] = (lcmcr.estimate, lcmcr.lower, lcmcr.upper or math.inf)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--darroch", action="store_true")
    parser.add_argument("--no-lcmcr", action="store_true", help="log-linear figures only")
    parser.add_argument("--true-only", action="store_true", help="the true histories only")
    args = parser.parse_args(argv)
    results: dict[tuple[str, str], list[tuple[int, Figure]]] = defaultdict(list)
    for folder in args.folders:
        start = time.perf_counter()
        with (folder / "deaths.csv").open(encoding="utf-8") as handle:
            dead = sum(1 for _ in csv.DictReader(handle))
        tables = {"true": true_table(folder)}
        linked = None if args.true_only else linked_table(folder)
        if linked is not None:
            tables["linked"] = linked
        for label, table in tables.items():
            for method, figure in figures(table, args.darroch, not args.no_lcmcr).items():
                results[(label, method)].append((dead, figure))
                value, low, high = figure
                mark = "" if low <= dead <= high else (" BELOW" if high < dead else " ABOVE")
                print(
                    f"{folder.name} {dead:,} dead, {label} ({table.observed:,} seen): "
                    f"{method} {value:,.0f} ({low:,.0f}–{high:,.0f}){mark}",
                    flush=True,
                )
        print(f"  seconds {time.perf_counter() - start:.0f}", flush=True)
    print("\nhistories  method                        covered   estimate/truth  width/truth")
    for (label, method), rows in sorted(results.items()):
        hits = sum(low <= dead <= high for dead, (_, low, high) in rows)
        ratio = statistics.median(value / dead for dead, (value, _, _) in rows)
        width = statistics.median((high - low) / dead for dead, (_, low, high) in rows)
        print(
            f"{label:<10} {method:<28} {hits:>3}/{len(rows):<3} {hits / len(rows):>4.0%}   "
            f"{ratio:.3f}           {width:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
