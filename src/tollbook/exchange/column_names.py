"""The column names a list's header may use for each record field, in English,
Ukrainian and Russian, so that a file maps itself without ``--map``.

Names are compared after :func:`column_key`: letter case, spaces, underscores, hyphens,
dots and apostrophes do not matter (``Date of death``, ``date_of_death``, ``DATE-OF-DEATH``
and ``dateOfDeath`` are one name; so are ``ім'я``, ``ім’я`` and ``імя``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: Field -> the names of a column that holds it (the field's own name first).
COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "record_id": (
        "record_id", "id", "record", "record_no", "record_number", "ref", "reference",
        "номер", "номер запису", "ідентифікатор", "номер записи", "идентификатор",
    ),
    "family_name": (
        "family_name", "surname", "last_name", "family", "lastname",
        "прізвище", "фамилия",
    ),
    "given_name": (
        "given_name", "first_name", "forename", "forenames", "given", "firstname",
        "christian_name", "ім'я", "имя",
    ),
    "patronymic": (
        "patronymic", "middle_name", "father_name", "fathers_name", "father's name",
        "по батькові", "побатькові", "ім'я по батькові", "отчество",
    ),
    "sex": ("sex", "gender", "стать", "пол"),
    "birth_date": (
        "birth_date", "dob", "date_of_birth", "birthdate", "born", "birthday",
        "date_born", "дата народження", "народився", "народилася", "д.н.",
        "дата рождения", "родился", "родилась", "д.р.",
    ),
    "age": ("age", "age_at_death", "вік", "вік на момент смерті", "возраст"),
    "death_date": (
        "death_date", "date_of_death", "dod", "died", "deathdate", "date_died",
        "died_on", "death", "дата смерті", "дата загибелі", "помер", "померла",
        "дата смерти", "дата гибели", "умер", "умерла",
    ),
    "district": (
        "district", "place_of_death", "pod", "death_place", "raion", "rayon",
        "район", "місце смерті", "місце загибелі", "место смерти", "место гибели",
    ),
    "address": ("address", "street_address", "адреса", "адрес"),
    "postcode": (
        "postcode", "postal_code", "post_code", "zip", "zipcode", "zip_code",
        "індекс", "поштовий індекс", "индекс", "почтовый индекс",
    ),
    "region": ("region", "oblast", "province", "область", "регіон", "регион"),
}  # fmt: skip

_APOSTROPHES = "'’ʼ`´‘"


def column_key(name: str) -> str:
    """A column name with letter case, separators and apostrophes taken out, and ё as е."""
    folded = name.strip().casefold().replace("ё", "е")
    return "".join(ch for ch in folded if ch.isalnum() and ch not in _APOSTROPHES)


_FIELD_OF: dict[str, str] = {}
for _field, _names in COLUMN_NAMES.items():
    for _name in _names:
        _FIELD_OF.setdefault(column_key(_name), _field)


def field_of_column(name: str) -> str | None:
    """The record field a column of this name holds, if its name is a known one."""
    return _FIELD_OF.get(column_key(name))


def recognise(header: Sequence[str], taken: set[int], mapped: set[str]) -> dict[str, int]:
    """Field -> index of the column that holds it, for fields not in ``mapped`` and
    columns not in ``taken``: a column named exactly like the field first, then the
    first column with a known name for it."""
    found: dict[str, int] = {}
    keys = [column_key(name) for name in header]
    for rank in (0, 1):
        for index, key in enumerate(keys):
            if index in taken or not key:
                continue
            field = _FIELD_OF.get(key)
            if field is None or field in mapped or field in found:
                continue
            if rank == 0 and key != column_key(field):
                continue
            found[field] = index
            taken.add(index)
    return found
