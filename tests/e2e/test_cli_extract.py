"""`tollbook extract`: the seed article gives its gold claims; bad input never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli_runner import tollbook
from tollbook.domain.claim import CONTRACT_FIELDS

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.shared
def test_seed_article_gives_the_gold_claims(tmp_path: Path) -> None:
    if not (SHARED / "seed-article.txt").exists():
        pytest.skip("../shared/corpus is not here")
    done = tollbook("extract", SHARED / "seed-article.txt", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    got = [json.loads(line) for line in done.stdout.splitlines()]
    assert all(list(c)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS) for c in got)
    got = [{k: c[k] for k in CONTRACT_FIELDS} for c in got]
    gold = [
        json.loads(line)
        for line in (SHARED / "seed-article.gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(map(json.dumps, got)) == sorted(map(json.dumps, gold))


def test_table_for_people(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("On Tuesday at least 17 people were killed in Kharkiv.", encoding="utf-8")
    done = tollbook("extract", report, "--published", "2022-03-10", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "killed" in done.stdout and "≥17" in done.stdout and "2022-03-08" in done.stdout


def test_jsonl_in_and_out_with_a_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "r1", "text": "Three civilians died in Sumy.", "published": "2023-05-01", '
        '"title": null}\n'
        "this is not json\n"
        '{"id": "r2", "text": "No figures here at all.", "published": null, "title": null}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    done = tollbook("extract", "--jsonl", source, "--out", out, cwd=tmp_path)
    assert done.returncode == 1
    assert f"{source}:2: not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr
    claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(c["article"], c["outcome"], c["low"], c["place"]) for c in claims] == [
        ("r1", "killed", 3, "Sumy")
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "binary"),
        (b"ok line\n\xc3\x28 broken\n", "invalid UTF-8"),
    ],
)
def test_bad_text_file_gives_a_clear_error(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    done = tollbook("extract", path, cwd=tmp_path)
    assert done.returncode == 1
    assert expected in done.stderr and str(path) in done.stderr
    assert "Traceback" not in done.stderr


def test_huge_jsonl_line_is_refused_and_the_rest_processed(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    huge = "Five people were killed. " * 90_000
    source.write_text(
        json.dumps({"id": "big", "text": huge})
        + "\n"
        + json.dumps({"id": "ok", "text": "Two soldiers were wounded."})
        + "\n",
        encoding="utf-8",
    )
    done = tollbook("extract", "--jsonl", source, cwd=tmp_path)
    assert done.returncode == 1
    assert f"{source}:1:" in done.stderr and "over the limit" in done.stderr
    assert '"article": "ok"' in done.stdout


def test_usage_errors(tmp_path: Path) -> None:
    assert tollbook("extract", cwd=tmp_path).returncode == 2
    bad_date = tollbook("extract", "x.txt", "--published", "yesterday", cwd=tmp_path)
    assert bad_date.returncode == 2 and "--published" in bad_date.stderr
