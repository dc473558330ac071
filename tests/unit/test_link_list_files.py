"""Reading named lists from CSV and XLSX with a column mapping."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from tollbook.domain.person_record import InvalidValue, PersonRecord, parse_date, parse_sex
from tollbook.exchange.errors import InputError
from tollbook.exchange.list_files import ColumnMapping, read_list_file, write_clusters

HEADER = "id,surname,first,father,sex,born,age,died,district\n"


def write(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MAPPING = ColumnMapping.parse(
    [
        "id=record_id",
        "surname=family_name",
        "first=given_name",
        "father=patronymic",
        "born=birth_date",
        "died=death_date",
    ]
)


def test_rows_become_records_with_their_row_and_original_values(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "m-1,Шевченко,Олена,Петрівна,Ж,01.05.1970,,2022-03-04,Заводський\n"
        + "m-2,Koval,Ivan,,M,,61,2022-03-05,\n",
    )
    read = read_list_file(path, "morgue", MAPPING)
    assert read.problems == []
    first, second = read.records
    assert first.source == "morgue" and first.row == 2 and first.record_id == "m-1"
    assert (first.family_name, first.given_name, first.patronymic) == (
        "Шевченко",
        "Олена",
        "Петрівна",
    )
    assert first.sex == "F" and first.birth_date == date(1970, 5, 1)
    assert first.district == "Заводський"
    assert first.original["born"] == "01.05.1970"
    assert second.row == 3 and second.age == 61 and second.birth_date is None
    assert read.mapping["family_name"] == ("surname",)
    assert read.mapping["sex"] == ("sex",)  # named like the field: mapped by itself


def test_bad_rows_are_reported_by_row_and_field_and_the_rest_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "1,Koval,Ivan,,X,,,2022-03-05,\n"
        + "2,Koval,Olena,,F,1970-13-01,,2022-03-05,\n"
        + "3,Bondar,Petro,,M,,abc,2022-03-05,\n"
        + "4,Melnyk,Anna,,F,2023-01-01,,2022-03-05,\n"
        + "5,Good,Row,,F,,,,\n",
    )
    read = read_list_file(path, "morgue", MAPPING)
    assert [r.row for r in read.records] == [6]
    where = [(p.line, p.field) for p in read.problems]
    assert where == [(2, "sex"), (3, "birth_date"), (4, "age"), (5, "birth_date")]
    assert "no such date" in read.problems[1].message
    assert read.rejected_rows == 4
    assert str(read.problems[0]).startswith(f"{path}:2: field 'sex'")


def test_lenient_reading_keeps_the_row_without_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "2,Koval,Olena,,F,19701301,,,\n")
    read = read_list_file(path, "morgue", MAPPING, lenient=True)
    assert read.problems == []
    assert [(w.line, w.field) for w in read.warnings] == [(2, "birth_date")]
    (kept,) = read.records
    assert kept.birth_date is None and kept.unread == {"birth_date": "19701301"}


def test_several_columns_can_make_one_field(tmp_path: Path) -> None:
    path = write(tmp_path, "no,street,suburb,name\n8,stanley street,miami,Neumann\n")
    mapping = ColumnMapping.parse(["no=address", "street=address", "name=family_name"])
    (record,) = read_list_file(path, "a", mapping).records
    assert record.address == "8 stanley street"


def test_semicolons_and_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("\ufefffamily_name;given_name\nКоваль;Іван\n".encode())
    (record,) = read_list_file(path, "a").records
    assert (record.family_name, record.given_name) == ("Коваль", "Іван")


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        (["surname"], "COLUMN=FIELD"),
        (["surname=nickname"], "unknown field"),
        (["a=sex", "b=sex"], "only one column"),
    ],
)
def test_a_bad_mapping_is_refused(pairs: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ColumnMapping.parse(pairs)


def test_whole_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_list_file(tmp_path / "missing.csv", "a")
    with pytest.raises(InputError, match="empty"):
        read_list_file(write(tmp_path, ""), "a")
    with pytest.raises(InputError, match="no column 'nom'"):
        read_list_file(write(tmp_path, "a,b\n1,2\n"), "a", ColumnMapping.parse(["nom=family_name"]))
    with pytest.raises(InputError, match="no column is mapped to a name"):
        read_list_file(write(tmp_path, "a,b\n1,2\n"), "a")
    with pytest.raises(InputError, match="header but no rows"):
        read_list_file(write(tmp_path, "family_name\n"), "a")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("family_name\nKoval\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_list_file(bad, "a")
    with pytest.raises(InputError, match=r"cannot read \.pdf"):
        read_list_file(write(tmp_path, "x", "list.pdf"), "a")


def test_a_row_with_too_many_values_is_reported(tmp_path: Path) -> None:
    read = read_list_file(write(tmp_path, "family_name\nKoval,extra\nBondar\n"), "a")
    assert [p.line for p in read.problems] == [2]
    assert [r.family_name for r in read.records] == ["Bondar"]


def test_xlsx_lists_are_read_with_dates_and_numbers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Register"
    sheet.append(["Прізвище", "Ім'я", "Дата народження", "Вік"])
    sheet.append(["Шевченко", "Олена", datetime(1970, 5, 1), None])
    sheet.append(["Коваль", "Іван", None, 61.0])
    sheet.append(["Бондар", "Петро", "не відомо", None])
    path = tmp_path / "register.xlsx"
    workbook.save(path)
    mapping = ColumnMapping.parse(
        ["Прізвище=family_name", "Ім'я=given_name", "Дата народження=birth_date", "Вік=age"]
    )
    read = read_list_file(path, "register", mapping, sheet="Register")
    assert [(r.row, r.birth_date, r.age) for r in read.records] == [
        (2, date(1970, 5, 1), None),
        (3, None, 61),
    ]
    assert [(p.line, p.field) for p in read.problems] == [(4, "birth_date")]
    with pytest.raises(InputError, match="no sheet"):
        read_list_file(path, "register", mapping, sheet="Other")
    broken = write(tmp_path, "not a workbook", "broken.xlsx")
    with pytest.raises(InputError, match=r"not a readable \.xlsx"):
        read_list_file(broken, "x")


def test_values_are_read_as_lists_write_them() -> None:
    assert parse_sex("ч") == "M" and parse_sex("Ж.") == "F" and parse_sex(" ") is None
    assert parse_date("1970-05-01") == parse_date("01.05.1970") == parse_date("19700501")
    assert parse_date("1970-05-01 00:00:00") == date(1970, 5, 1)
    with pytest.raises(InvalidValue):
        parse_sex("?")
    with pytest.raises(InvalidValue):
        parse_date("May 1970")


def test_clusters_are_written_one_row_per_record(tmp_path: Path) -> None:
    records = [
        PersonRecord(source="a", row=2, record_id="a-1"),
        PersonRecord(source="a", row=3),
        PersonRecord(source="b", row=2, record_id="b-1"),
    ]
    out = tmp_path / "out" / "clusters.csv"
    write_clusters(out, records, {0: 7, 1: 1, 2: 7})
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["file", "row", "record_id", "cluster_id"],
        ["a", "2", "a-1", "1"],
        ["a", "3", "a:3", "2"],
        ["b", "2", "b-1", "1"],
    ]
