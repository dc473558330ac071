"""The pages for people: login form with CSRF, pasting and uploading reports, claims
marked in the text, error pages, and errors as JSON for API clients."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_server import PASSWORD, SECRET, prepared_database
from tollbook.web import WebSettings, create_app
from tollbook.web.settings import LoginLimits

REPORT = (
    "KHERSON, March 2 - At least 9 civilians were killed when a market was shelled in "
    "Kherson, the regional administration said. Dozens more were hurt."
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    scratch: Path = tmp_path_factory.mktemp("pages")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    limits = LoginLimits(failures=3)
    return create_app(url, WebSettings(secret_key=SECRET, login_limits=limits))


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def log_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": form_token(page.text),
            "next": "/tolls",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/tolls"
    return form_token(client.get("/tolls").text)


def test_the_login_form_needs_its_csrf_token_and_says_when_the_password_is_wrong(
    browser: TestClient,
) -> None:
    page = browser.get("/login")
    assert "tollbook_pre" in page.headers["set-cookie"]
    forged = browser.post("/login", data={"username": "recorder", "password": PASSWORD})
    assert forged.status_code == 403
    wrong = browser.post(
        "/login",
        data={"username": "recorder", "password": "nope", "csrf_token": form_token(page.text)},
    )
    assert wrong.status_code == 401
    assert "wrong user name or password" in wrong.text
    assert 'value="recorder"' in wrong.text


def test_the_login_form_is_rate_limited(browser: TestClient) -> None:
    token = form_token(browser.get("/login").text)
    for _ in range(3):
        browser.post("/login", data={"username": "forensic", "password": "x", "csrf_token": token})
    limited = browser.post(
        "/login", data={"username": "forensic", "password": PASSWORD, "csrf_token": token}
    )
    assert limited.status_code == 429
    assert "too many failed logins" in limited.text
    assert int(limited.headers["retry-after"]) > 0


def test_an_off_site_next_is_ignored(browser: TestClient) -> None:
    token = form_token(browser.get("/login").text)
    response = browser.post(
        "/login",
        data={
            "username": "viewer",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "https://evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_a_pasted_report_shows_its_claims_marked_in_the_text(browser: TestClient) -> None:
    token = log_in(browser, "recorder")
    page = browser.get("/reports/new")
    assert page.status_code == 200 and "<textarea" in page.text
    stored = browser.post(
        "/reports",
        data={"text": REPORT, "title": "Market", "published": "2022-03-02", "csrf_token": token},
        follow_redirects=False,
    )
    assert stored.status_code == 303, stored.text
    report = browser.get(stored.headers["location"])
    assert '<mark class="claim unreviewed"' in report.text
    assert "At least 9 civilians were killed" in report.text
    claim_link = re.search(r'href="/claims/(\d+)"', report.text)
    assert claim_link
    claim = browser.get(f"/claims/{claim_link.group(1)}")
    assert 'id="confirm-claim"' in claim.text and 'mark class="claim current"' in claim.text
    again = browser.post(
        "/reports", data={"text": REPORT, "csrf_token": token}, follow_redirects=False
    )
    assert again.headers["location"] == stored.headers["location"]  # stored once


def test_uploads_of_text_and_json_lines(browser: TestClient) -> None:
    token = log_in(browser, "recorder")
    text_file = ("odesa.txt", REPORT.replace("Kherson", "Odesa").encode(), "text/plain")
    one = browser.post(
        "/reports",
        data={"csrf_token": token, "published": "2022-03-03"},
        files={"upload": text_file},
        follow_redirects=False,
    )
    assert one.status_code == 303
    lines = (
        b'{"id": "a", "text": "At least 4 people were killed in Mykolaiv.", "published": null}\n'
        b"not json\n"
        b'{"id": "b", "text": "Two people died in Sumy on Monday.", "published": "2022-03-04"}\n'
    )
    many = browser.post(
        "/reports",
        data={"csrf_token": token},
        files={"upload": ("batch.jsonl", lines, "application/x-ndjson")},
    )
    assert many.status_code == 422  # one bad line; the others are stored
    assert "2 report(s) stored" in many.text
    assert "batch.jsonl:2" in many.text
    binary = browser.post(
        "/reports",
        data={"csrf_token": token},
        files={"upload": ("x.txt", b"\x00\x01\x02", "application/octet-stream")},
    )
    assert binary.status_code == 422 and "binary" in binary.text


def test_pages_for_each_area_render(browser: TestClient) -> None:
    log_in(browser, "admin")
    for path in (
        "/",
        "/reports",
        "/claims",
        "/claims?status=all",
        "/incidents",
        "/tolls",
        "/tolls/Kherson",
        "/admin/users",
        "/admin/audit",
        "/account",
    ):
        response = browser.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert "<h1>" in response.text
    chart = browser.get("/api/tolls/Kherson/chart.svg")
    assert chart.headers["content-type"] == "image/svg+xml"
    assert chart.text.lstrip().startswith("<?xml")
    assert (
        browser.get("/tolls?place=Kherson", follow_redirects=False)
        .headers["location"]
        .startswith("/tolls/Kherson")
    )


def test_html_errors_are_pages_for_browsers_and_json_for_api_clients(
    browser: TestClient,
) -> None:
    log_in(browser, "recorder")
    page = browser.get("/claims/999999", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "no claim 999999" in page.text and "<h1>404" in page.text
    as_json = browser.get("/claims/999999", headers={"Accept": "application/json"})
    assert as_json.json() == {
        "ok": False,
        "error": "no claim 999999",
        "code": "no claim %(claim_id)s",
        "errors": [{"type": "not_found", "msg": "no claim 999999"}],
        "status": 404,
    }
    wrong_method = browser.delete("/reports", headers={"Accept": "application/json"})
    assert wrong_method.status_code == 405 and wrong_method.json()["status"] == 405
    bad_query = browser.get("/claims?limit=abc", headers={"Accept": "application/json"})
    assert bad_query.status_code == 422 and bad_query.json()["errors"][0]["loc"] == [
        "query",
        "limit",
    ]


def test_admins_add_users_and_read_the_audit_log_in_pages(browser: TestClient) -> None:
    token = log_in(browser, "admin")
    added = browser.post(
        "/admin/users",
        data={
            "username": "liaison2",
            "role": "family_liaison",
            "password": "long enough secret",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    assert "liaison2" in browser.get("/admin/users").text
    audit = browser.get("/admin/audit?action=add_user").text
    assert "liaison2" in audit and "long enough secret" not in audit


def test_logging_out_ends_the_session(browser: TestClient) -> None:
    token = log_in(browser, "viewer")
    assert browser.get("/tolls").status_code == 200
    out = browser.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    assert browser.get("/tolls", follow_redirects=False).status_code == 303


def test_incident_pages_show_sources_to_recorders_and_take_review_forms(
    browser: TestClient,
) -> None:
    token = log_in(browser, "recorder")
    text = REPORT.replace("Kherson", "Izium").replace("9 civilians", "6 civilians")
    browser.post("/reports", data={"text": text, "csrf_token": token})
    listing = browser.get("/incidents?place=Izium")
    found = re.search(r'href="/incidents/(\d+)"', listing.text)
    assert found, listing.text
    incident = f"/incidents/{found.group(1)}"
    page = browser.get(incident)
    assert "regional administration" in page.text  # the source, for a recorder
    graded = browser.post(
        incident + "/grade",
        data={"grade": "contested", "reason": "figures differ", "csrf_token": token},
        follow_redirects=False,
    )
    assert graded.status_code == 303
    assert "contested (set by recorder)" in browser.get(graded.headers["location"]).text
    confirmed = browser.post(incident + "/confirm", data={"csrf_token": token})
    assert "confirmed by a person" in confirmed.text

    log_in(browser, "viewer")
    seen = browser.get(incident)
    assert "regional administration" not in seen.text and "Set grade" not in seen.text
    assert "contested" in seen.text and "set by" not in seen.text
