"""Is a new family's report about a person already reported? The same name, whatever the
script or transliteration it is written in (``tollbook.names``, as linkage compares
names), and a birth year no more than one apart when both reports give one. Pure."""

from __future__ import annotations

from datetime import date

from tollbook.domain.missing import MissingReport
from tollbook.names.normalise import NormalisedName, normalise_name


def _name(report: MissingReport) -> NormalisedName:
    return normalise_name(report.family_name, report.given_name, report.patronymic)


def birth_year(report: MissingReport) -> int | None:
    """The year of birth given, or worked out from the age and the day of the report."""
    if report.birth_date is not None:
        return report.birth_date.year
    if report.age is None:
        return None
    day: date | None = report.reported_on or report.last_seen_date
    return None if day is None else day.year - report.age


def same_name(a: NormalisedName, b: NormalisedName) -> bool:
    """Both names given, the family names alike (folded, feminine forms made masculine)
    and the given names of one class (Oleksandr, Aleksandr, Олександр)."""
    if not (a.family_key and b.family_key and a.given_key and b.given_key):
        return False
    family = a.family_key == b.family_key or a.family_skeleton == b.family_skeleton
    return family and a.given_key == b.given_key


def may_be_same_person(new: MissingReport, old: MissingReport) -> bool:
    if not same_name(_name(new), _name(old)):
        return False
    years = birth_year(new), birth_year(old)
    if years[0] is None or years[1] is None:
        return True
    return abs(years[0] - years[1]) <= 1
