"""Log-linear and LCMCR on the true capture histories against the linked ones.

Is the log-linear figure's bias on a simulated siege linkage's or model choice's? The
simulator knows who is who (``truth/captures.csv``), so the same estimates can be run on
the true histories and on the persons linkage made (the database the siege scorecard
keeps with ``--workdir``). For each, prints the BIC-best model and its interval, the
models within 6 of the best BIC with the range of their totals, and LCMCR (1,000 draws
per chain after 5,000 burn-in, thin 20: the scorecard's lengths). No linkage error is
drawn here: these are the figures "as linked".

    .venv/bin/python -m benchmarks.estimate_true_vs_linked DIR/siege-400000-seed-11 [...]
        [--no-lcmcr]

``DIR`` is a siege folder written by ``benchmarks.estimate_siege_scorecard --workdir``
(``deaths.csv``, ``truth/captures.csv`` and, if linked, ``siege.db``).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from tollbook.estimate.lcmcr import LcmcrSettings, estimate_lcmcr
from tollbook.estimate.loglinear import COMPARABLE_CRITERION, estimate_loglinear, search_models
from tollbook.estimate.tables import OverlapTable
from tollbook.services.linked_tables import linked_overlap_tables
from tollbook.services.setup import open_database

LISTS = ("burial", "family", "hospital", "morgue", "news")


def true_table(folder: Path) -> OverlapTable:
    counts: dict[tuple[int, ...], int] = {}
    with (folder / "truth" / "captures.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pattern = tuple(int(row[name]) for name in LISTS)
            if any(pattern):
                counts[pattern] = counts.get(pattern, 0) + 1
    return OverlapTable.from_mapping(LISTS, counts)


def linked_table(folder: Path) -> OverlapTable | None:
    if not (folder / "siege.db").exists():
        return None
    uow = open_database(f"sqlite:///{folder / 'siege.db'}")
    try:
        lists, tables = linked_overlap_tables(uow)
    finally:
        uow.engine.dispose()
    (table,) = tables.values()
    assert lists == LISTS, lists
    return table


def report(label: str, table: OverlapTable, dead: int, lcmcr: bool) -> None:
    start = time.perf_counter()
    ranking = search_models(table)
    best = ranking[0].bic
    near = [f for f in ranking if f.bic - best <= COMPARABLE_CRITERION and not f.degenerate]
    chosen, _ = estimate_loglinear(table)
    assert chosen.lower is not None
    print(f"  {label}: {table.observed:,} seen")

    def line(name: str, value: float, low: float | None, high: float | None) -> None:
        inside = low is not None and low <= dead <= (high or float("inf"))
        print(
            f"    {name:<34} {value:>9,.0f} ({low or 0:,.0f}–{high or 0:,.0f}) "
            f"{'inside' if inside else 'OUTSIDE'}, {(value - dead) / dead:+.1%}"
        )

    line(f"log-linear BIC {chosen.model}", chosen.estimate, chosen.lower, chosen.upper)
    totals = [f.estimate for f in near]
    print(
        f"    {len(near)} models within ΔBIC {COMPARABLE_CRITERION:g}: totals "
        f"{min(totals):,.0f}–{max(totals):,.0f}"
    )
    for f in near[:6]:
        print(f"      {f.name:<40} ΔBIC {f.bic - best:5.2f}  {f.estimate:,.0f}")
    if lcmcr:
        e = estimate_lcmcr(table, LcmcrSettings(draws=1_000, burn_in=5_000, thin=20, seed=11))
        line("LCMCR", e.estimate, e.lower, e.upper)
    print(f"    seconds {time.perf_counter() - start:.0f}")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--no-lcmcr", action="store_true")
    args = parser.parse_args(argv)
    for folder in args.folders:
        with (folder / "deaths.csv").open(encoding="utf-8") as handle:
            dead = sum(1 for _ in csv.DictReader(handle))
        print(f"{folder.name}: {dead:,} dead")
        report("true histories", true_table(folder), dead, not args.no_lcmcr)
        linked = linked_table(folder)
        if linked is not None:
            report("linked persons", linked, dead, not args.no_lcmcr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
