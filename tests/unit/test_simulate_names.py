"""Registry names: feminine family names and patronymics."""

from __future__ import annotations

import pytest

from tollbook.simulate.names import (
    FAMILY_NAMES,
    FEMALE_NAMES,
    MALE_NAMES,
    feminine_family_name,
    name_tables,
    ru_patronymic,
    uk_patronymic,
)


@pytest.mark.parametrize(
    ("masculine", "russian", "feminine"),
    [
        ("Іванов", False, "Іванова"),
        ("Кузьмін", False, "Кузьміна"),
        ("Ковальський", False, "Ковальська"),
        ("Білий", False, "Біла"),
        ("Шевченко", False, "Шевченко"),
        ("Ковальчук", False, "Ковальчук"),
        ("Гнатюк", False, "Гнатюк"),
        ("Мельник", False, "Мельник"),
        ("Ковальский", True, "Ковальская"),
        ("Ковалёв", True, "Ковалёва"),
    ],
)
def test_feminine_family_names(masculine: str, russian: bool, feminine: str) -> None:
    assert feminine_family_name(masculine, russian=russian) == feminine


@pytest.mark.parametrize(
    ("father", "son", "daughter"),
    [
        ("Олександр", "Олександрович", "Олександрівна"),
        ("Андрій", "Андрійович", "Андріївна"),
        ("Василь", "Васильович", "Василівна"),
        ("Петро", "Петрович", "Петрівна"),
        ("Микола", "Миколайович", "Миколаївна"),
        ("Ігор", "Ігорович", "Ігорівна"),
    ],
)
def test_ukrainian_patronymics(father: str, son: str, daughter: str) -> None:
    assert uk_patronymic(father, feminine=False) == son
    assert uk_patronymic(father, feminine=True) == daughter


@pytest.mark.parametrize(
    ("father", "son", "daughter"),
    [
        ("Александр", "Александрович", "Александровна"),
        ("Сергей", "Сергеевич", "Сергеевна"),
        ("Юрий", "Юрьевич", "Юрьевна"),
        ("Николай", "Николаевич", "Николаевна"),
        ("Игорь", "Игоревич", "Игоревна"),
        ("Михаил", "Михайлович", "Михайловна"),
        ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ],
)
def test_russian_patronymics(father: str, son: str, daughter: str) -> None:
    assert ru_patronymic(father, feminine=False) == son
    assert ru_patronymic(father, feminine=True) == daughter


def test_tables_are_parallel_and_distinct() -> None:
    t = name_tables()
    assert len(t.given_uk[0]) == len(t.given_ru[0]) == len(MALE_NAMES)
    assert len(t.given_uk[1]) == len(FEMALE_NAMES)
    assert len(t.family_uk[1]) == len(t.family_ru[1]) == len(FAMILY_NAMES)
    assert len(set(t.given_uk[0])) == len(MALE_NAMES)
    assert len({f.uk for f in FAMILY_NAMES}) == len(FAMILY_NAMES)
    assert t.family_ru[0][[f.uk for f in FAMILY_NAMES].index("Олійник")] == "Олейник"
