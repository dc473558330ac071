"""Incidents: the stored claims reconciled, keeping every human override.

The claims are grouped as they stand now (rejected claims out, edited claims with their
edited values) and the overrides applied in the order they were made. The services that
change claims, reports or overrides (ingest, review) save the new grouping in their own
transaction (:func:`reconcile_open`, :func:`regroup`), so that incident ids stay stable
(see :mod:`tollbook.store.incident_repository`). Reads (:func:`read_reconciliation`,
:func:`list_incidents`, :func:`get_incident`) are plain queries: they write nothing. The
figures are never stored: they are worked out from the claims every time, so they always
follow the reviewed state.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.exc import IntegrityError

from tollbook.count import (
    CountRules,
    Reconciliation,
    collector_paused,
    place_incidents,
    reconcile,
)
from tollbook.domain.claim import OUTCOMES
from tollbook.domain.incident import Incident
from tollbook.domain.refusals import NotFound
from tollbook.domain.text import N_
from tollbook.domain.toll import Period
from tollbook.gazetteer import load_gazetteer
from tollbook.services.claims import InvalidQuery
from tollbook.store.incident_repository import Grouping
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "SYSTEM_ACTOR",
    "Incident",
    "InvalidQuery",
    "UnknownIncident",
    "get_incident",
    "list_incidents",
    "read_reconciliation",
    "reconcile_open",
    "regroup",
]

#: Who the audit log names for regroupings nobody asked for by name.
SYSTEM_ACTOR = "tollbook"
#: At most this many incident ids are written into one audit entry of a regrouping.
_AUDIT_IDS = 1000


class UnknownIncident(NotFound, LookupError):
    """No active incident has this id."""


def regroup(
    uow: UnitOfWork, rules: CountRules | None = None, actor: str | None = None
) -> Reconciliation:
    """Reconcile every stored claim, save the grouping, and return it with incident ids;
    for services that changed claims in transactions of their own (ingest).

    ``uow`` must not be inside a ``with`` block.
    """
    for attempt in range(2):
        try:
            with uow:
                result = reconcile_open(uow, rules, actor)
                uow.commit()
                return result
        except IntegrityError:  # another process saved a grouping at the same moment
            if attempt:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def read_reconciliation(uow: UnitOfWork, rules: CountRules | None = None) -> Reconciliation:
    """The stored claims reconciled, each incident with its stored id; writes nothing.

    An incident whose grouping is not saved yet (claims stored by other means than the
    services, or ``rules`` other than those the services group by) keeps the id of the
    stored incident it shares most claims with, as saving would, or has none.
    ``uow`` must not be inside a ``with`` block.
    """
    with uow:
        found = _reconciled(uow, rules)
        ids = uow.incidents.ids_of(_groupings(found))
    incidents = tuple(
        replace(incident, id=incident_id)
        for incident, incident_id in zip(found.incidents, ids, strict=True)
    )
    return replace(found, incidents=incidents)


def list_incidents(
    uow: UnitOfWork,
    place: str | None = None,
    outcome: str | None = None,
    start: date | None = None,
    end: date | None = None,
    rules: CountRules | None = None,
    reconciliation: Reconciliation | None = None,
) -> list[Incident]:
    """Incidents in date order (undated last), filtered.

    ``place`` matches the place and the places in it, by any of its names
    (:mod:`tollbook.count.place_scope`); ``outcome`` is one of
    CLAIMS.md's outcomes; ``start``/``end`` keep the incidents whose first day is in
    that period (undated incidents only when neither is given). ``reconciliation``: one
    made by :func:`reconcile_stored` that is still current (the web app keeps one until
    the counting data changes); without it the claims are reconciled now.
    """
    period = period_of(start, end)
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidQuery(
            N_(
                "unknown outcome %(outcome)s; expected one of %(items)s",
                outcome=repr(outcome),
                items=", ".join(OUTCOMES),
            )
        )
    found = reconciliation or read_reconciliation(uow, rules)
    gazetteer = load_gazetteer() if place is not None else None
    return place_incidents(found, place, outcome, period, gazetteer)


def get_incident(
    uow: UnitOfWork,
    incident_id: int,
    rules: CountRules | None = None,
    reconciliation: Reconciliation | None = None,
) -> Incident:
    """One incident as it stands now; :class:`UnknownIncident` if it is not active."""
    for incident in (reconciliation or read_reconciliation(uow, rules)).incidents:
        if incident.id == incident_id:
            return incident
    raise UnknownIncident(no_incident_message(uow, incident_id))


def reconcile_open(
    uow: UnitOfWork, rules: CountRules | None = None, actor: str | None = None
) -> Reconciliation:
    """:func:`regroup` inside an open unit of work, without committing.

    For services that change claims or overrides and want the new grouping in the same
    transaction. A regrouping that changed stored incidents is written to the audit log.
    """
    found = _reconciled(uow, rules)
    groupings = _groupings(found)
    now = datetime.now(UTC)
    saved = uow.incidents.sync(groupings, now)
    if saved.changed:
        uow.audit.append(
            at=now,
            actor=actor or SYSTEM_ACTOR,
            action="regroup",
            entity="incidents",
            entity_id="*",
            after={
                "created": len(saved.created),
                "retired": saved.retired[:_AUDIT_IDS],
                "claims_moved": saved.moved_claims,
                "active": len(groupings),
            },
        )
    incidents = tuple(
        replace(incident, id=incident_id)
        for incident, incident_id in zip(found.incidents, saved.ids, strict=True)
    )
    return replace(found, incidents=incidents)


def _reconciled(uow: UnitOfWork, rules: CountRules | None) -> Reconciliation:
    with collector_paused():  # 100,000 claims load twice as fast
        claims = uow.claims.sourced()
    rules = rules or CountRules()
    if rules.places is None:
        rules = replace(rules, places=load_gazetteer())
    return reconcile(claims, uow.overrides.list(), rules)


def _groupings(found: Reconciliation) -> list[Grouping]:
    return [
        Grouping(i.place, i.place_key, i.outcome, frozenset(i.claim_ids)) for i in found.incidents
    ]


def period_of(start: date | None, end: date | None) -> Period:
    try:
        return Period(start, end)
    except ValueError as error:
        raise InvalidQuery(str(error)) from None


def no_incident_message(uow: UnitOfWork, incident_id: int) -> str:
    with uow:
        stored = uow.incidents.get(incident_id)
    if stored is not None and stored.status == "retired":
        return f"incident {incident_id} was retired: its claims were regrouped"
    return f"no incident {incident_id}"
