"""The lists, persons and linkage pages as a recorder uses them, on a real SQLite database:
import two lists, run linkage, see the persons, decide a queued pair and see the person
change and the decision in the audit log; bad files and mappings reported by row and
field; the same file twice refused; roles without the permission refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.jobs import finished_job, job_result_page
from tests.e2e.test_web_pages import log_in
from tests.e2e.test_web_server import PASSWORD, SECRET, prepared_database
from tollbook.web import WebSettings, create_app

PEOPLE = [
    ("Koval", "Ivan", "Petrovych", "M", "1960-02-01", "2022-03-10", "Central"),
    ("Bondar", "Olena", "Ivanivna", "F", "1975-05-12", "2022-03-11", "Livoberezhnyi"),
    ("Shevchenko", "Mykola", "Olehovych", "M", "1948-11-30", "2022-03-12", "Prymorskyi"),
    ("Tkachenko", "Iryna", "Serhiivna", "F", "1982-07-04", "2022-03-13", "Central"),
    ("Kravchenko", "Andrii", "Vasylovych", "M", "1991-01-21", "2022-03-14", "Kalmiuskyi"),
    ("Melnyk", "Halyna", "Petrivna", "F", "1955-09-09", "2022-03-15", "Prymorskyi"),
    ("Boiko", "Serhii", "Mykolaiovych", "M", "1969-03-03", "2022-03-16", "Livoberezhnyi"),
    ("Kovalenko", "Nadiia", "Volodymyrivna", "F", "1970-05-01", "2022-03-17", "Central"),
    ("Oliinyk", "Petro", "Ivanovych", "M", "1939-12-25", "2022-03-18", "Kalmiuskyi"),
    ("Lysenko", "Tetiana", "Andriivna", "F", "2001-06-16", "2022-03-19", "Central"),
    ("Marchenko", "Viktor", "Hryhorovych", "M", "1963-08-08", "2022-03-20", "Prymorskyi"),
    ("Rudenko", "Liudmyla", "Oleksandrivna", "F", "1958-02-14", "2022-03-21", "Livoberezhnyi"),
]
MORGUE_MAP = (
    "surname=family_name\nname=given_name\nfather=patronymic\nborn=birth_date\ndied=death_date"
)
BURIAL_MAP = "family=family_name\ngiven=given_name\nbirth=birth_date\ndeath=death_date\n"


def morgue_csv() -> bytes:
    rows = [",".join(p) for p in PEOPLE]
    return ("surname,name,father,sex,born,died,district\n" + "\n".join(rows) + "\n").encode()


def burial_csv() -> bytes:
    """The same people, some written otherwise, and a namesake of the first who died
    later elsewhere with no birth date: a pair linkage is unsure of."""
    rows = []
    for i, (family, given, father, sex, born, died, district) in enumerate(PEOPLE):
        if i == 0:
            born = "1960-01-02"  # day and month swapped
        if i == 1:
            given, father = "Elena", ""
        if i == 2:
            born, died = "", "2022-03-14"
        rows.append(",".join((family, given, father, sex, born, died, district)))
    rows.append("Koval,Ivan,,M,,2022-03-25,Kalmiuskyi")
    header = "family,given,patronymic,sex,birth,death,district\n"
    return (header + "\n".join(rows) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    scratch: Path = tmp_path_factory.mktemp("web-lists")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture
def recorder(app: FastAPI) -> Iterator[tuple[TestClient, str]]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, log_in(client, "recorder")


def upload(
    client: TestClient,
    token: str,
    name: str,
    data: bytes,
    list_name: str,
    mapping: str = "",
    **extra: str,
) -> Any:
    return client.post(
        "/lists/import",
        data={"csrf_token": token, "list_name": list_name, "mapping": mapping, **extra},
        files={"upload": (name, data, "text/csv")},
        follow_redirects=False,
    )


def person_of(client: TestClient) -> dict[int, int]:
    """Record id -> person id, from the persons API."""
    found: dict[int, int] = {}
    for person in client.get("/api/persons", params={"limit": 500}).json()["items"]:
        for record in person["records"]:
            found[record["id"]] = person["id"]
    return found


def test_a_recorder_imports_links_and_decides_a_pair(
    app: FastAPI, recorder: tuple[TestClient, str]
) -> None:
    client, token = recorder
    form = client.get("/lists/import")
    assert form.status_code == 200 and 'name="mapping"' in form.text and "patronymic" in form.text

    morgue = upload(client, token, "morgue.csv", morgue_csv(), "morgue", MORGUE_MAP)
    assert morgue.status_code == 200, morgue.text
    assert "Imported 12 of 12 rows of morgue.csv into list" in morgue.text
    assert "(new list)" in morgue.text
    # the burial list names one person twice (two Ivan Kovals): declared on the form
    burial = upload(
        client, token, "burial.csv", burial_csv(), "burial", BURIAL_MAP, has_duplicates="1"
    )
    assert burial.status_code == 200, burial.text
    assert "Imported 13 of 13 rows" in burial.text

    lists = client.get("/lists")
    assert "morgue" in lists.text and "burial" in lists.text and "morgue.csv" in lists.text
    listed = client.get("/api/lists").json()
    assert {
        (s["name"], s["records"], s["imports"], s["has_duplicates"]) for s in listed["lists"]
    } == {("morgue", 12, 1, False), ("burial", 13, 1, True)}
    assert {i["file"] for i in listed["imports"]} == {"morgue.csv", "burial.csv"}
    assert listed["imports"][0]["imported_by"] == "recorder"

    runs = client.get("/linkage")
    assert 'id="run-linkage"' in runs.text and "No run yet" in runs.text
    assert "linkage.js" in runs.text
    ran = client.post(
        "/linkage/runs",
        data={"csrf_token": token, "threshold": "0.5", "review_low": "0.2", "review_high": "0.8"},
        follow_redirects=False,
    )
    assert ran.status_code == 303, ran.text
    result = job_result_page(client, ran.headers["location"])  # run in the background
    assert re.fullmatch(r"/linkage\?run=\d+", result)
    summary = client.get(result)
    assert 'id="run-summary"' in summary.text
    queued = int(re.search(r'id="run-queued">(\d+)<', summary.text).group(1))  # type: ignore[union-attr]
    assert queued >= 1
    (run,) = client.get("/api/linkage/runs").json()["items"]
    assert run["actor"] == "recorder" and run["summary"]["records"] == 25
    assert run["summary"]["queued"] == queued

    persons = client.get("/persons", params={"min_records": 2})
    assert persons.status_code == 200
    assert "Shevchenko Mykola Olehovych" in persons.text and "Bondar Elena" in persons.text
    before = person_of(client)
    assert len(before) == 25

    queue = client.get("/api/linkage/review").json()
    assert queue["count"] == queued
    pair = queue["items"][0]
    a, b = pair["first"]["id"], pair["second"]["id"]
    assert pair["status"] == "pending" and 0.2 <= pair["probability"] < 0.8
    assert {f["field"] for f in pair["explanation"]["fields"]} >= {"family_name", "birth"}
    assert before[a] != before[b], "the pair is uncertain: not one person yet"

    page = client.get("/linkage/review")
    assert f'data-a="{a}" data-b="{b}"' in page.text
    assert "Family name" in page.text and "for the same person" in page.text
    assert 'id="same-person"' in page.text and 'id="different-people"' in page.text

    decided = client.post(
        "/linkage/review/decide",
        data={"csrf_token": token, "record_a": a, "record_b": b, "decision": "confirm"},
        follow_redirects=False,
    )
    assert decided.status_code == 303, decided.text
    after_page = client.get(decided.headers["location"])
    after = person_of(client)
    assert after[a] == after[b]
    assert f'now <a href="/persons/{after[a]}">person {after[a]}</a>' in after_page.text
    assert f'data-a="{a}" data-b="{b}"' not in after_page.text, "the next pair is shown"

    person = client.get(f"/persons/{after[a]}")
    assert person.status_code == 200
    assert f"<td>{a}</td>" in person.text and f"<td>{b}</td>" in person.text
    assert 'id="person-decisions"' in person.text and "the same person" in person.text
    shown = client.get(f"/api/persons/{after[a]}").json()
    one = shown["person"]
    assert {a, b} <= {r["id"] for r in one["records"]}
    assert [
        (d["record_a"], d["record_b"], d["status"], d["decided_by"]) for d in shown["decisions"]
    ] == [(min(a, b), max(a, b), "confirmed", "recorder")]
    assert all(link["explanation"]["fields"] for link in one["links"])

    with TestClient(app) as admin:
        log_in(admin, "admin")
        audit = admin.get("/api/audit", params={"entity": "record_pair"}).json()["items"]
        assert [(e["actor"], e["action"], e["entity_id"]) for e in audit] == [
            ("recorder", "confirm", f"{min(a, b)}-{max(a, b)}")
        ]
        imports = admin.get("/api/audit", params={"entity": "list_import"}).json()["items"]
        assert {e["after"]["file"] for e in imports} == {"morgue.csv", "burial.csv"}
        # reading names is audited: the person read, and the records the queue showed
        views = admin.get("/api/audit", params={"entity": "person"}).json()["items"]
        assert ("recorder", "view", str(after[a])) in {
            (e["actor"], e["action"], e["entity_id"]) for e in views
        }
        queue_views = admin.get("/api/audit", params={"entity": "list_record"}).json()["items"]
        assert any({a, b} <= set(e["after"]["shown"]) for e in queue_views)


def test_the_api_splits_a_pair_only_with_a_reason(
    app: FastAPI, recorder: tuple[TestClient, str]
) -> None:
    client, token = recorder
    headers = {"X-CSRF-Token": token}
    queue = client.get("/api/linkage/review").json()["items"]
    if not queue:  # run alone: import and link first
        upload(client, token, "morgue.csv", morgue_csv(), "morgue", MORGUE_MAP)
        upload(client, token, "burial.csv", burial_csv(), "burial", BURIAL_MAP, has_duplicates="1")
        assert client.post("/api/linkage/runs", json={}, headers=headers).status_code == 200
        queue = client.get("/api/linkage/review").json()["items"]
    a, b = queue[0]["record_a"], queue[0]["record_b"]
    body = {"record_a": a, "record_b": b, "decision": "split"}
    refused = client.post("/api/linkage/decisions", json=body, headers=headers)
    assert refused.status_code == 422 and "reason" in refused.json()["error"]
    same = client.post(
        "/api/linkage/decisions", json={**body, "record_b": a, "reason": "x"}, headers=headers
    )
    assert same.status_code == 422 and "two different records" in same.text
    done = client.post(
        "/api/linkage/decisions", json={**body, "reason": "died 15 days apart"}, headers=headers
    )
    assert done.status_code == 200, done.text
    decision = done.json()["decision"]
    assert decision["status"] == "split" and decision["reason"] == "died 15 days apart"
    assert decision["person_a"] != decision["person_b"]
    assert all(
        p["record_a"] != a or p["record_b"] != b
        for p in client.get("/api/linkage/review").json()["items"]
    )
    bad_band = client.post(
        "/api/linkage/runs", json={"threshold": 0.5, "review_low": 0.6}, headers=headers
    )
    assert bad_band.status_code == 422 and "review band" in bad_band.json()["error"]
    assert client.get("/api/persons/424242").status_code == 404


@pytest.mark.parametrize("role", ["viewer", "forensic", "family_liaison"])
def test_roles_without_lists_see_no_names(app: FastAPI, role: str) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        token = log_in(client, role)
        for path in (
            "/lists",
            "/lists/import",
            "/persons",
            "/persons/1",
            "/linkage",
            "/linkage/review",
            "/api/lists",
            "/api/persons",
            "/api/linkage/review",
        ):
            response = client.get(path)
            assert response.status_code == 403, (role, path)
            assert "Koval" not in response.text
        decision = {"record_a": 1, "record_b": 2, "decision": "confirm"}
        refused = client.post(
            "/api/linkage/decisions", json=decision, headers={"X-CSRF-Token": token}
        )
        assert refused.status_code == 403
        imported = upload(client, token, "x.csv", morgue_csv(), "sneaky", MORGUE_MAP)
        assert imported.status_code == 403
        nav = client.get("/tolls").text
        assert 'href="/lists"' not in nav and 'href="/linkage/review"' not in nav


def test_a_bad_mapping_is_reported_with_the_files_columns(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    url = prepared_database(f"sqlite:///{tmp_path_factory.mktemp('web-lists-bad') / 't.db'}")
    app = create_app(url, WebSettings(secret_key=SECRET))
    with TestClient(app, raise_server_exceptions=False) as client:
        token = log_in(client, "recorder")
        unknown = upload(client, token, "m.csv", morgue_csv(), "m", "surname=nickname")
        assert unknown.status_code == 422
        assert (
            "mapping: &#39;surname=nickname&#39;: unknown field &#39;nickname&#39;" in unknown.text
        )
        assert 'id="file-columns"' in unknown.text and "<code>father</code>" in unknown.text
        # the box now offers every column, with the one entered kept
        assert "surname=nickname\nname=\nfather=\nsex=sex" in unknown.text

        unmapped = upload(client, token, "m.csv", b"nom,prenom\nKoval,Ivan\n", "m")
        assert unmapped.status_code == 422
        assert "m.csv:1: no column is mapped to a name field" in unmapped.text
        assert "add a line COLUMN=family_name" in unmapped.text

        missing = upload(client, token, "m.csv", morgue_csv(), "m", "nom=family_name")
        assert missing.status_code == 422 and "no column &#39;nom&#39;" in missing.text

        pdf = upload(client, token, "m.pdf", b"%PDF-1.4", "m", MORGUE_MAP)
        assert pdf.status_code == 422 and "cannot read .pdf" in pdf.text
        nameless = upload(client, token, "m.csv", morgue_csv(), "  ", MORGUE_MAP)
        assert nameless.status_code == 422 and "give the list a name" in nameless.text
        assert client.get("/api/lists").json()["lists"] == [], "nothing was written"


def test_bad_rows_are_listed_by_row_and_field_and_a_file_is_imported_once(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    url = prepared_database(f"sqlite:///{tmp_path_factory.mktemp('web-lists-rows') / 't.db'}")
    app = create_app(url, WebSettings(secret_key=SECRET))
    data = (
        "прізвище,ім'я,стать,народження,смерть\n"
        "Коваль,Іван,Ч,01.02.1960,2022-03-10\n"
        "Бондар,Олена,?,,2022-03-11\n"
        "Мельник,Галина,Ж,1961-13-01,2022-03-12\n"
        "Ткаченко,Ірина,Ж,1990-01-01,1980-01-01\n"
    ).encode()
    mapping = (
        "прізвище=family_name\nім'я=given_name\nстать=sex\nнародження=birth_date\nсмерть=death_date"
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        token = log_in(client, "recorder")
        result = upload(client, token, "реєстр.csv", data, "morgue", mapping)
        assert result.status_code == 200  # the good row is kept, the bad ones listed
        assert "Imported 1 of 4 rows of реєстр.csv" in result.text
        problems = re.findall(
            r"<tr><td class=\"num\">(\d+)</td><td>(\w+)</td><td>([^<]*)</td></tr>", result.text
        )
        assert [(row, field) for row, field, _ in problems] == [
            ("3", "sex"),
            ("4", "birth_date"),
            ("5", "birth_date"),
        ]
        assert "not a sex" in problems[0][2] and "no such date" in problems[1][2]
        assert 'id="import-unused"' not in result.text, "every column is mapped"

        known = "Прізвище,Ім’я,Дата смерті,Примітка\nКоваль,Іван,10.03.2022,школа\n"
        named = upload(client, token, "family.csv", known.encode(), "family")
        assert named.status_code == 200 and "Imported 1 of 1 rows" in named.text
        assert 'id="import-unused"' in named.text and "<code>Примітка</code>" in named.text
        listed = client.get("/api/lists").json()
        assert [i["unused_columns"] for i in listed["imports"] if i["list"] == "family"] == [
            ["Примітка"]
        ]
        assert "not imported: <code>Примітка</code>" in client.get("/lists").text

        again = upload(client, token, "реєстр.csv", data, "morgue", mapping)
        assert again.status_code == 422
        assert "реєстр.csv was imported into list &#39;morgue&#39; already" in again.text
        assert "nothing was imported" in again.text
        assert 'id="file-columns"' not in again.text
        morgue = {s["name"]: s for s in client.get("/api/lists").json()["lists"]}["morgue"]
        assert morgue["records"] == 1 and morgue["imports"] == 1

        headers = {"X-CSRF-Token": token}
        api = client.post(
            "/api/lists/import",
            data={"list": "hospital", "mapping": mapping, "lenient": "true"},
            files={"file": ("реєстр.csv", data, "text/csv")},
            headers=headers,
        )
        assert api.status_code == 201, api.text
        body = api.json()
        assert body["imported"] == 3 and body["new_list"] is True
        assert [(w["line"], w["field"]) for w in body["warnings"]] == [
            (3, "sex"),
            (4, "birth_date"),
        ]
        assert [(p["line"], p["field"]) for p in body["problems"]] == [(5, "birth_date")]

        bad = b"surname\n" + b"x,y,z\n"
        nothing = client.post(
            "/api/lists/import",
            data={"list": "broken", "mapping": "surname=family_name"},
            files={"file": ("b.csv", bad, "text/csv")},
            headers=headers,
        )
        assert nothing.status_code == 422
        assert "nothing was written" in nothing.json()["error"]
        assert nothing.json()["errors"][0]["loc"] == [2, None]
        names = {s["name"] for s in client.get("/api/lists").json()["lists"]}
        assert names == {"morgue", "hospital", "family"}


def test_an_empty_database_says_what_to_do(tmp_path_factory: pytest.TempPathFactory) -> None:
    url = prepared_database(f"sqlite:///{tmp_path_factory.mktemp('web-lists-empty') / 't.db'}")
    app = create_app(url, WebSettings(secret_key=SECRET))
    with TestClient(app, raise_server_exceptions=False) as client:
        token = log_in(client, "admin", PASSWORD)
        assert "No list yet" in client.get("/lists").text
        assert "No persons" in client.get("/persons").text
        assert 'id="queue-empty"' in client.get("/linkage/review").text
        ran = client.post("/linkage/runs", data={"csrf_token": token}, follow_redirects=False)
        assert ran.status_code == 303  # the job starts, and stops saying why
        job = finished_job(client, ran.headers["location"])
        assert job["status"] == "failed" and "import lists first" in job["error"]
        page = client.get(ran.headers["location"]).text
        assert 'id="job-error"' in page and "import lists first" in page
        again = client.post("/api/linkage/runs", json={}, headers={"X-CSRF-Token": token})
        assert again.status_code == 422 and "import lists first" in again.json()["error"]


def test_while_a_linkage_runs_no_second_run_or_decision_is_taken(
    app: FastAPI, recorder: tuple[TestClient, str]
) -> None:
    from tollbook.services.jobs import run_job, start_job
    from tollbook.store.unit_of_work import UnitOfWork

    client, token = recorder
    headers = {"X-CSRF-Token": token}
    uow = UnitOfWork(app.state.tollbook.engine)  # as another worker or the CLI would
    job_id = start_job(uow, "linkage", actor="anna", params={})
    try:
        second = client.post("/api/linkage/runs", json={}, headers=headers)
        assert second.status_code == 409 and f"job {job_id}, started by anna" in second.text
        form = client.post("/linkage/runs", data={"csrf_token": token}, follow_redirects=False)
        assert form.status_code == 409
        decision = client.post(
            "/api/linkage/decisions",
            json={"record_a": 1, "record_b": 2, "decision": "confirm"},
            headers=headers,
        )
        assert decision.status_code == 409 and decision.json()["errors"][0]["type"] == "busy"
        page = client.get(f"/jobs/{job_id}")
        assert 'http-equiv="refresh"' in page.text and "starting" in page.text
    finally:
        run_job(uow, job_id, lambda step: {"link_run_id": 0})
    assert 'http-equiv="refresh"' not in client.get(f"/jobs/{job_id}").text


def test_the_api_queues_a_calibration_sample(tmp_path_factory: pytest.TempPathFactory) -> None:
    scratch: Path = tmp_path_factory.mktemp("web-sample")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    with TestClient(create_app(url, WebSettings(secret_key=SECRET))) as client:
        token = log_in(client, "recorder")
        headers = {"X-CSRF-Token": token}
        empty = client.post("/api/linkage/review-sample", json={"pairs": 3}, headers=headers)
        assert empty.status_code == 422 and "tollbook link" in empty.json()["error"]
        upload(client, token, "morgue.csv", morgue_csv(), "morgue", MORGUE_MAP)
        upload(client, token, "burial.csv", burial_csv(), "burial", BURIAL_MAP, has_duplicates="1")
        assert client.post("/api/linkage/runs", json={}, headers=headers).status_code == 200
        done = client.post(
            "/api/linkage/review-sample", json={"pairs": 3, "seed": 1}, headers=headers
        )
        assert done.status_code == 200, done.text
        body = done.json()
        assert body["drawn"] == min(3, body["candidates"]) >= 1
        sample = client.get("/api/linkage/review-sample").json()["items"]
        assert len(sample) == body["queued"] and all(p["calibration"] for p in sample)
        zero = client.post("/api/linkage/review-sample", json={"pairs": 0}, headers=headers)
        assert zero.status_code == 422
