"""Recall of blocking on the simulator's lists: of the pairs of records that are truly
one person, how many does blocking let the model compare at all (a pair never compared
can never be linked)? Also the pairs compared, and the true pairs missed, by why.

    .venv/bin/python -m benchmarks.link_blocking [--people 400000] [--seed 11]
        [--has-duplicates]   # every list declared to hold duplicates (default: none)

The rules are chosen as ``tollbook link`` chooses them (DuckDB counts the pairs of each
candidate rule within the budget); a true pair counts as compared when some chosen rule
admits it.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tollbook.cli.simulate.files import write_siege
from tollbook.exchange.list_files import read_list_file
from tollbook.link import blocking
from tollbook.link.duckdb_engine import duckdb_engine
from tollbook.link.features import FeatureTable, features
from tollbook.simulate import SiegeConfig, simulate_siege


def _admits(table: FeatureTable, rule: blocking.Rule, i: int, j: int) -> bool:
    check: Any = getattr(blocking, "admits", None)
    if check is not None:
        return bool(check(table, rule, i, j))
    # an older version of Tollbook: every term is an exact match
    return all(
        table.columns[t][i] is not None and table.columns[t][i] == table.columns[t][j] for t in rule
    )


def _why(table: FeatureTable, i: int, j: int) -> str:
    c = table.columns
    parts = []
    if c["source"][i] == c["source"][j]:
        parts.append("same list")
    if c["birth_year_exact"][i] == 0 or c["birth_year_exact"][j] == 0:
        parts.append("age")
    if c["birth_year"][i] is None or c["birth_year"][j] is None:
        parts.append("no birth")
    if c["death_date"][i] != c["death_date"][j]:
        parts.append("death date differs")
    if c["family_key"][i] != c["family_key"][j]:
        parts.append("family name differs")
    if c["given_key"][i] != c["given_key"][j]:
        parts.append("given name differs")
    return ", ".join(parts) or "other"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=400_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--has-duplicates", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_siege(simulate_siege(SiegeConfig(people=args.people, seed=args.seed)), folder)
        records = []
        for path in sorted((folder / "lists").glob("*.csv")):
            records.extend(read_list_file(path, path.stem, keep_original=False).records)
        with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
            truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    sources = sorted({r.source for r in records})
    exclusive = () if args.has_duplicates else sources
    try:
        table = features(records, exclusive=exclusive)
    except TypeError:  # an older version: every list may hold duplicates
        table = features(records)
    began = time.perf_counter()
    engine = duckdb_engine()
    try:
        loaded = engine.backend.load(table, "blocking_input")
        rules = engine.choose_rules(table, loaded, "dedupe_only", blocking.DEFAULT_BUDGET)
    finally:
        engine.close()
    chose = time.perf_counter() - began
    people: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        if record.record_id in truth:
            people.setdefault(truth[record.record_id], []).append(i)
    pairs = [
        (a, b)
        for members in people.values()
        for x, a in enumerate(members)
        for b in members[x + 1 :]
    ]
    compared = [p for p in pairs if any(_admits(table, rule, *p) for rule in rules)]
    cross = [p for p in pairs if records[p[0]].source != records[p[1]].source]
    cross_compared = [p for p in compared if records[p[0]].source != records[p[1]].source]
    seen = set(compared)
    missed = Counter(_why(table, a, b) for a, b in pairs if (a, b) not in seen)
    flag = "every list may hold duplicates" if args.has_duplicates else "no list declared"
    print(f"blocking on the siege of {args.people:,} people, seed {args.seed} ({flag})")
    print(f"  records                  {len(records):>10,}")
    print(f"  rules chosen             {len(rules):>10}  (in {chose:.1f} s)")
    print(f"  true pairs               {len(pairs):>10,}")
    print(f"  true pairs compared      {len(compared):>10,}")
    print(f"  recall of blocking       {len(compared) / max(len(pairs), 1):>10.4f}")
    print(
        f"  across lists             {len(cross_compared) / max(len(cross), 1):>10.4f}"
        f"  ({len(cross_compared):,} of {len(cross):,})"
    )
    print("  true pairs missed, by what differs:")
    for why, n in missed.most_common(8):
        print(f"    {n:>6,}  {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
