"""Inquiries in the web app, on a real SQLite database: a family liaison records a report
and sees only their own cases; candidates only with the family's consent; telling the
family only after a forensic identification; every view audited; bad files by line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_pages import form_token, log_in
from tests.e2e.test_web_server import PASSWORD, SECRET, prepared_database
from tollbook.domain.body import Body, Description
from tollbook.exchange.pfif import read_pfif
from tollbook.registry.access import Actor
from tollbook.services import matching, registry
from tollbook.services.accounts import add_user
from tollbook.services.setup import open_database
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web import WebSettings, create_app

FORENSIC = Actor("forensic", "forensic")
#: a second family-liaison worker, besides the seeded ``family_liaison``
OTHER = "petro"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    scratch: Path = tmp_path_factory.mktemp("inquiries")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    uow = open_database(url)
    try:
        add_user(uow, OTHER, "family_liaison", PASSWORD, "test")
    finally:
        uow.dispose()
    return url


@pytest.fixture(scope="module")
def app(database: str) -> FastAPI:
    return create_app(database, WebSettings(secret_key=SECRET))


@pytest.fixture
def uow(database: str) -> Iterator[UnitOfWork]:
    opened = open_database(database)
    try:
        yield opened
    finally:
        opened.dispose()


def client_of(app: FastAPI, username: str) -> tuple[TestClient, str]:
    client = TestClient(app, raise_server_exceptions=False)
    return client, log_in(client, username)


@pytest.fixture
def liaison(app: FastAPI) -> Iterator[tuple[TestClient, str]]:
    client, token = client_of(app, "family_liaison")
    with client:
        yield client, token


@pytest.fixture
def other(app: FastAPI) -> Iterator[tuple[TestClient, str]]:
    client, token = client_of(app, OTHER)
    with client:
        yield client, token


def family_report(report_id: str, token: str, **changes: str | list[str]) -> dict[str, object]:
    form: dict[str, object] = {
        "csrf_token": token,
        "report_id": report_id,
        "family_name": "Koval",
        "given_name": "Iryna",
        "sex": "F",
        "age": "40",
        "height_cm": "165",
        "last_seen_date": "2022-03-10",
        "last_seen_place": "Tsentr",
        "clothing": "coat:black",
        "effects": "keys",
        "contact": "sister, +380 00 000 0000",
        "consent": ["matching", "sharing"],
        # these tests record the same person under several ids on purpose
        "not_a_duplicate": "yes",
    }
    form.update(changes)
    return form


def add_body(uow: UnitOfWork, ref: str) -> None:
    body = Body(
        ref,
        Description("F", "adult", 165, ("coat:black",), (), ("keys",)),
        recovered_district="Tsentr",
        recovered_on=date(2022, 3, 12),
        label="written on the wrap",
    )
    registry.add_body(uow, body, FORENSIC, location="street")


def audit_views(uow: UnitOfWork, report_id: str) -> list[str]:
    with uow:
        entries = uow.audit.entries(entity="missing_report", entity_id=report_id)
    return [e.actor for e in entries if e.action == "view"]


def test_a_liaison_records_a_report_and_only_they_see_it(
    liaison: tuple[TestClient, str], other: tuple[TestClient, str], app: FastAPI
) -> None:
    client, token = liaison
    form = client.get("/inquiries/new")
    assert form.status_code == 200
    assert 'name="consent" value="matching"' in form.text and "never exported" in form.text
    made = client.post(
        "/inquiries", data=family_report("FAM-1", token, liaison="someone"), follow_redirects=False
    )
    assert made.status_code == 303, made.text
    assert made.headers["location"] == "/inquiries/FAM-1"
    page = client.get("/inquiries/FAM-1")
    assert page.status_code == 200
    assert "Koval Iryna" in page.text and "Nothing on this page tells the family" in page.text
    assert re.search(r"<dt>Liaison</dt><dd>family_liaison</dd>", page.text)
    listed = client.get("/api/inquiries").json()
    assert "FAM-1" in [i["report_id"] for i in listed["items"]]

    stranger, _ = other
    assert stranger.get("/inquiries/FAM-1").status_code == 403
    refused = stranger.get("/api/inquiries/FAM-1")
    assert refused.status_code == 403 and refused.json()["ok"] is False
    assert stranger.get("/api/inquiries/FAM-1/candidates").status_code == 403
    theirs = stranger.get("/api/inquiries").json()["items"]
    assert "FAM-1" not in [i["report_id"] for i in theirs]
    assert "Koval" not in stranger.get("/inquiries").text
    assert stranger.get("/api/inquiries/NOPE-9").status_code == 404

    forensic, _ = client_of(app, "forensic")
    with forensic:
        assert "FAM-1" in forensic.get("/inquiries").text
    recorder, _ = client_of(app, "recorder")
    with recorder:
        assert recorder.get("/inquiries").status_code == 403


def test_every_view_and_listing_is_audited(
    liaison: tuple[TestClient, str], uow: UnitOfWork
) -> None:
    client, token = liaison
    client.post("/inquiries", data=family_report("FAM-2", token))
    before = audit_views(uow, "FAM-2")
    assert client.get("/inquiries/FAM-2").status_code == 200
    after = audit_views(uow, "FAM-2")
    assert len(after) > len(before) and after[-1] == "family_liaison:family_liaison"
    with uow:
        lists = [e for e in uow.audit.entries(entity="missing_report") if e.action == "list"]
    count = len(lists)
    client.get("/inquiries?status=open")
    with uow:
        lists = [e for e in uow.audit.entries(entity="missing_report") if e.action == "list"]
    assert len(lists) == count + 1 and "FAM-2" in lists[-1].after["shown"]


def test_candidates_only_with_consent_to_matching_and_only_for_the_forensic_team(
    liaison: tuple[TestClient, str], uow: UnitOfWork, app: FastAPI
) -> None:
    add_body(uow, "MAR-T03-0101")
    client, token = liaison
    client.post("/inquiries", data=family_report("FAM-3", token))
    client.post("/inquiries", data=family_report("FAM-4", token, consent=["sharing"]))

    page = client.get("/inquiries/FAM-3")  # a provisional match never reaches a liaison
    assert 'id="forensic-only"' in page.text
    assert "MAR-T03-0101" not in page.text and "effects: keys" not in page.text
    assert client.get("/api/inquiries/FAM-3/candidates").status_code == 403

    forensic, _ = client_of(app, "forensic")
    with forensic:
        shown = forensic.get("/inquiries/FAM-3").text
        assert 'href="/bodies/MAR-T03-0101"' in shown and "effects: keys" in shown
        found = forensic.get("/api/inquiries/FAM-3/candidates").json()
        assert found["candidates"][0]["body_ref"] == "MAR-T03-0101"
        assert {f["feature"] for f in found["candidates"][0]["features"]} >= {"sex", "effects"}

        refused = forensic.get("/inquiries/FAM-4")
        assert "has not consented to matching" in refused.text
        assert "MAR-T03-0101" not in refused.text
        api = forensic.get("/api/inquiries/FAM-4/candidates")
        assert api.status_code == 422 and "not consented to matching" in api.json()["error"]


def test_the_family_is_told_only_after_an_identification(
    liaison: tuple[TestClient, str], other: tuple[TestClient, str], uow: UnitOfWork
) -> None:
    client, token = liaison
    client.post("/inquiries", data=family_report("FAM-5", token))
    page = client.get("/inquiries/FAM-5")
    assert 'id="notify-form"' not in page.text
    early = client.post("/inquiries/FAM-5/notify", data={"csrf_token": token, "notes": "told"})
    assert early.status_code == 422 and "no confirmed identification" in early.text
    assert not identification_told(uow, "FAM-5")

    add_body(uow, "MAR-T03-0102")
    matching.confirm_identification(uow, "MAR-T03-0102", "FAM-5", "dna", FORENSIC)
    page = client.get("/inquiries/FAM-5")
    assert 'id="notify-form"' in page.text and "MAR-T03-0102" in page.text
    assert "identified, family not told" in page.text

    no_notes = client.post("/inquiries/FAM-5/notify", data={"csrf_token": token, "notes": " "})
    assert no_notes.status_code == 422 and "notes" in no_notes.text
    stranger, other_token = other
    denied = stranger.post(
        "/inquiries/FAM-5/notify", data={"csrf_token": other_token, "notes": "told them"}
    )
    assert denied.status_code == 403
    assert not identification_told(uow, "FAM-5")

    told = client.post(
        "/inquiries/FAM-5/notify",
        data={"csrf_token": token, "notes": "in person at home, 2022-04-02"},
        follow_redirects=False,
    )
    assert told.status_code == 303
    assert identification_told(uow, "FAM-5")
    page = client.get(told.headers["location"])
    assert "family told" in page.text and 'id="notify-form"' not in page.text
    history = client.get("/api/inquiries/FAM-5").json()["history"]
    assert [e["what"] for e in history] == ["recorded", "identified", "family told"]
    again = client.post("/api/inquiries/FAM-5/notify", json={"notes": "x"}, headers=csrf(token))
    assert again.status_code == 422 and "told already" in again.json()["error"]
    told_cases = client.get("/api/inquiries?status=told").json()["items"]
    assert [c["report_id"] for c in told_cases] == ["FAM-5"]

    client.post("/inquiries", data=family_report("FAM-8", token, consent=["matching"]))
    exported = client.get("/inquiries/export.pfif")
    assert "attachment" in exported.headers["content-disposition"]
    assert b"+380" not in exported.content  # never the family's contact
    persons, _ = read_pfif(exported.content, "x")
    notes = {p.record_id: [n.status for n in p.notes] for p in persons}
    assert notes["tollbook.local/FAM-5"] == ["believed_dead"]
    assert notes["tollbook.local/FAM-3"] == []
    assert "tollbook.local/FAM-8" not in notes  # no consent to sharing


def identification_told(uow: UnitOfWork, report_id: str) -> bool:

    with UnitOfWork(uow.engine) as store:
        found = store.registry.identification(report_id=report_id)
    return found is not None and found.notified_at is not None


def csrf(token: str) -> dict[str, str]:
    return {"X-CSRF-Token": token}


def test_a_bad_form_field_is_named_and_nothing_is_recorded(
    liaison: tuple[TestClient, str],
) -> None:
    client, token = liaison
    bad = client.post("/inquiries", data=family_report("FAM-6", token, last_seen_date="10 March"))
    assert bad.status_code == 422
    assert "Nothing was recorded. last_seen_date:" in bad.text
    assert 'value="Koval"' in bad.text  # what was typed is kept
    assert client.get("/api/inquiries/FAM-6").status_code == 404
    api = client.post(
        "/api/inquiries",
        json={"report_id": "FAM-7", "given_name": "Ivan", "consent": ["publish"]},
        headers=csrf(token),
    )
    assert api.status_code == 422 and api.json()["errors"][0]["loc"] == ["body", "consent"]
    made = client.post(
        "/api/inquiries",
        json={"report_id": "FAM-7", "given_name": "Ivan", "marks": ["scar left hand"]},
        headers=csrf(token),
    )
    assert made.status_code == 201 and made.json()["inquiry"]["liaison"] == "family_liaison"
    again = client.post(
        "/api/inquiries", json={"report_id": "FAM-7", "given_name": "Ivan"}, headers=csrf(token)
    )
    assert again.status_code == 422 and "recorded already" in again.json()["error"]


def test_a_bad_csv_row_is_reported_by_line_and_field(
    liaison: tuple[TestClient, str], uow: UnitOfWork
) -> None:
    client, token = liaison
    assert "Import CSV" in client.get("/inquiries/import").text
    csv_text = (
        "report_id,family_name,given_name,sex,last_seen_date,consent\n"
        "CSV-1,Shevchenko,Olena,F,2022-03-11,matching\n"
        "CSV-2,Bondar,Mykola,X,2022-03-12,matching\n"
        "CSV-3,Melnyk,Taras,M,2022-03-13,\n"
    )
    done = client.post(
        "/inquiries/import/csv",
        data={"csrf_token": token},
        files={"upload": ("families.csv", csv_text.encode(), "text/csv")},
    )
    assert done.status_code == 200  # the good rows are kept; the bad one is listed
    assert "families.csv:3: field &#39;sex&#39;" in done.text
    assert "2 reports recorded" in done.text
    with uow:
        [entry] = [
            e for e in uow.audit.entries(entity="missing_report") if e.action == "import_reports"
        ]
    assert entry.entity_id == "families.csv"  # the upload's name, not a scratch path
    listed = [i["report_id"] for i in client.get("/api/inquiries?limit=500").json()["items"]]
    assert "CSV-1" in listed and "CSV-3" in listed and "CSV-2" not in listed

    binary = client.post(
        "/inquiries/import/csv",
        data={"csrf_token": token},
        files={"upload": ("x.csv", b"\x00\x01\x02", "text/csv")},
    )
    assert binary.status_code == 422 and "x.csv" in binary.text

    xml = (
        '<?xml version="1.0"?><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">'
        "<pfif:person><pfif:person_record_id>other.org/P1</pfif:person_record_id>"
        "<pfif:full_name>Petrenko Anna</pfif:full_name><pfif:sex>female</pfif:sex>"
        "</pfif:person></pfif:pfif>"
    )
    pfif = client.post(
        "/inquiries/import/pfif",
        data={"csrf_token": token, "consent": "matching"},
        files={"upload": ("persons.xml", xml.encode(), "application/xml")},
    )
    assert pfif.status_code == 200, pfif.text
    assert "1 persons recorded" in pfif.text
    page = client.get("/inquiries/other.org/P1")
    assert page.status_code == 200 and "Petrenko Anna" in page.text


def test_a_liaison_cannot_import_into_another_liaisons_cases(
    liaison: tuple[TestClient, str], other: tuple[TestClient, str], uow: UnitOfWork
) -> None:
    client, token = liaison
    mine = (
        '<?xml version="1.0"?><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">'
        "<pfif:person><pfif:person_record_id>own.org/P7</pfif:person_record_id>"
        "<pfif:full_name>Koval Iryna</pfif:full_name></pfif:person></pfif:pfif>"
    )
    own = client.post(
        "/inquiries/import/pfif",
        data={"csrf_token": token, "consent": "matching"},
        files={"upload": ("mine.xml", mine.encode(), "application/xml")},
    )
    assert own.status_code == 200, own.text
    stranger, stranger_token = other
    theirs = (
        "report_id,family_name,given_name,sex,liaison,consent\n"
        "CSV-X1,Lysenko,Petro,M,family_liaison,matching\n"
        "CSV-X2,Lysenko,Maria,F,,matching\n"
    )
    done = stranger.post(
        "/inquiries/import/csv",
        data={"csrf_token": stranger_token},
        files={"upload": ("theirs.csv", theirs.encode(), "text/csv")},
    )
    assert done.status_code == 200 and "theirs.csv:2: field &#39;liaison&#39;" in done.text
    assert "CSV-X1" not in [
        i["report_id"] for i in client.get("/api/inquiries?limit=500").json()["items"]
    ]
    assert stranger.get("/api/inquiries/CSV-X2").json()["inquiry"]["liaison"] == OTHER

    planted = (
        '<?xml version="1.0"?><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">'
        "<pfif:person><pfif:person_record_id>own.org/P7</pfif:person_record_id>"
        "<pfif:full_name>Koval Iryna</pfif:full_name>"
        "<pfif:note><pfif:note_record_id>x.org/n1</pfif:note_record_id>"
        "<pfif:person_record_id>own.org/P7</pfif:person_record_id>"
        "<pfif:author_name>someone</pfif:author_name><pfif:status>believed_dead</pfif:status>"
        "<pfif:text>planted</pfif:text></pfif:note>"
        "</pfif:person></pfif:pfif>"
    )
    refused = stranger.post(
        "/inquiries/import/pfif",
        data={"csrf_token": stranger_token, "consent": "matching"},
        files={"upload": ("planted.xml", planted.encode(), "application/xml")},
    )
    assert refused.status_code == 422 and "another liaison" in refused.text
    assert "planted" not in client.get("/inquiries/own.org/P7").text


def test_the_listing_pages_and_filters_by_status(liaison: tuple[TestClient, str]) -> None:
    client, token = liaison
    for n in range(3):
        client.post("/inquiries", data=family_report(f"PAGE-{n}", token))
    first = client.get("/api/inquiries?limit=2").json()
    assert first["count"] == 2 and first["next"]
    assert client.get("/api/inquiries?status=lost").status_code == 422
    page = client.get("/inquiries?limit=2")
    assert 'rel="next"' in page.text and form_token(page.text)


def test_the_liaison_sees_the_identified_body_of_their_own_case_only(
    liaison: tuple[TestClient, str], other: tuple[TestClient, str], uow: UnitOfWork, app: FastAPI
) -> None:
    client, token = liaison
    assert client.post("/inquiries", data=family_report("LIFE-1", token)).status_code == 200
    add_body(uow, "MAR-T05-0001")
    stranger, _ = other
    # before the identification the body is no case of theirs
    assert client.get("/bodies/MAR-T05-0001").status_code == 403
    matching.confirm_identification(uow, "MAR-T05-0001", "LIFE-1", "dna", FORENSIC)

    page = client.get("/bodies/MAR-T05-0001")
    assert page.status_code == 200, page.text
    assert "written on the wrap" in page.text and 'id="custody-chain"' in page.text
    assert 'id="move-form"' not in page.text and 'id="add-part"' not in page.text
    api = client.get("/api/bodies/MAR-T05-0001")
    assert api.status_code == 200 and api.json()["body"]["identified_as"] == "LIFE-1"
    inquiry = client.get("/inquiries/LIFE-1")
    assert 'href="/bodies/MAR-T05-0001"' in inquiry.text

    assert stranger.get("/bodies/MAR-T05-0001").status_code == 403
    assert stranger.get("/api/bodies/MAR-T05-0001").status_code == 403
    assert client.get("/bodies").status_code == 403  # the register stays the staff's
    recorder, _ = client_of(app, "recorder")
    with recorder:
        assert recorder.get("/bodies/MAR-T05-0001").status_code == 403


def test_the_life_of_a_case_over_http(
    liaison: tuple[TestClient, str], other: tuple[TestClient, str], uow: UnitOfWork, app: FastAPI
) -> None:
    client, token = liaison
    for report_id in ("LIFE-2", "LIFE-3"):
        client.post("/inquiries", data=family_report(report_id, token))
    # found alive: the liaison closes the case; it leaves the open queue
    assert 'id="found-alive-form"' in client.get("/inquiries/LIFE-2").text
    bad = client.post(
        "/inquiries/LIFE-2/found-alive",
        data={"csrf_token": token, "found_by": "neighbour", "found_on": "April", "how": "seen"},
    )
    assert bad.status_code == 422 and "found_on" in bad.text
    alive = client.post(
        "/inquiries/LIFE-2/found-alive",
        data={
            "csrf_token": token,
            "found_by": "neighbour",
            "found_on": "2022-04-01",
            "how": "seen",
        },
        follow_redirects=False,
    )
    assert alive.status_code == 303
    page = client.get(alive.headers["location"])
    assert "found alive" in page.text and 'id="found-alive-form"' not in page.text
    open_ids = [
        i["report_id"] for i in client.get("/api/inquiries?status=open&limit=500").json()["items"]
    ]
    assert "LIFE-2" not in open_ids and "LIFE-3" in open_ids

    # identified, told, then revoked by a forensic user: the liaison is alerted
    add_body(uow, "MAR-T05-0002")
    matching.confirm_identification(uow, "MAR-T05-0002", "LIFE-3", "visual", FORENSIC)
    client.post("/inquiries/LIFE-3/notify", data={"csrf_token": token, "notes": "at home"})
    assert (
        client.post(
            "/bodies/MAR-T05-0002/revoke", data={"csrf_token": token, "reason": "x"}
        ).status_code
        == 403
    )
    forensic, forensic_token = client_of(app, "forensic")
    with forensic:
        assert 'id="revoke-form"' in forensic.get("/bodies/MAR-T05-0002").text
        empty = forensic.post(
            "/bodies/MAR-T05-0002/revoke", data={"csrf_token": forensic_token, "reason": " "}
        )
        assert empty.status_code == 422 and "reason" in empty.text
        done = forensic.post(
            "/bodies/MAR-T05-0002/revoke",
            data={"csrf_token": forensic_token, "reason": "teeth do not match"},
        )
        assert done.status_code == 200 and "Identification revoked" in done.text
    alerts = client.get("/inquiries")
    assert 'id="alerts"' in alerts.text and "teeth do not match" in alerts.text
    assert "correct it with them in person" in alerts.text
    assert 'id="alerts"' not in other[0].get("/inquiries").text
    assert client.get("/bodies/MAR-T05-0002").status_code == 403  # no longer their case's body

    # released: a forensic user records the release of an identified body
    add_body(uow, "MAR-T05-0003")
    matching.confirm_identification(uow, "MAR-T05-0003", "LIFE-3", "dna", FORENSIC)
    with forensic:
        released = forensic.post(
            "/api/bodies/MAR-T05-0003/release",
            json={"to_whom": "Koval Olena, sister", "released_on": "2022-04-09"},
            headers=csrf(forensic_token),
        )
        assert released.status_code == 200 and released.json()["status"] == "released"
    history = client.get("/api/inquiries/LIFE-3").json()["history"]
    assert [e["what"] for e in history][-1] == "body released"
    assert "Koval Olena" in client.get("/bodies/MAR-T05-0003").text

    # reassigned: only an admin hands cases to another liaison; a new liaison sees them
    add_user(uow, "nadia", "family_liaison", PASSWORD, "test")
    newcomer, newcomer_token = client_of(app, "nadia")
    with newcomer:
        assert 'id="no-cases"' in newcomer.get("/inquiries").text
        refused = newcomer.post(
            "/inquiries-reassign",
            data={
                "csrf_token": newcomer_token,
                "from_liaison": "family_liaison",
                "to_liaison": "nadia",
                "report_ids": "LIFE-3",
            },
        )
        assert refused.status_code == 403
        admin, admin_token = client_of(app, "admin")
        with admin:
            assert 'id="reassign-form"' in admin.get("/inquiries").text
            moved = admin.post(
                "/inquiries-reassign",
                data={
                    "csrf_token": admin_token,
                    "from_liaison": "family_liaison",
                    "to_liaison": "nadia",
                    "report_ids": "LIFE-3",
                },
            )
            assert moved.status_code == 200 and "1 cases handed over" in moved.text
        listed = newcomer.get("/inquiries").text
        assert "LIFE-3" in listed and 'id="no-cases"' not in listed
        assert newcomer.get("/inquiries/LIFE-3").status_code == 200
    assert client.get("/inquiries/LIFE-3").status_code == 403
    with uow:
        actions = [e.action for e in uow.audit.entries(entity="missing_report")]
    assert {"found_alive", "reassign_cases"} <= set(actions)


def test_the_familys_own_words_are_kept_shown_and_matched(
    liaison: tuple[TestClient, str], uow: UnitOfWork, app: FastAPI
) -> None:
    """Issue 17: a family's free text in Ukrainian and a district in Cyrillic match a body
    coded ``jacket:green``, ``tattoo:anchor:left shoulder`` in district ``stepovyi``."""
    body = Body(
        "MAR-T09-0017",
        Description("F", "adult", None, ("jacket:green",), ("tattoo:anchor:left shoulder",)),
        recovered_district="stepovyi",
        recovered_on=date(2022, 3, 12),
    )
    registry.add_body(uow, body, FORENSIC, location="street")
    client, token = liaison
    words = "Зелена куртка, татуювання якоря на лівому плечі"
    made = client.post(
        "/api/inquiries",
        json={
            "report_id": "WORDS-1",
            "family_name": "Koval",
            "sex": "F",
            "last_seen_date": "2022-03-10",
            "last_seen_place": "Степовий",
            "description": words,
            "consent": ["matching"],
        },
        headers=csrf(token),
    )
    assert made.status_code == 201 and made.json()["inquiry"]["description"] == words
    assert words in client.get("/inquiries/WORDS-1").text
    forensic, _ = client_of(app, "forensic")
    with forensic:
        found = forensic.get("/api/inquiries/WORDS-1/candidates").json()["candidates"]
    best = found[0]
    assert best["body_ref"] == "MAR-T09-0017"
    points = {f["feature"]: f["points"] for f in best["features"]}
    assert points["clothing"] > 0 and points["marks"] > 0 and points["place"] > 0


def test_the_form_takes_the_familys_own_words(liaison: tuple[TestClient, str]) -> None:
    """The new-inquiry form has a box for the family's free text; what is typed there is
    kept with the report and shown on its page, and the form keeps it when it comes back."""
    client, token = liaison
    assert 'name="description"' in client.get("/inquiries/new").text
    words = "зелёная куртка, наколка якорь на левом плече"
    made = client.post(
        "/inquiries",
        data=family_report("WORDS-2", token, description=words),
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    assert words in client.get("/inquiries/WORDS-2").text
    refused = client.post(
        "/inquiries", data=family_report("WORDS-3", token, description=words, sex="X")
    )
    assert refused.status_code == 422 and words in refused.text
