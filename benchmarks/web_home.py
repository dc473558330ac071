"""The public home page under load: ``GET /`` by 50 anonymous clients.

Target (issue 15): at least 500 requests/second with p99 under 100 ms on an idle
machine (before: 205 requests/s, p99 529 ms). The page is rendered once per change of
what it shows and served from memory in between (:mod:`tollbook.web.public_cache`).

What it does, with the toll API benchmark's server and load generator
(:mod:`benchmarks.web_toll_api`): seeds a SQLite database with synthetic reports and a
published toll, starts ``uvicorn`` (``--workers 2``), and loads ``/`` from a second
process with ``--clients`` keep-alive connections for ``--seconds``. Prints requests per
second and latency percentiles, with the machine's load average before the run.

    .venv/bin/python -m benchmarks.web_home [--reports 100] [--clients 50] [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.web_toll_api import report, run_load, seed_database, start_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--load-tool", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args(argv)

    import httpx

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        url = f"sqlite:///{scratch / 'bench.db'}"
        began = time.perf_counter()
        seed_database(url, args.reports)
        print(f"seeded {args.reports} reports and a published toll in "
              f"{time.perf_counter() - began:.1f} s")  # fmt: skip
        server, base = start_server(url, args.workers, scratch)
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                page = client.get("/")
                page.raise_for_status()
                for _ in range(args.workers * 2):  # every worker renders it once
                    client.get("/").raise_for_status()
            print(f"GET /: {len(page.content):,} bytes of HTML")
            print(
                f"load: {args.clients} anonymous clients from a second process, server with "
                f"{args.workers} worker(s); {os.cpu_count()} cores, load average "
                f"{os.getloadavg()[0]:.1f} before the run"
            )
            figures = run_load(base, "/", "", args.clients, args.seconds, args.load_tool)
            ok = report("GET / (anonymous)", figures)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
