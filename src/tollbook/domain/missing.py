"""A family's report of a missing person, with the consent they gave: plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: What a family may consent to; nothing is shared or matched without it.
CONSENT_SCOPES: tuple[str, ...] = ("matching", "sharing")


@dataclass(frozen=True)
class MissingReport:
    """What the family said: who is missing, what they looked like, where last seen."""

    report_id: str
    reported_on: date | None = None
    relation: str = ""
    family_name: str = ""
    given_name: str = ""
    patronymic: str = ""
    sex: str = ""
    birth_date: date | None = None
    age: int | None = None
    last_seen_date: date | None = None
    last_seen_place: str = ""
    height_cm: int | None = None
    clothing: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    #: The reporting family member: name, phone or e-mail (never exported).
    contact: str = ""
    #: What the family agreed to (a subset of :data:`CONSENT_SCOPES`).
    consent: tuple[str, ...] = ()
    #: The family-liaison worker who looks after this case ("" when none yet).
    liaison: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.family_name, self.given_name, self.patronymic) if p)

    def age_on_last_seen(self) -> int | None:
        """The age when last seen: from the birth date when known, else the age given."""
        if self.birth_date is not None and self.last_seen_date is not None:
            on, born = self.last_seen_date, self.birth_date
            return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        return self.age
