"""What the linkage benchmarks share: running ``tollbook link FILE ... --out`` (the
file mode, as a user would) and scoring its clusters against the truth."""

from __future__ import annotations

import csv
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from tollbook.link.evaluation import PairScores, pairwise_scores
from tollbook.services.file_linkage import FileLinkResult, link_files


def run_file_mode(
    files: Sequence[Path],
    out: Path,
    mapping: Sequence[str] = (),
    **options: object,
) -> tuple[FileLinkResult, dict[str, str], float]:
    """Link the files; return the result, record id -> cluster id, and wall time."""
    began = time.perf_counter()
    result = link_files(list(files), out, mapping, **options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - began
    with out.open(encoding="utf-8") as handle:
        clusters = {row["record_id"]: row["cluster_id"] for row in csv.DictReader(handle)}
    return result, clusters, seconds


def report(
    title: str,
    result: FileLinkResult,
    clusters: Mapping[str, str],
    truth: Mapping[str, str],
    seconds: float,
) -> PairScores:
    scores = pairwise_scores(clusters, truth)
    print(title)
    print(f"  records              {result.records:>12,}")
    print(f"  pairs scored         {result.pairs:>12,}")
    several = result.clusters_with_several_records
    print(f"  clusters             {result.clusters:>12,}  ({several:,} of 2+)")
    print(f"  true pairs           {scores.actual:>12,}")
    print(f"  precision            {scores.precision:>12.4f}")
    print(f"  recall               {scores.recall:>12.4f}")
    print(f"  F1                   {scores.f1:>12.4f}")
    steps = ", ".join(f"{k} {v:.1f}" for k, v in result.seconds.items() if k != "total")
    print(f"  time                 {seconds:>12.1f} s  ({steps})")
    return scores
