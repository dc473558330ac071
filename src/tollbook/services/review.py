"""Human review: confirm, edit or reject claims; merge, split, ungroup, confirm or grade
incidents; say who published a report.

Every change names its actor and is written to the append-only audit log with the
state before and after, in the same transaction as the change. The count follows the
reviewed state: rejected claims leave every incident, edited claims count with their
new values, and grouping decisions hold when the claims are regrouped later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, cast

from tollbook.domain.claim import (
    CONTRACT_FIELDS,
    KINDS,
    OUTCOMES,
    QUALIFIERS,
    SCOPES,
    Claim,
    GeoPoint,
    InvalidClaim,
    check_figures,
)
from tollbook.domain.incident import GRADES, Grade, Incident, OverrideAction, when_bounds
from tollbook.domain.refusals import Invalid, NotFound
from tollbook.domain.text import N_
from tollbook.services.incidents import reconcile_open
from tollbook.store.records import AuditEntry, ReviewStatus, StoredClaim, StoredIncident
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "EDITABLE_FIELDS",
    "ReviewError",
    "confirm_claim",
    "confirm_grouping",
    "edit_claim",
    "fit_qualifier",
    "list_unreviewed",
    "merge_incidents",
    "reject_claim",
    "review_history",
    "set_grade",
    "set_publisher",
    "split_incident",
    "ungroup_incident",
]

#: The claim fields a reviewer may change (the evidence and its report never change).
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    name for name in CONTRACT_FIELDS if name not in ("article", "evidence")
)
_CHOICES: dict[str, tuple[str, ...]] = {
    "outcome": OUTCOMES,
    "qualifier": QUALIFIERS,
    "scope": SCOPES,
    "kind": KINDS,
}


class ReviewError(Invalid, ValueError):
    """A review that cannot be made: unknown id, missing actor or reason, bad values."""


class ReviewNotFound(ReviewError, NotFound):
    """What the request names does not exist."""


# --- claims -------------------------------------------------------------------------


def list_unreviewed(
    uow: UnitOfWork, place: str | None = None, limit: int | None = None, offset: int = 0
) -> list[StoredClaim]:
    """Machine claims nobody has reviewed yet, oldest first."""
    with uow:
        return uow.claims.list(place=place, review_status="unreviewed", limit=limit, offset=offset)


def confirm_claim(
    uow: UnitOfWork, claim_id: int, actor: str, note: str | None = None
) -> StoredClaim:
    """A person checked the claim against its evidence: it stands as it is.

    A rejected claim confirmed counts again; an edited claim stays ``edited``.
    """
    who = _actor(actor)
    with uow:
        stored = _claim(uow, claim_id)
        status: ReviewStatus = "edited" if stored.review_status == "edited" else "confirmed"
        return _change_claim(uow, stored, stored.claim, status, who, "confirm", note)


def edit_claim(
    uow: UnitOfWork,
    claim_id: int,
    changes: Mapping[str, Any],
    actor: str,
    note: str | None = None,
) -> StoredClaim:
    """Correct a claim's values; the claim then counts with them, marked ``edited``.

    ``changes`` maps fields of :data:`EDITABLE_FIELDS` to new values (``None`` clears
    ``low``, ``high``, ``place``, ``when`` or ``attributed_to``). When ``low`` or
    ``high`` change and ``qualifier`` is not given, a qualifier that fits them is
    chosen (see :func:`fit_qualifier`). A new place is looked up in the gazetteer.
    """
    who = _actor(actor)
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ReviewError(
            N_(
                "cannot edit %(items)s; editable: %(items2)s",
                items=", ".join(unknown),
                items2=", ".join(EDITABLE_FIELDS),
            )
        )
    if not changes:
        raise ReviewError(N_("nothing to change"))
    values = {name: _checked(name, value) for name, value in changes.items()}
    with uow:
        stored = _claim(uow, claim_id)
        edited = _edited(stored.claim, values)
        return _change_claim(uow, stored, edited, "edited", who, "edit", note)


def reject_claim(uow: UnitOfWork, claim_id: int, reason: str, actor: str) -> StoredClaim:
    """The claim is wrong (not a casualty figure, misread, a duplicate...): it stops
    counting anywhere. It stays stored, marked ``rejected``, with the reason."""
    who = _actor(actor)
    if not reason or not reason.strip():
        raise ReviewError(N_("a reason is needed to reject a claim"))
    with uow:
        stored = _claim(uow, claim_id)
        return _change_claim(uow, stored, stored.claim, "rejected", who, "reject", reason.strip())


def fit_qualifier(current: str, low: int | None, high: int | None) -> str:
    """``current`` if the figures fit it, else the qualifier they imply: equal figures
    ``exact``, two figures ``range``, a low only ``at_least``, a high only ``up_to``,
    none ``vague``."""
    try:
        check_figures(current, low, high)
        return current
    except InvalidClaim:
        pass
    if low is not None and high is not None:
        return "exact" if low == high else "range"
    if low is not None:
        return "at_least"
    if high is not None:
        return "up_to"
    return "vague"


# --- incidents ----------------------------------------------------------------------


def merge_incidents(
    uow: UnitOfWork, incident_ids: Sequence[int], actor: str, reason: str | None = None
) -> Incident:
    """These incidents are one event: their claims are counted together from now on."""
    who = _actor(actor)
    ids = list(dict.fromkeys(incident_ids))
    if len(ids) < 2:
        raise ReviewError(N_("name at least two incidents to merge"))
    with uow:
        incidents = [_incident(uow, i) for i in ids]
        outcomes = {i.outcome for i in incidents}
        if len(outcomes) > 1:
            raise ReviewError(
                N_(
                    "cannot merge incidents of different outcomes (%(items)s)",
                    items=", ".join(sorted(outcomes)),
                )
            )
        claims = [c for i in incidents for c in i.claim_ids]
        after = _decide(uow, "merge", claims, incidents, who, reason)
        return _holding(after, *claims)


def split_incident(
    uow: UnitOfWork,
    incident_id: int,
    claim_ids: Sequence[int],
    actor: str,
    reason: str | None = None,
) -> list[Incident]:
    """These claims are a different event: they leave the incident and form one of
    their own. Returns the incident left and the new one."""
    who = _actor(actor)
    with uow:
        incident = _incident(uow, incident_id)
        moving = list(dict.fromkeys(claim_ids))
        strangers = sorted(set(moving) - set(incident.claim_ids))
        if strangers:
            raise ReviewError(
                N_(
                    "claims %(items)s are not in incident %(incident_id)s",
                    items=", ".join(map(str, strangers)),
                    incident_id=incident_id,
                )
            )
        if not moving or len(moving) == len(incident.claim_ids):
            raise ReviewError(N_("name some, not all, of the incident's claims to split off"))
        after = _decide(uow, "split", moving, [incident], who, reason)
        staying = [c for c in incident.claim_ids if c not in moving]
        return [_holding(after, *staying), _holding(after, *moving)]


def ungroup_incident(
    uow: UnitOfWork, incident_id: int, actor: str, reason: str | None = None
) -> list[Incident]:
    """The grouping is wrong: each claim of the incident becomes an incident of its own."""
    who = _actor(actor)
    with uow:
        incident = _incident(uow, incident_id)
        if len(incident.claim_ids) < 2:
            raise ReviewError(
                N_(
                    "incident %(incident_id)s has a single claim: nothing to ungroup",
                    incident_id=incident_id,
                )
            )
        after = _decide(uow, "ungroup", incident.claim_ids, [incident], who, reason)
        return [i for i in after if not set(i.claim_ids).isdisjoint(incident.claim_ids)]


def confirm_grouping(
    uow: UnitOfWork, incident_id: int, actor: str, reason: str | None = None
) -> Incident:
    """A person checked that these claims are one event; the grouping is kept as is."""
    who = _actor(actor)
    with uow:
        incident = _incident(uow, incident_id)
        after = _decide(uow, "confirm", incident.claim_ids, [incident], who, reason)
        return _holding(after, *incident.claim_ids)


def set_grade(
    uow: UnitOfWork, incident_id: int, grade: str, actor: str, reason: str | None = None
) -> Incident:
    """Override the computed grade (single_source, corroborated, contested). It holds
    while the incident keeps the claims it was set on, new sources included."""
    who = _actor(actor)
    if grade not in GRADES:
        raise ReviewError(
            N_(
                "unknown grade %(grade)s; expected one of %(items)s",
                grade=repr(grade),
                items=", ".join(GRADES),
            )
        )
    with uow:
        incident = _incident(uow, incident_id)
        after = _decide(
            uow, "grade", incident.claim_ids, [incident], who, reason, cast(Grade, grade)
        )
        return _holding(after, *incident.claim_ids)


# --- reports and history ------------------------------------------------------------


def set_publisher(uow: UnitOfWork, report_id: int, publisher: str | None, actor: str) -> None:
    """Record who published a report. Reports of one publisher are one source when
    grading; a report with no publisher is a source of its own."""
    who = _actor(actor)
    name = publisher.strip() if publisher and publisher.strip() else None
    with uow:
        report = uow.reports.get(report_id)
        if report is None:
            raise ReviewNotFound(N_("no report %(report_id)s", report_id=report_id))
        uow.reports.set_publisher(report_id, name)
        uow.audit.append(
            at=datetime.now(UTC),
            actor=who,
            action="set_publisher",
            entity="report",
            entity_id=report_id,
            before={"publisher": report.publisher},
            after={"publisher": name},
        )
        reconcile_open(uow, actor=who)
        uow.commit()


def review_history(
    uow: UnitOfWork, entity: str | None = None, entity_id: int | None = None
) -> list[AuditEntry]:
    """Audit entries, oldest first: all, or those of one claim, incident or report."""
    with uow:
        return uow.audit.entries(entity=entity, entity_id=entity_id)


# --- helpers ------------------------------------------------------------------------


def checked_actor(actor: str | None) -> str:
    """The actor's name, stripped; ReviewError if there is none."""
    return _actor(actor)


def _actor(actor: str | None) -> str:
    if actor is None or not actor.strip():
        raise ReviewError(N_("say who is reviewing: an actor name is needed for every change"))
    return actor.strip()


def stored_claim(uow: UnitOfWork, claim_id: int) -> StoredClaim:
    """The claim, inside an open unit of work; ReviewError if there is none."""
    return _claim(uow, claim_id)


def _claim(uow: UnitOfWork, claim_id: int) -> StoredClaim:
    stored = uow.claims.get(claim_id)
    if stored is None:
        raise ReviewNotFound(N_("no claim %(claim_id)s", claim_id=claim_id))
    return stored


def _incident(uow: UnitOfWork, incident_id: int) -> StoredIncident:
    stored = uow.incidents.get(incident_id)
    if stored is None:
        raise ReviewNotFound(N_("no incident %(incident_id)s", incident_id=incident_id))
    if stored.status != "active" or not stored.claim_ids:
        raise ReviewError(
            N_(
                "incident %(incident_id)s was retired: its claims were "
                "regrouped; list the incidents again",
                incident_id=incident_id,
            )
        )
    return stored


def _state(stored: StoredClaim, claim: Claim, status: ReviewStatus) -> dict[str, Any]:
    out = claim.to_contract()
    out.pop("evidence_start", None)
    out["part_of"] = stored.part_of
    out["review_status"] = status
    out["report_id"] = stored.report_id
    return out


def _change_claim(
    uow: UnitOfWork,
    stored: StoredClaim,
    claim: Claim,
    status: ReviewStatus,
    actor: str,
    action: str,
    note: str | None,
) -> StoredClaim:
    changed = apply_claim_change(uow, stored, claim, status, actor, action, note)
    reconcile_open(uow, actor=actor)
    uow.commit()
    return changed


def apply_claim_change(
    uow: UnitOfWork,
    stored: StoredClaim,
    claim: Claim,
    status: ReviewStatus,
    actor: str,
    action: str,
    note: str | None,
    extra: Mapping[str, Any] | None = None,
) -> StoredClaim:
    """Change one claim, record its review and audit it, inside the caller's open
    unit of work, without committing (so several claims can change in one transaction).
    ``extra`` is added to the audit entry's ``after``."""
    now = datetime.now(UTC)
    before = _state(stored, stored.claim, stored.review_status)
    after = _state(stored, claim, status)
    if note:
        after["note"] = note
    after.update(extra or {})
    uow.claims.update(stored.id, claim, status)
    uow.reviews.record(
        stored.id,
        status=status,
        reviewed_by=actor,
        reviewed_at=now,
        reason=note,
        extracted=before if action == "edit" and stored.review_status != "edited" else None,
    )
    uow.audit.append(
        at=now,
        actor=actor,
        action=action,
        entity="claim",
        entity_id=stored.id,
        before=before,
        after=after,
    )
    return replace(stored, claim=claim, review_status=status)


def _checked(name: str, value: Any) -> Any:
    if name in ("low", "high"):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ReviewError(
                N_(
                    "%(name)s must be a whole number >= 0 or null, got %(value)s",
                    name=name,
                    value=repr(value),
                )
            )
        return value
    if name in _CHOICES:
        if value not in _CHOICES[name]:
            raise ReviewError(
                N_(
                    "%(name)s must be one of %(items)s, got %(value)s",
                    name=name,
                    items=", ".join(_CHOICES[name]),
                    value=repr(value),
                )
            )
        return value
    if value is not None and not isinstance(value, str):
        raise ReviewError(
            N_("%(name)s must be text or null, got %(value)s", name=name, value=repr(value))
        )
    text = value.strip() if isinstance(value, str) else None
    if name == "victims":
        if not text:
            raise ReviewError(N_("victims must not be empty (use 'people' when unknown)"))
        return text
    if name == "when" and text is not None and when_bounds(text)[0] is None:
        raise ReviewError(
            N_("when must be YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, got %(text)s", text=repr(text))
        )
    return text or None


def _edited(claim: Claim, values: dict[str, Any]) -> Claim:
    low = values.get("low", claim.low)
    high = values.get("high", claim.high)
    if "qualifier" not in values and ("low" in values or "high" in values):
        values = {**values, "qualifier": fit_qualifier(claim.qualifier, low, high)}
    geo = claim.geo
    if "place" in values and values["place"] != claim.place:
        geo = _geo_of(values["place"])
    try:
        return replace(claim, **values, geo=geo)
    except InvalidClaim as error:
        raise ReviewError(N_("these values do not fit together: %(error)s", error=error)) from None


def _geo_of(place: str | None) -> GeoPoint | None:
    if place is None:
        return None
    from tollbook.extract.places import default_gazetteer

    found = default_gazetteer().lookup(place)
    return found.geo if found is not None else None


def _decide(
    uow: UnitOfWork,
    action: OverrideAction,
    claim_ids: Sequence[int],
    incidents: Sequence[StoredIncident],
    actor: str,
    reason: str | None,
    grade: Grade | None = None,
) -> list[Incident]:
    """Store the override, regroup, audit, commit; return the incidents now active."""
    now = datetime.now(UTC)
    override_id = uow.overrides.add(
        action,
        claim_ids,
        actor=actor,
        at=now,
        grade=grade,
        incident_id=incidents[0].id,
        reason=reason,
    )
    regrouped = reconcile_open(uow, actor=actor)
    touched = {i.id for i in regrouped.incidents if not set(i.claim_ids).isdisjoint(claim_ids)}
    uow.audit.append(
        at=now,
        actor=actor,
        action=action if action != "confirm" else "confirm_grouping",
        entity="incident",
        entity_id=incidents[0].id,
        before={"incidents": [{"id": i.id, "claim_ids": list(i.claim_ids)} for i in incidents]},
        after={
            "override_id": override_id,
            "grade": grade,
            "reason": reason,
            "incidents": [_summary(i) for i in regrouped.incidents if i.id in touched],
        },
    )
    uow.commit()
    return list(regrouped.incidents)


def _holding(incidents: Sequence[Incident], *claim_ids: int) -> Incident:
    """The incident holding the first of ``claim_ids`` that is still counted."""
    for claim_id in claim_ids:
        for incident in incidents:
            if claim_id in incident.claim_ids:
                return incident
    raise ReviewError(N_("none of these claims is counted in an incident any more"))


def _summary(incident: Incident) -> dict[str, Any]:
    day: date | None = incident.date
    return {
        "id": incident.id,
        "claim_ids": list(incident.claim_ids),
        "low": incident.low,
        "high": incident.high,
        "grade": incident.grade,
        "date": day.isoformat() if day else None,
    }
