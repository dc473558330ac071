"""The chain of custody: which status may follow which, and what a movement records.

A pure state machine. A body is ``recovered``, then ``stored`` in a morgue or ``buried``;
it may be ``exhumed`` and stored or buried again; once ``identified`` (only by a forensic
user's confirmation) it may be ``released`` to the family, which ends the chain.
Moving a body without changing its status (morgue to morgue) is a movement too.
"""

from __future__ import annotations

from datetime import datetime

from tollbook.domain.body import STATUSES, CustodyEvent
from tollbook.domain.text import N_

TRANSITIONS: dict[str, frozenset[str]] = {
    "recovered": frozenset({"stored", "buried", "identified"}),
    "stored": frozenset({"stored", "buried", "identified", "released"}),
    "buried": frozenset({"exhumed", "identified"}),
    "exhumed": frozenset({"stored", "buried", "identified"}),
    "identified": frozenset({"stored", "buried", "released"}),
    "released": frozenset(),
}
#: Statuses reached only through their own use case, never by a plain move.
SPECIAL: frozenset[str] = frozenset({"identified"})


class CustodyError(ValueError):
    """A movement that the chain of custody does not allow."""


def check_transition(current: str, new: str) -> None:
    """Raise :class:`CustodyError` unless a body may go from ``current`` to ``new``."""
    if new not in STATUSES:
        raise CustodyError(
            N_("unknown status %(new)s; one of %(items)s", new=repr(new), items=", ".join(STATUSES))
        )
    if new not in TRANSITIONS.get(current, frozenset()):
        allowed = ", ".join(sorted(TRANSITIONS.get(current, frozenset()))) or "nothing"
        raise CustodyError(
            N_(
                "a body that is %(current)s cannot become %(new)s (allowed: %(allowed)s)",
                current=current,
                new=new,
                allowed=allowed,
            )
        )


def movement(
    *,
    ref: str,
    current_status: str | None,
    current_location: str,
    to_status: str,
    to_location: str,
    actor: str,
    at: datetime,
    reason: str,
) -> CustodyEvent:
    """The custody event for a checked movement (the first one has no current status)."""
    if not actor.strip():
        raise CustodyError(N_("every movement needs the actor who made it"))
    if at.tzinfo is None:
        raise CustodyError(N_("a movement's time must be timezone-aware"))
    if current_status is None:
        if to_status not in ("recovered", "stored", "buried"):
            raise CustodyError(
                N_(
                    "a new body starts recovered, stored or buried, not %(to_status)s",
                    to_status=to_status,
                )
            )
    else:
        check_transition(current_status, to_status)
    if to_status == "stored" and current_status == "stored" and to_location == current_location:
        raise CustodyError(
            N_("%(ref)s is already stored at %(to_location)s", ref=ref, to_location=to_location)
        )
    return CustodyEvent(
        ref=ref,
        at=at,
        actor=actor.strip(),
        from_status=current_status,
        to_status=to_status,
        from_location=current_location,
        to_location=to_location.strip(),
        reason=reason.strip(),
    )


def revocation(
    *, ref: str, before: str | None, location: str, actor: str, at: datetime, reason: str
) -> CustodyEvent:
    """The custody event of a revoked identification: the body goes back from
    ``identified`` to the status it had before (``before``; ``recovered`` when unknown)."""
    back = before if before in TRANSITIONS and before not in SPECIAL else "recovered"
    if not reason.strip():
        raise CustodyError(N_("revoking an identification needs a reason"))
    return CustodyEvent(
        ref=ref,
        at=at,
        actor=actor.strip(),
        from_status="identified",
        to_status=back or "recovered",
        from_location=location,
        to_location=location,
        reason=f"identification revoked: {reason.strip()}",
    )
