"""Issue 12's scenario through the real command: `ingest` with no review, then
`toll --json` holds only the incidents in the documented count; `review` lists and
filters the claims and rejects several with one reason, each audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli_runner import tollbook_output
from tests.siege_reports import DOCUMENTED, INCIDENT_FIGURES, PLACE, as_jsonl_records


def test_the_toll_of_a_besieged_city_stored_without_review(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOLLBOOK_ACTOR", "anna")

    def run(*args: str | Path) -> str:
        return tollbook_output(*args, cwd=tmp_path, database_url=database_url)

    batch = tmp_path / "siege.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in as_jsonl_records()), "utf-8")
    run("init")
    assert "stored 7 report(s)" in run("ingest", batch)

    toll = json.loads(run("toll", PLACE, "--json"))
    documented = toll["documented"]
    assert (documented["min"], documented["max"]) == DOCUMENTED
    assert [(i["min"], i["max"]) for i in toll["incidents"]] == INCIDENT_FIGURES
    assert documented["incidents"] == 2 and documented["reviewed_max"] == 0
    claims = {c["id"]: c for c in map(json.loads, run("claims", "--json").splitlines())}
    for incident in toll["incidents"]:
        assert all(claims[s["claim_id"]]["scope"] == "incident" for s in incident["sources"])
    beside = [*toll["official"], *toll["reported"], *toll["estimates"]]
    assert any(p["low"] == 700 and p["scope"] == "cumulative" for p in beside)
    assert any(p["low"] == 50 and p["series"] == "estimate" for p in beside)
    assert all("part_of" in c for c in claims.values())  # the subgroup link (migration 0009)
    children = [c["id"] for c in claims.values() if c["victims"] == "children"]
    assert len(children) == 1
    latest = toll["latest_official"]
    assert latest is not None and latest["claim_id"] not in children and not latest["subgroup"]
    held = [s["claim_id"] for i in toll["held_back"]["incidents"] for s in i["sources"]]
    counted = [s["claim_id"] for i in toll["incidents"] for s in i["sources"]]
    assert children[0] not in counted
    assert all(i["looks_like_running_total"] for i in toll["held_back"]["incidents"])

    # the review list filters by scope and source, and flags what looks like a total
    listed = [json.loads(line) for line in run("review", "--scope", "cumulative", "--json")
              .splitlines()]  # fmt: skip
    assert listed and {c["scope"] for c in listed} == {"cumulative"}
    said = [json.loads(line) for line in run("review", "--source", "MAYOR", "--json").splitlines()]
    assert said and all("mayor" in c["attributed_to"].lower() for c in said)
    flagged = {c["id"] for c in map(json.loads, run("review", "--json").splitlines())
               if c["looks_like_running_total"]}  # fmt: skip
    assert flagged == set(held)

    # reject two claims with one reason, in one change; each is audited
    first, second = sorted(claims)[:2]
    out = run("review", "reject", str(first), str(second), "--reason", "duplicate wire copy")
    assert "2 claim(s) rejected in one change" in out
    history = [json.loads(line) for line in run("review", "history", "--json").splitlines()]
    rejections = [e for e in history if e["action"] == "reject"]
    assert [int(e["entity_id"]) for e in rejections] == [first, second]
    assert {e["after"]["batch"] for e in rejections} == {rejections[0]["after"]["batch"]}
    assert all(e["actor"] == "anna" and e["after"]["note"] == "duplicate wire copy"
               for e in rejections)  # fmt: skip
