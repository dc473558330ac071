"""Patronymics, read as the father's given name.

Олександрович, Олександрівна, Александрович, Aleksandrovna and Oleksandrovych all name
a father Олександр: :func:`patronymic_key` gives them all the key of that name's class,
so a daughter's and a son's patronymic, or a Ukrainian and a Russian one, compare equal.
The forms are made by the rules of each language from the given names we know;
a patronymic of a name we do not know is keyed by its stem (the form without the
ending that makes it a patronymic).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.names.fold import fold
from tollbook.names.given_names import given_name_classes, name_key
from tollbook.names.latin import to_latin

# name -> (masculine, feminine), where the rules below would be wrong
_UK_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "Микола": ("Миколайович", "Миколаївна"),
    "Федір": ("Федорович", "Федорівна"),
    "Яків": ("Якович", "Яківна"),
    "Лев": ("Левович", "Львович", "Левівна"),
    "Григорій": ("Григорович", "Григорівна", "Григорійович", "Григоріївна"),
    "Ілля": ("Ілліч", "Іллівна"),
    "Хома": ("Хомич", "Хомівна"),
    "Лука": ("Лукич", "Луківна"),
}
_RU_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "Михаил": ("Михайлович", "Михайловна"),
    "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"),
    "Петр": ("Петрович", "Петровна"),
    "Лев": ("Львович", "Львовна"),
    "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Илья": ("Ильич", "Ильинична"),
    "Никита": ("Никитич", "Никитична"),
    "Фома": ("Фомич", "Фоминична"),
    "Лука": ("Лукич", "Лукинична"),
    "Кирилл": ("Кириллович", "Кирилловна"),
}
_RU_VOWELS = frozenset("аеёиоуыэюя")
# Endings of patronymics in folded keys: -ovych/-ovich, -evich, -ivna, -ovna, -evna, -ich
_SUFFIX = re.compile(r"(?:ovi|evi|i)C(?:na)?$|(?:iv|ov|ev|iiv)na$|iniCna$")


def uk_patronymics(father: str) -> tuple[str, ...]:
    """The Ukrainian patronymics (masculine and feminine) from a father's name."""
    if father in _UK_EXCEPTIONS:
        return _UK_EXCEPTIONS[father]
    if father.endswith("й"):  # Андрій -> Андрійович, Андріївна
        return (father + "ович", father[:-1] + "ївна")
    if father.endswith("ь"):  # Василь -> Васильович, Василівна
        return (father + "ович", father[:-1] + "івна")
    if father.endswith(("о", "а")):  # Петро -> Петрович, Петрівна
        return (father[:-1] + "ович", father[:-1] + "івна")
    return (father + "ович", father + "івна")


def ru_patronymics(father: str) -> tuple[str, ...]:
    """The Russian patronymics (masculine and feminine) from a father's name."""
    if father in _RU_EXCEPTIONS:
        return _RU_EXCEPTIONS[father]
    if father.endswith("ий") and len(father) > 2 and father[-3] not in _RU_VOWELS:
        stem = father[:-2] + "ь"  # Юрий -> Юрьевич
        return (stem + "евич", stem + "евна")
    if father.endswith(("й", "ь")):  # Сергей -> Сергеевич, Игорь -> Игоревич
        return (father[:-1] + "евич", father[:-1] + "евна")
    if father.endswith(("а", "я")):
        return (father[:-1] + "ич", father[:-1] + "ична")
    return (father + "ович", father + "овна")


@lru_cache(maxsize=1)
def _patronymic_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for named in sorted(set(given_name_classes().values()), key=lambda c: c.key):
        if named.sex != "M":
            continue
        for form in named.forms:
            if not any("\u0400" <= ch <= "\u04ff" for ch in form):
                continue
            for patronymic in (*uk_patronymics(form), *ru_patronymics(form)):
                index.setdefault(name_key(patronymic), named.key)
    return index


@lru_cache(maxsize=100_000)
def patronymic_key(text: str) -> str:
    """The key of the father's name a patronymic is made from ('' for none).

    >>> patronymic_key("Олександрівна") == patronymic_key("Aleksandrovich")
    True
    """
    key = fold(to_latin(text))
    if not key:
        return ""
    known = _patronymic_index().get(key)
    if known is not None:
        return known
    return _SUFFIX.sub("", key) or key


@lru_cache(maxsize=100_000)
def patronymic_sex(text: str) -> str | None:
    """``M`` or ``F`` when the ending says so (-ович, -івна, -ovna, -ich ...), else None."""
    key = fold(to_latin(text))
    if re.search(r"(?:na)$", key) and _SUFFIX.search(key):
        return "F"
    if _SUFFIX.search(key):
        return "M"
    return None
