"""Who may do what: each route needs one permission, each role holds some.

``public`` routes need none. Every other route names its permission through
:class:`tollbook.web.auth.Require`, and a test walks the app's routes to check that each
refuses anonymous users and the roles that lack it.
"""

from __future__ import annotations

from tollbook.services.accounts import ROLES

PUBLIC = "public"

#: permission -> the roles that hold it
PERMISSIONS: dict[str, frozenset[str]] = {
    # exchange sealed bundles with field sites (``tollbook sync push`` / ``pull``)
    "sync": frozenset({"admin"}),
    # tolls and incidents as figures: no sources, no evidence, no names
    "aggregates": frozenset(ROLES),
    # one's own account (password)
    "account": frozenset(ROLES),
    # reports, claims with their evidence, incidents with their sources
    "sources": frozenset({"admin", "recorder"}),
    "enter": frozenset({"admin", "recorder"}),
    "review": frozenset({"admin", "recorder"}),
    "publish": frozenset({"admin", "recorder"}),
    # named lists of the dead, their records and the persons linkage made of them
    "lists": frozenset({"admin", "recorder"}),
    # import lists, run linkage, decide pairs in the review queue
    "link": frozenset({"admin", "recorder"}),
    # run and save estimates (reading saved estimates needs only ``aggregates``)
    "estimate": frozenset({"admin", "recorder"}),
    # bodies, parts, custody, photos, graves, trenches, morgues
    "bodies": frozenset({"admin", "forensic"}),
    # one body's page, custody and photos: the services let a family liaison see only
    # the bodies identified as their own cases
    "case_body": frozenset({"admin", "forensic", "family_liaison"}),
    # see candidate matches and confirm an identification: a forensic act, with a method
    # (not even an admin: the services refuse anyone but a forensic user)
    "identify": frozenset({"forensic"}),
    # families' reports of the missing (a family liaison sees their own cases only)
    "missing": frozenset({"admin", "forensic", "family_liaison"}),
    # tell a family: a separate, audited step after an identification, by the case's
    # own family liaison only
    "notify": frozenset({"family_liaison"}),
    # hand a liaison's cases (or the unassigned ones) to another liaison
    "assign": frozenset({"admin"}),
    "audit": frozenset({"admin"}),
    "users": frozenset({"admin"}),
    # clear a background job whose process died
    "jobs": frozenset({"admin"}),
}


def allowed(role: str, permission: str) -> bool:
    if permission == PUBLIC:
        return True
    return role in PERMISSIONS[permission]


def permissions_of(role: str) -> frozenset[str]:
    return frozenset(p for p, roles in PERMISSIONS.items() if role in roles)
