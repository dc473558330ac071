"""Reading reports: every bad input gives a problem naming file, line and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tollbook.exchange.errors import InputError
from tollbook.exchange.report_files import (
    MAX_REPORT_CHARS,
    read_jsonl_reports,
    read_text_report,
)


def test_text_report_id_is_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "kharkiv-0301.txt"
    path.write_text("Five people were killed.", encoding="utf-8")
    report = read_text_report(path, date(2022, 3, 1))
    assert (report.id, report.published, report.source) == (
        "kharkiv-0301",
        date(2022, 3, 1),
        str(path),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Five people\nwere killed \xff\xfe in Izium.", "invalid UTF-8"),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_text_report(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"line one\nline two \xff\n")
    with pytest.raises(InputError) as err:
        read_text_report(path)
    assert err.value.problem.line == 2


def test_huge_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("x" * (MAX_REPORT_CHARS + 1), encoding="utf-8")
    with pytest.raises(InputError, match="more than the limit"):
        read_text_report(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_report(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text_report(tmp_path)


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        b'{"id": "a", "text": "Five people were killed.", "published": "2022-03-01"}',
        b"{not json",
        b'["a list"]',
        b'{"id": "", "text": "x"}',
        b'{"id": "c", "text": 5}',
        b'{"id": "d", "text": "ok", "published": "03/01/2022"}',
        b'{"id": "e", "text": "caf\xe9"}',
        b"",
        b'{"id": "a", "text": "again"}',
        b'{"id": 7, "text": "Two were injured.", "published": null, "title": "T"}',
    ]
    path.write_bytes(b"\n".join(lines))
    result = list(read_jsonl_reports(path))
    good = [r.report.id for r in result if r.report]
    assert good == ["a", "7"]
    problems = {r.line: r.problem for r in result if r.problem}
    assert sorted(problems) == [2, 3, 4, 5, 6, 7, 9]
    assert "not valid JSON" in problems[2].message
    assert problems[4].field == "id"
    assert problems[5].field == "text"
    assert problems[6].field == "published"
    assert "invalid UTF-8" in problems[7].message
    assert "duplicate id" in problems[9].message
    assert str(problems[6]).startswith(f"{path}:6: field 'published'")


def test_jsonl_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        list(read_jsonl_reports(empty))
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(InputError, match="binary"):
        list(read_jsonl_reports(binary))


def test_publisher_is_read_from_jsonl_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "x", "publisher": " Kyiv Independent "}\n'
        '{"id": "b", "text": "x", "publisher": 7}\n',
        encoding="utf-8",
    )
    first, second = read_jsonl_reports(path)
    assert first.report is not None and first.report.publisher == "Kyiv Independent"
    assert second.problem is not None and second.problem.field == "publisher"
