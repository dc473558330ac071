"""The simulated siege through the database, as a new user meets it: ``tollbook
simulate``, each list imported with ``tollbook lists import`` and linked with ``tollbook
link``, all with defaults and no review; then pairwise precision, recall and F1 of the
persons against the simulator's truth, and the pairs left waiting for review.

    .venv/bin/python -m benchmarks.link_siege [--people 400000] [--seed 11]
        [--has-duplicates]   # declare every list as holding duplicates (the simulator's do)

The commands run in subprocesses of this Python (``python -m tollbook``), on a SQLite
file in a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tollbook.link.evaluation import pairwise_scores


def _tollbook(db: Path, *args: str) -> tuple[str, float]:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tollbook", "--database", f"sqlite:///{db}", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        raise SystemExit(f"tollbook {' '.join(args)} failed ({done.returncode})")
    return done.stdout + done.stderr, time.perf_counter() - began


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=400_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--has-duplicates",
        action="store_true",
        help="import every list with --has-duplicates",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tollbook-siege-") as scratch:
        folder = Path(scratch)
        out, _ = _tollbook(
            folder / "unused.db",
            "simulate",
            "--people",
            str(args.people),
            "--seed",
            str(args.seed),
            "--out",
            str(folder / "siege"),
        )
        print(out.splitlines()[0])
        db = folder / "siege.db"
        _tollbook(db, "init")
        extra = ["--has-duplicates"] if args.has_duplicates else []
        for path in sorted((folder / "siege" / "lists").glob("*.csv")):
            out, _ = _tollbook(db, "lists", "import", str(path), "--source", path.stem, *extra)
            for line in out.splitlines():
                if line.startswith(("imported", "warning")):
                    print(f"  {line}")
        out, seconds = _tollbook(db, "link")
        print("\n".join(f"  | {line}" for line in out.strip().splitlines()))
        with (folder / "siege" / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
            truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
        with sqlite3.connect(db) as con:
            persons = dict(
                con.execute(
                    "SELECT r.record_id, p.person_id FROM list_records r "
                    "JOIN person_records p ON p.record_id = r.id"
                ).fetchall()
            )
            pending = con.execute(
                "SELECT count(*) FROM pair_reviews WHERE status = 'pending'"
            ).fetchone()[0]
    scores = pairwise_scores(persons, truth)
    flag = ", every list --has-duplicates" if args.has_duplicates else ", defaults"
    print(f"siege of {args.people:,} people, seed {args.seed}{flag}")
    print(f"  records              {len(persons):>12,}")
    print(f"  persons              {len(set(persons.values())):>12,}")
    print(f"  true persons         {len({truth[r] for r in persons}):>12,}")
    print(f"  true pairs           {scores.actual:>12,}")
    print(f"  precision            {scores.precision:>12.4f}")
    print(f"  recall               {scores.recall:>12.4f}")
    print(f"  F1                   {scores.f1:>12.4f}")
    print(f"  pairs for review     {pending:>12,}")
    print(f"  link time            {seconds:>12.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
