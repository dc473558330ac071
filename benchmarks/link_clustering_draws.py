"""Do the imputed clusterings centre on the truth? Person counts and pairwise accuracy of
the clusterings the estimate draws (``tollbook.estimate.clustering_draws``), on a
simulated siege whose true persons are known, against the earlier way (each pair in the
review band drawn on its own, persons the connected groups).

Reads a siege that ``benchmarks.estimate_siege_scorecard --workdir DIR`` left linked:

    .venv/bin/python -m benchmarks.link_clustering_draws DIR/siege-400000-seed-11 [--draws 20]

Prints the people truly seen, the persons as linked, and for each way of drawing the
persons per clustering (mean and range) and the mean pairwise precision and recall.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable, Hashable
from pathlib import Path

import numpy as np
import numpy.typing as npt

from tollbook.estimate.clustering_draws import ClusteringSampler
from tollbook.estimate.linkage_uncertainty import ScoredLinkage, persons
from tollbook.link.evaluation import pairwise_scores
from tollbook.services.linked_tables import linked_source
from tollbook.services.setup import open_database


def pairwise_draw(linkage: ScoredLinkage, rng: np.random.Generator) -> npt.NDArray[np.int64]:
    """The earlier imputation: band pairs drawn independently, connected groups."""
    low, high = linkage.review
    p, d = linkage.probability, linkage.decided
    drawn = (p >= high) | ((p >= low) & (rng.random(len(p)) < p))
    accepted = np.where(d > 0, True, np.where(d < 0, False, drawn))
    return persons(linkage, accepted)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("siege", type=Path)
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with (args.siege / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    uow = open_database(f"sqlite:///{args.siege / 'siege.db'}")
    try:
        source = linked_source(uow)
        with uow:
            person_of = uow.linkage.membership()
            ids = [str(s.record.record_id) for s in uow.lists.records() if s.id in person_of]
    finally:
        uow.engine.dispose()
    linkage = source.linkage
    true_of: dict[str, Hashable] = {i: truth[i] for i in ids}
    print(f"{args.siege.name}: {linkage.records:,} records, {len(linkage.probability):,} pairs")
    print(f"  people truly seen   {len(set(true_of.values())):,}")
    print(f"  persons as linked   {len(set(person_of.values())):,}")
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    sampler = ClusteringSampler(linkage, rng)

    def one_by_one() -> npt.NDArray[np.int64]:
        return pairwise_draw(linkage, rng)

    ways: dict[str, Callable[[], npt.NDArray[np.int64]]] = {
        "whole clusterings (Gibbs)": sampler.draw,
        "pairs drawn one by one": one_by_one,
    }
    setup = time.perf_counter() - start
    for name, draw in ways.items():
        counts, precision, recall = [], [], []
        start = time.perf_counter()
        for _ in range(args.draws):
            labels = draw()
            counts.append(len(np.unique(labels)))
            scores = pairwise_scores(dict(zip(ids, labels.tolist(), strict=True)), true_of)
            precision.append(scores.precision)
            recall.append(scores.recall)
        seconds = time.perf_counter() - start + (setup if "Gibbs" in name else 0.0)
        print(
            f"  {name:<27} persons {np.mean(counts):,.0f} ({min(counts):,}–{max(counts):,}); "
            f"pairwise P {np.mean(precision):.4f} R {np.mean(recall):.4f}; {seconds:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
