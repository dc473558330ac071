"""Who may see what about the dead and the missing.

Roles are the web app's (``services.accounts``): ``admin``, ``recorder``, ``forensic``,
``family_liaison``, ``viewer``. Names and photos are shown only to ``forensic``,
``admin``, and a ``family_liaison`` for their own cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.domain.refusals import Forbidden
from tollbook.domain.text import N_

ROLES: tuple[str, ...] = ("admin", "recorder", "forensic", "family_liaison", "viewer")


class AccessDenied(Forbidden, PermissionError):
    """The actor's role does not allow this."""


@dataclass(frozen=True)
class Actor:
    """Who is acting, and in which role (the web app supplies real roles)."""

    name: str
    role: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise AccessDenied(N_("an actor needs a name"))
        if self.role not in ROLES:
            raise AccessDenied(
                N_(
                    "unknown role %(role)s; one of %(items)s",
                    role=repr(self.role),
                    items=", ".join(ROLES),
                )
            )

    def __str__(self) -> str:
        return f"{self.role}:{self.name}"


def require(actor: Actor, *roles: str, doing: str) -> None:
    """Raise :class:`AccessDenied` unless the actor has one of ``roles`` (admin always may)."""
    if actor.role != "admin" and actor.role not in roles:
        raise AccessDenied(
            N_(
                "%(doing)s needs the role %(items)s; %(actor)s may not",
                doing=doing,
                items=" or ".join(roles),
                actor=actor,
            )
        )


def may_see_report(actor: Actor, liaison: str) -> bool:
    """May the actor see a missing-person report (with names) looked after by ``liaison``?"""
    if actor.role in ("admin", "forensic"):
        return True
    return actor.role == "family_liaison" and liaison == actor.name


def may_see_names(actor: Actor) -> bool:
    """May the actor see names and photos of bodies in general (not case by case)?"""
    return actor.role in ("admin", "forensic")
