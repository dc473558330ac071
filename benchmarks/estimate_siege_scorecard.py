"""The siege scorecard: from a simulated siege to an estimate, as a new user runs it.

For each size: ``tollbook simulate --people N --seed S``, the lists imported
(``tollbook lists import``), linked with defaults (``tollbook link``, no review) and
estimated from the database (``tollbook estimate --from-db``, which carries linkage error
into the interval and, unless ``--missed-links off``, corrects each imputation for missed
links; the figure without the correction is printed beside). Prints the records, the
linkage's pairwise precision, recall and F1,
the persons seen against the people truly seen, the pairs left for review, and each
method's estimate with its 95% interval (and the figure as linked, before linkage error)
against the true number of dead; by default (``--methods all``, the default from the
database) log-linear, LCMCR and the range across both (``models``). Targets (issue 13),
judged on the range when it is made: the truth inside the interval and the point within
5% of it, at 400,000 and 2,000,000 people.

Then the coverage of the 95% interval over many seeds at one size (log-linear, LCMCR and
the range apart). Target: at least 90%.

    .venv/bin/python -m benchmarks.estimate_siege_scorecard [--sizes 100000 400000 2000000]
        [--seed 11] [--coverage-seeds 20] [--coverage-people 100000]
        [--methods all | loglinear lcmcr]
        [--imputations 20] [--lcmcr-draws 2500] [--lcmcr-burn-in 10000] [--lcmcr-thin 50]
        [--missed-links draw|off] [--heterogeneity darroch]

A quick run: ``--sizes 100000 --coverage-seeds 3``. ``--coverage-first-seed K`` starts the
coverage seeds at K (to split them over processes). ``--workdir DIR`` keeps each siege
linked in DIR and reuses it on the next run (only the estimates run again; their
seconds for simulate, import and link are then those of reading the files). LCMCR runs
the CLI's chains by default (until 4 December 2026 it ran shorter ones, 1,000 draws after
5,000 sweeps, thin 20, whose medians at 2,000,000 came out lower than the CLI's: chains that
have not mixed explore the long upper tail less); the log-linear search is the CLI's.

``--review-sample N`` (issue 13) works on a copy of each siege's database
(``siege-review-N.db`` beside it, migrated to the newest revision; the linked database is
never written): ``tollbook lists review-sample --pairs N`` (seeded with the siege's seed)
and a simulated reviewer who confirms or splits each calibration pair from the
simulator's truth (benchmark code only: the estimate never reads the truth), then the
estimates. It prints the true calibration factor of the candidates (true links / Σ p)
beside the posterior the estimate used.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import shutil
import sys
import tempfile
import time
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tollbook.cli.simulate.files import write_siege
from tollbook.estimate.lcmcr_settings import LcmcrSettings
from tollbook.link.evaluation import pairwise_scores
from tollbook.services.estimates import EstimateOptions, estimate_from_db
from tollbook.services.linkage import link_records
from tollbook.services.lists import import_list
from tollbook.services.setup import init_database, open_database
from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.store import migrate
from tollbook.store.unit_of_work import UnitOfWork

WITHIN = 0.05
TARGET_COVERAGE = 0.90


@dataclass(frozen=True)
class Figure:
    method: str
    estimate: float
    lower: float | None
    upper: float | None
    as_linked: float | None
    #: the figure without the correction for missed links (when it was drawn)
    without: tuple[float | None, float | None, float | None] | None = None

    def covers(self, truth: int) -> bool:
        return self.lower is not None and self.lower <= truth <= (self.upper or float("inf"))

    def close(self, truth: int) -> bool:
        return abs(self.estimate - truth) <= WITHIN * truth


@dataclass(frozen=True)
class Run:
    people: int
    seed: int
    dead: int
    records: int
    truly_seen: int
    persons: int
    precision: float
    recall: float
    f1: float
    undecided: int
    all_linked: float | None
    none_linked: float | None
    figures: list[Figure]
    seconds: dict[str, float]


def run_siege(people: int, seed: int, args: argparse.Namespace) -> Run:
    clock = {"start": time.perf_counter()}
    with contextlib.ExitStack() as stack:
        if args.workdir is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        else:
            folder = args.workdir / f"siege-{people}-seed-{seed}"
            folder.mkdir(parents=True, exist_ok=True)
        linked = (folder / "linked").exists()
        if not linked:
            write_siege(simulate_siege(SiegeConfig(people=people, seed=seed)), folder)
        with (folder / "deaths.csv").open(encoding="utf-8") as handle:
            dead = sum(1 for _ in csv.DictReader(handle))
        with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
            truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
        clock["simulate"] = time.perf_counter()
        url = f"sqlite:///{folder / 'siege.db'}"
        if not linked:
            (folder / "siege.db").unlink(missing_ok=True)
            init_database(url)
        if linked and args.review_sample:
            url = _review_copy(folder, args.review_sample)
        uow = open_database(url)
        try:
            if not linked:
                for path in sorted((folder / "lists").glob("*.csv")):
                    import_list(uow, path, path.stem, actor="scorecard", has_duplicates=True)
            clock["import"] = time.perf_counter()
            if not linked:
                link_records(uow, actor="scorecard")
                (folder / "linked").touch()
            clock["link"] = time.perf_counter()
            if args.review_sample:
                if not linked:
                    uow.engine.dispose()
                    uow = open_database(_review_copy(folder, args.review_sample))
                review_from_truth(uow, truth, args.review_sample, seed, args.review_drawn)
            clock["review"] = time.perf_counter()
            with uow:
                person_of = uow.linkage.membership()
                record_id = {s.id: s.record.record_id for s in uow.lists.records()}
            clusters: dict[Hashable, Hashable] = {
                str(record_id[r]): p for r, p in person_of.items()
            }
            scores = pairwise_scores(clusters, {r: truth[r] for r in clusters})
            figures: list[Figure] = []
            undecided = 0
            bounds: tuple[float | None, float | None] = (None, None)
            for method in args.methods:
                options = EstimateOptions(
                    imputations=args.imputations,
                    draws=args.lcmcr_draws,
                    burn_in=args.lcmcr_burn_in,
                    thin=args.lcmcr_thin,
                    seed=seed,
                    heterogeneity=args.heterogeneity,
                    missed_links=args.missed_links,
                )
                report, _, _, _ = estimate_from_db(uow, method=method, options=options)
                for e in report.strata[0].estimates:
                    before = e.diagnostics.get("as_linked")
                    as_linked = before.get("estimate") if isinstance(before, dict) else None
                    plain = e.diagnostics.get("without_missed_link_correction")
                    figures.append(
                        Figure(
                            e.method,
                            e.estimate,
                            e.lower,
                            e.upper,
                            float(as_linked) if isinstance(as_linked, int | float) else None,
                            _triple(plain) if isinstance(plain, dict) else None,
                        )
                    )
                if report.linkage is not None and report.linkage.missed is not None:
                    print(f"  {method}: {report.linkage.missed.statement()}")
                if report.linkage is not None:
                    undecided = report.linkage.undecided
                    bounds = (
                        report.linkage.estimate_all_linked,
                        report.linkage.estimate_none_linked,
                    )
                clock[method] = time.perf_counter()
        finally:
            uow.engine.dispose()
    steps = ["start", "simulate", "import", "link", "review", *args.methods]
    seconds = {b: round(clock[b] - clock[a], 1) for a, b in itertools.pairwise(steps)}
    return Run(
        people=people,
        seed=seed,
        dead=dead,
        records=len(truth),
        truly_seen=len(set(truth.values())),
        persons=len(set(person_of.values())),
        precision=scores.precision,
        recall=scores.recall,
        f1=scores.f1,
        undecided=undecided,
        all_linked=bounds[0],
        none_linked=bounds[1],
        figures=figures,
        seconds=seconds,
    )


def _review_copy(folder: Path, pairs: int) -> str:
    """A fresh copy of the siege's linked database for the review, at the newest revision."""
    copy = folder / f"siege-review-{pairs}.db"
    shutil.copyfile(folder / "siege.db", copy)
    url = f"sqlite:///{copy}"
    migrate.upgrade(url)
    return url


def review_from_truth(
    uow: UnitOfWork, truth: dict[str, str], pairs: int, seed: int, drawn: bool = False
) -> None:
    """Queue a calibration sample of ``pairs`` and decide every pair of it from the truth
    (the decisions are stored and audited as the review service does; persons are
    re-formed once at the end instead of after each decision, which gives the same
    persons faster)."""
    from datetime import UTC, datetime

    from tollbook.estimate.linkage_uncertainty import persons
    from tollbook.estimate.missed_links import candidates
    from tollbook.services.calibration_sample import queue_calibration_sample
    from tollbook.services.linkage import _recluster, review_queue
    from tollbook.services.linked_tables import linked_source

    source = linked_source(uow)
    with uow:
        record_id = {s.id: s.record.record_id for s in uow.lists.records()}

    def same(a: int, b: int) -> bool:
        return truth[str(record_id[a])] == truth[str(record_id[b])]

    linkage = source.linkage
    found = candidates(linkage, persons(linkage, linkage.made()))
    ids = source.record_ids
    true_links = sum(
        same(ids[int(linkage.left[i])], ids[int(linkage.right[i])]) for i in found.pair.tolist()
    )
    print(
        f"  review sample: {found.count:,} candidate merges, {true_links:,} of them true "
        f"links; true f = {true_links / max(found.total, 1e-9):.3f}"
    )
    done = queue_calibration_sample(uow, pairs, actor="scorecard", seed=seed, drawn=drawn)
    queued = review_queue(uow, limit=None, calibration_only=True)
    at = datetime.now(UTC)
    yes = 0
    with uow:
        for item in queued:
            a, b = item.review.record_a, item.review.record_b
            status = "confirmed" if same(a, b) else "split"
            yes += status == "confirmed"
            reason = None if status == "confirmed" else "simulated reviewer: two people"
            uow.linkage.decide(
                a,
                b,
                status,
                actor="scorecard",
                reason=reason,
                at=at,
                probability=item.review.probability,
                explanation=item.review.explanation,
            )
            uow.audit.append(
                at=at,
                actor="scorecard",
                action="confirm" if status == "confirmed" else "split",
                entity="record_pair",
                entity_id=f"{a}-{b}",
                before={"status": "pending"},
                after={"status": status, "reason": reason},
            )
        _recluster(uow, at)
        uow.commit()
    print(
        f"  review sample: {done.drawn:,} drawn, {len(queued):,} reviewed from the truth: "
        f"{yes:,} confirmed, {len(queued) - yes:,} split"
    )


def _triple(d: Mapping[str, object]) -> tuple[float | None, float | None, float | None]:
    def f(key: str) -> float | None:
        v = d.get(key)
        return float(v) if isinstance(v, int | float) else None

    return (f("estimate"), f("lower"), f("upper"))


def _n(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def show(run: Run) -> None:
    print(f"siege of {run.people:,} people, seed {run.seed}: {run.dead:,} dead")
    print(f"  records                {run.records:>10,}")
    print(
        f"  linkage                precision {run.precision:.4f}  recall {run.recall:.4f}  "
        f"F1 {run.f1:.4f}"
    )
    print(f"  people seen            {run.persons:>10,}  (truly seen {run.truly_seen:,})")
    print(
        f"  pairs left for review  {run.undecided:>10,}  (all links: {_n(run.all_linked)}; "
        f"none: {_n(run.none_linked)})"
    )
    for f in run.figures:
        verdict = "inside" if f.covers(run.dead) else "OUTSIDE"
        close = "within 5%" if f.close(run.dead) else "off by more than 5%"
        off = (f.estimate - run.dead) / run.dead
        print(
            f"  {f.method:<10} {_n(f.estimate):>10} ({_n(f.lower)}–{_n(f.upper)})  "
            f"as linked {_n(f.as_linked)}; truth {run.dead:,} {verdict}, {off:+.1%} {close}"
        )
        if f.without is not None and f.without[0] is not None:
            w = Figure(f.method, f.without[0], f.without[1], f.without[2], None)
            print(
                f"  {'':<10} without the missed-link correction: {_n(w.estimate)} "
                f"({_n(w.lower)}–{_n(w.upper)}) "
                f"{'inside' if w.covers(run.dead) else 'OUTSIDE'}, "
                f"{(w.estimate - run.dead) / run.dead:+.1%}"
            )
    print(f"  seconds                {run.seconds}")
    sys.stdout.flush()


def judged(methods: set[str]) -> set[str]:
    """The methods the targets are judged on: the range across both models when it was
    made (the headline from the database), else every method run."""
    return {"models"} if "models" in methods else methods


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 400_000, 2_000_000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--coverage-seeds", type=int, default=20)
    parser.add_argument("--coverage-people", type=int, default=100_000)
    parser.add_argument(
        "--coverage-first-seed",
        type=int,
        default=1,
        help="first seed of the coverage runs (to split them over processes)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep each siege, its database and linkage in DIR/siege-N-seed-S and reuse "
        "them on a later run (the estimates are run again; simulate/import/link are not)",
    )
    parser.add_argument(
        "--methods",
        nargs="*",
        default=["all"],
        help="each run once; all (the default from the database) gives loglinear, lcmcr and "
        "the range across both models (models)",
    )
    parser.add_argument("--imputations", type=int, default=20)
    # the CLI's own chains (LcmcrSettings' defaults): the scorecard measures what a user gets
    chains = LcmcrSettings()
    parser.add_argument("--lcmcr-draws", type=int, default=chains.draws)
    parser.add_argument("--lcmcr-burn-in", type=int, default=chains.burn_in)
    parser.add_argument("--lcmcr-thin", type=int, default=chains.thin)
    parser.add_argument(
        "--missed-links",
        choices=["draw", "off"],
        default="draw",
        help="the correction for missed links (tollbook estimate --missed-links)",
    )
    parser.add_argument(
        "--heterogeneity",
        default=None,
        help="heterogeneity terms of the log-linear search (e.g. darroch)",
    )
    parser.add_argument(
        "--review-sample",
        type=int,
        default=0,
        metavar="N",
        help="review a calibration sample of N pairs from the truth first, on a copy of the "
        "database (issue 13)",
    )
    parser.add_argument(
        "--review-drawn",
        action="store_true",
        help="with --review-sample: sample the candidates of a drawn clustering "
        "(tollbook lists review-sample --drawn)",
    )
    args = parser.parse_args(argv)
    targets_met = True
    for people in args.sizes:
        run = run_siege(people, args.seed, args)
        show(run)
        if people >= 400_000:
            chosen = judged({f.method for f in run.figures})
            targets_met &= all(
                f.covers(run.dead) and f.close(run.dead) for f in run.figures if f.method in chosen
            )
    if args.coverage_seeds:
        covered: dict[str, int] = {}
        first = args.coverage_first_seed
        for seed in range(first, first + args.coverage_seeds):
            run = run_siege(args.coverage_people, seed, args)
            line = "; ".join(
                f"{f.method} {_n(f.estimate)} ({_n(f.lower)}–{_n(f.upper)})"
                + ("" if f.covers(run.dead) else " MISSES")
                for f in run.figures
            )
            print(f"coverage seed {seed}: {run.dead:,} dead, F1 {run.f1:.4f}: {line}")
            sys.stdout.flush()
            for f in run.figures:
                covered[f.method] = covered.get(f.method, 0) + f.covers(run.dead)
        judged_methods = judged(set(covered))
        for method, hits in covered.items():
            share = hits / args.coverage_seeds
            verdict = "OK" if share >= TARGET_COVERAGE else "BELOW TARGET"
            print(
                f"coverage of the 95% interval, {method}, {args.coverage_people:,} people: "
                f"{hits}/{args.coverage_seeds} = {share:.0%}; target {TARGET_COVERAGE:.0%} "
                f"-> {verdict}"
            )
            if method in judged_methods:
                targets_met &= share >= TARGET_COVERAGE
    if not args.methods:
        print("scorecard targets: not measured (no method run)")
    else:
        print(f"scorecard targets: {'met' if targets_met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
