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
    #: What the family said in their own words (any language), read into the registry's
    #: vocabulary for matching.
    description: str = ""
    #: Other names the person goes by (PFIF ``alternate_names``, one per line there).
    alternate_names: tuple[str, ...] = ()
    #: A birth date known only in part, "YYYY" or "YYYY-MM" (``birth_date`` is None then).
    birth_date_text: str = ""
    #: Other PFIF person fields kept as written (``source_name``, ``home_city``, ...).
    pfif_fields: tuple[tuple[str, str], ...] = ()
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
