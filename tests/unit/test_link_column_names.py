"""List files map themselves by their column names, in English, Ukrainian and Russian,
and name every column they leave unused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.exchange.column_names import column_key, field_of_column
from tollbook.exchange.list_files import ColumnMapping, read_list_file

ENGLISH = (
    "Surname,First Name,middle_name,Gender,DOB,Age,date-of-death,Place_of_Death,notes",
    "Koval,Ivan,Petrovych,M,1961-02-01,,2022-03-10,Kalmiuskyi,found by the school",
)
UKRAINIAN = (
    "Прізвище,Ім’я,По батькові,Стать,Дата народження,Вік,Дата смерті,Місце смерті,Примітка",
    "Коваль,Іван,Петрович,Ч,01.02.1961,,10.03.2022,Кальміуський,біля школи",
)
RUSSIAN = (
    "ФАМИЛИЯ;имя;Отчество;пол;дата_рождения;возраст;Дата смерти;место смерти;Источник",
    "Коваль;Иван;Петрович;М;;61;2022-03-10;Кальмиусский;соседи",
)
WANTED = {
    "family_name",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "age",
    "death_date",
    "district",
}


def write(tmp_path: Path, lines: tuple[str, ...], name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "unused"),
    [(ENGLISH, "notes"), (UKRAINIAN, "Примітка"), (RUSSIAN, "Источник")],
    ids=["english", "ukrainian", "russian"],
)
def test_headers_in_three_languages_map_without_a_mapping(
    tmp_path: Path, lines: tuple[str, ...], unused: str
) -> None:
    read = read_list_file(write(tmp_path, lines), "morgue")

    assert set(read.mapping) == WANTED
    assert read.unused == (unused,)
    (record,) = read.records
    assert record.death_date is not None and record.death_date.isoformat() == "2022-03-10"
    assert record.district and record.patronymic and record.sex == "M"
    warning = read.unused_warning()
    assert warning is not None and warning.line == 1
    assert repr(unused) in warning.message and "--map" in warning.message


def test_case_spaces_underscores_hyphens_and_apostrophes_do_not_matter() -> None:
    for name in ("date_of_death", "Date of death", "DATE-OF-DEATH", "dateOfDeath", " dod "):
        assert field_of_column(name) == "death_date", name
    for name in ("ім'я", "ім’я", "ІМʼЯ", "імя"):
        assert field_of_column(name) == "given_name", name
    assert field_of_column("по_батькові") == field_of_column("по-батькові") == "patronymic"
    assert column_key("Дата  рождения") == column_key("дата_рождения")
    assert field_of_column("notes") is None


def test_a_column_named_as_the_field_wins_and_the_other_is_left_unused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        ("surname,place_of_death,district,family_name", "Koval,School 4,Kalmiuskyi,Kovalenko"),
    )
    read = read_list_file(path, "morgue")

    assert read.mapping["family_name"] == ("family_name",)
    assert read.mapping["district"] == ("district",)
    assert read.unused == ("surname", "place_of_death")
    assert read.records[0].family_name == "Kovalenko"


def test_an_explicit_mapping_comes_first_and_may_name_a_column_loosely(tmp_path: Path) -> None:
    path = write(tmp_path, ("Last Name,died,buried", "Koval,2022-03-10,2022-03-12"))
    mapping = ColumnMapping.parse(["last_name=family_name", "buried=death_date"])
    read = read_list_file(path, "burial", mapping)

    assert read.mapping == {"family_name": ("Last Name",), "death_date": ("buried",)}
    assert read.unused == ("died",)
    assert read.records[0].death_date is not None
    assert read.records[0].death_date.isoformat() == "2022-03-12"


def test_a_file_with_every_column_used_warns_of_nothing(tmp_path: Path) -> None:
    read = read_list_file(write(tmp_path, ("surname,dod", "Koval,2022-03-10")), "news")
    assert read.unused == () and read.unused_warning() is None
