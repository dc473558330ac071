"""Missing-person reports changed by an import of a corrected file, or taken out when an
import is undone (flushed, not committed; the service writes the audit entry)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tollbook.domain.missing import MissingReport
from tollbook.store.mapping import audit_entry
from tollbook.store.records import AuditEntry
from tollbook.store.registry_tables import (
    CaseEventRow,
    IdentificationRow,
    MissingNoteRow,
    MissingReportRow,
)
from tollbook.store.tables import AuditRow

#: The report fields a corrected file may change.
CHANGEABLE: tuple[str, ...] = (
    "reported_on", "relation", "family_name", "given_name", "patronymic", "sex",
    "birth_date", "age", "last_seen_date", "last_seen_place", "height_cm", "clothing",
    "marks", "effects", "description", "alternate_names", "birth_date_text", "contact",
    "consent", "liaison",
)  # fmt: skip


class ReportChanges:
    def __init__(self, session: Session) -> None:
        self._session = session

    def update_report(self, report: MissingReport) -> None:
        row = self._session.get(MissingReportRow, report.report_id)
        if row is None:
            raise KeyError(report.report_id)
        for name in CHANGEABLE:
            value = getattr(report, name)
            if isinstance(value, tuple):
                value = list(value) if value or name != "alternate_names" else None
            setattr(row, name, value)
        self._session.flush()

    def has_history(self, report_id: str) -> bool:
        """Whether anything was recorded about the case since: an identification, a step
        of its life, a note."""
        for table in (IdentificationRow, CaseEventRow, MissingNoteRow):
            query = select(func.count()).select_from(table).where(table.report_id == report_id)
            if self._session.scalar(query):
                return True
        return False

    def delete_report(self, report_id: str) -> None:
        self._session.execute(
            delete(MissingReportRow).where(MissingReportRow.report_id == report_id)
        )

    def audit_entry(self, entry_id: int) -> AuditEntry | None:
        row = self._session.get(AuditRow, entry_id)
        return None if row is None else audit_entry(row)

    def undone(
        self,
        entry_id: int,
        *,
        action: str = "undo_import_reports",
        entity: str = "report_import",
    ) -> AuditEntry | None:
        """The entry that undid import ``entry_id``, if any."""
        row = self._session.scalars(
            select(AuditRow).where(
                AuditRow.action == action,
                AuditRow.entity == entity,
                AuditRow.entity_id == str(entry_id),
            )
        ).first()
        return None if row is None else audit_entry(row)


def report_extras(row: MissingReportRow) -> dict[str, Any]:
    """The fields of revision 0014 of a stored report, for :class:`MissingReport`."""
    return {
        "description": row.description or "",
        "alternate_names": tuple(row.alternate_names or ()),
        "birth_date_text": row.birth_date_text or "",
        "pfif_fields": tuple(sorted((row.pfif_fields or {}).items())),
    }


def row_extras(report: MissingReport) -> dict[str, Any]:
    """The fields of revision 0014 of a report, for its row."""
    return {
        "description": report.description,
        "alternate_names": list(report.alternate_names) or None,
        "birth_date_text": report.birth_date_text,
        "pfif_fields": dict(report.pfif_fields) or None,
    }
