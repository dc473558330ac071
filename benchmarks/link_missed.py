"""Why true links are missed, and how well the match probabilities are calibrated, on
the simulator's lists linked in process as ``tollbook link`` links them (DuckDB; every
list declared to hold duplicates, as the simulator's do).

    .venv/bin/python -m benchmarks.link_missed [--people 400000] [--seed 11]

Prints pairwise precision, recall and F1 of the persons; the true pairs left apart, by
where they were lost (never compared by blocking, scored under the review bound 0.2,
scored 0.2-0.5, scored at or above the threshold but kept apart by clustering) and by
what differs between the two records; and the share of true pairs among the scored
pairs in each band of match probability (calibration).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Hashable
from pathlib import Path

from tollbook.cli.simulate.files import write_siege
from tollbook.exchange.list_files import read_list_file
from tollbook.link.clustering import cluster_pairs
from tollbook.link.duckdb_engine import duckdb_engine
from tollbook.link.evaluation import pairwise_scores
from tollbook.link.features import FeatureTable, features
from tollbook.simulate import SiegeConfig, simulate_siege

BANDS = (0.0, 0.05, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 1.0001)


def _why(table: FeatureTable, i: int, j: int) -> str:
    c = table.columns
    parts = []
    if c["birth_year"][i] is None or c["birth_year"][j] is None:
        parts.append("no birth")
    elif c["birth_year_exact"][i] == 0 or c["birth_year_exact"][j] == 0:
        parts.append("age")
    elif c["birth_date"][i] != c["birth_date"][j]:
        parts.append("birth differs")
    if c["death_date"][i] is None or c["death_date"][j] is None:
        parts.append("no death")
    elif c["death_date"][i] != c["death_date"][j]:
        parts.append("death differs")
    if c["family_key"][i] != c["family_key"][j]:
        parts.append("family differs")
    if c["given_key"][i] != c["given_key"][j]:
        parts.append("given differs")
    return ", ".join(parts) or "all agree"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=400_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--min-probability",
        type=float,
        default=0.0,
        help="keep only pairs scored this high (saves memory at 2,000,000 people); "
        "pairs under it count as not compared",
    )
    parser.add_argument("--examples", type=int, default=0, help="print N missed pairs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_siege(simulate_siege(SiegeConfig(people=args.people, seed=args.seed)), folder)
        records = []
        for path in sorted((folder / "lists").glob("*.csv")):
            records.extend(read_list_file(path, path.stem, keep_original=False).records)
        with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
            truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    table = features(records)
    began = time.perf_counter()
    engine = duckdb_engine()
    try:
        model = engine.train(table, seed=1)
        trained = time.perf_counter()
        pairs = engine.score(table, model, min_probability=args.min_probability, explain=False)
    finally:
        engine.close()
    scored = time.perf_counter()
    kept = [k for k, p in enumerate(pairs.probability) if p >= 0.2]
    clustering = cluster_pairs(
        range(len(records)),
        [pairs.left[k] for k in kept],
        [pairs.right[k] for k in kept],
        [pairs.probability[k] for k in kept],
        0.5,
    )
    person = {i: truth.get(r.record_id, f"?{i}") for i, r in enumerate(records)}
    found: dict[Hashable, Hashable] = dict(clustering.cluster_of.items())
    scores = pairwise_scores(found, dict[Hashable, Hashable](person.items()))
    print(f"siege of {args.people:,} people, seed {args.seed}: {len(records):,} records")
    print(f"  train {trained - began:.1f} s, score {scored - trained:.1f} s")
    print(f"  pairs scored         {len(pairs):>10,}")
    print(f"  precision {scores.precision:.4f}  recall {scores.recall:.4f}  F1 {scores.f1:.4f}")
    probability = {
        (a, b): p for a, b, p in zip(pairs.left, pairs.right, pairs.probability, strict=True)
    }
    members: dict[str, list[int]] = {}
    for i in range(len(records)):
        members.setdefault(person[i], []).append(i)
    where: Counter[str] = Counter()
    examples: list[tuple[float, object, object]] = []
    why: dict[str, Counter[str]] = {}
    for group in members.values():
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if clustering.cluster_of[a] == clustering.cluster_of[b]:
                    continue
                p = probability.get((min(a, b), max(a, b)))
                lost = (
                    (
                        "not compared"
                        + (f" or < {args.min_probability}" if args.min_probability else "")
                    )
                    if p is None
                    else "scored < 0.2"
                    if p < 0.2
                    else "scored 0.2-0.5"
                    if p < 0.5
                    else "scored >= 0.5, kept apart"
                )
                where[lost] += 1
                if len(examples) < args.examples and p is not None and p >= 0.05:
                    examples.append((p, records[a], records[b]))
                why.setdefault(lost, Counter())[_why(table, a, b)] += 1
    print(f"  true pairs apart     {sum(where.values()):>10,}")
    for lost, n in where.most_common():
        print(f"    {n:>7,}  {lost}")
        for reason, m in why[lost].most_common(5):
            print(f"             {m:>6,}  {reason}")
    for p, left, right in examples:
        print(f"  missed at {p:.3f}:\n    {left}\n    {right}")
    print("  calibration (scored pairs: band, pairs, share truly one person)")
    counts: Counter[int] = Counter()
    true: Counter[int] = Counter()
    for (a, b), p in probability.items():
        band = next(k for k in range(len(BANDS) - 1) if p < BANDS[k + 1])
        counts[band] += 1
        true[band] += person[a] == person[b]
    for band in sorted(counts):
        low, high = BANDS[band], min(BANDS[band + 1], 1.0)
        share = true[band] / counts[band]
        print(f"    {low:.2f}-{high:.2f}  {counts[band]:>9,}  {share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
