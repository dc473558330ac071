"""Reading and writing overlap tables (CSV): strata, and every bad input located."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.tables import OverlapTable, Stratum
from tollbook.exchange.overlap_tables import TableErrors, read_overlap_csv, write_overlap_csv

KOSOVO_CSV = """EXH,ABA,OSCE,HRW,count
1,1,1,1,27
1,1,1,0,181
1,1,0,1,18
1,1,0,0,177
1,0,1,1,42
1,0,1,0,228
1,0,0,1,106
1,0,0,0,1131
0,1,1,1,32
0,1,1,0,217
0,1,0,1,31
0,1,0,0,845
0,0,1,1,123
0,0,1,0,936
0,0,0,1,306
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "t.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_reads_the_published_kosovo_table(tmp_path: Path) -> None:
    read = read_overlap_csv(_write(tmp_path, KOSOVO_CSV))
    assert read.lists == KOSOVO.lists and read.by == ()
    assert read.tables == {(): KOSOVO}


def test_order_of_rows_and_missing_rows_do_not_matter(tmp_path: Path) -> None:
    text = "A,B,C,count\n0,0,1,5\n1,1,1,2\n\n1,0,0,7\n0,0,0,0\n"
    table = read_overlap_csv(_write(tmp_path, text)).tables[()]
    assert table.counts == (2, 0, 0, 7, 0, 0, 5)
    assert table.observed == 14


def test_detects_a_text_stratum_column(tmp_path: Path) -> None:
    text = (
        "district,A,B,count\n"
        "north,1,1,3\nnorth,1,0,4\nnorth,0,1,5\n"
        "south,1,1,6\nsouth,1,0,7\nsouth,0,1,8\n"
    )
    read = read_overlap_csv(_write(tmp_path, text))
    assert read.by == ("district",) and read.lists == ("A", "B")
    assert read.tables[(("district", "south"),)].counts == (6, 7, 8)
    assert read.tables[(("district", "north"),)].stratum == (("district", "north"),)


def test_by_names_a_numeric_stratum(tmp_path: Path) -> None:
    text = "sex,A,B,count\n0,1,1,3\n0,1,0,4\n1,1,1,5\n1,0,1,6\n"
    read = read_overlap_csv(_write(tmp_path, text), by=["sex"])
    assert read.by == ("sex",) and read.lists == ("A", "B")
    assert read.tables[(("sex", "1"),)].counts == (5, 0, 6)
    with pytest.raises(TableErrors) as caught:
        read_overlap_csv(_write(tmp_path, text), by=["age"])
    assert "no column 'age'" in str(caught.value)


def test_round_trip_with_strata() -> None:
    tables: dict[Stratum, OverlapTable] = {
        (("district", "north"),): OverlapTable(("A", "B"), (1, 2, 3), (("district", "north"),)),
        (("district", "south"),): OverlapTable(("A", "B"), (4, 0, 6), (("district", "south"),)),
    }
    out = io.StringIO()
    assert write_overlap_csv(tables, out, by=("district",)) == 6
    assert out.getvalue().splitlines()[:2] == ["district,A,B,count", "north,1,1,1"]


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    out = io.StringIO()
    write_overlap_csv({(): KOSOVO}, out)
    assert read_overlap_csv(_write(tmp_path, out.getvalue())).tables[()] == KOSOVO


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "t.csv: the file is empty"),
        ("   \n\n", "t.csv: the file is empty"),
        (b"A,B,count\n1,0,\x00\x01\n", "t.csv: this is a binary file"),
        (b"A,B,count\n1,1,3\n1,0,\xff4\n", "t.csv:3: invalid UTF-8"),
        ("A,B,C\n1,1,1\n", "t.csv:1: no count column"),
        ("A,B,count\n", "t.csv:1: the table has a header but no rows"),
        ("A,B,count\n1,1,3\n1,2,4\n", "t.csv:3: field 'B': '2' is not 0 or 1"),
        ("A,B,count\n1,1,3\n1,0,-4\n", "t.csv:3: field 'count': -4 people: a count cannot be"),
        ("A,B,count\n1,1,3\n1,0,many\n", "t.csv:3: field 'count': 'many' is not a whole number"),
        ("A,B,count\n1,1,3\n1,0\n", "t.csv:3: 2 values for 3 columns"),
        ("A,B,count\n1,1,3\n0,0,9\n", "t.csv:3: field 'count': this row counts people on no list"),
        ("A,B,count\n1,1,3\n1,1,4\n", "t.csv:3: this combination of lists repeats line 2"),
        ("A,A,count\n1,1,3\n", "t.csv:1: field 'A': this column name repeats"),
        ("A,,count\n1,1,3\n", "t.csv:1: column 2 has no name"),
        ("A,count\n1,3\n", "t.csv:1: 1 list column(s): at least two lists"),
    ],
)
def test_bad_tables_name_file_line_and_column(
    tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(TableErrors) as caught:
        read_overlap_csv(path)
    assert str(caught.value.problems[0]).replace(str(tmp_path) + "/", "").startswith(expected)


def test_every_problem_is_listed_and_a_stray_value_suggests_by(tmp_path: Path) -> None:
    text = "A,B,count\n1,1,3\n1,x,4\n0,1,-2\n1,0,5\n"
    with pytest.raises(TableErrors) as caught:
        read_overlap_csv(_write(tmp_path, text))
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 2
    assert ":3: field 'B'" in messages[0] and "--by B" in messages[0]
    assert ":4: field 'count'" in messages[1]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TableErrors, match="no such file"):
        read_overlap_csv(tmp_path / "absent.csv")
    with pytest.raises(TableErrors, match="folder"):
        read_overlap_csv(tmp_path)
