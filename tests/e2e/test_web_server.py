"""The web app served for real: ``tollbook serve`` in a subprocess on a free loopback
port, with users of every role. Helpers here are shared by the other web tests."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import httpx

from tests.postgres import fresh_postgres_database
from tests.sqlite_files import copy_sqlite_database
from tollbook.services.accounts import ROLES, add_user
from tollbook.services.setup import init_database, open_database

PASSWORD = "correct horse battery staple"
SECRET = "test-secret-key-" + "x" * 40

REPORT = (
    "MARIUPOL, March 16 - At least 17 people were killed and 40 injured when a shell hit "
    "the city hospital in Mariupol on Wednesday, the city council said. Rescue work went "
    "on through the night."
)


def seed_users(url: str) -> None:
    """One user per role, named after it, all with :data:`PASSWORD`."""
    uow = open_database(url)
    try:
        for role in ROLES:
            add_user(uow, role, role, PASSWORD, "test")
    finally:
        uow.dispose()


@contextmanager
def fresh_database(kind: str, scratch: Path) -> Iterator[str]:
    """An empty database: a SQLite file in ``scratch``, or a new PostgreSQL database on
    the test server (skipped without one), dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{scratch / 'tollbook.db'}"
        return
    with fresh_postgres_database("tollbook_w_") as url:
        yield url


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log: Path


@contextmanager
def serve(database_url: str, scratch: Path, workers: int = 1) -> Iterator[Server]:
    """``tollbook serve`` (the click command, not yet registered in ``main``) in a
    subprocess, until the block ends."""
    port = free_port()
    env = dict(os.environ, TOLLBOOK_SECRET_KEY=SECRET)
    env.pop("TOLLBOOK_DATABASE_URL", None)
    script = (
        "import sys; from tollbook.cli.web import serve; "
        "serve.main(args=sys.argv[2:], obj={'url': sys.argv[1]}, prog_name='tollbook serve')"
    )
    command = [sys.executable, "-c", script, database_url]
    command += ["--port", str(port), "--workers", str(workers)]
    log = scratch / f"server-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", database_url, process, log)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()


def _wait_until_up(server: Server, timeout: float = 240.0) -> None:
    # generous: two pytest-xdist workers on a loaded 2-core machine start slowly
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited: {server.log.read_text()[-3000:]}")
        try:
            if httpx.get(server.url + "/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not start: {server.log.read_text()[-3000:]}")


class Api:
    """An HTTP client logged in as one user, sending the CSRF token on changes."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30.0)
        self.csrf: str | None = None

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        response = self.http.post("/api/session", json={"username": username, "password": password})
        if response.status_code == 200:
            self.csrf = response.json()["csrf_token"]
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, **kwargs)

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if self.csrf is not None:
            headers.setdefault("X-CSRF-Token", self.csrf)
        return self.http.request(method, path, headers=headers, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.send("POST", path, **kwargs)

    def close(self) -> None:
        self.http.close()


def prepared_database(url: str) -> str:
    """The database at ``url`` migrated, with :func:`seed_users`' users. A new SQLite file
    is a copy of one prepared once per process (migrating and hashing seven passwords
    with argon2 take about two seconds, which two dozen servers paid each)."""
    path = Path(url.removeprefix("sqlite:///"))
    if url.startswith("sqlite:///") and not path.exists():
        copy_sqlite_database(_prepared_sqlite_template(), path)
        return url
    init_database(url)
    seed_users(url)
    return url


@cache
def _prepared_sqlite_template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tollbook-prepared-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    url = f"sqlite:///{folder / 'tollbook.db'}"
    init_database(url)
    seed_users(url)
    return folder / "tollbook.db"


# --- tests of the served app itself ---------------------------------------------------


def test_serve_answers_on_loopback_and_refuses_an_unmigrated_database(tmp_path: Path) -> None:
    url = prepared_database(f"sqlite:///{tmp_path / 'ok.db'}")
    with serve(url, tmp_path) as server:
        health = httpx.get(server.url + "/healthz")
        assert health.json() == {"ok": True}
        assert health.headers["x-frame-options"] == "DENY"
        assert "default-src 'self'" in health.headers["content-security-policy"]
        assert httpx.get(server.url + "/static/tollbook.css").status_code == 200

    bare = f"sqlite:///{tmp_path / 'bare.db'}"
    script = (
        "import sys; from tollbook.cli.web import serve; "
        "serve.main(args=['--port', '1'], obj={'url': sys.argv[1]})"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, bare], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "run `tollbook init`" in done.stderr


def test_the_key_file_is_made_next_to_the_database_readable_by_its_owner_only(
    tmp_path: Path,
) -> None:
    url = prepared_database(f"sqlite:///{tmp_path / 'keyed.db'}")
    env = {k: v for k, v in os.environ.items() if k != "TOLLBOOK_SECRET_KEY"}
    script = "import sys; from tollbook.web import create_app; create_app(sys.argv[1])"
    subprocess.run([sys.executable, "-c", script, url], env=env, check=True, timeout=60)
    key_file = tmp_path / "keyed.db.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    first = key_file.read_text()
    subprocess.run([sys.executable, "-c", script, url], env=env, check=True, timeout=60)
    assert key_file.read_text() == first
