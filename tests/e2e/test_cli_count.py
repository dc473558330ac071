"""`tollbook incidents / toll / review / export` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli_runner import tollbook

REPORTS = [
    {
        "id": "wire-1",
        "published": "2022-03-10",
        "title": None,
        "text": "An airstrike on a children's hospital in Mariupol killed at least 17 people "
        "on Wednesday, officials said.",
    },
    {
        "id": "ledger-1",
        "published": "2022-03-10",
        "title": None,
        "text": "Seventeen people died when Russian jets bombed a children's hospital in "
        "Mariupol on Wednesday, the city council said. More than 1,200 people have been "
        "killed in Mariupol since the start of the invasion, the mayor said.",
    },
    {
        "id": "police-1",
        "published": "2022-03-17",
        "title": None,
        "text": "Shelling killed five people at a bread queue in Chernihiv on Monday, police said.",
    },
]


class Cli:
    def __init__(self, cwd: Path, url: str) -> None:
        self.cwd, self.url = cwd, url

    def __call__(self, *args: str | Path, ok: bool = True) -> Any:
        done = tollbook(*args, cwd=self.cwd, database_url=self.url)
        assert "Traceback" not in done.stderr, done.stderr
        if ok:
            assert done.returncode == 0, done.stderr
        return done

    def json_lines(self, *args: str) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self(*args).stdout.splitlines()]


@pytest.fixture
def cli(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("TOLLBOOK_ACTOR", "recorder:anna")
    run = Cli(tmp_path, database_url)
    batch = tmp_path / "reports.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    run("init")
    assert "stored 3 report(s)" in run("ingest", batch).stdout
    return run


def test_incidents_and_the_toll(cli: Cli) -> None:
    found = cli.json_lines("incidents", "--json")
    assert [(i["place"], i["min"], i["max"], i["grade"]) for i in found] == [
        ("Mariupol", 17, 17, "corroborated"),
        ("Chernihiv", 5, 5, "single_source"),
    ]
    assert all(i["reviewed"] is False for i in found)
    table = cli("incidents", "--sources").stdout
    assert "corroborated" in table and "unreviewed" in table and "(marked *)" in table

    toll = json.loads(cli("toll", "mariupol", "--json").stdout)
    assert (toll["documented"]["min"], toll["documented"]["max"]) == (17, 17)
    assert toll["latest_official"]["low"] == 1200
    assert toll["latest_official"]["scope"] == "cumulative"
    text = cli("toll", "Mariupol").stdout
    assert "documented: 17 in 1 incident(s)" in text
    assert "latest official cumulative: >1,200" in text and "never added" in text

    period = json.loads(cli("toll", "Mariupol", "--from", "2022-03-10", "--json").stdout)
    assert period["documented"]["min"] == 0


def test_the_toll_chart(cli: Cli, tmp_path: Path) -> None:
    done = cli("toll", "Mariupol", "--chart", tmp_path / "mariupol.svg")
    assert "chart written" in done.stderr
    assert b"<svg" in (tmp_path / "mariupol.svg").read_bytes()
    cli("toll", "Mariupol", "--chart", tmp_path / "mariupol.png")
    assert (tmp_path / "mariupol.png").read_bytes().startswith(b"\x89PNG")
    bad = cli("toll", "Mariupol", "--chart", tmp_path / "mariupol.pdf", ok=False)
    assert bad.returncode == 2 and ".svg or .png" in bad.stderr


def test_review_changes_the_count_and_is_audited(cli: Cli) -> None:
    pending = cli.json_lines("review", "--json")
    assert len(pending) == 4 and {c["review_status"] for c in pending} == {"unreviewed"}
    chernihiv = next(c["id"] for c in pending if c["place"] == "Chernihiv")
    hospital = [c["id"] for c in pending if c["scope"] == "incident" and c["place"] == "Mariupol"]

    assert "confirmed claim" in cli("review", "confirm", *map(str, hospital)).stdout
    edited = cli("review", "edit", str(chernihiv), "--low", "6", "--high", "6", "--actor", "boris")
    assert "killed 6" in edited.stdout
    assert json.loads(cli("toll", "Chernihiv", "--json").stdout)["documented"]["min"] == 6

    refused = cli("review", "reject", str(chernihiv), ok=False)
    assert refused.returncode == 2 and "--reason" in refused.stderr
    cli("review", "reject", str(chernihiv), "--reason", "the figure is from another town")
    assert json.loads(cli("toll", "Chernihiv", "--json").stdout)["documented"]["min"] == 0

    history = cli.json_lines("review", "history", "--claim", str(chernihiv), "--json")
    assert [(h["actor"], h["action"]) for h in history] == [
        ("boris", "edit"),
        ("recorder:anna", "reject"),
    ]
    assert history[0]["before"]["low"] == 5 and history[0]["after"]["low"] == 6

    mariupol = cli.json_lines("incidents", "--place", "mariupol", "--json")
    assert [i["reviewed"] for i in mariupol] == [True]
    assert "no unreviewed claims" not in cli("review").stdout


def test_merge_split_and_grade_from_the_command_line(cli: Cli) -> None:
    [hospital] = cli.json_lines("incidents", "--place", "Mariupol", "--json")
    first, second = (s["claim_id"] for s in hospital["sources"])
    split = cli("review", "split", str(hospital["id"]), str(second), "--reason", "test")
    assert "single_source" in split.stdout
    parts = cli.json_lines("incidents", "--place", "Mariupol", "--json")
    assert len(parts) == 2
    merged = cli("review", "merge", *(str(p["id"]) for p in parts))
    assert "corroborated" in merged.stdout
    cli("review", "grade", str(hospital["id"]), "contested", "--reason", "disputed")
    [graded] = cli.json_lines("incidents", "--place", "Mariupol", "--json")
    assert (graded["grade"], graded["grade_set_by"]) == ("contested", "recorder:anna")
    assert [s["claim_id"] for s in graded["sources"]] == [first, second]
    actions = [h["action"] for h in cli.json_lines("review", "history", "--json")]
    assert {"split", "merge", "grade"} <= set(actions)

    unknown = cli("review", "confirm-incident", "999", ok=False)
    assert unknown.returncode == 1 and "error: no incident 999" in unknown.stderr
    assert "error: no claim 999" in cli("review", "confirm", "999", ok=False).stderr


def test_exports(cli: Cli, tmp_path: Path) -> None:
    cli("export", "--format", "hxl", "--out", tmp_path / "incidents.csv")
    rows = list(csv.reader((tmp_path / "incidents.csv").open(encoding="utf-8")))
    assert rows[1][:6] == ["#event+id", "#date", "#date+end", "#country+code", "#adm1+name",
                           "#loc+name"]  # fmt: skip
    assert "#affected+killed+min" in rows[1] and "#meta+source" in rows[1]
    assert [r[rows[1].index("#loc+name")] for r in rows[2:]] == ["Mariupol", "Chernihiv"]

    as_json = json.loads(cli("export", "--format", "json").stdout)
    assert [i["min"] for i in as_json] == [17, 5]

    cli("export", "--format", "geojson", "--place", "Chernihiv", "--out", tmp_path / "i.geojson")
    collection = json.loads((tmp_path / "i.geojson").read_text(encoding="utf-8"))
    [feature] = collection["features"]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 31 < lon < 32 and 51 < lat < 52  # Chernihiv, in lon, lat order


def test_commands_before_init_say_what_to_do(tmp_path: Path, database_url: str) -> None:
    for args in (("incidents",), ("toll", "Mariupol"), ("review",), ("export", "--format", "json")):
        done = tollbook(*args, cwd=tmp_path, database_url=database_url)
        assert done.returncode == 1, args
        assert "run `tollbook init`" in done.stderr and "Traceback" not in done.stderr


def test_a_city_toll_by_any_of_its_names_counts_its_districts(cli: Cli, tmp_path: Path) -> None:
    district = tmp_path / "district.jsonl"
    report = {
        "id": "council-2",
        "published": "2022-03-16",
        "title": None,
        "text": "A shell hit a five-storey block in the Livoberezhnyi district of Mariupol on "
        "Tuesday, killing four residents, the city council said.",
    }
    district.write_text(json.dumps(report) + "\n", encoding="utf-8")
    cli("ingest", district)
    tolls = [json.loads(cli("toll", name, "--json").stdout) for name in ("Маріуполь", "Мариуполь")]
    for toll in tolls:
        assert (toll["documented"]["min"], toll["documented"]["max"]) == (21, 21)
        assert toll["latest_official"]["low"] == 1200
    in_district = json.loads(cli("toll", "Лівобережний район, Маріуполь", "--json").stdout)
    assert (in_district["documented"]["min"], in_district["documented"]["max"]) == (4, 4)
    assert in_district["latest_official"] is None


def test_a_toll_names_the_area_called_after_its_place_that_it_does_not_count(
    cli: Cli, tmp_path: Path
) -> None:
    quake = tmp_path / "quake.jsonl"
    report = {
        "id": "quake-1",
        "published": "2026-02-04",
        "title": None,
        "text": "The death toll from Tuesday's earthquake in Malatya province has risen to 41, "
        "the interior minister said on Wednesday.",
    }
    quake.write_text(json.dumps(report) + "\n", encoding="utf-8")
    cli("ingest", quake)
    toll = json.loads(cli("toll", "Malatya", "--json").stdout)
    assert toll["documented"]["min"] == 0
    assert toll["named_alike"] == [
        {"place": "Malatya province", "min": 41, "max": 41, "incidents": 1}
    ]
    text = cli("toll", "Malatya").stdout
    assert "not counted here: 41 in 1 incident(s) at Malatya province" in text


def test_a_provinces_part_of_a_national_flood_toll_is_counted_in_its_toll(
    cli: Cli, tmp_path: Path
) -> None:
    floods = tmp_path / "floods.jsonl"
    report = {
        "id": "floods-1",
        "published": "2026-07-20",
        "title": "Monsoon floods kill 112 in Pakistan",
        "text": "Monsoon floods kill 112 in Pakistan\nFloods triggered by a week of heavy "
        "monsoon rains have killed 112 people across Pakistan, including 45 in Sindh province "
        "and 30 in Punjab, the National Disaster Management Authority said on Monday.",
    }
    floods.write_text(json.dumps(report) + "\n", encoding="utf-8")
    cli("ingest", floods)
    sindh = json.loads(cli("toll", "Sindh province", "--json").stdout)
    assert (sindh["documented"]["min"], sindh["documented"]["incidents"]) == (45, 0)
    assert [(p["place"], p["incident_min"]) for p in sindh["parts"]] == [("Sindh province", 112)]
    assert json.loads(cli("toll", "Pakistan", "--json").stdout)["documented"]["min"] == 112
    text = cli("toll", "Punjab").stdout
    assert "part of a wider incident: 30 at Punjab" in text
