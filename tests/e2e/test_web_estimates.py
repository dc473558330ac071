"""The estimate pages and API: a recorder runs an estimate from the linked persons of a
small simulated siege, reads its report with both charts inline, and publishes it; a
viewer reads estimates but cannot run or publish one; refusals are clear."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.jobs import finished_job, job_result_page
from tests.e2e.test_web_pages import form_token, log_in
from tests.e2e.test_web_server import PASSWORD, SECRET, prepared_database
from tollbook.services.linkage import link_records
from tollbook.services.lists import import_list
from tollbook.services.setup import open_database
from tollbook.web import WebSettings, create_app

LISTS = ("burial", "family", "morgue")
QUICK_LCMCR = {"draws": 100, "burn_in": 200, "thin": 2, "chains": 2}


@pytest.fixture(scope="module")
def app(
    tmp_path_factory: pytest.TempPathFactory, siege_folder: Callable[[int, int], Path]
) -> FastAPI:
    """Three lists of a simulated siege, imported and linked into persons."""
    scratch: Path = tmp_path_factory.mktemp("estimates")
    siege = siege_folder(10_000, 5)
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    uow = open_database(url)
    try:
        for name in LISTS:
            import_list(uow, siege / "lists" / f"{name}.csv", name, actor="test")
        link_records(uow, actor="test")
    finally:
        uow.dispose()
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture(scope="module")
def empty_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    url = prepared_database(f"sqlite:///{tmp_path_factory.mktemp('empty') / 'tollbook.db'}")
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def api_client(app: FastAPI, role: str) -> tuple[TestClient, dict[str, str]]:
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/session", json={"username": role, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return client, {"X-CSRF-Token": response.json()["csrf_token"]}


def test_a_recorder_runs_an_estimate_from_the_form_and_reads_its_report(
    browser: TestClient,
) -> None:
    token = log_in(browser, "recorder")
    listing = browser.get("/estimates")
    assert listing.status_code == 200 and 'id="run-estimate"' in listing.text
    assert "takes a while" in listing.text
    assert "estimates.css" in listing.text

    done = browser.post(
        "/estimates",
        data={"method": "loglinear", "by": ["sex"], "csrf_token": token},
        follow_redirects=False,
    )

    assert done.status_code == 303, done.text
    location = job_result_page(browser, done.headers["location"])  # run in the background
    assert re.fullmatch(r"/estimates/\d+\?done=saved", location)
    page = browser.get(location)
    assert page.status_code == 200
    text = page.text
    assert "Estimate saved." in text and "draft" in text
    assert "log-linear models (Rcapture), sum of strata" in text
    assert "sex=F" in text and "sex=M" in text and "All strata pooled" in text
    # both charts inline, drawn without inline styles (the page's CSP allows none)
    charts = re.findall(r"<svg[^>]*>.*?</svg>", text, re.S)
    assert len(charts) >= 2
    assert all(' style="' not in svg and "<style" not in svg for svg in charts)
    assert 'id="e' in charts[0] and "burial</text>" in charts[0]
    assert "by linkage run 1" in text and "by recorder" in text
    assert 'id="publish-estimate"' in text
    listed = browser.get("/estimates").text
    estimate_id = location.split("/")[2].split("?")[0]
    assert f'href="/estimates/{estimate_id}"' in listed and "sum of strata" in listed


def test_the_api_runs_publishes_and_withdraws_an_estimate(app: FastAPI) -> None:
    client, headers = api_client(app, "recorder")
    run = client.post(
        "/api/estimates",
        json={"by": ["sex"], "lcmcr": QUICK_LCMCR},  # the default: both, and their range
        headers=headers,
    )
    assert run.status_code == 200, run.text
    body = run.json()["estimate"]
    assert body["status"] == "draft" and body["source"] == "database"
    assert body["link_run_id"] == 1 and body["lists"] == list(LISTS)
    # the sums of the strata per method, and the pooled range across both models
    assert {f["method"]: f["basis"] for f in body["headline"]} == {
        "loglinear": "sum of strata",
        "lcmcr": "sum of strata",
        "models": "all strata pooled",
    }
    assert body["warnings"], "short chains are warned about"
    assert body["tables"][0]["cells"][0]["lists"] == list(LISTS)
    estimate_id = body["id"]
    draft = TestClient(app, raise_server_exceptions=False)
    assert draft.get(f"/api/public/estimates/{estimate_id}").status_code == 404  # a draft

    unread = client.post(f"/api/estimates/{estimate_id}/publish", json={}, headers=headers)
    assert unread.status_code == 422 and "read them" in unread.json()["error"]
    published = client.post(
        f"/api/estimates/{estimate_id}/publish", json={"warnings_read": True}, headers=headers
    )
    assert published.status_code == 200, published.text
    assert published.json()["estimate"]["published_by"] == "recorder"
    twice = client.post(
        f"/api/estimates/{estimate_id}/publish", json={"warnings_read": True}, headers=headers
    )
    assert twice.status_code == 422 and "only a draft" in twice.json()["error"]

    anyone = TestClient(app, raise_server_exceptions=False)
    public = anyone.get(f"/api/public/estimates/{estimate_id}").json()["estimate"]
    assert {f["method"] for f in public["headline"]} == {"loglinear", "lcmcr", "models"}
    assert public["warnings"] and public["lists"] == list(LISTS)
    assert "tables" not in public and "recorder" not in json.dumps(public)
    assert [e["id"] for e in anyone.get("/api/public/estimates").json()["items"]] == [estimate_id]
    home = anyone.get("/")
    assert f'href="/public/estimates/{estimate_id}"' in home.text
    page = anyone.get(f"/public/estimates/{estimate_id}")
    assert page.status_code == 200 and 'id="public-warnings"' in page.text

    no_reason = client.post(
        f"/api/estimates/{estimate_id}/withdraw", json={"reason": ""}, headers=headers
    )
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["loc"][-1] == "reason"
    withdrawn = client.post(
        f"/api/estimates/{estimate_id}/withdraw", json={"reason": "relinked"}, headers=headers
    )
    assert withdrawn.json()["estimate"]["status"] == "withdrawn"
    assert anyone.get(f"/api/public/estimates/{estimate_id}").status_code == 404
    assert anyone.get(f"/public/estimates/{estimate_id}").status_code == 404
    assert anyone.get("/api/public/estimates").json()["items"] == []
    listed = client.get("/api/estimates", params={"status": "withdrawn"}).json()
    assert [e["id"] for e in listed["items"]] == [estimate_id]

    svg = client.get(f"/api/estimates/{estimate_id}/charts/estimates.svg")
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml") and b"<svg" in svg.content


def test_a_viewer_reads_estimates_but_cannot_run_or_publish_them(app: FastAPI) -> None:
    recorder, headers = api_client(app, "recorder")
    made = recorder.post("/api/estimates", json={"method": "loglinear"}, headers=headers)
    estimate_id = made.json()["estimate"]["id"]

    viewer, viewer_headers = api_client(app, "viewer")
    assert viewer.get("/api/estimates").status_code == 200
    read = viewer.get(f"/api/estimates/{estimate_id}")
    assert read.status_code == 200 and read.json()["estimate"]["observed"] > 100
    page = viewer.get(f"/estimates/{estimate_id}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<svg" in page.text
    assert 'id="publish-estimate"' not in page.text and 'id="withdraw-estimate"' not in page.text
    assert 'id="run-estimate"' not in viewer.get("/estimates").text

    run = viewer.post("/api/estimates", json={"method": "loglinear"}, headers=viewer_headers)
    assert run.status_code == 403
    publish = viewer.post(
        f"/api/estimates/{estimate_id}/publish",
        json={"warnings_read": True},
        headers=viewer_headers,
    )
    assert publish.status_code == 403
    assert recorder.get(f"/api/estimates/{estimate_id}").json()["estimate"]["status"] == "draft"


def test_refusals_are_clear(app: FastAPI, empty_app: FastAPI) -> None:
    client, headers = api_client(app, "recorder")
    missing = client.get("/api/estimates/999")
    assert missing.status_code == 404 and missing.json()["error"] == "no estimate 999"
    bad_by = client.post("/api/estimates", json={"by": ["shoe_size"]}, headers=headers)
    assert bad_by.status_code == 422
    assert bad_by.json()["errors"][0]["loc"] == ["by"]
    assert "cannot divide persons by ['shoe_size']" in bad_by.json()["error"]
    bad_method = client.post("/api/estimates", json={"method": "magic"}, headers=headers)
    assert bad_method.status_code == 422 and "method" in bad_method.json()["error"]
    bad_merge = client.post("/api/estimates", json={"merge": ["morgue"]}, headers=headers)
    assert bad_merge.status_code == 422
    assert bad_merge.json()["errors"][0]["loc"] == ["merge"]
    bad_drop = client.post("/api/estimates", json={"drop": ["nowhere"]}, headers=headers)
    assert bad_drop.status_code == 422 and "drop: no list nowhere" in bad_drop.json()["error"]

    empty, empty_headers = api_client(empty_app, "recorder")
    refused = empty.post("/api/estimates", json={"method": "loglinear"}, headers=empty_headers)
    assert refused.status_code == 422
    assert "no linked persons" in refused.json()["error"]
    assert "tollbook link" in refused.json()["error"]
    assert empty.get("/api/estimates").json()["items"] == []


def test_the_form_refusal_is_a_page_saying_why(empty_app: FastAPI) -> None:
    with TestClient(empty_app, raise_server_exceptions=False) as browser:
        log_in(browser, "recorder")
        page = browser.get("/estimates")
        assert "No saved estimates." in page.text
        started = browser.post(
            "/estimates",
            data={"method": "loglinear", "csrf_token": form_token(page.text)},
            headers={"Accept": "text/html"},
            follow_redirects=False,
        )
        assert started.status_code == 303
        job = finished_job(browser, started.headers["location"])
        assert job["status"] == "failed" and "no linked persons in the database" in job["error"]
        refused = browser.get(started.headers["location"])
        assert 'id="job-error"' in refused.text
        assert "no linked persons in the database" in refused.text
        forged = browser.post("/estimates", data={"method": "loglinear"})
        assert forged.status_code == 403


def test_names_with_dollar_signs_are_drawn_as_written(empty_app: FastAPI, tmp_path: Path) -> None:
    """Matplotlib reads `$...$` as a formula; list names are text, whatever they hold."""
    from tollbook.services.estimates import save_file_estimate

    table = tmp_path / "lists $1$.csv"
    header = "morgue $\\frac$,burial $b$,count\n"
    table.write_text(header + "1,0,400\n0,1,300\n1,1,150\n", encoding="utf-8")
    url = str(empty_app.state.tollbook.engine.url)
    uow = open_database(url)
    try:
        saved = save_file_estimate(uow, table, actor="test")
    finally:
        uow.dispose()
    with TestClient(empty_app, raise_server_exceptions=False) as client:
        log_in(client, "viewer")
        page = client.get(f"/estimates/{saved.id}")
        assert page.status_code == 200, page.text
        assert page.text.count("<svg") >= 2 and "morgue $\\frac$" in page.text
