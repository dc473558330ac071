"""A record of one person on a named list of the dead, and the rules for reading its
values. Pure: no I/O.

Every record keeps where it came from (its list and row) and the row's original values,
so that what a list said can always be shown next to what Tollbook made of it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from tollbook.domain.text import N_

Sex = Literal["M", "F"]

#: The fields a list's columns can be mapped to, in display order.
RECORD_FIELDS: tuple[str, ...] = (
    "record_id",
    "family_name",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "age",
    "death_date",
    "district",
    "address",
    "postcode",
    "region",
)
#: Fields several columns may be mapped to; their values are joined with a space.
JOINABLE_FIELDS: frozenset[str] = frozenset(
    {"family_name", "given_name", "patronymic", "district", "address", "region"}
)
NAME_FIELDS: tuple[str, ...] = ("family_name", "given_name", "patronymic")
OLDEST_AGE = 125


class InvalidValue(ValueError):
    """A value that cannot be read as its field's type; the message says why."""


@dataclass(frozen=True)
class PersonRecord:
    """One row of a named list: who, as far as the list says, with its provenance.

    ``row`` is the row as a spreadsheet numbers it (the header is row 1). ``original``
    holds every column of the row as read; ``unread`` the mapped values that could not
    be read as their field's type (kept only when the import was asked to be lenient).
    """

    source: str
    row: int
    record_id: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    patronymic: str | None = None
    sex: Sex | None = None
    birth_date: date | None = None
    age: int | None = None
    death_date: date | None = None
    district: str | None = None
    address: str | None = None
    postcode: str | None = None
    region: str | None = None
    original: Mapping[str, str] = field(default_factory=dict)
    unread: Mapping[str, str] = field(default_factory=dict)

    @property
    def has_name(self) -> bool:
        return bool(self.family_name or self.given_name or self.patronymic)

    def birth_year(self) -> tuple[int | None, bool]:
        """The birth year and whether it is exact: from the birth date, else estimated
        as the death year minus the age (the person was born that year or the year
        before), else (None, False)."""
        if self.birth_date is not None:
            return self.birth_date.year, True
        if self.age is not None and self.death_date is not None:
            return self.death_date.year - self.age, False
        return None, False


_SEXES: dict[str, Sex] = {
    "m": "M", "male": "M", "man": "M", "boy": "M",
    "f": "F", "female": "F", "woman": "F", "girl": "F", "w": "F",
    # Ukrainian чоловіча / жіноча, Russian мужской / женский
    "ч": "M", "чол": "M", "чоловік": "M", "чоловіча": "M", "м": "M", "муж": "M",
    "мужской": "M", "мужчина": "M", "ж": "F", "жін": "F", "жінка": "F", "жіноча": "F",
    "жен": "F", "женский": "F", "женщина": "F",
}  # fmt: skip


def parse_sex(text: str) -> Sex | None:
    """M or F from the ways lists write it (M/F, male/female, Ч/Ж, М/Ж); None if empty."""
    value = text.strip().lower().rstrip(".")
    if not value:
        return None
    try:
        return _SEXES[value]
    except KeyError:
        raise InvalidValue(
            N_("not a sex: %(value)s (use M or F)", value=repr(text.strip()))
        ) from None


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


@lru_cache(maxsize=100_000)
def parse_date(text: str) -> date | None:
    """A date written YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or YYYYMMDD; None if empty.

    Dates with slashes are read day first, as Ukrainian and Russian lists write them.
    Spreadsheet date cells arrive as ``YYYY-MM-DD`` (a time of 00:00:00 is dropped).
    """
    value = text.strip()
    if value.endswith((" 00:00:00", "T00:00:00")):
        value = value[:-9]
    if not value:
        return None
    if match := _ISO.match(value):
        year, month, day = match.groups()
    elif match := _DAY_FIRST.match(value):
        day, month, year = match.groups()
    elif match := _COMPACT.match(value):
        year, month, day = match.groups()
    else:
        raise InvalidValue(
            N_("not a date: %(value)s (use YYYY-MM-DD or DD.MM.YYYY)", value=repr(value))
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidValue(N_("no such date: %(value)s", value=repr(value))) from None


def parse_age(text: str) -> int | None:
    """An age in whole years (``34``, ``34.0``); None if empty."""
    value = text.strip()
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise InvalidValue(N_("not an age: %(value)s", value=repr(value))) from None
    if not number.is_integer() or not 0 <= number <= OLDEST_AGE:
        raise InvalidValue(N_("not an age in years: %(value)s", value=repr(value)))
    return int(number)


def clean_text(text: str) -> str | None:
    """Text with its spaces tidied; None if nothing is left."""
    value = " ".join(text.split())
    return value or None


def check_record(record: PersonRecord) -> list[tuple[str, str]]:
    """What makes a record impossible, as (field, message) pairs; empty when it is fine.

    A record without a name is possible (an unidentified body, a name not known yet):
    it is kept, and linked by what else it says."""
    problems: list[tuple[str, str]] = []
    if (
        record.birth_date is not None
        and record.death_date is not None
        and record.birth_date > record.death_date
    ):
        problems.append(("birth_date", "born after the death date"))
    return problems


def row_keys(records: Sequence[PersonRecord]) -> list[str]:
    """Each record's stable key in its file: ``id:`` and the file's own id when the list
    has one, else ``row:`` and a hash of the row's content; a key repeated in the file
    gets ``#2``, ``#3`` ... So a corrected file's rows find the records they correct."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for record in records:
        if record.record_id:
            key = f"id:{record.record_id}"
        else:
            text = json.dumps(sorted(record.original.items()), ensure_ascii=False)
            key = "row:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def record_content(record: PersonRecord) -> str:
    """A record's values and original row, to tell an updated record from an unchanged one."""
    values = {name: getattr(record, name) for name in RECORD_FIELDS}
    values["original"] = dict(sorted(record.original.items()))
    values["unread"] = dict(sorted(record.unread.items()))
    return json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)
