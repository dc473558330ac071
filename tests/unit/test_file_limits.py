"""Files are held to limits on what they become while they are read: an XLSX by its
unzipped size (declared and real), any list by rows, columns and cell length, a JSONL
report file by its lines, a PFIF file without entities; each refusal names the file
and the limit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile_files import billion_laughs, far_cells_xlsx, lying_xlsx, xlsx_bomb
from tollbook.exchange.errors import InputError
from tollbook.exchange.file_limits import FileLimits, FileTooLarge, check_xlsx
from tollbook.exchange.list_files import ColumnMapping, _xlsx_rows, read_header, read_list_file
from tollbook.exchange.pfif import read_pfif
from tollbook.exchange.report_files import read_jsonl_reports

SMALL = FileLimits(max_rows=3, max_columns=4, max_cell_chars=20)
NAMES = ColumnMapping.parse(["name=family_name"])


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_defaults_and_the_environment() -> None:
    limits = FileLimits.from_env({"TOLLBOOK_MAX_ROWS": "1_000", "TOLLBOOK_MAX_COLUMNS": ""})
    assert limits.max_rows == 1000 and limits.max_columns == FileLimits().max_columns
    assert FileLimits().max_inflated_bytes == 128 * 1024 * 1024
    with pytest.raises(ValueError, match="TOLLBOOK_MAX_CELL_CHARS"):
        FileLimits.from_env({"TOLLBOOK_MAX_CELL_CHARS": "many"})
    with pytest.raises(ValueError, match="TOLLBOOK_MAX_ROWS must be a positive"):
        FileLimits.from_env({"TOLLBOOK_MAX_ROWS": "0"})


def test_a_spreadsheet_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    bomb = xlsx_bomb(tmp_path / "bomb.xlsx", inflated_mib=200)
    assert bomb.stat().st_size < 300_000
    with pytest.raises(FileTooLarge) as refused:
        read_list_file(bomb, "morgue", NAMES, limits=FileLimits())
    message = str(refused.value.problem)
    assert message.startswith(f"{bomb}: the spreadsheet declares 209,717,")
    assert "TOLLBOOK_MAX_INFLATED_BYTES" in message and "nothing was imported" in message


def test_a_spreadsheet_whose_zip_lies_about_its_sizes_is_refused(tmp_path: Path) -> None:
    liar = lying_xlsx(tmp_path / "liar.xlsx", inflated_mib=8)
    with pytest.raises(InputError, match=r"not a readable \.xlsx file: xl/sharedStrings\.xml"):
        read_list_file(liar, "morgue", NAMES, limits=FileLimits())
    # with a limit below what it declares... and above: inflating is counted as it goes
    honest = xlsx_bomb(tmp_path / "honest.xlsx", inflated_mib=3)
    with pytest.raises(FileTooLarge, match="declares"):
        check_xlsx(honest, FileLimits(max_inflated_bytes=2 * 1024 * 1024))


def test_a_huge_cell_in_a_spreadsheet_is_refused_by_the_cell_limit(tmp_path: Path) -> None:
    bomb = xlsx_bomb(tmp_path / "name.xlsx", inflated_mib=1)
    with pytest.raises(FileTooLarge) as refused:
        read_list_file(bomb, "morgue", limits=FileLimits())
    problem = refused.value.problem
    assert problem.line == 2 and "a cell of 1,048,576 characters" in problem.message
    assert "TOLLBOOK_MAX_CELL_CHARS" in problem.message


def test_the_size_a_sheet_declares_is_not_trusted(tmp_path: Path) -> None:
    far = far_cells_xlsx(tmp_path / "far.xlsx")
    with pytest.raises(FileTooLarge) as refused:
        read_list_file(far, "morgue", limits=FileLimits(max_rows=1_000))
    assert refused.value.problem.line == 1_002  # counted, never padded to 16,384 columns
    near = far_cells_xlsx(tmp_path / "near.xlsx", last_row=5)
    assert [len(row) for row in _xlsx_rows(near, None)] == [1, 1, 0, 0, 1]  # never padded
    read = read_list_file(near, "morgue", limits=FileLimits(max_rows=1_000, max_columns=2))
    assert [r.family_name for r in read.records] == ["Koval", "Koval"]


def test_xml_with_entities_inside_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "entities.xlsx"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("xl/sharedStrings.xml", billion_laughs(3))
    with pytest.raises(InputError, match="document types and entities are not allowed"):
        check_xlsx(path, FileLimits())


def test_csv_rows_columns_and_cells_are_limited(tmp_path: Path) -> None:
    ok = csv_file(tmp_path, "name,a,b,c\nKoval,,,\nBondar,,,\nMelnyk,,,\n")
    assert len(read_list_file(ok, "m", NAMES, limits=SMALL).records) == 3
    rows = csv_file(tmp_path, "name\nA\nB\nC\nD\nE\n")
    with pytest.raises(FileTooLarge) as refused:
        read_list_file(rows, "m", NAMES, limits=SMALL)
    assert refused.value.problem.line == 5 and "TOLLBOOK_MAX_ROWS" in str(refused.value.problem)
    wide = csv_file(tmp_path, "name,a,b,c,d\nKoval,1,2,3,4\n")
    with pytest.raises(FileTooLarge, match=r"5 columns.*TOLLBOOK_MAX_COLUMNS"):
        read_list_file(wide, "m", NAMES, limits=SMALL)
    # empty cells at the end of a row are not columns
    assert read_list_file(csv_file(tmp_path, "name,,,,,,\nKoval,,,,,,\n"), "m", NAMES, limits=SMALL)
    long = csv_file(tmp_path, "name\n" + "K" * 21 + "\n")
    with pytest.raises(FileTooLarge, match="a cell of 21 characters"):
        read_list_file(long, "m", NAMES, limits=SMALL)


def test_a_csv_line_longer_than_any_row_may_be_is_never_read_whole(tmp_path: Path) -> None:
    line = csv_file(tmp_path, "name\n" + "," * 200 + "\n")
    with pytest.raises(FileTooLarge, match="line 2 is longer than 92 characters"):
        read_list_file(line, "m", NAMES, limits=SMALL)
    # the csv module's own field limit is reported as the cell limit
    big = csv_file(tmp_path, 'name\n"' + "x" * 200_000 + '"\n')
    with pytest.raises(FileTooLarge, match="TOLLBOOK_MAX_CELL_CHARS"):
        read_list_file(big, "m", NAMES, limits=FileLimits(max_columns=100, max_cell_chars=5000))


def test_the_file_size_limit_and_the_header(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "name\nKoval\n")
    with pytest.raises(FileTooLarge, match=r"the file is 11 bytes.*TOLLBOOK_MAX_FILE_BYTES"):
        read_header(path, limits=FileLimits(max_bytes=10))
    assert read_header(path, limits=SMALL) == ("name",)


def test_jsonl_reports_are_limited_in_number(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    lines = [json.dumps({"id": str(i), "text": "Two were killed."}) for i in range(5)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_jsonl_reports(path, SMALL)
    assert [line.report.id for line in (next(read), next(read), next(read)) if line.report] == [
        "0",
        "1",
        "2",
    ]
    with pytest.raises(FileTooLarge, match=r"line 4 is one report too many.*not read"):
        next(read)


def test_pfif_entities_are_refused_and_records_and_texts_limited() -> None:
    with pytest.raises(InputError, match="document types and entities are not allowed"):
        read_pfif(billion_laughs(), "bomb.xml", SMALL)
    person = (
        "<pfif:person><pfif:person_record_id>x.org/{n}</pfif:person_record_id>"
        "<pfif:full_name>{name}</pfif:full_name></pfif:person>"
    )
    doc = '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">{}</pfif:pfif>'
    three = doc.format("".join(person.format(n=n, name="Koval") for n in range(3)))
    persons, problems = read_pfif(three.encode(), "ok.xml", SMALL)
    assert len(persons) == 3 and not problems
    four = doc.format("".join(person.format(n=n, name="Koval") for n in range(4)))
    with pytest.raises(FileTooLarge, match=r"record 4 .* one too many.*TOLLBOOK_MAX_ROWS"):
        read_pfif(four.encode(), "many.xml", SMALL)
    long = doc.format(person.format(n=1, name="K" * 21))
    with pytest.raises(FileTooLarge, match="a <full_name> of 21 characters"):
        read_pfif(long.encode(), "long.xml", SMALL)
