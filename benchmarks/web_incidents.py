"""The incident pages with many stored claims: reconciled once per change, not per request.

Stores ``--claims`` synthetic claims (the events of ``benchmarks.count_reconcile``, each
reported by one to four publishers) in a SQLite database, then times
``GET /api/incidents?place=...`` through the app: the first request (the claims are
reconciled), the next ones (kept), one after a forensic user views a body (an audit entry
of the registry: still kept), and one after a claim is reviewed (reconciled again).
Before this cache every request reconciled every claim.

    .venv/bin/python -m benchmarks.web_incidents [--claims 20000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from benchmarks.count_reconcile import synthetic_claims

PASSWORD = "siege ledger evening 7"  # not built on the user name (issue 15)


def seed(url: str, count: int) -> str:
    """Store ``count`` claims in reports of their own publishers; the busiest place."""
    from tollbook.domain.claim import Claim
    from tollbook.domain.report import Report
    from tollbook.services.accounts import add_user
    from tollbook.services.ingest import ingest_reports
    from tollbook.services.setup import init_database, open_database

    sourced, _ = synthetic_claims(count, seed=7)
    by_report: dict[int, list[Claim]] = defaultdict(list)
    meta: dict[int, tuple[str | None, date | None]] = {}
    places: dict[str, int] = defaultdict(int)
    for item in sourced:
        by_report[item.report_id].append(replace(item.claim, article=f"r{item.report_id}"))
        meta[item.report_id] = (item.publisher, item.published)
        places[item.claim.place or ""] += 1
    reports = [
        Report(
            id=f"r{number}",
            text=" ".join(c.evidence for c in claims) + f" (report {number})",
            published=meta[number][1],
            publisher=meta[number][0],
        )
        for number, claims in by_report.items()
    ]

    def extractor(report: Report) -> Sequence[Claim]:
        return by_report[int(report.id[1:])]

    init_database(url)
    uow = open_database(url)
    try:
        add_user(uow, "bench", "recorder", PASSWORD, "benchmark")
        add_user(uow, "forensic", "forensic", PASSWORD, "benchmark")
        ingest_reports(uow, reports, extractor, actor="benchmark")
    finally:
        uow.dispose()
    return max(places, key=lambda p: places[p])


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from tollbook.domain.body import Body, Description
    from tollbook.registry.access import Actor
    from tollbook.services import registry
    from tollbook.services.review import confirm_claim
    from tollbook.services.setup import open_database
    from tollbook.web import WebSettings, create_app

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'tollbook.db'}"
        started = time.perf_counter()
        place = seed(url, args.claims)
        print(f"stored {args.claims:,} claims in {time.perf_counter() - started:.1f} s")
        app = create_app(url, WebSettings(secret_key="b" * 48))
        with TestClient(app) as client:
            login = client.post("/api/session", json={"username": "bench", "password": PASSWORD})
            assert login.status_code == 200, login.text
            path = f"/api/incidents?place={place}&limit=50"

            def get() -> None:
                answer = client.get(path)
                assert answer.status_code == 200, answer.text

            first = timed(get)
            kept = [timed(get) for _ in range(args.repeat)]
            uow = open_database(url)
            try:
                forensic = Actor("forensic", "forensic")
                body = Body("B-T01-0001", Description("F", "adult", 160, (), (), ()))
                registry.add_body(uow, body, forensic, location="street")
                registry.view_body(uow, "B-T01-0001", forensic)
                after_view = timed(get)
                confirm_claim(uow, 1, "benchmark")
                after_review = timed(get)
            finally:
                uow.dispose()
    print(f"GET {path}")
    print(f"  first request (reconciles {args.claims:,} claims): {first:,.0f} ms")
    print(
        f"  kept: median {statistics.median(kept):.1f} ms, max {max(kept):.1f} ms "
        f"over {args.repeat} requests"
    )
    print(f"  after a body was viewed (registry audit entry): {after_view:.1f} ms (kept)")
    print(f"  after a claim was reviewed: {after_review:,.0f} ms (reconciled again)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
