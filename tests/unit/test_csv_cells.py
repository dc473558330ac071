"""Cells of exported CSV and HXL files cannot run as spreadsheet formulas (OWASP's
CSV-injection guidance); numbers stay numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from tests.unit.test_count_exports import incidents
from tollbook.domain.person_record import PersonRecord
from tollbook.exchange.csv_cells import safe_cell
from tollbook.exchange.hxl import write_incidents_hxl
from tollbook.exchange.list_files import write_clusters


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-12", "-12"),
        ("+3.5", "+3.5"),
        ("-1e3", "-1e3"),
        ("Mariupol", "Mariupol"),
        ("#affected+killed+min", "#affected+killed+min"),
        ("", ""),
        (17, 17),
    ],
)
def test_formula_cells_are_quoted_and_numbers_are_not(value: object, written: object) -> None:
    assert safe_cell(value) == written


def test_hxl_export_quotes_a_formula_in_an_event() -> None:
    found = incidents()
    found[0] = replace(found[0], event='=HYPERLINK("http://evil.example/","click")')
    out = io.StringIO()
    write_incidents_hxl(found, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    event = rows[0].index("Event")
    assert rows[2][event] == '\'=HYPERLINK("http://evil.example/","click")'
    assert all(not cell.startswith(("=", "@")) for row in rows for cell in row)


def test_clusters_file_quotes_a_formula_in_a_record_id(tmp_path: Path) -> None:
    record = PersonRecord(source="morgue", row=2, record_id="=1+1", family_name="Koval")
    out = tmp_path / "clusters.csv"
    write_clusters(out, [record], {0: 7})
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[1] == ["morgue", "2", "'=1+1", "1"]
