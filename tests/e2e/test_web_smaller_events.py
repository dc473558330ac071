"""A smaller event of a report that tells a larger one, stored without review: the toll
counts it but says so beside the documented count, the claims list and the incident page
flag it, the API names it, and a person's confirmation clears the flag."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_pages import log_in
from tests.e2e.test_web_review_bulk import app_with_reports
from tollbook.domain.report import Report

PLACE = "Kherson"
REPORTS = (
    Report(
        "south-0609",
        "Strike on Kherson market kills seven\n"
        "KHERSON, June 9 - A Russian guided bomb hit the central market in Kherson on "
        "Tuesday morning, killing seven people and wounding 19, the regional military "
        "administration said.\n"
        "In a separate attack on Saturday, shelling of the Korabelnyi district of Kherson "
        "killed three residents, the administration said.",
        published=date(2026, 6, 9),
        title="Strike on Kherson market kills seven",
    ),
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return app_with_reports(tmp_path_factory.mktemp("smaller-events"), REPORTS)


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_a_smaller_event_is_counted_flagged_and_cleared_by_review(browser: TestClient) -> None:
    token = log_in(browser, "recorder")
    toll = browser.get(f"/api/tolls/{PLACE}").json()["toll"]
    documented = toll["documented"]
    assert (documented["min"], documented["max"]) == (10, 10)  # counted all the same
    smaller = documented["smaller_events"]
    assert (smaller["min"], smaller["max"], len(smaller["incidents"])) == (3, 3, 1)
    [incident_id] = smaller["incidents"]
    flagged = [i for i in toll["incidents"] if i["smaller_event"]]
    assert [i["id"] for i in flagged] == [incident_id]

    page = browser.get(f"/tolls/{PLACE}").text
    assert 'id="toll-smaller-events"' in page and "smaller event of its report" in page
    shown = browser.get(f"/incidents/{incident_id}").text
    assert 'id="incident-smaller-event"' in shown
    claims = browser.get("/claims?status=all").text
    assert claims.count("smaller event of its report") == 1
    listed = browser.get("/api/claims?status=all").json()["items"]
    [claim] = [c for c in listed if c["smaller_event"]]
    assert claim["low"] == 3

    done = browser.post(
        "/api/claims/review",
        json={"claim_ids": [claim["id"]], "action": "confirm"},
        headers={"X-CSRF-Token": token},
    )
    assert done.status_code == 200
    after = browser.get(f"/api/tolls/{PLACE}").json()["toll"]["documented"]
    assert (after["min"], after["smaller_events"]["incidents"]) == (10, [])
    assert not re.search('id="toll-smaller-events"', browser.get(f"/tolls/{PLACE}").text)


def test_the_incident_page_says_it_in_ukrainian(browser: TestClient) -> None:
    # reviewed or not, the incident page tells why it was flagged
    log_in(browser, "recorder")
    items = browser.get("/api/incidents").json()["items"]
    [flagged] = [i["id"] for i in items if i["smaller_event"]]
    page = browser.get(f"/incidents/{flagged}", headers={"Accept-Language": "uk"}).text
    assert "Менша подія свого повідомлення" in page
