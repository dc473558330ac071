"""Records -> the columns the linkage model compares. Pure.

Names are normalised (:mod:`tollbook.names`); birth dates become ISO text (for edit
distance: a digit slip or a day and month swapped stays close) and a birth year, exact or
estimated from the age at death, with the span of years it allows (an age gives an
uncertain year: :func:`birth_span`); death dates also become day numbers (for blocking
on dates a few days apart); places are folded like names. Columns that no record
fills are left out, and the model compares only the columns that are there.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from tollbook.domain.person_record import PersonRecord
from tollbook.names import normalise_name
from tollbook.names.fold import fold
from tollbook.names.latin import to_latin

#: Every feature column, with its type: "str", "int" or "date" (ISO text).
FEATURE_COLUMNS: dict[str, str] = {
    "unique_id": "int",
    "source": "str",
    "family": "str",
    "family_key": "str",
    "family_skel": "str",
    "given": "str",
    "given_key": "str",
    "names_sorted": "str",
    "patronymic_key": "str",
    "sex": "str",
    "birth_date": "str",
    "birth_year": "int",
    "birth_year_exact": "int",
    "birth_year_low": "int",
    "birth_year_high": "int",
    "death_date": "date",
    "death_day": "int",
    "list_exclusive": "int",
    "district": "str",
    "address": "str",
    "address_words": "str",
    "postcode": "str",
    "region": "str",
}
#: An age at death is taken to be off by up to this many years either way.
AGE_SLACK = 1
_EPOCH = date(1970, 1, 1).toordinal()
#: Columns only blocking reads (no comparison does): a model does not depend on them.
BLOCKING_ONLY: frozenset[str] = frozenset(
    {"birth_year_low", "birth_year_high", "death_day", "list_exclusive"}
)
#: Columns that are always there, even when empty.
ALWAYS: frozenset[str] = frozenset({"unique_id", "source", "family", "family_key", "given"})
#: Columns compared when present (the model's comparisons are built from these).
COMPARED: tuple[str, ...] = (
    "family_key",
    "given_key",
    "patronymic_key",
    "sex",
    "birth_date",
    "death_date",
    "district",
    "address",
    "postcode",
    "region",
)


@dataclass(frozen=True)
class FeatureTable:
    """Column name -> values (None for missing), one entry per record, in input order."""

    columns: dict[str, list[object]]

    def __len__(self) -> int:
        return len(self.columns["unique_id"])

    @property
    def present(self) -> frozenset[str]:
        """The columns some record fills."""
        return frozenset(
            name
            for name, values in self.columns.items()
            if name in ALWAYS or any(v is not None and v != "" for v in values)
        )

    @property
    def model_columns(self) -> frozenset[str]:
        """The present columns a model is built from (not those only blocking reads)."""
        return self.present - BLOCKING_ONLY


def features(
    records: Sequence[PersonRecord],
    ids: Sequence[int] | None = None,
    *,
    exclusive: Collection[str] = (),
) -> FeatureTable:
    """The feature columns of ``records``; ``ids`` are their unique ids (default 0..n-1).
    ``exclusive`` names the lists that hold no duplicates: their records are marked
    (``list_exclusive``) so that two of one such list are never paired."""
    if ids is not None and len(ids) != len(records):
        raise ValueError("one id per record is needed")
    apart = frozenset(exclusive)
    columns: dict[str, list[object]] = {name: [] for name in FEATURE_COLUMNS}
    add = {name: column.append for name, column in columns.items()}
    for i, record in enumerate(records):
        name = normalise_name(record.family_name, record.given_name, record.patronymic)
        add["unique_id"](ids[i] if ids is not None else i)
        add["source"](record.source)
        add["family"](name.family or None)
        add["family_key"](name.family_key or None)
        add["family_skel"](name.family_skeleton or None)
        add["given"](name.given or None)
        add["given_key"](name.given_key or None)
        add["names_sorted"](
            " ".join(sorted((name.family_key, name.given_key)))
            if name.family_key and name.given_key
            else None
        )
        add["patronymic_key"](name.patronymic_key or None)
        add["sex"](record.sex or name.sex)
        add["birth_date"](_birth_text(record))
        year, exact = _birth_year(record)
        add["birth_year"](year)
        add["birth_year_exact"](None if year is None else int(exact))
        low, high = birth_span(year, exact)
        add["birth_year_low"](low)
        add["birth_year_high"](high)
        add["death_date"](record.death_date.isoformat() if record.death_date else None)
        add["death_day"](record.death_date.toordinal() - _EPOCH if record.death_date else None)
        add["list_exclusive"](1 if record.source in apart else None)
        add["district"](_place(record.district))
        address = _place(record.address)
        add["address"](address)
        add["address_words"](" ".join(sorted(address.split())) if address else None)
        add["postcode"](_code(record.postcode))
        add["region"](_place(record.region))
    return FeatureTable(columns)


def birth_span(year: int | None, exact: bool) -> tuple[int | None, int | None]:
    """The birth years a record allows: its birth date's year; or, from an age A at
    death in year D (``year`` = D - A), D - A - 1 or D - A widened by :data:`AGE_SLACK`
    on each side for an age misstated or a death date a little off."""
    if year is None:
        return None, None
    if exact:
        return year, year
    return year - 1 - AGE_SLACK, year + AGE_SLACK


def _birth_text(record: PersonRecord) -> str | None:
    if record.birth_date is not None:
        return record.birth_date.isoformat()
    digits = "".join(ch for ch in record.unread.get("birth_date", "") if ch.isdigit())
    if len(digits) == 8:  # a date that is not one (month 13, day 93): still comparable
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return None


def _birth_year(record: PersonRecord) -> tuple[int | None, bool]:
    year, exact = record.birth_year()
    if year is None:
        digits = "".join(ch for ch in record.unread.get("birth_date", "") if ch.isdigit())
        if len(digits) == 8 and 1850 <= int(digits[:4]) <= 2100:
            return int(digits[:4]), True
    return year, exact


@lru_cache(maxsize=100_000)
def _place(text: str | None) -> str | None:
    if not text:
        return None
    return fold(to_latin(text)) or None


def _code(text: str | None) -> str | None:
    if not text:
        return None
    return "".join(text.split()).upper() or None
