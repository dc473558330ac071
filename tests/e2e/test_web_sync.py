"""``tollbook sync push`` / ``pull`` against a Tollbook server: the same sealed bundles over
HTTP(S), with an account that may sync; refused without one."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from tests.e2e.test_web_server import PASSWORD, SECRET, free_port
from tests.integration.sync_sites import bundle, deliver, field_site, held, morgue, move, register
from tollbook.domain.refusals import Invalid
from tollbook.services.accounts import add_user
from tollbook.services.sync import conflicts, snapshot
from tollbook.services.sync_keys import keygen, trust
from tollbook.services.sync_server import exchange_with_server
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.sync.client import SyncHttpError, check_url
from tollbook.web import WebSettings, create_app


@pytest.fixture
def server(migrated_sqlite_template: Path, tmp_path: Path) -> Iterator[tuple[str, UnitOfWork]]:
    """The office's server on this machine, with an admin and a recorder account."""
    with field_site(migrated_sqlite_template, tmp_path, "office") as office:
        add_user(office, "sync-office", "admin", PASSWORD, "test")
        add_user(office, "rita", "recorder", PASSWORD, "test")
        app = create_app(str(office.engine.url), WebSettings(secret_key=SECRET))
        port = free_port()
        running = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
        )
        thread = threading.Thread(target=running.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 60
        while not running.started and time.monotonic() < deadline:
            time.sleep(0.02)
        try:
            yield f"http://127.0.0.1:{port}", office
        finally:
            running.should_exit = True
            thread.join(10)


def _go(site: UnitOfWork, url: str, *, pull: bool, user: str = "sync-office") -> object:
    return exchange_with_server(
        site,
        url,
        server_site="office",
        username=user,
        password=PASSWORD,
        actor="anna",
        take_answer=pull,
    )


def test_two_teams_push_and_pull_through_the_server(
    server: tuple[str, UnitOfWork], migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    url, office = server
    with (
        field_site(migrated_sqlite_template, tmp_path, "team-1") as one,
        field_site(migrated_sqlite_template, tmp_path, "team-2") as two,
    ):
        office_card = keygen(office, name="office", actor="admin")
        for team in (one, two):
            trust(team, str(office_card), actor="admin")
            trust(office, str(keygen(team, name=None, actor="admin")), actor="admin")
        register(one, "MAR-T01-0001")
        register(two, "MAR-T02-0001")
        _go(one, url, pull=False)  # push
        _go(two, url, pull=True)  # gets team-1's body
        _go(one, url, pull=True)  # gets team-2's body
        # the records agree (each login writes an audit entry at the server, sent later)
        records = [
            {k: v for k, v in held(s).items() if k != "audit_log"} for s in (one, two, office)
        ]
        assert records[0] == records[1] == records[2]
        assert len(snapshot(office)["bodies"]) == 2

        with pytest.raises(Invalid, match="refused sending the bundle \\(403\\)"):
            _go(one, url, pull=False, user="rita")  # a recorder may not sync
        with pytest.raises(Invalid, match="refused logging in"):
            exchange_with_server(
                one,
                url,
                server_site="office",
                username="sync-office",
                password="wrong",
                actor="anna",
                take_answer=True,
            )


def test_sync_goes_over_https_except_on_this_machine() -> None:
    assert check_url("https://office.example.org/") == "https://office.example.org"
    assert check_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    with pytest.raises(SyncHttpError, match="HTTPS only"):
        check_url("http://office.example.org")


def test_an_admin_settles_a_conflict_on_the_conflicts_page(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    with (
        field_site(migrated_sqlite_template, tmp_path, "office") as office,
        field_site(migrated_sqlite_template, tmp_path, "team-1") as one,
        field_site(migrated_sqlite_template, tmp_path, "team-2") as two,
    ):
        morgue(one)
        register(one, "MAR-T01-0001")
        deliver(two, bundle(one))
        move(one, "MAR-T01-0001", "lab")
        move(two, "MAR-T01-0001", "school-basement")
        deliver(office, bundle(one))
        deliver(office, bundle(two))
        add_user(office, "head", "admin", PASSWORD, "test")
        app = create_app(str(office.engine.url), WebSettings(secret_key=SECRET))
        with TestClient(app) as client:
            login = client.post("/api/session", json={"username": "head", "password": PASSWORD})
            token = login.json()["csrf_token"]
            page = client.get("/sync/conflicts")
            assert page.status_code == 200
            shown = html.unescape(page.text)
            assert '"lab"' in shown and '"school-basement"' in shown
            (conflict,) = conflicts(office)
            keep = next(
                v["version"] for v in conflict.versions if v["payload"]["location"] == "lab"
            )
            settled = client.post(
                f"/sync/conflicts/{conflict.id}/settle",
                data={"keep": keep, "csrf_token": token},
                follow_redirects=True,
            )
            assert settled.status_code == 200 and 'id="conflict-settled"' in settled.text
            assert 'id="no-conflicts"' in settled.text
        assert conflicts(office) == []
