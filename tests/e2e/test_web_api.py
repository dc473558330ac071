"""The JSON API through HTTP, against `tollbook serve` on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.test_web_server import (
    Api,
    Server,
    fresh_database,
    prepared_database,
    serve,
)


def report_text(city: str, killed: int, injured: int) -> str:
    return (
        f"{city.upper()}, March 16 - At least {killed} people were killed and {injured} "
        f"injured when a shell hit a school in {city} on Wednesday, the regional governor "
        "said. Rescue work went on through the night."
    )


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    scratch: Path = tmp_path_factory.mktemp("api")
    with fresh_database(request.param, scratch) as url:
        prepared_database(url)
        with serve(url, scratch) as running:
            yield running


@pytest.fixture
def as_role(server: Server) -> Iterator[Any]:
    opened: list[Api] = []

    def login(role: str) -> Api:
        api = Api(server.url)
        assert api.login(role).status_code == 200
        opened.append(api)
        return api

    yield login
    for api in opened:
        api.close()


def assert_error(response: httpx.Response, status: int, kind: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"ok", "error", "code", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["code"], str) and body["code"]  # the message's stable id
    assert body["errors"] and all("msg" in e and "type" in e for e in body["errors"])
    if kind is not None:
        assert body["errors"][0]["type"] == kind
    return body


def add_report(api: Api, text: str, **fields: Any) -> dict[str, Any]:
    response = api.post("/api/reports", json={"text": text, "published": "2022-03-16", **fields})
    assert response.status_code in (200, 201), response.text
    body: dict[str, Any] = response.json()
    return body


def claim_of(api: Api, report_id: int, outcome: str) -> dict[str, Any]:
    claims = api.get(f"/api/reports/{report_id}").json()["claims"]
    (found,) = [c for c in claims if c["outcome"] == outcome]
    return found  # type: ignore[no-any-return]


def toll(api: Api, place: str) -> dict[str, Any]:
    response = api.get(f"/api/tolls/{place}")
    assert response.status_code == 200, response.text
    return response.json()["toll"]["documented"]  # type: ignore[no-any-return]


def test_logging_in_and_out(server: Server) -> None:
    api = Api(server.url)
    assert_error(api.login("recorder", "not the password"), 401, "login_failed")
    assert api.get("/api/session").json() == {"ok": True, "user": None, "csrf_token": None}
    login = api.login("recorder")
    assert login.json()["user"]["role"] == "recorder"
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie  # served over plain http here
    assert api.get("/api/session").json()["user"]["username"] == "recorder"
    assert api.get("/api/claims").status_code == 200
    assert api.send("DELETE", "/api/session").status_code == 200
    assert_error(api.get("/api/claims"), 401, "unauthorized")
    api.close()


def test_failed_logins_are_rate_limited(server: Server) -> None:
    api = Api(server.url)
    for _ in range(5):
        assert_error(api.login("family_liaison", "wrong password"), 401)
    limited = api.login("family_liaison", "wrong password")
    body = assert_error(limited, 429, "rate_limited")
    assert int(limited.headers["retry-after"]) > 0
    assert "try again" in body["error"]
    assert_error(api.login("family_liaison"), 429)  # even with the right password
    api.close()


def test_one_error_shape_everywhere(server: Server, as_role: Any) -> None:
    api = as_role("recorder")
    assert_error(api.get("/api/no-such-thing"), 404, "not_found")
    assert_error(api.send("PUT", "/api/reports"), 405, "method_not_allowed")
    bad_json = api.post(
        "/api/reports", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert_error(bad_json, 422, "json_invalid")
    missing = assert_error(api.post("/api/reports", json={"title": "no text"}), 422)
    assert missing["errors"][0]["loc"] == ["body", "text"]
    assert_error(api.get("/api/claims", params={"limit": 0}), 422)
    assert_error(api.get("/api/claims", params={"outcome": "sneezed"}), 422, "invalid")
    assert_error(api.get("/api/reports/99999"), 404)
    assert_error(api.get("/api/incidents/99999"), 404)
    page_as_json = api.get("/reports/99999", headers={"Accept": "application/json"})
    assert_error(page_as_json, 404)
    assert_error(api.post("/api/claims/99999/confirm", json={}), 404)


def test_a_pasted_report_is_reviewed_and_the_toll_follows(server: Server, as_role: Any) -> None:
    recorder = as_role("recorder")
    stored = add_report(recorder, report_text("Kharkiv", 17, 40), title="School hit")
    assert stored["stored"] == 1 and stored["claims_stored"] == 2
    report = recorder.get(f"/api/reports/{stored['report_id']}").json()
    assert report["report"]["title"] == "School hit"
    killed = claim_of(recorder, stored["report_id"], "killed")
    assert (killed["low"], killed["qualifier"], killed["review_status"]) == (
        17,
        "at_least",
        "unreviewed",
    )
    text = report["report"]["text"]
    start = killed["evidence_start"]
    assert text[start : start + len(killed["evidence"])] == killed["evidence"]
    assert add_report(recorder, report_text("Kharkiv", 17, 40))["stored"] == 0  # same text

    before = toll(recorder, "kharkiv")
    assert (before["min"], before["reviewed_min"], before["unreviewed_incidents"]) == (17, 0, 1)

    confirmed = recorder.post(f"/api/claims/{killed['id']}/confirm", json={"note": "checked"})
    assert confirmed.json()["claim"]["review_status"] == "confirmed"
    assert toll(recorder, "Kharkiv")["reviewed_min"] == 17

    edited = recorder.post(
        f"/api/claims/{killed['id']}/edit", json={"changes": {"low": 19}, "note": "recount"}
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["claim"]["low"] == 19
    assert toll(recorder, "Kharkiv")["reviewed_min"] == 19

    assert_error(recorder.post(f"/api/claims/{killed['id']}/reject", json={"reason": ""}), 422)
    recorder.post(f"/api/claims/{killed['id']}/reject", json={"reason": "duplicate"})
    assert toll(recorder, "Kharkiv")["incidents"] == 0

    admin = as_role("admin")
    history = admin.get("/api/audit", params={"entity": "claim", "entity_id": killed["id"]})
    actions = [e["action"] for e in history.json()["items"]]
    assert actions == ["reject", "edit", "confirm"]
    assert {e["actor"] for e in history.json()["items"]} == {"recorder"}


def test_listings_page_with_next_links(server: Server, as_role: Any) -> None:
    recorder = as_role("recorder")
    for n in range(3):
        add_report(recorder, report_text("Chernihiv", 5 + n, 9))
    first = recorder.get("/api/claims", params={"place": "chernihiv", "limit": 4}).json()
    assert first["count"] == 4 and first["limit"] == 4 and first["offset"] == 0
    assert first["next"] is not None
    second = recorder.get(first["next"]).json()
    assert second["offset"] == 4 and second["count"] == 2 and second["next"] is None
    ids = [c["id"] for c in first["items"] + second["items"]]
    assert ids == sorted(set(ids))
    queue = recorder.get("/api/claims", params={"status": "unreviewed", "place": "Chernihiv"})
    assert queue.json()["count"] == 6
    incidents = recorder.get("/api/incidents", params={"place": "Chernihiv", "limit": 1}).json()
    assert incidents["count"] == 1 and incidents["items"][0]["sources"]


def test_only_reviewed_aggregates_are_published_for_everyone(server: Server, as_role: Any) -> None:
    recorder = as_role("recorder")
    stored = add_report(recorder, report_text("Bucha", 12, 3))
    refused = recorder.post("/api/tolls/Bucha/publish", json={"outcome": "killed"})
    assert "nothing to publish" in assert_error(refused, 422)["error"]
    killed = claim_of(recorder, stored["report_id"], "killed")
    recorder.post(f"/api/claims/{killed['id']}/confirm", json={})
    add_report(recorder, report_text("Bucha", 30, 3).replace("school", "market"))

    published = recorder.post("/api/tolls/Bucha/publish", json={"outcome": "killed"})
    assert published.status_code == 201, published.text
    publication = published.json()["publication"]
    assert publication["figures"]["min"] == 12  # the unreviewed 30 is not published
    assert publication["figures"]["left_out_unreviewed_incidents"] >= 0

    anonymous = httpx.Client(base_url=server.url)
    listed = anonymous.get("/api/public/tolls", params={"place": "bucha"}).json()
    assert [p["id"] for p in listed["items"]] == [publication["id"]]
    public = anonymous.get(f"/api/public/tolls/{publication['id']}").json()["publication"]
    text = str(public)
    assert "evidence" not in text and "governor" not in text and "attributed" not in text
    assert_error(anonymous.get("/api/tolls/Bucha"), 401)
    assert_error(anonymous.get("/api/claims", params={"place": "Bucha"}), 401)

    viewer = as_role("viewer")
    assert_error(viewer.post(f"/api/publications/{publication['id']}/withdraw"), 403)
    recorder.post(f"/api/publications/{publication['id']}/withdraw")
    assert_error(anonymous.get(f"/api/public/tolls/{publication['id']}"), 404)
    anonymous.close()


def test_admins_manage_users_and_others_cannot(server: Server, as_role: Any) -> None:
    admin = as_role("admin")
    made = admin.post(
        "/api/users",
        json={"username": "newcomer", "role": "viewer", "password": "a long enough password"},
    )
    assert made.status_code == 201, made.text
    user_id = made.json()["user"]["id"]
    assert_error(
        admin.post("/api/users", json={"username": "x", "role": "viewer", "password": "short"}),
        422,
    )
    newcomer = Api(server.url)
    assert newcomer.login("newcomer", "a long enough password").status_code == 200
    assert_error(newcomer.get("/api/reports"), 403, "forbidden")
    promoted = admin.send("PATCH", f"/api/users/{user_id}", json={"role": "recorder"})
    assert promoted.json()["user"]["role"] == "recorder"
    assert_error(newcomer.get("/api/reports"), 401)  # the role change ended the session
    assert newcomer.login("newcomer", "a long enough password").status_code == 200
    assert newcomer.get("/api/reports").status_code == 200
    newcomer.close()
    recorder = as_role("recorder")
    assert_error(recorder.get("/api/users"), 403)
    assert_error(recorder.get("/api/audit"), 403)


def test_the_openapi_schema_documents_permissions_and_the_error_shape(server: Server) -> None:
    schema = httpx.get(server.url + "/api/openapi.json").json()
    operation = schema["paths"]["/api/tolls/{place}"]["get"]
    assert operation["x-permission"] == "aggregates"
    assert operation["responses"]["401"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert schema["paths"]["/api/public/tolls"]["get"]["x-permission"] == "public"
    assert "/reports/new" not in schema["paths"]  # pages are not API
    assert set(schema["components"]["schemas"]["Error"]["required"]) == {
        "ok",
        "error",
        "errors",
        "status",
    }


def test_a_change_made_by_another_process_reaches_the_kept_toll(
    server: Server, as_role: Any
) -> None:
    from tollbook.domain.report import Report
    from tollbook.extract import EXTRACTOR_VERSION, extract_claims
    from tollbook.services.ingest import ingest_reports
    from tollbook.services.setup import open_database

    viewer = as_role("viewer")
    assert toll(viewer, "Irpin")["incidents"] == 0
    assert toll(viewer, "Irpin")["incidents"] == 0  # kept
    assert viewer.get("/api/incidents?place=Irpin&outcome=killed").json()["items"] == []
    uow = open_database(server.database_url)  # as the CLI would, in this process
    try:
        text = report_text("Irpin", 8, 2)
        report = Report(id="irpin-1", text=text, published=date(2022, 3, 16))
        ingest_reports(uow, [report], extract_claims, "cli", extractor_version=EXTRACTOR_VERSION)
    finally:
        uow.dispose()
    after = toll(viewer, "Irpin")
    assert (after["incidents"], after["min"]) == (1, 8)
    [incident] = viewer.get("/api/incidents?place=Irpin&outcome=killed").json()["items"]
    assert incident["min"] == 8


def test_changing_ones_own_password_needs_the_current_one(server: Server) -> None:
    admin = Api(server.url)
    admin.login("admin")
    admin.post(
        "/api/users",
        json={"username": "changer", "role": "viewer", "password": "first password 1"},
    )
    admin.close()
    api = Api(server.url)
    api.login("changer", "first password 1")
    wrong = api.post(
        "/api/account/password",
        json={"current_password": "nope", "new_password": "second password 2"},
    )
    assert_error(wrong, 403, "forbidden")
    done = api.post(
        "/api/account/password",
        json={"current_password": "first password 1", "new_password": "second password 2"},
    )
    assert done.status_code == 200, done.text
    assert_error(api.get("/api/tolls/Irpin"), 401)  # every session ended
    assert api.login("changer", "second password 2").status_code == 200
    api.close()


def test_the_toll_of_a_city_names_the_province_called_after_it(
    server: Server, as_role: Any
) -> None:
    recorder = as_role("recorder")
    text = (
        "At least 23 people were killed when floods swept through Sivas province on "
        "Wednesday, the governor said."
    )
    assert add_report(recorder, text)["stored"] == 1
    found = recorder.get("/api/tolls/Sivas").json()["toll"]
    assert found["documented"]["min"] == 0
    assert found["named_alike"] == [
        {"place": "Sivas province", "min": 23, "max": 23, "incidents": 1}
    ]
    page = recorder.get("/tolls/Sivas")
    assert page.status_code == 200
    assert 'id="toll-named-alike"' in page.text
    assert 'href="/tolls/Sivas%20province?outcome=killed"' in page.text
