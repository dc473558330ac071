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
from tollbook.registry import description_lexicon as lex
from tollbook.registry.description_text import parse_description
from tollbook.registry.place_key import place_key

_NOT_LETTER = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class Profile:
    """What can be compared. ``None`` and empty mean "not known" and score nothing.
    Clothing, marks and effects are in the registry's vocabulary; ``place`` is a
    :func:`place_key`."""

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


_MARK_KINDS = frozenset(
    {"tattoo", "scar", "surgical scar", "birthmark", "missing finger", "gold tooth", "dentures"}
)


def mark_kinds(marks: tuple[str, ...]) -> tuple[str, ...]:
    """The marks without their place on the body: ``tattoo:anchor:left shoulder`` ->
    ``tattoo:anchor``, ``scar:face`` -> ``scar``."""
    out = []
    for mark in marks:
        parts = mark.split(":")
        out.append(":".join(parts[:2]) if parts[0] == "tattoo" else parts[0])
    return tuple(out)


def _coded(item: str, kind: str) -> bool:
    head = item.split(":", 1)[0]
    if kind == "clothing":
        return head in lex.GARMENTS
    if kind == "marks":
        return head in _MARK_KINDS
    return item in lex.EFFECTS


def described(
    clothing: tuple[str, ...],
    marks: tuple[str, ...],
    effects: tuple[str, ...],
    free_text: str = "",
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Clothing, marks and effects in the registry's vocabulary: items already coded
    (``coat:black``) are kept; the others and ``free_text`` are read as a family writes
    them ("black coat", "зелена куртка") by :func:`parse_description`."""
    coded = {
        "clothing": [i for i in clothing if _coded(i, "clothing")],
        "marks": [i for i in marks if _coded(i, "marks")],
        "effects": [i for i in effects if _coded(i, "effects")],
    }
    free = [
        i
        for kind, items in (("clothing", clothing), ("marks", marks), ("effects", effects))
        for i in items
        if not _coded(i, kind)
    ]
    text = ". ".join([*free, free_text]).strip(". ")
    if text:
        parsed = parse_description(text)
        coded["clothing"].extend(parsed.clothing)
        coded["marks"].extend(parsed.marks)
        coded["effects"].extend(parsed.effects)
    return (
        tuple(dict.fromkeys(coded["clothing"])),
        tuple(dict.fromkeys(coded["marks"])),
        tuple(dict.fromkeys(coded["effects"])),
    )


def body_profile(body: Body, *, day: date | None = None) -> Profile:
    """A body's profile; ``day`` is its burial day when known, else its recovery day."""
    d = body.description
    clothing, marks, effects = described(d.clothing, d.marks, d.effects)
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
        place=place_key(body.recovered_district),
        clothing=clothing,
        marks=marks,
        effects=effects,
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
    clothing, marks, effects = described(
        report.clothing, report.marks, report.effects, report.description
    )
    return Profile(
        key=report.report_id,
        sex=report.sex,
        age_from=age_from,
        age_to=age_to,
        height_cm=report.height_cm,
        day=report.last_seen_date,
        place=place_key(report.last_seen_place),
        clothing=clothing,
        marks=marks,
        effects=effects,
        names=names,
    )
