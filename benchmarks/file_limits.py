"""A spreadsheet zip bomb against the import, on the command line and on the web.

Target (issue 15): a ~200 KB XLSX that inflates to ~200 MiB is refused with a clear
error in seconds, using under 1 GiB, by ``tollbook lists import`` and by the web upload.

What it does: writes the bomb (one shared string of 200 MiB, see ``tests/hostile_files``)
and, each in a process of its own so that its peak memory is its own, (1) runs
``tollbook lists import bomb.xlsx`` on a fresh SQLite database, (2) starts the web app
in-process and uploads the bomb to ``POST /api/lists/import`` as a recorder. Prints,
for each, the wall time, the peak resident memory of the process (``wait4``'s
``ru_maxrss``) and the error the user sees; then the same for a bomb whose zip lies
about its sizes (64 MiB said to be 100 bytes).

    .venv/bin/python -m benchmarks.file_limits [--mib 200]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 10.0
TARGET_PEAK_MIB = 1024.0
PASSWORD = "siege ledger evening 7"  # not built on the user name (issue 15)


def _web_upload(database: str, bomb: str) -> int:
    """The child process of the web case: the app, a recorder, one upload."""
    from fastapi.testclient import TestClient

    from tollbook.services.accounts import add_user
    from tollbook.services.setup import init_database, open_database
    from tollbook.web import WebSettings, create_app

    init_database(database)
    uow = open_database(database)
    add_user(uow, "bench", "recorder", PASSWORD, "benchmark")
    uow.dispose()
    app = create_app(database, WebSettings(secret_key="b" * 48))
    with TestClient(app) as client:
        login = client.post("/api/session", json={"username": "bench", "password": PASSWORD})
        token = login.json()["csrf_token"]
        began = time.perf_counter()
        answer = client.post(
            "/api/lists/import",
            data={"list": "morgue"},
            files={"file": (Path(bomb).name, Path(bomb).read_bytes(), "application/octet-stream")},
            headers={"X-CSRF-Token": token},
        )
        took = time.perf_counter() - began
    print(f"HTTP {answer.status_code} in {took:.2f} s: {answer.json().get('error')}")
    return 0


def _measure(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident MiB and the output of a child process."""
    began = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    seconds = time.perf_counter() - began
    return seconds, usage.ru_maxrss / 1024, output.strip()


def _line(name: str, seconds: float, peak: float, output: str, startup: float) -> bool:
    refused = "TOLLBOOK_MAX_INFLATED_BYTES" in output or "not a readable .xlsx" in output
    answered = re.search(r"HTTP \d+ in ([\d.]+) s", output)
    # the command: the whole process, as its user waits for it; the web: the request
    took = float(answered.group(1)) if answered else seconds
    ok = refused and took < TARGET_SECONDS and peak < TARGET_PEAK_MIB
    shown = output.splitlines()[-1] if output else "(no output)"
    print(
        f"{name}: {seconds:.2f} s for the whole process ({startup:.2f} s of it to start "
        f"Python and import Tollbook), peak {peak:,.0f} MiB "
        f"[{'PASS' if ok else 'FAIL'}: refused, {took:.2f} s < {TARGET_SECONDS:.0f} s, "
        f"< {TARGET_PEAK_MIB:,.0f} MiB]\n    {shown[:300]}"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", type=int, default=200, help="MiB the bomb inflates to")
    parser.add_argument("--web-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.web_child:
        return _web_upload(*args.web_child)

    from tests.hostile_files import lying_xlsx, xlsx_bomb

    ok = True
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        bomb = xlsx_bomb(scratch / "bomb.xlsx", args.mib)
        liar = lying_xlsx(scratch / "liar.xlsx", 64)
        print(
            f"bomb.xlsx: {bomb.stat().st_size:,} bytes, inflates to {args.mib} MiB; "
            f"liar.xlsx: {liar.stat().st_size:,} bytes, 64 MiB said to be 100 bytes"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOLLBOOK_")}
        started = [sys.executable, "-c", "import tollbook.cli, tollbook.web, fastapi.testclient"]
        startup = _measure(started, env)[0]
        print(f"starting Python and importing Tollbook alone: {startup:.2f} s; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
        for path in (bomb, liar):
            database = f"sqlite:///{scratch / (path.stem + '-cli.db')}"
            subprocess.run(
                [sys.executable, "-m", "tollbook", "--database", database, "init"],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
            cli = [
                sys.executable, "-m", "tollbook", "--database", database, "lists", "import",
                str(path), "--source", "morgue", "--actor", "benchmark",
            ]  # fmt: skip
            ok &= _line(f"tollbook lists import {path.name}", *_measure(cli, env), startup)
            web_db = f"sqlite:///{scratch / (path.stem + '-web.db')}"
            web = [sys.executable, "-m", "benchmarks.file_limits", "--web-child", web_db, str(path)]
            ok &= _line(f"POST /api/lists/import {path.name}", *_measure(web, env), startup)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
