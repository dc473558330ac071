"""Transliteration of Cyrillic names under the national, Russian-style and passport schemes."""

from __future__ import annotations

import pytest

from tollbook.names.transliteration import (
    SCHEMES,
    all_romanizations,
    icao_9303,
    is_cyrillic,
    russian_bgn_pcgn,
    transliterate,
    ukrainian_national,
)
from tollbook.simulate.names import russian_form


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Олександр", "Oleksandr"),
        ("Григорій", "Hryhorii"),
        ("Згорани", "Zghorany"),
        ("Юрій", "Yurii"),
        ("Євгенія", "Yevheniia"),
        ("Марія", "Mariia"),
        ("Наталія", "Nataliia"),
        ("Їжакевич", "Yizhakevych"),
        ("Йосипівка", "Yosypivka"),
        ("Ярошенко", "Yaroshenko"),
        ("Знам'янка", "Znamianka"),
        ("Щербухи", "Shcherbukhy"),
        ("Розгон", "Rozghon"),
        ("Ковальська", "Kovalska"),
        ("Шевченко-Юрченко", "Shevchenko-Yurchenko"),
    ],
)
def test_ukrainian_national_2010(cyrillic: str, latin: str) -> None:
    assert ukrainian_national(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Александр", "Aleksandr"),
        ("Сергей", "Sergey"),
        ("Елена", "Yelena"),
        ("Юрий", "Yuriy"),
        ("Пётр", "Pyotr"),
        ("Наталья", "Natalya"),
        ("Григорий", "Grigoriy"),
        ("Ковалёв", "Kovalyov"),
        ("Андреевич", "Andreyevich"),
    ],
)
def test_russian_bgn_pcgn(cyrillic: str, latin: str) -> None:
    assert russian_bgn_pcgn(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "ukrainian", "latin"),
    [
        ("Александр", False, "Aleksandr"),
        ("Юлия", False, "Iuliia"),
        ("Сергей", False, "Sergei"),
        ("Артём", False, "Artem"),
        ("Подъезд", False, "Podieezd"),
        ("Григорій", True, "Grygorii"),
        ("Євгенія", True, "Ievgeniia"),
    ],
)
def test_icao_9303(cyrillic: str, ukrainian: bool, latin: str) -> None:
    assert icao_9303(cyrillic, ukrainian=ukrainian) == latin


def test_russian_style_of_a_ukrainian_name_goes_through_its_russian_form() -> None:
    assert ukrainian_national("Олександр") == "Oleksandr"
    assert russian_bgn_pcgn(russian_form("Олександр")) == "Aleksandr"
    assert russian_form("Наталія") == "Наталья"


def test_letter_case_follows_the_source() -> None:
    assert ukrainian_national("ЮРІЙ ШЕВЧЕНКО") == "YURII SHEVCHENKO"
    assert ukrainian_national("юрій") == "yurii"
    assert ukrainian_national("Є") == "Ye"


def test_word_start_is_per_word() -> None:
    assert ukrainian_national("Юрій Юрійович") == "Yurii Yuriiovych"
    assert ukrainian_national("Олена-Яна") == "Olena-Yana"


def test_non_cyrillic_text_passes_through() -> None:
    assert ukrainian_national("Oleksandr 12, м.") == "Oleksandr 12, m."
    assert not is_cyrillic("Oleksandr")
    assert is_cyrillic("Oлександр")


def test_every_scheme_by_name() -> None:
    variants = all_romanizations("Юрій")
    assert set(variants) == set(SCHEMES)
    assert variants == {
        "ukrainian_national": "Yurii",
        "russian_bgn_pcgn": "Yuriy",
        "icao_9303": "Iurii",
    }
    with pytest.raises(ValueError, match="unknown transliteration scheme"):
        transliterate("Юрій", "pinyin")  # type: ignore[arg-type]
