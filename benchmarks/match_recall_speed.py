"""Matching figures for issue 8: top-5 recall on a simulated siege, and the time to rank
one report against 100,000 bodies.

    .venv/bin/python -m benchmarks.match_recall_speed [--people 100000] [--seed 3]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from tollbook.cli.simulate.files import write_siege
from tollbook.registry.matching import ProfileTable, rank
from tollbook.registry.profiles import Profile, body_profile, report_profile
from tollbook.registry.rows import body_from_row, report_from_row
from tollbook.simulate import SiegeConfig, simulate_siege


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--bodies", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_siege(simulate_siege(SiegeConfig(people=args.people, seed=args.seed)), folder)
        profiles: list[Profile] = []
        for row in _rows(folder / "graves/bodies.csv"):
            body, position = body_from_row(row)
            profiles.append(body_profile(body, day=position.buried_on if position else None))
        reports = {
            r["report_id"]: report_from_row(r) for r in _rows(folder / "missing/reports.csv")
        }
        truth = [r for r in _rows(folder / "truth/missing.csv") if r["body_ref"]]
    table = ProfileTable(profiles)
    hits = 0
    for row in truth:
        found = rank(table, report_profile(reports[row["report_id"]]), top=5)
        hits += row["body_ref"] in {c.key for c in found}
    print(
        f"siege: {args.people:,} people (seed {args.seed}), {len(profiles):,} bodies, "
        f"{len(truth):,} reports of buried people"
    )
    print(f"top-5 recall: {hits / len(truth):.3f} ({hits}/{len(truth)}; target >= 0.90)")

    rng = random.Random(1)
    big = [replace(rng.choice(profiles), key=f"B{i:06d}") for i in range(args.bodies)]
    started = time.perf_counter()
    big_table = ProfileTable(big)
    built = time.perf_counter() - started
    queries = [report_profile(reports[r["report_id"]]) for r in truth[:50]]
    started = time.perf_counter()
    for query in queries:
        rank(big_table, query, top=5)
    per_report = (time.perf_counter() - started) / len(queries)
    print(
        f"ranking one report against {args.bodies:,} bodies: {per_report * 1000:.1f} ms "
        f"(target < 1000 ms; index built once in {built:.1f} s)"
    )


if __name__ == "__main__":
    main()
