"""Use cases of the missing: families' reports, their listing and the history of a case.

Each change and each view of a report is written to the audit log in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tollbook.domain.missing import MissingReport
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputProblem
from tollbook.registry.access import AccessDenied, Actor, may_see_report, require
from tollbook.registry.rows import (
    RowError,
    report_from_row,
)
from tollbook.services.registry.case_life import EVENT_LABELS
from tollbook.services.registry.csv_rows import read_csv_rows
from tollbook.services.registry.outcomes import (
    RegistryError,
    RegistryImportResult,
    RegistryNotFound,
)
from tollbook.services.registry.report_imports import corrected, report_values
from tollbook.store.registry_repository import (
    Identification,
    RegistryRepository,
    StoredMissingReport,
)
from tollbook.store.report_changes import ReportChanges
from tollbook.store.unit_of_work import UnitOfWork


def _now() -> datetime:
    return datetime.now(UTC)


# --- the missing ---------------------------------------------------------------------------
def add_report(uow: UnitOfWork, report: MissingReport, actor: Actor) -> None:
    """Record a family's report; it is matched only with the family's consent."""
    require(actor, "family_liaison", "forensic", doing="recording a missing-person report")
    if actor.role == "family_liaison" and not report.liaison:
        report = replace(report, liaison=actor.name)
    at = _now()
    with uow:
        if uow.registry.report(report.report_id) is not None:
            raise RegistryError(
                N_("report %(report_id)s is recorded already", report_id=report.report_id)
            )
        uow.registry.add_report(report, at=at, by=str(actor))
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="add_report",
            entity="missing_report",
            entity_id=report.report_id,
            after={"consent": list(report.consent)},
        )
        uow.commit()


def import_reports(
    uow: UnitOfWork,
    path: Path,
    actor: Actor,
    *,
    consent: tuple[str, ...] = (),
    source_name: str | None = None,
) -> RegistryImportResult:
    """Record the reports of a ``reports.csv``; rows without a ``consent`` column get
    ``consent``. A known report id is left alone when its row is unchanged, and updated
    when a corrected file changes it (its before values kept in the audit entry, whose id
    is the import's number for :func:`undo_report_import`). A family liaison imports
    their own cases only: a row naming another liaison is refused. ``source_name``: how
    the file is named in problems and the audit log (an upload's own name rather than its
    scratch copy)."""
    require(actor, "family_liaison", "forensic", doing="importing missing-person reports")
    name = source_name or str(path)
    result = RegistryImportResult()
    at = _now()
    added: list[str] = []
    updated: dict[str, dict[str, Any]] = {}
    with uow:
        known = uow.registry.report_ids()
        changes = ReportChanges(uow.session)
        for line, row in read_csv_rows(path, ("report_id",)):
            try:
                report = report_from_row(row, default_consent=consent)
            except RowError as exc:
                result.problems.append(InputProblem(name, exc.message, line, exc.field))
                continue
            if actor.role == "family_liaison":
                if report.liaison and report.liaison != actor.name:
                    message = (
                        f"names another liaison ({report.liaison}): a family liaison "
                        "imports their own cases only"
                    )
                    result.problems.append(InputProblem(name, message, line, "liaison"))
                    continue
                report = replace(report, liaison=actor.name)
            if report.report_id in known:
                stored = uow.registry.report(report.report_id)
                if stored is None or report.report_id in updated:
                    result.skipped += 1
                    continue
                if not may_see_report(actor, stored.report.liaison):
                    message = "is another liaison's case: it was not changed"
                    result.problems.append(InputProblem(name, message, line, "report_id"))
                    continue
                new = corrected(stored.report, report, has_consent="consent" in row)
                before, after = report_values(stored.report), report_values(new)
                if before == after:
                    result.skipped += 1
                    continue
                changes.update_report(new)
                updated[report.report_id] = {"before": before, "after": after}
                result.updated += 1
                continue
            uow.registry.add_report(report, at=at, by=str(actor))
            known.add(report.report_id)
            added.append(report.report_id)
            result.added += 1
        result.import_id = uow.audit.append(
            at=at,
            actor=str(actor),
            action="import_reports",
            entity="missing_report",
            entity_id=name,
            after={
                "added": result.added,
                "consent": list(consent),
                "added_ids": added,
                "updated": updated,
                "unchanged": result.skipped,
            },
        )
        uow.commit()
    return result


def _visible_report(repo: RegistryRepository, report_id: str, actor: Actor) -> StoredMissingReport:
    """The report, if it exists and ``actor`` may see it (else a refusal saying which)."""
    stored = repo.report(report_id)
    if stored is None:
        raise RegistryNotFound(N_("no report %(report_id)s", report_id=report_id))
    if not may_see_report(actor, stored.report.liaison):
        raise AccessDenied(
            N_("%(actor)s may not see report %(report_id)s", actor=actor, report_id=report_id)
        )
    return stored


def view_report(uow: UnitOfWork, report_id: str, actor: Actor) -> StoredMissingReport:
    """A report with its names, for forensic staff, admins and the case's liaison."""
    with uow:
        stored = _visible_report(uow.registry, report_id, actor)
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="missing_report",
            entity_id=report_id,
        )
        uow.commit()
    return stored


# --- cases of the missing: listing and history ---------------------------------------------
#: Where a case stands: ``open``, ``identified`` (the family not told yet), ``told``,
#: or ``alive`` (closed: the person was found alive).
CASE_STAGES: tuple[str, ...] = ("open", "identified", "told", "alive")


@dataclass(frozen=True)
class Case:
    """A report with its identification, if a forensic user confirmed one."""

    stored: StoredMissingReport
    identification: Identification | None

    @property
    def stage(self) -> str:
        if self.stored.status == "closed":
            return "alive"
        if self.identification is None:
            return "open"
        return "identified" if self.identification.notified_at is None else "told"


@dataclass(frozen=True)
class CaseEvent:
    """One step in a case's history: recorded, identified, family told, or a PFIF note."""

    at: datetime | None
    what: str
    by: str
    detail: str = ""


def list_missing_reports(
    uow: UnitOfWork, actor: Actor, *, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[Case]:
    """The reports the actor may see (a family liaison: their own cases only), in id
    order, optionally at one stage of :data:`CASE_STAGES`; audited as one ``list`` view."""
    require(actor, "family_liaison", "forensic", doing="listing missing-person reports")
    if status is not None and status not in CASE_STAGES:
        raise RegistryError(
            N_(
                "status: %(status)s is not one of %(items)s",
                status=repr(status),
                items=", ".join(CASE_STAGES),
            )
        )
    liaison = actor.name if actor.role == "family_liaison" else None
    with uow:
        repo = uow.registry
        identified = {i.report_id: i for i in repo.identifications()}
        cases = [
            Case(r, identified.get(r.report.report_id))
            for r in repo.reports(liaison=liaison)
            if may_see_report(actor, r.report.liaison)
        ]
        if status is not None:
            cases = [c for c in cases if c.stage == status]
        shown = cases[offset : offset + limit]
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="list",
            entity="missing_report",
            entity_id="*",
            after={
                "status": status,
                "offset": offset,
                "shown": [c.stored.report.report_id for c in shown],
            },
        )
        uow.commit()
    return shown


def report_history(uow: UnitOfWork, report_id: str, actor: Actor) -> tuple[Case, list[CaseEvent]]:
    """A case and its history, oldest first: when and by whom it was recorded, identified
    and the family told, and its PFIF notes; access-checked like :func:`view_report` and
    audited as a view."""
    with uow:
        repo = uow.registry
        stored = _visible_report(repo, report_id, actor)
        found = repo.identification(report_id=report_id)
        events = [CaseEvent(stored.created_at, "recorded", stored.created_by)]
        if found is not None:
            events.append(
                CaseEvent(
                    found.confirmed_at,
                    "identified",
                    found.confirmed_by,
                    f"as body {found.ref}, by {found.method}",
                )
            )
            if found.notified_at is not None:
                told = CaseEvent(found.notified_at, "family told", found.notified_by or "")
                events.append(told)
        for life in repo.case_events(report_id):
            what = EVENT_LABELS.get(life.kind, life.kind)
            detail = "; ".join(f"{k}: {v}" for k, v in life.detail.items() if v not in ("", None))
            events.append(CaseEvent(life.at, what, life.actor, detail))
        for note in repo.notes(report_id):
            what = f"note: {note.status}" if note.status else "note"
            events.append(CaseEvent(note.entry_date, what, note.author_name, note.text))
        events.sort(key=lambda e: e.at.timestamp() if e.at is not None else float("inf"))
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="missing_report",
            entity_id=report_id,
            after={"what": "history"},
        )
        uow.commit()
    return Case(stored, found), events
