"""Multiple systems estimation against published figures, and the latent class sampler's speed.

Prints: the log-linear estimates on examples/mse (kosovo.csv, hiv.csv) beside the
reference figures of their README and of Rcapture's examples; LCMCR's posterior median on
Kosovo (LCMCR itself gives about 10,400–10,600) and the time for 10,000 draws, with R-hat
and effective sample sizes. Usage: python -m benchmarks.estimate_reference
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tollbook.estimate.lcmcr import LcmcrSettings, estimate_lcmcr
from tollbook.estimate.loglinear import estimate_loglinear
from tollbook.estimate.loglinear_fit import fit_model
from tollbook.estimate.loglinear_models import parse_model
from tollbook.estimate.profile_interval import profile_interval
from tollbook.estimate.tables import OverlapTable
from tollbook.exchange.overlap_tables import read_overlap_csv

MSE = Path(__file__).resolve().parent.parent / "examples" / "mse"


def _table(name: str) -> OverlapTable:
    return read_overlap_csv(MSE / name).tables[()]


def _check(label: str, ours: float | None, reference: float) -> bool:
    ok = ours is not None and round(ours, 1) == reference
    shown = "-" if ours is None else f"{ours:,.1f}"
    print(f"  {label:<46} {shown:>10}  reference {reference:>10,.1f}  {'ok' if ok else 'DIFFERS'}")
    return ok


def loglinear_references() -> bool:
    ok = True
    kosovo = _table("kosovo.csv")
    print(f"kosovo.csv ({kosovo.observed:,} seen), log-linear (Rcapture):")
    best, _ = estimate_loglinear(kosovo)
    print(f"  BIC-best hierarchical model: {best.model} (reference [123,14,34])")
    ok &= best.model == "[123,14,34]"
    ok &= _check("estimate (Poisson, n + exp(intercept))", best.estimate, 10_356.5)
    ok &= _check("95% profile interval, lower", best.lower, 8_994.3)
    ok &= _check("95% profile interval, upper", best.upper, 12_110.4)
    independence = fit_model(kosovo, parse_model("independence", kosovo.lists))
    ok &= _check("independence", independence.estimate, 7_394.6)
    hiv = _table("hiv.csv")
    print(f"hiv.csv ({hiv.observed:,} seen), log-linear (Rcapture):")
    ok &= _check(
        "independence", fit_model(hiv, parse_model("[1,2,3,4]", hiv.lists)).estimate, 11_124.6
    )
    one = fit_model(hiv, parse_model("[12,3,4]", hiv.lists))
    interval = profile_interval(hiv, one)
    assert interval is not None
    ok &= _check("c1:c2, multinomial estimate", interval.maximum, 12_308.0)
    ok &= _check("c1:c2, 95% profile interval, lower", interval.lower, 10_266.0)
    ok &= _check("c1:c2, 95% profile interval, upper", interval.upper, 14_992.3)
    ok &= _check("c1:c2, Poisson estimate (Rcapture example)", one.estimate, 12_318.5)
    pairs = fit_model(hiv, parse_model("[12,13,14,23,24,34]", hiv.lists))
    pairs_interval = profile_interval(hiv, pairs)
    assert pairs_interval is not None
    ok &= _check("all two-way terms, Poisson (Rcapture example)", pairs.estimate, 23_443.5)
    ok &= _check("all two-way terms, profile upper", pairs_interval.upper, 50_046.3)
    start = time.perf_counter()
    for _ in range(5):
        estimate_loglinear(kosovo)
    seconds = (time.perf_counter() - start) / 5
    print(f"  search of 226 models (113 with and without Darroch's term): {seconds:.3f} s")
    return ok


def lcmcr_reference() -> bool:
    kosovo = _table("kosovo.csv")
    estimate_lcmcr(kosovo, LcmcrSettings(draws=10, burn_in=10, thin=1))  # compile once
    ok = True
    runs = [
        ("default: 4 chains × 2,500 draws, thin 50, burn-in 10,000", LcmcrSettings()),
        ("4 chains × 10,000 draws, thin 10, burn-in 10,000", LcmcrSettings(draws=10_000, thin=10)),
    ]
    print("kosovo.csv, LCMCR latent classes (K* = 10, a = b = 0.25):")
    for label, settings in runs:
        start = time.perf_counter()
        estimate = estimate_lcmcr(kosovo, settings)
        seconds = time.perf_counter() - start
        d = estimate.diagnostics
        off = (estimate.estimate - 10_500) / 10_500
        total = settings.chains * settings.draws
        print(f"  {label}")
        print(
            f"    {total:,} draws in {seconds:.1f} s; posterior median {estimate.estimate:,.0f} "
            f"({off:+.1%} from 10,500; target within 3%), 95% interval "
            f"{estimate.lower:,.0f}–{estimate.upper:,.0f}"
        )
        print(
            f"    R-hat {d['R_hat']}, ESS bulk {d['ESS_bulk']:,.0f}, tail {d['ESS_tail']:,.0f}, "
            f"occupied classes {d['occupied_classes']}"
        )
        ok &= abs(off) < 0.03 and seconds < 60
    return ok


def main() -> int:
    if not (MSE / "kosovo.csv").exists():
        print(f"{MSE} is not here: nothing to compare with", file=sys.stderr)
        return 1
    ok = loglinear_references()
    ok &= lcmcr_reference()
    print("all reference figures matched" if ok else "SOME FIGURES DIFFER")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
