"""The forensic pages on a real SQLite database: graves and bodies imported (bad rows
reported by line and field, nothing half-written), a body added, moved, photographed and
identified; the roles without the ``bodies`` permission refused; every view audited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_pages import form_token, log_in
from tests.e2e.test_web_server import SECRET, prepared_database
from tollbook.domain.missing import MissingReport
from tollbook.registry.access import Actor
from tollbook.services.audit import audit_page
from tollbook.services.registry import add_report
from tollbook.services.setup import open_database
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web import WebSettings, create_app

SITES = "site,name,lat,lon\nW1,West Cemetery,47.6147,36.4055\n"
TRENCHES = (
    "trench_id,site,number,length_m,bearing_deg,marker_lat,marker_lon,opened\n"
    "W1-T01,W1,1,30,90,47.6147,36.4055,2022-03-20\n"
)
BODIES_HEADER = (
    "body_ref,apparent_sex,apparent_age,height_cm,clothing,found_district,"
    "buried_on,trench_id,position,distance_m,label\n"
)
GOOD_ROWS = (
    "W1-T01-001,F,adult,164,coat:red,Tsentr,2022-03-21,W1-T01,1,0.5,Olena Koval\n"
    "W1-T01-002,M,elderly,170,,Tsentr,2022-03-21,W1-T01,2,1.4,\n"
)
BAD_ROW = "W1-T01-003,X,adult,,,Tsentr,2022-03-22,W1-T01,3,2.0,\n"
#: the first bytes of a PNG file are all the service looks at
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bodies")


def _new_app(folder: Path) -> FastAPI:
    """The app on a new database in ``folder``: users of every role and one family's
    report of a missing woman, no graves or bodies."""
    url = prepared_database(f"sqlite:///{folder / 'tollbook.db'}")
    uow = open_database(url)
    try:
        report = MissingReport(
            report_id="MR-0001",
            family_name="Koval",
            given_name="Olena",
            sex="F",
            age=40,
            height_cm=165,
            last_seen_date=date(2022, 3, 19),
            last_seen_place="Tsentr",
            clothing=("coat:red",),
            consent=("matching",),
            liaison="family_liaison",
        )
        add_report(uow, report, Actor("liaison", "family_liaison"))
    finally:
        uow.dispose()
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture(scope="module")
def app(scratch: Path) -> FastAPI:
    """The app with a cemetery, a trench and two bodies buried in it (W1-T01-001, -002)
    imported, so that each test also passes run on its own."""
    made = _new_app(scratch)
    with TestClient(made) as client:
        token = log_in(client, "forensic")
        _import_graves(client, token)
        done = client.post(
            "/bodies/import",
            data={"csrf_token": token},
            files={"bodies": _csv("bodies.csv", BODIES_HEADER + GOOD_ROWS)},
        )
        assert done.status_code == 200, done.text
    return made


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as opened:
        yield opened


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    """A client of the app on a database with no graves or bodies yet."""
    with TestClient(_new_app(tmp_path), raise_server_exceptions=False) as opened:
        yield opened


def _csv(name: str, text: str) -> tuple[str, bytes, str]:
    return (name, text.encode(), "text/csv")


def _import_graves(client: TestClient, token: str) -> None:
    done = client.post(
        "/graves/import",
        data={"csrf_token": token},
        files={"sites": _csv("sites.csv", SITES), "trenches": _csv("trenches.csv", TRENCHES)},
    )
    assert done.status_code == 200, done.text
    assert 'id="import-done"' in done.text


def _audit(app: FastAPI, **filters: str) -> list[dict[str, object]]:
    uow = UnitOfWork(app.state.tollbook.engine)
    return [
        {"action": e.action, "entity_id": e.entity_id, "actor": e.actor, "after": e.after}
        for e in audit_page(uow, limit=500, **filters)  # type: ignore[arg-type]
    ]


def test_imports_list_bad_rows_by_line_and_field_and_store_nothing_then_all(
    empty_client: TestClient,
) -> None:
    client = empty_client
    token = log_in(client, "forensic")
    bad_trenches = TRENCHES + "W1-T02,W9,2,abc,90,,,\n"
    refused = client.post(
        "/graves/import",
        data={"csrf_token": token},
        files={"sites": _csv("s.csv", SITES), "trenches": _csv("t.csv", bad_trenches)},
    )
    assert refused.status_code == 422
    assert "Nothing was stored" in refused.text
    assert re.search(r"<td>t\.csv</td><td class=\"num\">3</td><td>length_m</td>", refused.text)
    assert client.get("/api/graves").json()["sites"] == []  # not even the good rows

    _import_graves(client, token)
    bodies = BODIES_HEADER + GOOD_ROWS + BAD_ROW
    refused = client.post(
        "/bodies/import",
        data={"csrf_token": token},
        files={"bodies": _csv("bodies.csv", bodies)},
    )
    assert refused.status_code == 422
    assert re.search(
        r"<td>bodies\.csv</td><td class=\"num\">4</td><td>apparent_sex</td>", refused.text
    )
    assert "tollbook-upload" not in refused.text  # the upload's name, not a scratch path
    assert client.get("/api/bodies/W1-T01-001").status_code == 404  # nothing half-written

    as_api = client.post(
        "/api/bodies/import",
        headers={"X-CSRF-Token": token},
        files={"bodies": _csv("bodies.csv", bodies)},
    )
    assert as_api.status_code == 422
    assert as_api.json()["problems"][0] | {"text": None} == {
        "file": "bodies.csv",
        "line": 4,
        "field": "apparent_sex",
        "message": "'X' is not M, F or empty",
        "text": None,
    }

    done = client.post(
        "/bodies/import",
        data={"csrf_token": token},
        files={"bodies": _csv("bodies.csv", BODIES_HEADER + GOOD_ROWS)},
    )
    assert done.status_code == 200 and "2 added, 0 already known" in done.text
    binary = client.post(
        "/bodies/import",
        data={"csrf_token": token},
        files={"bodies": ("b.csv", b"\x00\x01\x02", "text/csv")},
    )
    assert binary.status_code == 422 and "b.csv: a binary file" in binary.text

    graves = client.get("/graves").text
    assert "West Cemetery" in graves and "/graves/W1/trenches/W1-T01" in graves
    trench = client.get("/graves/W1/trenches/W1-T01")
    assert 'href="/bodies/W1-T01-001"' in trench.text and "Olena" not in trench.text
    plan = client.get("/graves/W1/trenches/W1-T01/plan.svg")
    assert plan.headers["content-type"] == "image/svg+xml" and "W1-T01-002" in plan.text
    assert client.get("/graves/XX/trenches/W1-T01").status_code == 404
    listed = client.get("/api/bodies?site=W1&status=buried").json()
    assert [b["ref"] for b in listed["items"]] == ["W1-T01-001", "W1-T01-002"]
    assert listed["items"][0]["position"]["trench"] == "W1-T01"
    assert listed["items"][0]["label"] == "Olena Koval"  # forensic staff see names


def test_forensic_adds_a_body_moves_it_and_adds_a_part(client: TestClient) -> None:
    token = log_in(client, "forensic")
    form = client.get("/bodies/new")
    assert form.status_code == 200 and 'name="body_ref"' in form.text
    bad = client.post(
        "/bodies",
        data={"csrf_token": token, "body_ref": "nonsense", "height_cm": "170"},
    )
    assert bad.status_code == 422
    assert "body_ref" in bad.text and "is not a body reference" in bad.text
    assert 'value="170"' in bad.text  # what was typed is kept
    tall = client.post(
        "/bodies", data={"csrf_token": token, "body_ref": "MAR-T03-0001", "height_cm": "900"}
    )
    assert tall.status_code == 422 and "height_cm: 900 is outside 30 to 250" in tall.text

    added = client.post(
        "/bodies",
        data={
            "csrf_token": token,
            "body_ref": "mar-t03-0042",
            "apparent_sex": "F",
            "apparent_age": "adult",
            "height_cm": "166",
            "clothing": "coat:red; boots",
            "found_district": "Tsentr",
            "recovered_on": "2022-03-20",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text
    assert added.headers["location"] == "/bodies/MAR-T03-0042?done=added"
    again = client.post("/bodies", data={"csrf_token": token, "body_ref": "MAR-T03-0042"})
    assert again.status_code == 422 and "registered already" in again.text

    morgue = client.post(
        "/morgues",
        data={"csrf_token": token, "code": "M1", "name": "City morgue", "capacity": "1"},
        follow_redirects=False,
    )
    assert morgue.status_code == 303
    no_reason = client.post(
        "/bodies/MAR-T03-0042/move",
        data={"csrf_token": token, "to_status": "stored", "to_location": "morgue:M1"},
    )
    assert no_reason.status_code == 422 and "reason" in no_reason.text
    moved = client.post(
        "/bodies/MAR-T03-0042/move",
        data={
            "csrf_token": token,
            "to_status": "stored",
            "to_location": "morgue:M1",
            "reason": "examination",
        },
        follow_redirects=False,
    )
    assert moved.status_code == 303
    page = client.get("/bodies/MAR-T03-0042")
    chain = page.text.split('id="custody-chain"')[1].split("</table>")[0]
    assert chain.count("<tr>") == 3  # header, registered, stored
    assert "morgue:M1" in chain and "examination" in chain
    assert '<span class="status stored" id="body-status">' in page.text
    label = page.text.split('id="label"')[1].split("</figure>")[0]
    assert "<svg" in label and ">MAR-T03-0042</text>" in label

    wrong = client.post(
        "/bodies/MAR-T03-0042/move",
        data={"csrf_token": token, "to_status": "exhumed", "reason": "x"},
    )
    assert wrong.status_code == 422 and "cannot become exhumed" in wrong.text
    by_move = client.post(
        "/bodies/MAR-T03-0042/move",
        data={"csrf_token": token, "to_status": "identified", "reason": "x"},
    )
    assert by_move.status_code == 422 and "only by confirming" in by_move.text

    client.post("/bodies", data={"csrf_token": token, "body_ref": "MAR-T03-0043"})
    full = client.post(
        "/bodies/MAR-T03-0043/move",
        data={
            "csrf_token": token,
            "to_status": "stored",
            "to_location": "morgue:M1",
            "reason": "r",
        },
    )
    assert full.status_code == 422 and "morgue M1 is full (1 of 1)" in full.text
    assert '<strong class="error">full</strong>' in client.get("/morgues").text

    part = client.post(
        "/bodies/MAR-T03-0042/parts",
        data={"csrf_token": token, "condition": "left hand", "apparent_sex": "F"},
        follow_redirects=False,
    )
    assert part.headers["location"] == "/bodies/MAR-T03-0042-P01?done=part"
    assert 'href="/bodies/MAR-T03-0042-P01"' in client.get("/bodies/MAR-T03-0042").text

    api = client.post(
        "/api/bodies/MAR-T03-0043/move",
        json={
            "to_status": "buried",
            "reason": "burial",
            "trench_id": "W1-T01",
            "position": 9,
            "distance_m": 31,
        },
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 422 and "outside trench W1-T01" in api.json()["error"]


def test_candidates_are_explained_and_a_forensic_user_confirms_without_telling_anyone(
    client: TestClient, app: FastAPI
) -> None:
    token = log_in(client, "forensic")
    page = client.get("/bodies/W1-T01-001")
    assert page.status_code == 200
    candidates = page.text.split('id="candidates"')[1]
    assert "MR-0001" in candidates and "sex F vs F" in candidates
    assert "does <strong>not</strong> tell the family" in page.text
    assert "Koval" not in candidates  # candidates are named by their report id only

    log_in(client, "admin")
    admin_page = client.get("/bodies/W1-T01-001")  # as the API: candidates are forensic only
    assert admin_page.status_code == 200 and 'id="candidates"' not in admin_page.text
    assert "MR-0001" not in admin_page.text and "forensic users only" in admin_page.text
    admin = client.post(
        "/bodies/W1-T01-001/identify",
        data={
            "csrf_token": form_token(admin_page.text),
            "report_id": "MR-0001",
            "method": "dna",
        },
    )
    assert admin.status_code == 403 and "(identify)" in admin.text  # forensic users only

    token = log_in(client, "forensic")
    unknown = client.post(
        "/bodies/W1-T01-001/identify",
        data={"csrf_token": token, "report_id": "MR-0001", "method": "guess"},
    )
    assert unknown.status_code == 422 and "unknown method &#39;guess&#39;" in unknown.text
    done = client.post(
        "/bodies/W1-T01-001/identify",
        data={"csrf_token": token, "report_id": "MR-0001", "method": "dna", "notes": "lab 7"},
        follow_redirects=False,
    )
    assert done.headers["location"] == "/bodies/W1-T01-001?done=identified"
    page = client.get(done.headers["location"]).text
    assert "The family has NOT been told" in page
    assert 'href="/inquiries/MR-0001"' in page
    assert '<span class="status identified" id="body-status">' in page
    twice = client.post(
        "/api/bodies/W1-T01-001/identify",
        json={"report_id": "MR-0001", "method": "dna"},
        headers={"X-CSRF-Token": token},
    )
    assert twice.status_code == 422 and "identified already" in twice.json()["error"]
    confirmed = _audit(app, action="confirm_identification")
    assert confirmed and confirmed[0]["actor"] == "forensic:forensic"
    assert _audit(app, action="notify_family") == []


def test_photos_are_images_only_and_served_only_through_a_guarded_route(
    client: TestClient, scratch: Path
) -> None:
    token = log_in(client, "forensic")
    text_file = client.post(
        "/bodies/W1-T01-002/photos",
        data={"csrf_token": token},
        files={"photo": ("notes.txt", b"not a picture", "text/plain")},
    )
    assert text_file.status_code == 422
    assert "notes.txt: not a JPEG or PNG image" in text_file.text
    empty = client.post(
        "/bodies/W1-T01-002/photos", data={"csrf_token": token}, files={"photo": ("e.png", b"")}
    )
    assert empty.status_code == 422 and "e.png: the file is empty" in empty.text
    kept = client.post(
        "/bodies/W1-T01-002/photos",
        data={"csrf_token": token, "caption": "face"},
        files={"photo": ("face.png", PNG, "image/png")},
        follow_redirects=False,
    )
    assert kept.status_code == 303, kept.text
    page = client.get("/bodies/W1-T01-002").text
    found = re.search(r'<img src="(/bodies/W1-T01-002/photos/[0-9a-f]{64})"', page)
    assert found, page
    image = client.get(found.group(1))
    assert image.status_code == 200 and image.content == PNG
    assert image.headers["content-type"] == "image/png"
    assert image.headers["cache-control"] == "no-store"
    assert list((scratch / "photos").glob("*.png"))  # kept next to the database

    log_in(client, "recorder")
    assert client.get(found.group(1)).status_code == 403


@pytest.mark.parametrize("role", ["viewer", "recorder", "family_liaison"])
def test_roles_without_the_bodies_permission_are_refused(client: TestClient, role: str) -> None:
    token = log_in(client, role)
    for path in ("/bodies", "/bodies/W1-T01-002", "/api/bodies", "/graves", "/morgues"):
        response = client.get(path)
        assert response.status_code == 403, (role, path)
        assert "Olena" not in response.text
    refused = client.post(
        "/bodies", data={"csrf_token": token, "body_ref": "MAR-T09-0001"}, follow_redirects=False
    )
    assert refused.status_code == 403
    assert "Bodies</a>" not in client.get("/tolls").text  # and no link to them


def test_every_view_of_a_body_is_in_the_audit_log(client: TestClient, app: FastAPI) -> None:
    log_in(client, "forensic")
    before = len(_audit(app, entity="body", action="view"))
    listing = client.get("/bodies?site=W1")
    assert listing.status_code == 200 and "Olena Koval" in listing.text
    client.get("/bodies/W1-T01-002")
    views = _audit(app, entity="body", action="view")
    assert len(views) >= before + 3  # the list, the body, its custody chain (and matching)
    listed = next(v for v in views if v["entity_id"] == "list")
    assert listed["actor"] == "forensic:forensic"
    assert isinstance(listed["after"], dict)
    assert listed["after"]["refs"] == ["W1-T01-001", "W1-T01-002"]
    assert listed["after"]["site"] == "W1"
    assert any(v["entity_id"] == "W1-T01-002" for v in views[:3])
    bad = client.get("/api/bodies?status=lost")
    assert bad.status_code == 422 and "unknown status 'lost'" in bad.json()["error"]
