"""Ingest throughput: reports stored with their claims per CPU-second, into a new SQLite file.

``extract_throughput`` times the extractor alone; a user meets ``tollbook ingest``, which
also checks each report against those stored (its text's SHA-256), writes the report, its
claims and an audit entry in one transaction, and regroups all claims into incidents once
at the end. This prints the whole rate and where the CPU time goes, in milliseconds a
report: extracting, storing (everything else done per report) and the final regrouping.
The reports are ``extract_throughput``'s (2,500 characters, cut from the scored corpora).

    .venv/bin/python -m benchmarks.ingest_throughput [--reports N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.extract_throughput import reports_of_size
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import NATIVE, extract_claims
from tollbook.extract.places import default_gazetteer
from tollbook.services.ingest import ingest_reports
from tollbook.services.setup import init_database, open_database


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    args = parser.parse_args(argv)
    reports = reports_of_size(args.reports)
    default_gazetteer()
    extract_claims(reports[0])  # loads what the first extraction would
    extracting = 0.0

    def timed_extractor(report: Report) -> Sequence[Claim]:
        nonlocal extracting
        start = time.process_time()
        claims = extract_claims(report)
        extracting += time.process_time() - start
        return claims

    handled_at = [0.0]

    def progress(_handled: int) -> None:
        handled_at[0] = time.process_time()

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'ingest.db'}"
        init_database(url)
        uow = open_database(url)
        try:
            start = time.process_time()
            result = ingest_reports(uow, reports, timed_extractor, on_progress=progress)
            end = time.process_time()
        finally:
            uow.engine.dispose()
    count = len(reports)
    total = end - start
    per_report = handled_at[0] - start
    print(
        f"ingest: {count} reports of 2,500 chars into a new SQLite file, "
        f"{result.claims_stored} claims stored ({len(result.failures)} failures); "
        f"extractor {'compiled' if NATIVE else 'pure Python'}"
    )
    print(
        f"ingest: {count / total:.0f} reports per CPU-second, end to end "
        f"(the extractor alone: {count / extracting:.0f})"
    )
    print("ingest: CPU ms a report")
    print(f"  extracting                     {1000 * extracting / count:6.2f}")
    print(f"  storing (check, write, audit)  {1000 * (per_report - extracting) / count:6.2f}")
    print(f"  regrouping all claims, once    {1000 * (end - handled_at[0]) / count:6.2f}")
    print(f"  whole ingest                   {1000 * total / count:6.2f}")
    return 0 if not result.failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
