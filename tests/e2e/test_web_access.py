"""Every route of the app refuses anonymous users and the roles without its permission.

The routes are read from the app itself, so a route added later is checked too; a route
that needs no permission must be listed in PUBLIC_ROUTES here, on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_server import PASSWORD, SECRET, prepared_database
from tollbook.services.accounts import ROLES
from tollbook.web import WebSettings, create_app
from tollbook.web.app import api_routes, route_permission
from tollbook.web.permissions import PERMISSIONS, PUBLIC

#: (method, path) of the routes anyone may use: published aggregates, logging in, health.
PUBLIC_ROUTES = {
    ("GET", "/"),
    ("GET", "/healthz"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
    ("GET", "/api/session"),
    ("POST", "/api/session"),
    ("DELETE", "/api/session"),
    ("GET", "/api/public/tolls"),
    ("GET", "/api/public/tolls/{publication_id}"),
    ("GET", "/public/tolls/{publication_id}"),
    ("GET", "/api/public/estimates"),
    ("GET", "/api/public/estimates/{estimate_id}"),
    ("GET", "/public/estimates/{estimate_id}"),
    # the published figures as files, and on a map
    ("GET", "/public/tolls.csv"),
    ("GET", "/public/tolls.json"),
    ("GET", "/public/tolls/{publication_id}.csv"),
    ("GET", "/public/tolls/{publication_id}.json"),
    ("GET", "/public/estimates/{estimate_id}.csv"),
    ("GET", "/public/estimates/{estimate_id}.json"),
    ("GET", "/public/map"),
    ("GET", "/lang/{code}"),  # the language switch: sets a cookie, nothing else
    ("GET", "/api/openapi.json"),
}
SAMPLE_VALUES = {"place": "Mariupol"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    scratch: Path = tmp_path_factory.mktemp("access")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture(scope="module")
def clients(app: FastAPI) -> Iterator[dict[str, tuple[TestClient, str]]]:
    """A logged-in client and its CSRF token for each role."""
    out: dict[str, tuple[TestClient, str]] = {}
    for role in ROLES:
        client = TestClient(app, raise_server_exceptions=False)
        response = client.post("/api/session", json={"username": role, "password": PASSWORD})
        assert response.status_code == 200, response.text
        out[role] = (client, response.json()["csrf_token"])
    yield out
    for client, _ in out.values():
        client.close()


def routes(app: FastAPI) -> list[tuple[str, str, str, str]]:
    """(method, path template, concrete path, permission) of every route."""
    found = []
    for route in api_routes(app):
        concrete = re.sub(
            r"\{(\w+)(:\w+)?\}", lambda m: SAMPLE_VALUES.get(m.group(1), "1"), route.path
        )
        for method in sorted(route.methods - {"HEAD"}):
            found.append((method, route.path, concrete, route_permission(route)))
    return found


def test_every_route_declares_a_known_permission_and_public_ones_are_listed(app: FastAPI) -> None:
    found = routes(app)
    assert len(found) > 40
    for method, template, _, permission in found:
        assert permission == PUBLIC or permission in PERMISSIONS, (method, template)
        if permission == PUBLIC:
            assert (method, template) in PUBLIC_ROUTES, f"{method} {template} is public"
    declared = {(m, t) for m, t, _, p in found if p == PUBLIC} | {("GET", "/api/openapi.json")}
    assert declared == PUBLIC_ROUTES


def test_anonymous_users_are_refused_everywhere_but_the_public_routes(app: FastAPI) -> None:
    client = TestClient(app, raise_server_exceptions=False)
    checked = 0
    for method, template, path, permission in routes(app):
        if permission == PUBLIC:
            continue
        response = client.request(method, path, headers={"Accept": "application/json"})
        assert response.status_code == 401, (method, template, response.text)
        body = response.json()
        assert body["ok"] is False and body["status"] == 401
        assert body["errors"][0]["type"] == "unauthorized"
        checked += 1
    assert checked > 30


def test_browsers_are_sent_to_the_login_page(app: FastAPI) -> None:
    client = TestClient(app, raise_server_exceptions=False)
    for method, template, path, permission in routes(app):
        if permission == PUBLIC or method != "GET" or template.startswith("/api/"):
            continue
        response = client.get(path, headers={"Accept": "text/html"}, follow_redirects=False)
        assert response.status_code == 303, template
        assert response.headers["location"].startswith("/login?next=")


def test_roles_without_the_permission_are_forbidden_everywhere(
    app: FastAPI, clients: dict[str, tuple[TestClient, str]]
) -> None:
    checked = 0
    for method, template, path, permission in routes(app):
        if permission == PUBLIC:
            continue
        for role in ROLES:
            if role in PERMISSIONS[permission]:
                continue
            client, csrf = clients[role]
            response = client.request(
                method, path, headers={"Accept": "application/json", "X-CSRF-Token": csrf}
            )
            assert response.status_code == 403, (role, method, template, response.text)
            assert response.json()["errors"][0]["type"] == "forbidden"
            checked += 1
    assert checked > 50


def test_roles_with_the_permission_get_past_the_guard(
    app: FastAPI, clients: dict[str, tuple[TestClient, str]]
) -> None:
    for method, template, path, permission in routes(app):
        if permission == PUBLIC or method != "GET":
            continue
        for role in PERMISSIONS[permission]:
            client, _ = clients[role]
            response = client.get(path, headers={"Accept": "application/json"})
            assert response.status_code not in (401, 403), (role, template, response.text)
            assert response.status_code < 500, (role, template, response.text)


def test_the_viewer_sees_aggregates_without_sources_or_names(
    clients: dict[str, tuple[TestClient, str]],
) -> None:
    viewer, _ = clients["viewer"]
    toll = viewer.get("/api/tolls/Mariupol").json()["toll"]
    assert "evidence" not in str(toll) and "attributed_to" not in str(toll)
    assert viewer.get("/api/claims").status_code == 403
    assert viewer.get("/api/reports").status_code == 403


def test_unsafe_requests_need_the_csrf_token_of_their_session(
    clients: dict[str, tuple[TestClient, str]],
) -> None:
    client, csrf = clients["recorder"]
    body = {"text": "Nothing happened."}
    missing = client.post("/api/reports", json=body)
    assert missing.status_code == 403
    assert missing.json()["errors"][0]["type"] == "csrf"
    _, other_csrf = clients["admin"]
    assert other_csrf != csrf
    wrong = client.post("/api/reports", json=body, headers={"X-CSRF-Token": other_csrf})
    assert wrong.status_code == 403
    foreign = client.post(
        "/api/reports",
        json=body,
        headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403
    assert "another site" in foreign.json()["error"]
    form = client.post("/reports", data={"text": "Nothing happened."}, follow_redirects=False)
    assert form.status_code == 403
