"""Body references: ``PLACE-TEAM-NUMBER`` for a body, ``...-Pnn`` for a separate part.

As the ICRC manual advises, the reference names the recovery place and team and a running
number (``MAR-T03-0042``); a separate body part gets its own reference made from the
body's (``MAR-T03-0042-P01``). The simulator's ``S1-T03-017`` (site, trench, position)
is of the same form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.domain.text import N_

_REF = re.compile(
    r"^(?P<place>[A-Z][A-Z0-9]{0,7})-(?P<team>T\d{1,3})-(?P<number>\d{1,6})"
    r"(?:-P(?P<part>\d{2}))?$"
)


class BadReference(ValueError):
    """A text that is not a body reference."""


@dataclass(frozen=True)
class Reference:
    place: str
    team: str
    number: str
    part: str | None = None

    def __str__(self) -> str:
        body = f"{self.place}-{self.team}-{self.number}"
        return body if self.part is None else f"{body}-P{self.part}"

    @property
    def body(self) -> Reference:
        """The reference of the whole body (itself, for a body)."""
        return Reference(self.place, self.team, self.number)

    @property
    def is_part(self) -> bool:
        return self.part is not None


def parse_reference(text: str) -> Reference:
    """Parse ``MAR-T03-0042`` or ``MAR-T03-0042-P01`` (case and spaces forgiven)."""
    match = _REF.match(text.strip().upper())
    if match is None:
        raise BadReference(
            N_(
                "%(text)s is not a body reference: expected PLACE-TEAM-NUMBER "
                "such as MAR-T03-0042, or a part such as MAR-T03-0042-P01",
                text=repr(text),
            )
        )
    return Reference(match["place"], match["team"], match["number"], match["part"])


def make_reference(place: str, team: int | str, number: int) -> Reference:
    """A new body reference: ``make_reference("MAR", 3, 42)`` is ``MAR-T03-0042``."""
    team_text = team if isinstance(team, str) else f"T{team:02d}"
    return parse_reference(f"{place}-{team_text}-{number:04d}")


def part_reference(body: Reference, existing: int) -> Reference:
    """The reference for the next separate part of ``body``, which has ``existing`` parts."""
    if body.is_part:
        raise BadReference(
            N_("%(body)s is a body part; parts are numbered from the body", body=body)
        )
    if existing >= 99:
        raise BadReference(N_("%(body)s has 99 parts already", body=body))
    return Reference(body.place, body.team, body.number, f"{existing + 1:02d}")
