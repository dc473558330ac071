"""Families' reports imported again from a corrected file, and an import of reports undone.

An import's audit entry names the reports it added and, for each it updated, what the
report was before; its id is the import's number (``missing import`` prints it). Undoing
it takes out the reports it added (not one with a history since: an identification, a
step of its life, a note: those are named and kept) and gives the ones it updated back
their values from before (not one changed again since). Audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from tollbook.domain.missing import MissingReport
from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.registry.access import Actor, may_see_report, require
from tollbook.store.report_changes import CHANGEABLE, ReportChanges
from tollbook.store.unit_of_work import UnitOfWork

_DATES = ("reported_on", "birth_date", "last_seen_date")


class ReportUndoRefused(Invalid, ValueError):
    """No such import of reports, or one undone already."""


@dataclass(frozen=True)
class ReportImportUndone:
    import_id: int
    removed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    #: reports kept, each with why
    kept: dict[str, str] = field(default_factory=dict)


def report_values(report: MissingReport) -> dict[str, Any]:
    """The changeable fields of a report as JSON (dates ISO, tuples lists)."""
    out: dict[str, Any] = {}
    for name in CHANGEABLE:
        value = getattr(report, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def from_values(report: MissingReport, values: dict[str, Any]) -> MissingReport:
    """``report`` with its changeable fields from :func:`report_values`."""
    changed: dict[str, Any] = {}
    for name in CHANGEABLE:
        value = values.get(name)
        if name in _DATES:
            value = date.fromisoformat(value) if value else None
        elif isinstance(value, list):
            value = tuple(value)
        changed[name] = value
    return replace(report, **changed)


def corrected(stored: MissingReport, new: MissingReport, *, has_consent: bool) -> MissingReport:
    """The stored report as the corrected row gives it: what the row leaves empty (its
    liaison, its consent when the file has no consent column, PFIF-only fields) is kept."""
    return replace(
        new,
        liaison=new.liaison or stored.liaison,
        consent=new.consent if has_consent else stored.consent,
        alternate_names=new.alternate_names or stored.alternate_names,
        birth_date_text=new.birth_date_text or stored.birth_date_text,
        pfif_fields=stored.pfif_fields,
    )


def undo_report_import(uow: UnitOfWork, import_id: int, actor: Actor) -> ReportImportUndone:
    """Undo the import of reports whose audit entry is ``import_id``."""
    require(actor, "family_liaison", "forensic", doing="undoing an import of reports")
    at = datetime.now(UTC)
    with uow:
        changes = ReportChanges(uow.session)
        entry = changes.audit_entry(import_id)
        if entry is None or entry.action != "import_reports" or not entry.after:
            raise ReportUndoRefused(
                N_("there is no import of reports %(import_id)s", import_id=import_id)
            )
        if "added_ids" not in entry.after:
            raise ReportUndoRefused(
                N_(
                    "import %(import_id)s was made before imports could be undone (issue 17)",
                    import_id=import_id,
                )
            )
        done = changes.undone(import_id)
        if done is not None:
            raise ReportUndoRefused(
                N_(
                    "import %(import_id)s was undone already, on %(at)s UTC by %(actor)s",
                    import_id=import_id,
                    at=format(done.at, "%Y-%m-%d %H:%M"),
                    actor=done.actor,
                )
            )
        out = ReportImportUndone(import_id)
        repo = uow.registry
        taken: dict[str, Any] = {}
        for report_id in entry.after["added_ids"]:
            stored = repo.report(report_id)
            if stored is None:
                continue
            if not may_see_report(actor, stored.report.liaison):
                out.kept[report_id] = "another liaison's case"
            elif changes.has_history(report_id):
                out.kept[report_id] = "has a history since (identification, case step or note)"
            else:
                taken[report_id] = report_values(stored.report)
                changes.delete_report(report_id)
                out.removed.append(report_id)
        for report_id, change in entry.after.get("updated", {}).items():
            stored = repo.report(report_id)
            if stored is None or report_values(stored.report) != change["after"]:
                out.kept[report_id] = "changed again since"
                continue
            changes.update_report(from_values(stored.report, change["before"]))
            out.restored.append(report_id)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="undo_import_reports",
            entity="report_import",
            entity_id=import_id,
            before={"removed": taken},
            after={"removed": out.removed, "restored": out.restored, "kept": out.kept},
        )
        uow.commit()
    return out
