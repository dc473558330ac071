"""The life of a case after it is recorded: found alive, an identification revoked, cases
handed to another liaison, a body released to the family.

Each is one use case for the CLI and the web app; each writes a case event (who, when,
what) and an audit entry in the same transaction. None tells a family anything.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

from tollbook.domain.body import CustodyEvent
from tollbook.domain.text import N_
from tollbook.registry.access import AccessDenied, Actor, may_see_report, require
from tollbook.registry.custody import CustodyError, movement, revocation
from tollbook.services.registry.outcomes import RegistryError, RegistryNotFound
from tollbook.store.registry_repository import (
    Identification,
    RegistryRepository,
    StoredBody,
    StoredCaseEvent,
)
from tollbook.store.unit_of_work import UnitOfWork

#: How each kind of case event reads in a case's history.
EVENT_LABELS: dict[str, str] = {
    "found_alive": "found alive",
    "identification_revoked": "identification revoked",
    "reassigned": "handed to another liaison",
    "body_released": "body released",
}


def _now() -> datetime:
    return datetime.now(UTC)


def _required(value: str, field: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise RegistryError(N_("%(field)s: %(what)s", field=field, what=what))
    return text


def _day(value: date, field: str) -> str:
    if value > datetime.now(UTC).date():
        raise RegistryError(
            N_("%(field)s: %(value)s is in the future", field=field, value=value.isoformat())
        )
    return value.isoformat()


def _identified_body(
    repo: RegistryRepository, ref: str, otherwise: str
) -> tuple[StoredBody, Identification]:
    """Body ``ref`` and its identification; a refusal ending in ``otherwise`` when the body
    is not identified."""
    body = repo.body(ref)
    if body is None:
        raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
    found = repo.identification(ref=ref)
    if found is None:
        raise RegistryError(
            N_("body %(ref)s is not identified: %(otherwise)s", ref=ref, otherwise=otherwise)
        )
    return body, found


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def found_alive(
    uow: UnitOfWork, report_id: str, actor: Actor, *, found_by: str, found_on: date, how: str
) -> StoredCaseEvent:
    """Close an open inquiry: the person was found alive (by whom, when, how). The case
    leaves the open queue, is matched with no body, and no death can be told for it."""
    require(actor, "family_liaison", "forensic", doing="closing an inquiry as found alive")
    detail: dict[str, Any] = {
        "found_by": _required(found_by, "found_by", "say who found them"),
        "found_on": _day(found_on, "found_on"),
        "how": _required(how, "how", "say how they were found (seen, called, documents...)"),
    }
    at = _now()
    with uow:
        repo = uow.registry
        stored = repo.report(report_id)
        if stored is None:
            raise RegistryNotFound(N_("no report %(report_id)s", report_id=report_id))
        if not may_see_report(actor, stored.report.liaison):
            raise AccessDenied(
                N_("%(actor)s does not look after %(report_id)s", actor=actor, report_id=report_id)
            )
        found = repo.identification(report_id=report_id)
        if found is not None:
            raise RegistryError(
                N_(
                    "%(report_id)s is identified as body %(ref)s: a forensic user "
                    "revokes that identification first",
                    report_id=report_id,
                    ref=found.ref,
                )
            )
        if stored.status != "open":
            raise RegistryError(
                N_(
                    "%(report_id)s is %(status)s, not open",
                    report_id=report_id,
                    status=stored.status,
                )
            )
        repo.set_report_status(report_id, "closed")
        event = StoredCaseEvent(report_id, "found_alive", at, str(actor), detail, "")
        repo.add_case_event(event)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="found_alive",
            entity="missing_report",
            entity_id=report_id,
            before={"status": stored.status},
            after={"status": "closed", **detail},
        )
        uow.commit()
    return event


def revoke_identification(
    uow: UnitOfWork, ref: str, actor: Actor, *, reason: str
) -> StoredCaseEvent:
    """A forensic user withdraws a wrong identification of body ``ref``, with a reason.
    The body goes back to the status it had (a custody event), the case reopens, and its
    liaison is alerted: a notification not made yet can no longer be recorded; one made
    already is flagged for the liaison to correct with the family in person."""
    if actor.role != "forensic":
        raise AccessDenied(
            N_("only a forensic user revokes an identification; %(actor)s may not", actor=actor)
        )
    why = _required(reason, "reason", "say why the identification is wrong")
    at = _now()
    with uow:
        repo = uow.registry
        body, found = _identified_body(repo, ref, "nothing to revoke")
        if body.status != "identified":
            raise RegistryError(
                N_(
                    "body %(ref)s is %(status)s: only an identified body not yet "
                    "released has its identification revoked here",
                    ref=ref,
                    status=body.status,
                )
            )
        confirmed = [e for e in repo.custody(ref) if e.to_status == "identified"]
        before = confirmed[-1].from_status if confirmed else None
        try:
            back = revocation(
                ref=ref,
                before=before,
                location=body.location,
                actor=str(actor),
                at=at,
                reason=why,
            )
        except CustodyError as exc:
            raise RegistryError(N_("%(ref)s: %(exc)s", ref=ref, exc=exc)) from None
        report = repo.report(found.report_id)
        liaison = report.report.liaison if report is not None else ""
        detail: dict[str, Any] = {
            "ref": ref,
            "reason": why,
            "method": found.method,
            "confirmed_by": found.confirmed_by,
            "confirmed_at": _iso(found.confirmed_at),
            "family_told_at": _iso(found.notified_at),
            "family_told_by": found.notified_by,
            "correct_in_person": found.notified_at is not None,
        }
        repo.remove_identification(found.id)
        repo.set_status(ref, back.to_status, back.to_location)
        repo.add_custody(back)
        repo.set_report_status(found.report_id, "open")
        event = StoredCaseEvent(
            found.report_id, "identification_revoked", at, str(actor), detail, liaison
        )
        repo.add_case_event(event)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="revoke_identification",
            entity="identification",
            entity_id=found.id,
            before={
                **asdict(found),
                "confirmed_at": detail["confirmed_at"],
                "notified_at": detail["family_told_at"],
            },
            after={"report_id": found.report_id, "body_status": back.to_status, **detail},
        )
        uow.commit()
    return event


def reassign_cases(
    uow: UnitOfWork,
    actor: Actor,
    *,
    from_liaison: str,
    to_liaison: str,
    report_ids: tuple[str, ...] = (),
) -> list[str]:
    """An admin hands the cases of ``from_liaison`` ("" for cases nobody looks after yet),
    or only ``report_ids`` of them, to the active family-liaison account ``to_liaison``;
    each case gets an event alerting its new liaison. Returns the report ids moved."""
    if actor.role != "admin":
        raise AccessDenied(N_("only an admin reassigns cases; %(actor)s may not", actor=actor))
    name = _required(to_liaison, "to_liaison", "name the family liaison who takes the cases")
    at = _now()
    with uow:
        account = uow.users.by_name(name)
        if account is None or account.role != "family_liaison" or not account.active:
            raise RegistryError(
                N_("to_liaison: %(name)s is no active family-liaison account", name=name)
            )
        target = account.username
        if target == from_liaison.strip():
            raise RegistryError(N_("to_liaison: the cases are %(target)s's already", target=target))
        repo = uow.registry
        cases = [r for r in repo.reports(liaison=from_liaison.strip())]
        if report_ids:
            known = {r.report.report_id for r in cases}
            missing = [r for r in report_ids if r not in known]
            if missing:
                owner = from_liaison.strip() or "nobody"
                raise RegistryError(
                    N_(
                        "report_ids: %(missing)s is not a case of %(owner)s",
                        missing=missing[0],
                        owner=owner,
                    )
                )
            cases = [r for r in cases if r.report.report_id in report_ids]
        if not cases:
            raise RegistryError(
                N_("from_liaison: %(value)s has no case", value=from_liaison.strip() or "nobody")
            )
        moved = [r.report.report_id for r in cases]
        for report_id in moved:
            repo.set_liaison(report_id, target)
            detail = {"from": from_liaison.strip(), "to": target}
            repo.add_case_event(
                StoredCaseEvent(report_id, "reassigned", at, str(actor), detail, target)
            )
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="reassign_cases",
            entity="missing_report",
            entity_id=",".join(moved)[:500],
            before={"liaison": from_liaison.strip()},
            after={"liaison": target, "report_ids": moved},
        )
        uow.commit()
    return moved


def release_body(
    uow: UnitOfWork,
    ref: str,
    actor: Actor,
    *,
    to_whom: str,
    released_on: date,
    notes: str = "",
) -> CustodyEvent:
    """Record that identified body ``ref`` was released to the family (to whom, when, by
    whom): the custody chain's last step, and an event on the case."""
    require(actor, "forensic", doing="releasing a body")
    whom = _required(to_whom, "to_whom", "say to whom the body was released")
    day = _day(released_on, "released_on")
    at = _now()
    with uow:
        repo = uow.registry
        body, found = _identified_body(repo, ref, "only an identified body is released")
        try:
            event = movement(
                ref=ref,
                current_status=body.status,
                current_location=body.location,
                to_status="released",
                to_location=f"family: {whom}",
                actor=str(actor),
                at=at,
                reason=f"released to {whom} on {day}"
                + (f": {notes.strip()}" if notes.strip() else ""),
            )
        except CustodyError as exc:
            raise RegistryError(N_("%(ref)s: %(exc)s", ref=ref, exc=exc)) from None
        repo.set_status(ref, "released", event.to_location)
        repo.add_custody(event)
        detail = {"ref": ref, "to_whom": whom, "released_on": day, "notes": notes.strip()}
        repo.add_case_event(
            StoredCaseEvent(found.report_id, "body_released", at, str(actor), detail, "")
        )
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="release_body",
            entity="body",
            entity_id=ref,
            before={"status": body.status, "location": body.location},
            after={"status": "released", **detail, "report_id": found.report_id},
        )
        uow.commit()
    return event


def liaison_alerts(uow: UnitOfWork, actor: Actor) -> list[StoredCaseEvent]:
    """The revoked identifications in the family liaison's cases, newest first (shown on
    their inquiries page); any other role has none."""
    if actor.role != "family_liaison":
        return []
    with uow:
        events = uow.registry.case_events(alerted=actor.name)
    return [e for e in reversed(events) if e.kind == "identification_revoked"]
