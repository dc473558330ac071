"""Rows of the registry's CSV files (as the siege simulator writes them) to domain data.

Pure: each function takes one row (a dict of column to text) and its line number, and
returns the domain object or raises :class:`RowError` naming the bad field.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from tollbook.domain.body import AGE_GROUPS, Body, Description
from tollbook.domain.grave import GravePosition, Site, Trench
from tollbook.domain.missing import CONSENT_SCOPES, MissingReport
from tollbook.domain.text import N_
from tollbook.registry.references import BadReference, parse_reference

BODY_COLUMNS: tuple[str, ...] = ("body_ref",)
TRENCH_COLUMNS: tuple[str, ...] = ("trench_id", "site", "number", "length_m", "bearing_deg")
SITE_COLUMNS: tuple[str, ...] = ("site", "name")
REPORT_COLUMNS: tuple[str, ...] = ("report_id",)


class RowError(ValueError):
    """One bad field of one row."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"field {field!r}: {message}")
        self.field = field
        self.message = message


def split_items(text: str) -> tuple[str, ...]:
    """``"coat:black; boots:brown"`` to its items, trimmed and lower-cased, empty dropped."""
    return tuple(item.strip().lower() for item in text.split(";") if item.strip())


def _text(row: Mapping[str, str | None], name: str) -> str:
    return (row.get(name) or "").strip()


def _date(row: Mapping[str, str | None], name: str) -> date | None:
    value = _text(row, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RowError(name, N_("%(value)s is not a date YYYY-MM-DD", value=repr(value))) from None


def _number(row: Mapping[str, str | None], name: str, *, low: float, high: float) -> float | None:
    value = _text(row, name)
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise RowError(name, N_("%(value)s is not a number", value=repr(value))) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise RowError(
            name,
            N_(
                "%(value)s is outside %(low)s to %(high)s",
                value=value,
                low=format(low, "g"),
                high=format(high, "g"),
            ),
        )
    return number


def _int(row: Mapping[str, str | None], name: str, *, low: int, high: int) -> int | None:
    number = _number(row, name, low=low, high=high)
    if number is None:
        return None
    if number != int(number):
        raise RowError(name, N_("%(number)s is not a whole number", number=number))
    return int(number)


def _age(row: Mapping[str, str | None]) -> int | None:
    """An age in years; a family's "-1" for a baby (an age of 0 misremembered) is 0."""
    age = _int(row, "age", low=-1, high=120)
    return None if age is None else max(age, 0)


def _required(row: Mapping[str, str | None], name: str) -> str:
    value = _text(row, name)
    if not value:
        raise RowError(name, N_("is empty"))
    return value


def _sex(row: Mapping[str, str | None], name: str) -> str:
    value = _text(row, name).upper()
    if value not in ("M", "F", ""):
        raise RowError(name, N_("%(value)s is not M, F or empty", value=repr(value)))
    return value


def body_from_row(row: Mapping[str, str | None]) -> tuple[Body, GravePosition | None]:
    """A body (and its place in a trench, when the row has one) from a ``bodies.csv`` row."""
    try:
        ref = str(parse_reference(_required(row, "body_ref")))
    except BadReference as exc:
        raise RowError("body_ref", str(exc)) from None
    age = _text(row, "apparent_age").lower()
    if age and age not in AGE_GROUPS:
        raise RowError(
            "apparent_age",
            N_("%(age)s is not one of %(items)s", age=repr(age), items=", ".join(AGE_GROUPS)),
        )
    height = _int(row, "height_cm", low=30, high=250)
    description = Description(
        apparent_sex=_sex(row, "apparent_sex"),
        apparent_age=age,
        height_cm=height,
        clothing=split_items(_text(row, "clothing")),
        marks=split_items(_text(row, "marks")),
        effects=split_items(_text(row, "effects")),
        condition=_text(row, "condition"),
        wrapped_in=_text(row, "wrapped_in"),
    )
    recovered_on = _date(row, "recovered_on")
    buried_on = _date(row, "buried_on")
    body = Body(
        ref=ref,
        description=description,
        recovered_place=_text(row, "recovered_place"),
        recovered_district=_text(row, "found_district"),
        recovered_on=recovered_on or buried_on,
        team=_text(row, "team") or ref.split("-")[1],
        parent_ref=_text(row, "parent_ref") or None,
        label=_text(row, "label"),
    )
    trench_id = _text(row, "trench_id")
    if not trench_id:
        return body, None
    position = _int(row, "position", low=1, high=100_000)
    distance = _number(row, "distance_m", low=0, high=10_000)
    if position is None:
        raise RowError("position", N_("is empty for a body in a trench"))
    if distance is None:
        raise RowError("distance_m", N_("is empty for a body in a trench"))
    return body, GravePosition(ref, trench_id, position, distance, buried_on)


def site_from_row(row: Mapping[str, str | None]) -> Site:
    return Site(
        code=_required(row, "site"),
        name=_required(row, "name"),
        lat=_number(row, "lat", low=-90, high=90),
        lon=_number(row, "lon", low=-180, high=180),
    )


def trench_from_row(row: Mapping[str, str | None]) -> Trench:
    length = _number(row, "length_m", low=0.1, high=10_000)
    bearing = _number(row, "bearing_deg", low=0, high=360)
    number = _int(row, "number", low=1, high=10_000)
    if length is None:
        raise RowError("length_m", N_("is empty"))
    if bearing is None:
        raise RowError("bearing_deg", N_("is empty"))
    if number is None:
        raise RowError("number", N_("is empty"))
    return Trench(
        trench_id=_required(row, "trench_id"),
        site=_required(row, "site"),
        number=number,
        length_m=length,
        bearing_deg=bearing,
        marker_lat=_number(row, "marker_lat", low=-90, high=90),
        marker_lon=_number(row, "marker_lon", low=-180, high=180),
        opened=_date(row, "opened"),
    )


def report_from_row(
    row: Mapping[str, str | None], *, default_consent: tuple[str, ...] = ()
) -> MissingReport:
    """A missing-person report from a ``reports.csv`` row.

    A ``consent`` column (``matching; sharing``) says what the family agreed to; files
    without one (the simulator's) get ``default_consent``, which the importer states.
    """
    consent = default_consent
    if "consent" in row:
        consent = split_items(_text(row, "consent"))
        unknown = [c for c in consent if c not in CONSENT_SCOPES]
        if unknown:
            raise RowError(
                "consent",
                N_(
                    "%(unknown)s is not one of %(items)s",
                    unknown=repr(unknown[0]),
                    items=", ".join(CONSENT_SCOPES),
                ),
            )
    return MissingReport(
        report_id=_required(row, "report_id"),
        reported_on=_date(row, "reported_on"),
        relation=_text(row, "relation"),
        family_name=_text(row, "family_name"),
        given_name=_text(row, "given_name"),
        patronymic=_text(row, "patronymic"),
        sex=_sex(row, "sex"),
        birth_date=_date(row, "birth_date"),
        age=_age(row),
        last_seen_date=_date(row, "last_seen_date"),
        last_seen_place=_text(row, "last_seen_district") or _text(row, "last_seen_place"),
        height_cm=_int(row, "height_cm", low=30, high=250),
        clothing=split_items(_text(row, "clothing")),
        marks=split_items(_text(row, "marks")),
        effects=split_items(_text(row, "effects")),
        description=_text(row, "description"),
        contact=_text(row, "contact"),
        consent=tuple(consent),
        liaison=_text(row, "liaison"),
    )
