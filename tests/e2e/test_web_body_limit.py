"""Request bodies over the limit are refused before they are read, in the one error
shape; anonymous requests get a small limit, so nobody without an account can make the
server store a large upload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_pages import log_in
from tests.e2e.test_web_server import SECRET, prepared_database
from tollbook.web import WebSettings, create_app


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    scratch: Path = tmp_path_factory.mktemp("limits")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    settings = WebSettings(
        secret_key=SECRET, max_request_bytes=200_000, max_anonymous_request_bytes=2_000
    )
    return create_app(url, settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as opened:
        yield opened


def chunks(total: int, size: int = 10_000) -> Iterator[bytes]:
    """A body streamed without a Content-Length."""
    sent = 0
    while sent < total:
        yield b"x" * min(size, total - sent)
        sent += size


def test_an_anonymous_upload_is_refused_before_the_login_check(client: TestClient) -> None:
    big = client.post(
        "/lists/import",
        files={"file": ("big.csv", b"a" * 50_000, "text/csv")},
        headers={"Accept": "application/json"},
    )
    assert big.status_code == 413, big.text
    body = big.json()
    assert body["ok"] is False and body["errors"][0]["type"] == "too_large"
    assert "2,000 bytes" in body["error"]
    small = client.post("/api/session", json={"username": "nobody", "password": "wrong password 1"})
    assert small.status_code == 401  # logging in is well within the anonymous limit


def test_a_logged_in_user_gets_the_larger_limit_declared_or_streamed(
    client: TestClient,
) -> None:
    token = log_in(client, "recorder")
    fits = client.post(
        "/lists/import",
        data={"csrf_token": token, "source": "morgue", "mapping": ""},
        files={"file": ("small.pdf", b"a" * 50_000, "application/pdf")},
    )
    assert fits.status_code == 422  # read, then refused for what it holds
    declared = client.post(
        "/lists/import",
        data={"csrf_token": token},
        files={"file": ("big.csv", b"a" * 300_000, "text/csv")},
        headers={"Accept": "application/json"},
    )
    assert declared.status_code == 413 and "200,000 bytes" in declared.json()["error"]
    streamed = client.post(
        "/api/reports",
        content=chunks(300_000),
        headers={
            "Content-Type": "application/json",
            "X-CSRF-Token": token,
            "Accept": "application/json",
        },
    )
    assert streamed.status_code == 413, streamed.text
    assert streamed.json()["errors"][0]["type"] == "too_large"
