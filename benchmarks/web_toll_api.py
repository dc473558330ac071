"""The toll API under load: ``GET /api/tolls/{place}`` with 50 concurrent clients.

Target (issue 4): at least 500 requests/second with p99 under 100 ms, the server running
on this machine and the load coming from a second process over loopback.

What it does: makes a SQLite database in a scratch folder, stores synthetic reports about
one city (their claims extracted as usual), starts ``uvicorn`` with the app's factory
(``--workers 2`` by default, access log off), logs in, then runs a load generator in
another process: ``--clients`` keep-alive HTTP/1.1 connections sending the request as
fast as answers come, for ``--seconds`` after a warm-up. Prints requests per second and
latency percentiles, first for the authenticated toll API, then for the public published
toll, and the time of one uncached toll (the first request after a change).

    .venv/bin/python -m benchmarks.web_toll_api [--reports 300] [--clients 50]
        [--seconds 10] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TARGET_RPS = 500.0
TARGET_P99_MS = 100.0
PLACE = "Mariupol"
PASSWORD = "siege ledger evening 7"  # not built on the user name (issue 15)
SITES = ["hospital", "market", "school", "railway station", "shelter", "bakery", "theatre"]
ATTACKS = ["An airstrike", "A missile strike", "Shelling", "A drone attack"]


# --- load generator (runs in its own process) ----------------------------------------


async def _client(
    host: str,
    port: int,
    request: bytes,
    warm_until: float,
    stop_at: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            started = time.perf_counter()
            if started >= stop_at:
                return
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
            if length is None:
                raise RuntimeError(f"no Content-Length in {head[:200]!r}")
            await reader.readexactly(int(length.group(1)))
            done = time.perf_counter()
            if started >= warm_until:
                latencies.append(done - started)
                if head[9:12] != b"200":
                    errors.append(int(head[9:12]))
    finally:
        writer.close()


async def _load(url: str, path: str, cookie: str, clients: int, seconds: float) -> dict[str, Any]:
    host, port = url.removeprefix("http://").split(":")
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n"
        + (f"Cookie: {cookie}\r\n" if cookie else "")
        + "\r\n"
    ).encode()
    warm = 2.0
    now = time.perf_counter()
    per_client: list[list[float]] = [[] for _ in range(clients)]
    errors: list[int] = []
    tasks = [
        _client(host, int(port), request, now + warm, now + warm + seconds, mine, errors)
        for mine in per_client
    ]
    await asyncio.gather(*tasks)
    latencies = [x for mine in per_client for x in mine]
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "errors": len(errors),
        "seconds": seconds,
        "rps": len(latencies) / seconds,
        "p50_ms": pct(0.50),
        "p90_ms": pct(0.90),
        "p99_ms": pct(0.99),
        "max_ms": latencies[-1] * 1000,
    }


def run_wrk(url: str, path: str, cookie: str, clients: int, seconds: float) -> dict[str, Any]:
    """``wrk`` (Debian's package; written in C, so it leaves the cores to the server)."""
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds:.0f}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command += ["-H", "Accept: application/json", url + path]
    warm = ["wrk", "-t1", "-c4", "-d2s", *command[5:]]
    subprocess.run(warm, capture_output=True, check=True, timeout=60)
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout

    def millis(label: str) -> float:
        found = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
        if found is None:
            raise RuntimeError(f"no {label} latency in wrk's output:\n{out}")
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
        return float(found.group(1)) * scale

    requests = re.search(r"(\d+) requests in ([\d.]+)s", out)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    peak = re.search(r"Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if requests is None or rate is None or peak is None:
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    return {
        "tool": "wrk",
        "requests": int(requests.group(1)),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(g) for g in socket_errors.groups()) if socket_errors else 0),
        "seconds": float(requests.group(2)),
        "rps": float(rate.group(1)),
        "p50_ms": millis("50%"),
        "p90_ms": millis("90%"),
        "p99_ms": millis("99%"),
        "max_ms": float(peak.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[peak.group(2)],
    }


def install_wrk() -> None:
    """Try Debian's wrk once (the project's apt script); the Python generator otherwise."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "apt-install.sh"
    if script.exists() and not getattr(install_wrk, "tried", False):
        install_wrk.tried = True  # type: ignore[attr-defined]
        subprocess.run(["bash", str(script), "wrk"], capture_output=True, timeout=600)


def run_load(
    url: str, path: str, cookie: str, clients: int, seconds: float, tool: str = "auto"
) -> dict[str, Any]:
    """The load from a second process: ``wrk`` if installed (or asked for), else the
    asyncio generator of this module; its figures as a dict."""
    if tool == "auto" and shutil.which("wrk") is None:
        install_wrk()
    if tool == "wrk" or (tool == "auto" and shutil.which("wrk")):
        return run_wrk(url, path, cookie, clients, seconds)
    command = [
        sys.executable,
        "-m",
        "benchmarks.web_toll_api",
        "--load",
        json.dumps([url, path, cookie, clients, seconds]),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)
    figures: dict[str, Any] = json.loads(done.stdout)
    figures["tool"] = "python asyncio"
    return figures


# --- the server and its data -----------------------------------------------------------


def synthetic_reports(count: int, seed: int = 4) -> list[Any]:
    from tollbook.domain.report import Report

    rng = random.Random(seed)
    start = date(2022, 3, 1)
    reports = []
    for n in range(count):
        day = start + timedelta(days=rng.randrange(80))
        killed, injured = rng.randint(1, 60), rng.randint(0, 120)
        site = rng.choice(SITES)
        text = (
            f"{PLACE.upper()}, {day:%B} {day.day} - {rng.choice(ATTACKS)} hit a {site} in "
            f"{PLACE} on {day:%A}, killing at least {killed} people and injuring {injured}, "
            f"the city council said. Report {n}."
        )
        reports.append(Report(id=f"bench-{n}", text=text, published=day, source="benchmark"))
    return reports


def seed_database(url: str, reports: int) -> None:
    from tollbook.extract import EXTRACTOR_VERSION, extract_claims
    from tollbook.services.accounts import add_user, publish_toll
    from tollbook.services.ingest import ingest_reports
    from tollbook.services.review import confirm_claim
    from tollbook.services.setup import init_database, open_database
    from tollbook.services.tolls import place_toll
    from tollbook.web.publication import public_figures

    init_database(url)
    uow = open_database(url)
    try:
        add_user(uow, "bench", "recorder", PASSWORD, "benchmark")
        ingest_reports(
            uow,
            synthetic_reports(reports),
            extract_claims,
            actor="benchmark",
            extractor_version=EXTRACTOR_VERSION,
        )
        with uow:
            claims = uow.claims.list(place=PLACE, outcome="killed", limit=reports // 2)
        for claim in claims:
            confirm_claim(uow, claim.id, "benchmark")
        toll = place_toll(uow, PLACE)
        publish_toll(
            uow,
            place=toll.place,
            outcome="killed",
            period_start=None,
            period_end=None,
            figures=public_figures(toll),
            actor="benchmark",
        )
    finally:
        uow.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(url: str, workers: int, scratch: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = free_port()
    env = dict(os.environ, TOLLBOOK_DATABASE_URL=url, TOLLBOOK_SECRET_KEY="b" * 48)
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "tollbook.web.asgi:app_from_env",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    log = (scratch / "server.log").open("wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError((scratch / "server.log").read_text()[-2000:])


def report(name: str, figures: dict[str, Any]) -> bool:
    ok = bool(
        figures["rps"] >= TARGET_RPS
        and figures["p99_ms"] < TARGET_P99_MS
        and figures["errors"] == 0
    )
    print(
        f"{name} [{figures['tool']}]: {figures['rps']:,.0f} requests/s "
        f"over {figures['seconds']:.0f} s "
        f"({figures['requests']:,} requests, {figures['errors']} errors); latency "
        f"p50 {figures['p50_ms']:.1f} ms, p90 {figures['p90_ms']:.1f} ms, "
        f"p99 {figures['p99_ms']:.1f} ms, max {figures['max_ms']:.1f} ms "
        f"[{'PASS' if ok else 'FAIL'}: target >= {TARGET_RPS:.0f}/s, p99 < {TARGET_P99_MS:.0f} ms]"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--load-tool",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="wrk (if installed: `bash scripts/apt-install.sh wrk`) or a Python generator",
    )
    parser.add_argument("--load", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load:
        print(json.dumps(asyncio.run(_load(*json.loads(args.load)))))
        return 0

    import httpx

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        url = f"sqlite:///{scratch / 'bench.db'}"
        began = time.perf_counter()
        seed_database(url, args.reports)
        print(f"seeded {args.reports} reports in {time.perf_counter() - began:.1f} s")
        server, base = start_server(url, args.workers, scratch)
        try:
            client = httpx.Client(base_url=base, timeout=30)
            login = client.post("/api/session", json={"username": "bench", "password": PASSWORD})
            login.raise_for_status()
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            path = f"/api/tolls/{PLACE}"
            began = time.perf_counter()
            first = client.get(path)
            cold = time.perf_counter() - began
            first.raise_for_status()
            documented = first.json()["toll"]["documented"]
            print(
                f"toll of {PLACE}: {documented['incidents']} incidents, documented "
                f"{documented['min']:,}-{documented['max']:,}; first (uncached) request "
                f"{cold * 1000:.0f} ms; {len(first.content):,} bytes"
            )
            for _ in range(args.workers * 2):  # every worker computes once
                client.get(path).raise_for_status()
            load = os.getloadavg()[0]
            print(
                f"load: {args.clients} clients from a second process, server with "
                f"{args.workers} worker(s); {os.cpu_count()} cores, load average {load:.1f} "
                "before the run"
            )
            private = run_load(base, path, cookie, args.clients, args.seconds, args.load_tool)
            ok = report(f"GET {path} (logged in)", private)
            public = run_load(
                base, "/api/public/tolls?place=Mariupol", "", args.clients, args.seconds,
                args.load_tool,
            )  # fmt: skip
            report("GET /api/public/tolls?place=Mariupol (anonymous)", public)
            client.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
