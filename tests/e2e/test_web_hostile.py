"""Hostile input to the web app, on a real SQLite database: a spreadsheet zip bomb,
integers too large for the database, upload names too long for a file system, common
passwords; the public home page served from memory until what it shows changes; an
admin clearing a job whose process died."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.e2e.test_web_pages import form_token, log_in
from tests.e2e.test_web_server import SECRET, prepared_database
from tests.hostile_files import xlsx_bomb
from tollbook.services.accounts import publish_toll
from tollbook.services.audit import audit_page
from tollbook.services.jobs import start_job
from tollbook.services.setup import open_database
from tollbook.web import WebSettings, create_app

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOO_BIG = str(2**64)


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    scratch: Path = tmp_path_factory.mktemp("web-hostile")
    return prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")


@pytest.fixture(scope="module")
def app(url: str) -> FastAPI:
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as opened:
        yield opened


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return xlsx_bomb(tmp_path_factory.mktemp("bomb") / "morgue.xlsx", inflated_mib=200).read_bytes()


def test_a_spreadsheet_bomb_upload_is_refused_in_words(client: TestClient, bomb: bytes) -> None:
    token = log_in(client, "recorder")
    api = client.post(
        "/api/lists/import",
        data={"list": "morgue"},
        files={"file": ("morgue.xlsx", bomb, XLSX)},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 422, api.text
    message = api.json()["error"]
    assert message.startswith("morgue.xlsx: the spreadsheet declares 209,717,")
    assert "TOLLBOOK_MAX_INFLATED_BYTES" in message
    form = client.post(
        "/lists/import",
        data={"csrf_token": token, "list_name": "morgue", "mapping": ""},
        files={"upload": ("morgue.xlsx", bomb, XLSX)},
    )
    assert form.status_code == 422 and "TOLLBOOK_MAX_INFLATED_BYTES" in form.text
    assert client.get("/api/lists").json()["lists"] == []


@pytest.mark.parametrize(
    "path",
    [
        f"/api/reports?offset={TOO_BIG}",
        f"/api/reports?limit=-{TOO_BIG}",
        f"/api/persons/{TOO_BIG}",
        f"/api/claims/{TOO_BIG}",
        f"/api/public/tolls/{TOO_BIG}",
        f"/api/public/estimates?offset={TOO_BIG}",
        f"/public/estimates/{TOO_BIG}",
    ],
)
def test_integers_too_large_for_the_database_are_422(client: TestClient, path: str) -> None:
    log_in(client, "admin")
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 422, response.text
    assert "out of range" in response.json()["error"]


def test_the_largest_integer_the_database_holds_is_just_not_found(client: TestClient) -> None:
    log_in(client, "admin")
    assert client.get(f"/api/claims/{2**63 - 1}").status_code == 404
    assert client.get(f"/api/public/tolls/{2**63 - 1}").status_code == 404


def test_integers_too_large_in_json_and_forms_are_422(client: TestClient) -> None:
    token = log_in(client, "admin")
    body = '{"username": "x1", "role": "viewer", "password": "p", "n": ' + TOO_BIG + "}"
    api = client.post(
        "/api/users",
        content=body,
        headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
    )
    assert api.status_code == 422 and "body: " + TOO_BIG in api.json()["error"]
    form = client.post("/admin/users", data={"csrf_token": token, "username": TOO_BIG})
    assert form.status_code == 422
    # a number inside a JSON string is text, not an integer
    text_body = {"username": "x2", "role": "viewer", "password": TOO_BIG + " long words here"}
    ok = client.post("/api/users", json=text_body, headers={"X-CSRF-Token": token})
    assert ok.status_code == 201, ok.text


def test_an_upload_name_over_255_bytes_is_cut(client: TestClient) -> None:
    token = log_in(client, "recorder")
    name = "список_" * 40 + ".csv"  # 562 bytes of UTF-8
    response = client.post(
        "/api/lists/import",
        data={"list": "long-names"},
        files={"file": (name, b"family_name\nKoval\n", "text/csv")},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 201, response.text
    stored = client.get("/api/lists").json()["imports"][0]["file"]
    assert stored.endswith(".csv") and len(stored.encode()) <= 200


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("1234567890", "most commonly used"),
        ("password12", "most commonly used"),
        ("qwertyuiop", "most commonly used"),
        ("aaaaaaaaaaaa", "repeated run"),
        ("abcdefghijklm", "sequential run"),
        ("tollbook-2024!", "must not contain 'tollbook'"),
        ("weak-newcomer-1", "must not contain 'newcomer'"),
    ],
)
def test_common_and_guessable_passwords_are_refused(
    client: TestClient, password: str, why: str
) -> None:
    token = log_in(client, "admin")
    response = client.post(
        "/api/users",
        json={"username": "newcomer", "role": "viewer", "password": password},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 422 and why in response.json()["error"], response.text


def test_the_public_home_page_is_kept_until_a_publication(
    client: TestClient, app: FastAPI, url: str
) -> None:
    cache = app.state.tollbook.answers
    first = client.get("/")
    hits = cache.hits
    second = client.get("/")
    assert first.status_code == second.status_code == 200 and first.text == second.text
    assert cache.hits == hits + 1 and "Nothing has been published yet" in second.text
    assert "set-cookie" not in second.headers
    uow = open_database(url)
    try:
        publish_toll(
            uow,
            place="Hostiletown",
            outcome="killed",
            period_start=date(2022, 3, 1),
            period_end=date(2022, 3, 31),
            figures={"min": 3, "max": 5, "incidents": 1, "latest_official": None},
            actor="recorder",
        )
    finally:
        uow.dispose()
    assert "Hostiletown" in client.get("/").text
    log_in(client, "viewer")  # a logged-in user's page is their own, never the kept one
    assert 'href="/account"' in client.get("/").text


def test_an_admin_clears_a_job_whose_process_died(client: TestClient, url: str) -> None:
    uow = open_database(url)
    try:
        job_id = start_job(uow, "linkage", actor="recorder", params={})
    finally:
        uow.dispose()
    token = log_in(client, "admin")
    page = client.get("/admin/jobs")
    assert page.status_code == 200 and f'href="/jobs/{job_id}"' in page.text
    alive = client.post(
        f"/api/jobs/{job_id}/clear", json={"reason": "stuck"}, headers={"X-CSRF-Token": token}
    )
    assert alive.status_code == 409 and "seems to run still" in alive.json()["error"]
    uow = open_database(url)
    try:
        with uow.engine.begin() as connection:  # its process died ten minutes ago
            silent = datetime.now(UTC) - timedelta(minutes=10)
            connection.execute(
                text("UPDATE jobs SET heartbeat_at = :at WHERE id = :id"),
                {"at": silent, "id": job_id},
            )
    finally:
        uow.dispose()
    cleared = client.post(
        f"/admin/jobs/{job_id}/clear",
        data={"csrf_token": form_token(page.text), "reason": "the server restarted"},
    )
    assert cleared.status_code == 200 and f"Job {job_id} was cleared" in cleared.text
    job = client.get(f"/api/jobs/{job_id}").json()["job"]
    assert job["status"] == "failed" and job["error"] == "cleared by admin: the server restarted"
    again = client.post(
        f"/api/jobs/{job_id}/clear", json={"reason": "again"}, headers={"X-CSRF-Token": token}
    )
    assert again.status_code == 422 and "not running" in again.json()["error"]
    uow = open_database(url)
    try:
        (entry,) = audit_page(uow, entity="job", entity_id=str(job_id))
    finally:
        uow.dispose()
    assert entry.actor == "admin" and entry.action == "clear"
    assert entry.after == {"status": "failed", "reason": "the server restarted"}
    log_in(client, "recorder")
    assert client.get("/admin/jobs").status_code == 403
