"""Bodies and body parts as the forensic team records them: plain data, no I/O.

Vocabulary follows the ICRC/PAHO/WHO/IFRC manual *Management of Dead Bodies after
Disasters* and the INTERPOL DVI post-mortem form: every body and every separate body part
has its own reference, an apparent sex and age group, a description, and a status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

#: Where a body is in its life in the registry; moves are checked by
#: :mod:`tollbook.registry.custody`.
STATUSES: tuple[str, ...] = (
    "recovered",
    "stored",
    "buried",
    "identified",
    "released",
    "exhumed",
)
#: Apparent sex: male, female, or "" when it could not be told.
SEXES: tuple[str, ...] = ("M", "F", "")
#: Apparent age groups as a burial team writes them, with the youngest age of each.
AGE_GROUPS: tuple[str, ...] = (
    "child",
    "adolescent",
    "young adult",
    "adult",
    "older adult",
    "elderly",
)
AGE_GROUP_FROM: tuple[int, ...] = (0, 13, 20, 35, 55, 70)
#: The oldest age a group still covers (the last is open-ended).
AGE_GROUP_TO: tuple[int, ...] = (12, 19, 34, 54, 69, 110)
#: How an identification was confirmed, weakest to strongest.
METHODS: tuple[str, ...] = ("visual", "documents", "fingerprints", "dental", "dna")


@dataclass(frozen=True)
class Description:
    """What the body looked like and carried (INTERPOL DVI post-mortem, in short)."""

    apparent_sex: str = ""
    apparent_age: str = ""
    height_cm: int | None = None
    clothing: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    condition: str = ""
    wrapped_in: str = ""


@dataclass(frozen=True)
class Body:
    """One body, or one separate body part (``parent_ref`` names the body it belongs to)."""

    ref: str
    description: Description = field(default_factory=Description)
    recovered_place: str = ""
    recovered_district: str = ""
    recovered_on: date | None = None
    team: str = ""
    parent_ref: str | None = None
    #: A name written on the body or found on a note: sensitive, shown only to some roles.
    label: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CustodyEvent:
    """One movement or change of status: who, when, from where to where, and why."""

    ref: str
    at: datetime
    actor: str
    from_status: str | None
    to_status: str
    from_location: str
    to_location: str
    reason: str


@dataclass(frozen=True)
class Photo:
    """A photo of a body, kept as a file named by its SHA-256."""

    ref: str
    sha256: str
    file_name: str
    media_type: str
    size: int
    caption: str = ""
