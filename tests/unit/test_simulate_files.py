"""The files of a simulated siege: reproducible by seed, complete, and consistent."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tollbook.cli.simulate.files import SiegeFilesError, prepare_out_dir, write_siege
from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.simulate.records import RECORD_COLUMNS

PEOPLE = 3_000


def _write(folder: Path, seed: int) -> dict[str, bytes]:
    write_siege(simulate_siege(SiegeConfig(people=PEOPLE, seed=seed)), folder)
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_same_seed_gives_the_same_files_byte_for_byte(tmp_path: Path) -> None:
    first = _write(tmp_path / "a", seed=21)
    second = _write(tmp_path / "b", seed=21)
    assert first.keys() == second.keys()
    assert first == second


def test_another_seed_gives_other_files(tmp_path: Path) -> None:
    first = _write(tmp_path / "a", seed=21)
    other = _write(tmp_path / "b", seed=22)
    assert first.keys() == other.keys()
    for name in ("people.csv", "deaths.csv", "lists/morgue.csv", "news/reports.jsonl"):
        assert first[name] != other[name], name


def test_every_file_is_written(tmp_path: Path) -> None:
    files = _write(tmp_path, seed=3)
    expected = {
        "people.csv", "deaths.csv", "incidents.csv", "siege.json",
        "lists/morgue.csv", "lists/burial.csv", "lists/hospital.csv", "lists/family.csv",
        "lists/news.csv", "truth/list_records.csv", "truth/captures.csv", "truth/bodies.csv",
        "truth/missing.csv", "graves/sites.csv", "graves/trenches.csv", "graves/bodies.csv",
        "missing/reports.csv", "news/reports.jsonl", "news/gold_claims.jsonl",
    }  # fmt: skip
    assert set(files) == expected


def test_tables_agree_with_each_other(tmp_path: Path) -> None:
    _write(tmp_path, seed=3)
    people = _rows(tmp_path / "people.csv")
    deaths = _rows(tmp_path / "deaths.csv")
    assert len(people) == PEOPLE
    person_ids = {row["person_id"] for row in people}
    dead_ids = {row["person_id"] for row in deaths}
    assert dead_ids <= person_ids
    captures = _rows(tmp_path / "truth" / "captures.csv")
    assert {row["person_id"] for row in captures} == dead_ids
    truth = _rows(tmp_path / "truth" / "list_records.csv")
    for name in ("morgue", "burial", "hospital", "family", "news"):
        with (tmp_path / "lists" / f"{name}.csv").open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert tuple(header) == RECORD_COLUMNS
        records = _rows(tmp_path / "lists" / f"{name}.csv")
        mapped = {row["record_id"]: row["person_id"] for row in truth if row["list"] == name}
        assert set(mapped) == {row["record_id"] for row in records}
        on_list = {row["person_id"] for row in captures if row[name] == "1"}
        assert set(mapped.values()) == on_list
    bodies = _rows(tmp_path / "graves" / "bodies.csv")
    body_truth = _rows(tmp_path / "truth" / "bodies.csv")
    assert [b["body_ref"] for b in bodies] == [b["body_ref"] for b in body_truth]
    assert {b["person_id"] for b in body_truth} <= dead_ids
    assert len({b["body_ref"] for b in bodies}) == len(bodies)
    trenches = {t["trench_id"] for t in _rows(tmp_path / "graves" / "trenches.csv")}
    assert {b["trench_id"] for b in bodies} == trenches
    missing_truth = _rows(tmp_path / "truth" / "missing.csv")
    assert len(missing_truth) == len(_rows(tmp_path / "missing" / "reports.csv"))
    for row in missing_truth:
        assert (row["person_id"] in dead_ids) == (row["fate"] == "dead")


def test_summary_holds_the_truth_in_numbers(tmp_path: Path) -> None:
    _write(tmp_path, seed=3)
    summary = json.loads((tmp_path / "siege.json").read_text(encoding="utf-8"))
    deaths = _rows(tmp_path / "deaths.csv")
    assert summary["people"] == PEOPLE
    assert summary["dead"] == len(deaths)
    assert sum(summary["dead_by_period"].values()) == len(deaths)
    assert sum(summary["dead_by_district"].values()) == len(deaths)
    assert summary["config"]["seed"] == 3
    news = [json.loads(line) for line in (tmp_path / "news" / "reports.jsonl").open()]
    assert summary["news_reports"] == len(news)


def test_an_unrelated_folder_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SiegeFilesError, match="not empty"):
        prepare_out_dir(tmp_path)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(SiegeFilesError, match="not a folder"):
        prepare_out_dir(tmp_path / "file")


def test_an_earlier_simulation_is_overwritten(tmp_path: Path) -> None:
    _write(tmp_path, seed=1)
    files = _write(tmp_path, seed=2)
    assert json.loads(files["siege.json"])["seed"] == 2
