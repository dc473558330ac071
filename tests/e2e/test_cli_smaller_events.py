"""`tollbook toll` on a report read as two events of different sizes, stored without
review: the smaller is counted, and the toll says it may be the same event told again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli_runner import tollbook_output
from tests.e2e.test_web_smaller_events import PLACE, REPORTS


def test_the_toll_names_the_smaller_event_of_a_report(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOLLBOOK_ACTOR", "anna")

    def run(*args: str | Path) -> str:
        return tollbook_output(*args, cwd=tmp_path, database_url=database_url)

    batch = tmp_path / "south.jsonl"
    records = [
        {"id": r.id, "text": r.text, "published": str(r.published), "title": r.title}
        for r in REPORTS
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    run("init")
    run("ingest", batch)
    toll = json.loads(run("toll", PLACE, "--json"))
    smaller = toll["documented"]["smaller_events"]
    assert (toll["documented"]["min"], smaller["min"], len(smaller["incidents"])) == (10, 3, 1)
    text = run("toll", PLACE)
    assert "smaller event of a report telling a larger one" in text
    assert "!smaller event" in run("incidents", "--place", PLACE)
