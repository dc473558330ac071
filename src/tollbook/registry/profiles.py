"""The comparable part of a body or a missing-person report: its *profile*.

Both sides are reduced to the same features, so that a report can be ranked against all
bodies and a body against all reports with one scorer. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tollbook.domain.body import AGE_GROUP_FROM, AGE_GROUP_TO, AGE_GROUPS, Body
from tollbook.domain.missing import MissingReport
from tollbook.names.transliteration import ukrainian_national

_NOT_LETTER = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class Profile:
    """What can be compared. ``None`` and empty mean "not known" and score nothing."""

    key: str
    sex: str = ""
    age_from: int | None = None
    age_to: int | None = None
    height_cm: int | None = None
    #: The day of burial or recovery (a body) or the day last seen (a report).
    day: date | None = None
    place: str = ""
    clothing: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    #: Name tokens, folded to plain Latin (a body's label, a report's names).
    names: tuple[str, ...] = ()


def fold_name(text: str) -> tuple[str, ...]:
    """Name tokens in plain lower-case Latin: Cyrillic romanized, accents dropped."""
    latin = ukrainian_national(text)
    plain = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    return tuple(t for t in _NOT_LETTER.split(plain.lower()) if len(t) > 1)


def clothing_items(clothing: tuple[str, ...]) -> tuple[str, ...]:
    """The garments without their colours: ``coat:black`` -> ``coat``."""
    return tuple(item.split(":", 1)[0] for item in clothing)


def body_profile(body: Body, *, day: date | None = None) -> Profile:
    """A body's profile; ``day`` is its burial day when known, else its recovery day."""
    d = body.description
    age_from = age_to = None
    if d.apparent_age in AGE_GROUPS:
        group = AGE_GROUPS.index(d.apparent_age)
        age_from, age_to = AGE_GROUP_FROM[group], AGE_GROUP_TO[group]
    return Profile(
        key=body.ref,
        sex=d.apparent_sex,
        age_from=age_from,
        age_to=age_to,
        height_cm=d.height_cm,
        day=day or body.recovered_on,
        place=body.recovered_district.casefold(),
        clothing=d.clothing,
        marks=d.marks,
        effects=d.effects,
        names=fold_name(body.label) if body.label else (),
    )


def report_profile(report: MissingReport) -> Profile:
    """A report's profile: an age from the birth date is exact, a stated age is ±1."""
    age = report.age_on_last_seen()
    age_from = age_to = None
    if age is not None:
        slack = 0 if report.birth_date is not None else 1
        age_from, age_to = max(0, age - slack), age + slack
    names = fold_name(f"{report.family_name} {report.given_name}")
    return Profile(
        key=report.report_id,
        sex=report.sex,
        age_from=age_from,
        age_to=age_to,
        height_cm=report.height_cm,
        day=report.last_seen_date,
        place=report.last_seen_place.casefold(),
        clothing=report.clothing,
        marks=report.marks,
        effects=report.effects,
        names=names,
    )
