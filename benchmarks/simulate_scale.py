"""The simulator at scale: 1,000,000 people with their lists, graves and news, written to
files (target: under 2 minutes on the project's 2-core machine). Prints the time of each
stage, the total, and people per second.

    .venv/bin/python -m benchmarks.simulate_scale [--people N] [--seed S] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tollbook.cli.simulate.files import write_siege
from tollbook.simulate import SiegeConfig, simulate_siege

TARGET_SECONDS = 120.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="write here and keep the files")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tollbook-siege-"))
    try:
        began = time.perf_counter()
        siege = simulate_siege(SiegeConfig(people=args.people, seed=args.seed))
        simulated = time.perf_counter()
        files = write_siege(siege, folder)
        done = time.perf_counter()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    total = done - began
    size = sum(f.rows for f in files if f.path.suffix == ".csv" and "lists" in f.path.parts)
    print(f"simulate {args.people:,} people (seed {args.seed})")
    print(f"  dead                 {len(siege.deaths):>12,}")
    print(f"  list records         {size:>12,}  in {len(siege.lists)} lists")
    print(f"  bodies / inquiries   {len(siege.graves.bodies):>12,} / {len(siege.missing):,}")
    print(f"  news reports         {len(siege.news.reports):>12,}  ({len(siege.news.gold)} gold)")
    print(f"  generate             {simulated - began:>12.1f} s")
    print(f"  write {len(files)} files       {done - simulated:>12.1f} s")
    print(f"  total                {total:>12.1f} s  ({args.people / total:,.0f} people/s)")
    verdict = "OK" if total < TARGET_SECONDS * args.people / 1_000_000 else "TOO SLOW"
    print(f"  target: 1,000,000 people in under {TARGET_SECONDS:.0f} s -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
