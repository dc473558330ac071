"""`tollbook init / ingest / claims` end to end, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.e2e.cli_runner import tollbook, tollbook_process

REPORT_A = (
    "Shelling hit Kharkiv again.\n"
    "On Monday at least 12 people were killed and 30 wounded, the regional governor said.\n"
    "Sign up to our newsletter\n"
)
REPORT_B = "Three civilians were reported missing in Izium after the strike on Friday."


def _write(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "kharkiv.txt"
    text.write_text(REPORT_A, encoding="utf-8")
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        json.dumps({"id": "izium-1", "text": REPORT_B, "published": "2022-04-02", "title": None})
        + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    return text, jsonl


def test_ingest_then_list(tmp_path: Path, database_url: str) -> None:
    """``init`` and ``ingest`` are the real command, in a subprocess as a user runs them
    (the rest, and the other tests, run the command in this process)."""
    text, jsonl = _write(tmp_path)
    init = tollbook_process("init", cwd=tmp_path, database_url=database_url)
    assert init.returncode == 0, init.stderr
    done = tollbook_process(
        "ingest", text, jsonl, "--published", "2022-03-09", cwd=tmp_path, database_url=database_url
    )
    assert done.returncode == 1, "a bad JSONL line makes the exit status say so"
    assert f"{jsonl}:2: not valid JSON" in done.stderr
    assert "stored 2 report(s) with 3 claim(s)" in done.stdout

    listed = tollbook("claims", "--json", cwd=tmp_path, database_url=database_url)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["article"], r["outcome"], r["low"], r["when"]) for r in rows] == [
        ("kharkiv", "killed", 12, "2022-03-07"),
        ("kharkiv", "injured", 30, "2022-03-07"),
        ("izium-1", "missing", 3, "2022-04-01"),
    ]
    assert {r["review_status"] for r in rows} == {"unreviewed"}

    by_place = tollbook("claims", "--place", "izium", cwd=tmp_path, database_url=database_url)
    assert "missing" in by_place.stdout and "Kharkiv" not in by_place.stdout
    assert "1 claim(s), 1 unreviewed" in by_place.stdout
    by_outcome = tollbook(
        "claims", "--outcome", "injured", "--json", cwd=tmp_path, database_url=database_url
    )
    assert [json.loads(x)["low"] for x in by_outcome.stdout.splitlines()] == [30]

    again = tollbook("ingest", text, cwd=tmp_path, database_url=database_url)
    assert again.returncode == 0
    assert "stored 0 report(s)" in again.stdout and "already stored" in again.stderr
    relisted = tollbook("claims", "--json", cwd=tmp_path, database_url=database_url)
    assert len(relisted.stdout.splitlines()) == 3


def test_commands_before_init_say_what_to_do(tmp_path: Path, database_url: str) -> None:
    text, _ = _write(tmp_path)
    done = tollbook("ingest", text, cwd=tmp_path, database_url=database_url)
    assert done.returncode == 1
    assert "run `tollbook init`" in done.stderr
    assert "Traceback" not in done.stderr


def test_default_database_is_a_sqlite_file_in_the_working_directory(tmp_path: Path) -> None:
    text, _ = _write(tmp_path)
    assert tollbook("init", cwd=tmp_path).returncode == 0
    assert (tmp_path / "tollbook.db").exists()
    assert tollbook("ingest", text, cwd=tmp_path).returncode == 0
    assert "killed" in tollbook("claims", cwd=tmp_path).stdout


def test_bad_files_store_nothing_and_say_where(tmp_path: Path) -> None:
    assert tollbook("init", cwd=tmp_path).returncode == 0
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    done = tollbook("ingest", empty, binary, cwd=tmp_path)
    assert done.returncode == 1
    assert f"{empty}: the file is empty" in done.stderr
    assert f"{binary}: this is a binary file" in done.stderr
    assert "stored 0 report(s)" in done.stdout
    assert "no claims stored" in tollbook("claims", cwd=tmp_path).stdout


def test_reports_lists_stored_reports_and_shows_one_with_its_claims(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tollbook.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return tollbook(*args, cwd=tmp_path, database_url=url)

    assert run("init").returncode == 0
    report = tmp_path / "hospital.txt"
    report.write_text(
        "KHERSON, March 2 - At least 9 civilians were killed when a market was shelled in "
        "Kherson, the regional administration said.",
        encoding="utf-8",
    )
    ingested = run("ingest", str(report), "--published", "2022-03-02")
    assert ingested.returncode == 0, ingested.stderr
    listed = run("reports")
    assert listed.returncode == 0 and "hospital" in listed.stdout and "1 report(s)" in listed.stdout
    shown = run("reports", "1", "--json")
    record = json.loads(shown.stdout)
    assert record["report_id"] == "hospital" and record["published"] == "2022-03-02"
    assert [c["low"] for c in record["claims"]] == [9]
    missing = run("reports", "7")
    assert missing.returncode == 1 and "no report 7" in missing.stderr
