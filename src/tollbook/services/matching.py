"""Matching bodies and missing-person reports, and confirming an identification.

Ranking is only a suggestion: a body is identified when, and only when, a forensic user
confirms a match with a method (:func:`confirm_identification`). Nothing here tells a
family anything: :func:`record_family_notification` is a separate, explicit step by a
family-liaison worker, after the identification, and it is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tollbook.domain.body import METHODS
from tollbook.domain.text import N_
from tollbook.registry.access import AccessDenied, Actor, may_see_report, require
from tollbook.registry.custody import CustodyError, movement
from tollbook.registry.matching import Candidate, ProfileTable, Weights, rank
from tollbook.registry.profiles import body_profile, report_profile
from tollbook.services.registry import RegistryError, RegistryNotFound
from tollbook.store.registry_repository import Identification
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "Identification",
    "MatchResult",
    "bodies_for_report",
    "confirm_identification",
    "record_family_notification",
    "reports_for_body",
]


@dataclass(frozen=True)
class MatchResult:
    subject: str
    candidates: list[Candidate]
    compared: int


def _now() -> datetime:
    return datetime.now(UTC)


def bodies_for_report(
    uow: UnitOfWork,
    report_id: str,
    actor: Actor,
    *,
    top: int = 5,
    weights: Weights | None = None,
) -> MatchResult:
    """The ``top`` bodies that best fit a report, each score explained; identified and
    released bodies are left out. Every candidate shown is audited as viewed."""
    require(actor, "forensic", doing="matching")
    with uow:
        repo = uow.registry
        stored = repo.report(report_id)
        if stored is None:
            raise RegistryNotFound(N_("no report %(report_id)s", report_id=report_id))
        if stored.status == "closed":
            raise RegistryError(
                N_("%(report_id)s is closed: the person was found alive", report_id=report_id)
            )
        if "matching" not in stored.report.consent:
            raise RegistryError(
                N_("the family of %(report_id)s has not consented to matching", report_id=report_id)
            )
        profiles = [
            body_profile(b.body, day=p.buried_on if p else None)
            for b, p in repo.iter_body_rows()
            if b.status not in ("identified", "released") and b.body.parent_ref is None
        ]
        table = ProfileTable(profiles)
        found = rank(table, report_profile(stored.report), top=top, weights=weights)
        at = _now()
        for candidate in found:
            uow.audit.append(
                at=at,
                actor=str(actor),
                action="view",
                entity="body",
                entity_id=candidate.key,
                after={"as_candidate_for": report_id},
            )
        uow.commit()
    return MatchResult(report_id, found, len(table))


def reports_for_body(
    uow: UnitOfWork, ref: str, actor: Actor, *, top: int = 5, weights: Weights | None = None
) -> MatchResult:
    """The ``top`` open reports (with consent to matching) that best fit a body."""
    require(actor, "forensic", doing="matching")
    with uow:
        repo = uow.registry
        stored = repo.body(ref)
        if stored is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
        position = repo.position(ref)
        reports = [
            report_profile(r.report)
            for r in repo.reports()
            if r.status == "open" and "matching" in r.report.consent
        ]
        table = ProfileTable(reports)
        one = body_profile(stored.body, day=position.buried_on if position else None)
        found = rank(table, one, one_is_report=False, top=top, weights=weights)
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"matched_against": len(table)},
        )
        uow.commit()
    return MatchResult(ref, found, len(table))


def confirm_identification(
    uow: UnitOfWork,
    ref: str,
    report_id: str,
    method: str,
    actor: Actor,
    *,
    score: float | None = None,
    notes: str = "",
) -> Identification:
    """A forensic user confirms that body ``ref`` is the person of ``report_id``.

    The body becomes ``identified`` (a custody event) and the case ``identified``. The
    family is **not** told: that is :func:`record_family_notification`.
    """
    if actor.role != "forensic":
        raise AccessDenied(
            N_("only a forensic user confirms an identification; %(actor)s may not", actor=actor)
        )
    if method not in METHODS:
        raise RegistryError(
            N_(
                "unknown method %(method)s; one of %(items)s",
                method=repr(method),
                items=", ".join(METHODS),
            )
        )
    at = _now()
    with uow:
        repo = uow.registry
        body = repo.body(ref)
        report = repo.report(report_id)
        if body is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
        if report is None:
            raise RegistryNotFound(N_("no report %(report_id)s", report_id=report_id))
        if report.status == "closed":
            raise RegistryError(
                N_(
                    "report %(report_id)s is closed: the person was found alive",
                    report_id=report_id,
                )
            )
        if repo.identification(ref=ref) is not None:
            raise RegistryError(N_("body %(ref)s is identified already", ref=ref))
        if repo.identification(report_id=report_id) is not None:
            raise RegistryError(
                N_("report %(report_id)s has an identification already", report_id=report_id)
            )
        try:
            event = movement(
                ref=ref,
                current_status=body.status,
                current_location=body.location,
                to_status="identified",
                to_location=body.location,
                actor=str(actor),
                at=at,
                reason=f"identified as {report_id} by {method}",
            )
        except CustodyError as exc:
            raise RegistryError(N_("%(ref)s: %(exc)s", ref=ref, exc=exc)) from None
        found = repo.add_identification(
            ref, report_id, method=method, by=str(actor), at=at, score=score, notes=notes
        )
        repo.set_status(ref, "identified", body.location)
        repo.add_custody(event)
        repo.set_report_status(report_id, "identified")
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="confirm_identification",
            entity="identification",
            entity_id=found.id,
            after={"ref": ref, "report_id": report_id, "method": method},
        )
        uow.commit()
    return found


def record_family_notification(
    uow: UnitOfWork, report_id: str, actor: Actor, *, notes: str = ""
) -> Identification:
    """Record that the family of ``report_id`` was told of the identification, in person,
    by the family-liaison worker ``actor`` (who must look after the case)."""
    if actor.role != "family_liaison":
        raise AccessDenied(
            N_("only a family-liaison worker tells a family; %(actor)s may not", actor=actor)
        )
    at = _now()
    with uow:
        repo = uow.registry
        report = repo.report(report_id)
        if report is None:
            raise RegistryNotFound(N_("no report %(report_id)s", report_id=report_id))
        if not may_see_report(actor, report.report.liaison):
            raise AccessDenied(
                N_("%(actor)s does not look after %(report_id)s", actor=actor, report_id=report_id)
            )
        found = repo.identification(report_id=report_id)
        if found is None:
            raise RegistryError(
                N_(
                    "%(report_id)s has no confirmed identification: nothing to tell",
                    report_id=report_id,
                )
            )
        if found.notified_at is not None:
            raise RegistryError(
                N_("the family of %(report_id)s was told already", report_id=report_id)
            )
        repo.add_notification(found.id, by=str(actor), at=at, notes=notes)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="notify_family",
            entity="identification",
            entity_id=found.id,
            after={"report_id": report_id},
        )
        uow.commit()
        told = repo.identification(report_id=report_id)
    assert told is not None
    return told
