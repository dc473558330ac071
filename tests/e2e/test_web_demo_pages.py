"""Every page, for every role, on the demo's simulated siege (news, lists linked into
persons, graves, bodies, families' reports): each answers 200 or, where the role may
not look, 403; and the detail pages linked from the listings render too."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_server import PASSWORD, SECRET, seed_users
from tollbook.cli.simulate.demo_loading import load_demo
from tollbook.services.accounts import ROLES
from tollbook.web import WebSettings, create_app
from tollbook.web.permissions import allowed

#: page -> the permission it needs
PAGES = {
    "/": None,
    "/reports": "sources",
    "/claims": "review",
    "/incidents": "aggregates",
    "/tolls": "aggregates",
    "/lists": "lists",
    "/lists/import": "link",
    "/persons": "lists",
    "/linkage": "lists",
    "/linkage/review": "lists",
    "/estimates": "aggregates",
    "/bodies": "bodies",
    "/bodies/new": "bodies",
    "/graves": "bodies",
    "/morgues": "bodies",
    "/inquiries": "missing",
    "/inquiries/new": "missing",
    "/admin/audit": "audit",
    "/admin/users": "users",
    "/account": "account",
}
DETAIL = re.compile(
    r'href="(/(?:bodies|graves|inquiries|persons|incidents|reports|claims)/[^"?#]+)"'
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'tollbook.db'}"
    load_demo(url, people=3_000, seed=2)
    seed_users(url)
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.mark.parametrize("role", ROLES)
def test_every_page_renders_on_the_demo_data_or_refuses_the_role(app: FastAPI, role: str) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        login = client.post("/api/session", json={"username": role, "password": PASSWORD})
        assert login.status_code == 200
        details: set[str] = set()
        for page, permission in PAGES.items():
            answer = client.get(page)
            expected = 200 if permission is None or allowed(role, permission) else 403
            assert answer.status_code == expected, (role, page, answer.text[-500:])
            if expected == 200:
                details.update(DETAIL.findall(answer.text)[:3])
        for page in sorted(details):
            answer = client.get(page)
            assert answer.status_code == 200, (role, page, answer.text[-500:])
        if allowed(role, "bodies"):
            assert any(p.startswith("/bodies/") for p in details)
        if allowed(role, "lists"):
            assert any(p.startswith("/persons/") for p in details)
