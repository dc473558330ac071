"""The hand-coded tolls (``tests/data/*/tolls.jsonl``, convention in tests/data/TOLLS.md)
and the benchmark that compares the count layer with them (``benchmarks/count_truth.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.corpora import DATA
from benchmarks.count_truth import Truth, truths, verdict
from benchmarks.extract_headline import Headline

TOLL_FILES = sorted(DATA.glob("*/tolls*.jsonl"))


def test_there_are_hand_coded_tolls() -> None:
    assert len(TOLL_FILES) >= 8


@pytest.mark.parametrize("path", TOLL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_report_has_one_toll_in_report_order(path: Path) -> None:
    reports = [
        json.loads(line)["id"]
        for line in (path.parent / "reports.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert [r["article"] for r in rows] == reports
    for row in rows:
        assert isinstance(row["low"], int) and isinstance(row["high"], int)
        assert 0 <= row["low"] <= row["high"], row["article"]
        assert row["attackers"] is None or 0 <= row["attackers"] <= row["high"], row["article"]
        assert isinstance(row["events"], list) and isinstance(row["note"], str)
    assert truths(path.parent.name, path.name) is not None


def test_a_toll_file_with_low_above_high_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "tolls.jsonl").write_text(
        '{"article": "c-01", "low": 9, "high": 4, "attackers": 0, "events": [], "note": ""}\n',
        encoding="utf-8",
    )
    monkeypatch.setattr("benchmarks.count_truth.DATA", tmp_path)
    with pytest.raises(ValueError, match=r"tolls\.jsonl:1: low 9 above high 4"):
        truths("c")


def test_the_verdict_compares_minimum_and_maximum_with_the_readers() -> None:
    truth = Truth(14, 16, 0)
    assert verdict(Headline(14, 16, 0, 0), truth) == "right"
    assert verdict(Headline(17, 20, 0, 0), truth) == "over"
    assert verdict(Headline(9, 13, 0, 0), truth) == "under"
    assert verdict(Headline(16, 16, 0, 0), truth) == "overlaps"
