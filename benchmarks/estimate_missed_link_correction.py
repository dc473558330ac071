"""A correction of the table for missed links, tried on a kept, linked siege.

The stored pairs that the linkage's clustering left between two persons are the
candidates for missed links. For each pair of persons joined by such pairs, the highest
probability between them is read as the chance they are one person; the merge is
applied to the linked table with that weight times ``--weights`` (−w from each person's
cell, +w to the cell of the two together), and LCMCR (and, unless ``--no-loglinear``,
the BIC log-linear search) estimates each table, beside the true histories and the
table as linked. Then the correction the estimate draws (``estimate/missed_links.py``):
on the clustering of the linkage's links, the candidate merges, and for each factor
``f`` in ``--factors`` the merges drawn with probability ``f × p`` (``--repeats`` times),
how many of them join records truly of one person, and the persons left. Reads a siege
that ``benchmarks.estimate_siege_scorecard --workdir
DIR`` left linked (docs/estimation.md, "a missed-link correction tried"):

    .venv/bin/python -m benchmarks.estimate_missed_link_correction DIR/siege-400000-seed-11
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from tollbook.estimate.clustering_draws import ClusteringSampler
from tollbook.estimate.lcmcr import LcmcrSettings, estimate_lcmcr
from tollbook.estimate.linkage_estimates import linkage_labels
from tollbook.estimate.loglinear import estimate_loglinear
from tollbook.estimate.missed_links import candidates, merge_missed
from tollbook.estimate.tables import OverlapTable
from tollbook.services.linked_tables import linked_source
from tollbook.services.setup import open_database

History = frozenset[str]


def table_of(
    lists: tuple[str, ...], counts: Counter[History] | dict[History, float]
) -> OverlapTable:
    cells = {
        tuple(int(name in h) for name in lists): round(max(c, 0.0)) for h, c in counts.items() if h
    }
    return OverlapTable.from_mapping(lists, cells)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("siege", type=Path)
    parser.add_argument("--weights", default="1,0.5", help="factors on the probabilities")
    parser.add_argument("--no-loglinear", action="store_true")
    parser.add_argument("--factors", default="1,0.5", help="f for the drawn merges")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-tables", action="store_true", help="only the drawn merges")
    parser.add_argument(
        "--gibbs", action="store_true", help="correct a drawn clustering, not the linkage's links"
    )
    args = parser.parse_args(argv)
    with (args.siege / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    dead = json.loads((args.siege / "siege.json").read_text(encoding="utf-8"))["dead"]
    uow = open_database(f"sqlite:///{args.siege / 'siege.db'}")
    try:
        source = linked_source(uow)
        with uow:
            person_of = uow.linkage.membership()
            kept = [s for s in uow.lists.records() if s.id in person_of]
    finally:
        uow.engine.dispose()
    linkage = source.linkage
    label = np.array([person_of[s.id] for s in kept], dtype=np.int64)
    true_person = np.array([truth[str(s.record.record_id)] for s in kept])
    left, right, p = linkage.left, linkage.right, linkage.probability
    cross = label[left] != label[right]
    one = true_person[left] == true_person[right]
    between = int(cross.sum())
    print(f"{args.siege.name}: {linkage.records:,} records, {between:,} pairs between persons")
    for low, high in ((0.0, 0.1), (0.1, 0.2), (0.2, 0.35), (0.35, 0.5), (0.5, 1.01)):
        band = cross & (p >= low) & (p < high)
        print(
            f"  pairs {low:.2f}-{min(high, 1):.2f}: {int(band.sum()):>6,}  sum of p "
            f"{p[band].sum():>8,.0f}  truly one person {int(one[band].sum()):>6,}"
        )
    weight: dict[tuple[int, int], float] = defaultdict(float)
    truly: dict[tuple[int, int], bool] = defaultdict(bool)
    for i in np.flatnonzero(cross):
        a, b = sorted((int(label[left[i]]), int(label[right[i]])))
        weight[(a, b)] = max(weight[(a, b)], float(p[i]))
        truly[(a, b)] = truly[(a, b)] or bool(one[i])
    print(
        f"  pairs of persons {len(weight):,}: sum of highest p {sum(weight.values()):,.0f}, "
        f"truly one person {sum(truly.values()):,}"
    )
    made_labels = linkage_labels(linkage)
    where = "the linkage's links"
    if args.gibbs:
        made_labels = ClusteringSampler(linkage, np.random.default_rng(7)).draw()
        where = "a clustering drawn by estimate/clustering_draws.py"
    found = candidates(linkage, made_labels)
    truly_seen = len(set(true_person.tolist()))
    print(
        f"  drawn correction, on {where} ({len(set(made_labels.tolist())):,} "
        f"persons; truly seen {truly_seen:,}): {found.count:,} candidate merges, sum of p "
        f"{found.total:,.0f}"
    )
    rng = np.random.default_rng(1)
    for f in (float(x) for x in args.factors.split(",")):
        for _ in range(args.repeats):
            merged = merge_missed(linkage, made_labels, found, f, rng)
            before = Counter(zip(made_labels.tolist(), true_person.tolist(), strict=True))
            after = Counter(zip(merged.labels.tolist(), true_person.tolist(), strict=True))
            # merges that joined records of one true person: true persons now in fewer pieces
            pieces_before = len(before)
            pieces_after = len(after)
            print(
                f"    f {f:g}: {merged.made:,} merges made, {pieces_before - pieces_after:,} "
                f"pieces of true persons joined; persons "
                f"{len(set(merged.labels.tolist())):,}"
            )
    if args.no_tables:
        return 0
    history: dict[int, set[str]] = defaultdict(set)
    true_history: dict[str, set[str]] = defaultdict(set)
    for record, name in enumerate(linkage.lists):
        history[int(label[record])].add(name)
        true_history[str(true_person[record])].add(name)
    lists = tuple(sorted(set(linkage.lists)))
    linked: Counter[History] = Counter(frozenset(h) for h in history.values())
    tables = {
        "true histories": table_of(lists, Counter(frozenset(h) for h in true_history.values())),
        "as linked": table_of(lists, linked),
    }
    for factor in (float(w) for w in args.weights.split(",")):
        counts: dict[History, float] = defaultdict(float, {h: float(c) for h, c in linked.items()})
        for (a, b), q in weight.items():
            ha, hb = frozenset(history[a]), frozenset(history[b])
            counts[ha] -= factor * q
            counts[hb] -= factor * q
            counts[ha | hb] += factor * q
        tables[f"corrected, weight {factor:g} x p"] = table_of(lists, counts)
    settings = LcmcrSettings(draws=1000, burn_in=5000, thin=20)
    print(f"dead {dead:,}")
    for name, table in tables.items():
        lc = estimate_lcmcr(table, settings)
        line = (
            f"  {name:<28} seen {table.observed:>7,}  LCMCR {lc.estimate:,.0f} "
            f"({lc.lower:,.0f}-{lc.upper:,.0f}) {100 * (lc.estimate / dead - 1):+.1f}%"
        )
        if not args.no_loglinear:
            ll = estimate_loglinear(table)[0]
            line += f"  log-linear {ll.estimate:,.0f} {100 * (ll.estimate / dead - 1):+.1f}%"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
