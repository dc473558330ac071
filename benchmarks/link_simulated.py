"""Pairwise F1 on the simulator's named lists (Cyrillic and Latin names, Ukrainian and
Russian forms, typos, swapped names, ages for birth dates ...), as
``tollbook link morgue.csv burial.csv ... --out`` finds it. Target: 0.97.

    .venv/bin/python -m benchmarks.link_simulated [--people N] [--seed S] [--engine E]

The default siege (100,000 people) gives about 5,000 list records; more people give
more namesakes (the simulator draws names from a few hundred), which is harder.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.link_common import report, run_file_mode
from tollbook.cli.simulate.files import write_siege
from tollbook.simulate import SiegeConfig, simulate_siege

TARGET_F1 = 0.97


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--engine", default="duckdb", choices=("duckdb", "spark"))
    args = parser.parse_args(argv)
    results = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            began = time.perf_counter()
            write_siege(simulate_siege(SiegeConfig(people=args.people, seed=seed)), folder)
            print(
                f"simulated {args.people:,} people (seed {seed}) in "
                f"{time.perf_counter() - began:.1f} s"
            )
            files = sorted((folder / "lists").glob("*.csv"))
            result, clusters, seconds = run_file_mode(
                files, folder / "clusters.csv", engine=args.engine
            )
            with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
                truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
        title = f"simulated lists, {args.people:,} people, seed {seed}, {args.engine}"
        results.append(report(title, result, clusters, truth, seconds))
    mean = sum(s.f1 for s in results) / len(results)
    verdict = "OK" if mean >= TARGET_F1 else "BELOW TARGET"
    print(f"mean F1 over {len(results)} seeds: {mean:.4f}; target {TARGET_F1} -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
