"""The cost of encryption at rest (issue 16 item 4): the same work on a plain SQLite
database and on a SQLCipher one keyed from a passphrase.

Prints the wall time of: deriving the key (argon2id, 64 MiB, 3 passes); migrating a new
database; ingesting N small reports (one transaction each, extraction included); reading
every claim back; writing an encrypted backup. No target: the figures say what a field
laptop pays for its database being unreadable when seized.

    .venv/bin/python -m benchmarks.encryption_at_rest [--reports 500]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims
from tollbook.services.claims import list_claims
from tollbook.services.ingest import ingest_reports
from tollbook.services.setup import init_database, open_database
from tollbook.store.database_key import PASSPHRASE_ENV, KeySalt, derive_key
from tollbook.store.encrypted_copy import write_backup

PHRASE = "benchmark passphrase, several words"
PLACES = ("Zarqovia", "Vantelmor", "Ostrava Nova", "Kelmira")


def _reports(count: int) -> list[Report]:
    return [
        Report(
            id=f"b{i}",
            text=f"Report {i}: shelling in {PLACES[i % 4]} killed {i % 40 + 2} civilians "
            "on Monday, the regional ministry said.",
            published=date(2026, 11, 1),
            title=f"Report {i}",
            source=f"bench:{i}",
        )
        for i in range(count)
    ]


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _run(folder: Path, url: str, reports: list[Report]) -> dict[str, float]:
    figures = {"migrate": _timed(lambda: init_database(url))}
    uow = open_database(url)
    try:
        figures["ingest"] = _timed(lambda: ingest_reports(uow, reports, extract_claims))
        figures["read"] = _timed(lambda: list_claims(uow))
    finally:
        uow.dispose()
    database = folder / "bench.db"
    figures["backup"] = _timed(lambda: write_backup(database, folder / "bench.tbk", PHRASE))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    args = parser.parse_args()
    os.environ[PASSPHRASE_ENV] = PHRASE
    reports = _reports(args.reports)
    key_seconds = _timed(lambda: derive_key(PHRASE, KeySalt.new()))
    print(f"argon2id key derivation: {key_seconds:.2f} s (once per process and database)")
    results = {}
    for kind, scheme in (("plain", "sqlite"), ("encrypted", "sqlite+pysqlcipher")):
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            results[kind] = _run(folder, f"{scheme}:///{folder / 'bench.db'}", reports)
            size = (folder / "bench.db").stat().st_size
            print(f"{kind}: database {size / 2**20:.1f} MiB")
    print(f"{'step':<10}{'plain s':>10}{'encrypted s':>14}{'ratio':>8}")
    for step in results["plain"]:
        plain, encrypted = results["plain"][step], results["encrypted"][step]
        print(f"{step:<10}{plain:>10.2f}{encrypted:>14.2f}{encrypted / plain:>8.2f}")
    print(f"({args.reports} reports; the encrypted run includes one key derivation)")


if __name__ == "__main__":
    main()
