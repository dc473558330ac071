"""Before a second report of the same person is made: the reports already recorded
whose person may be the same (``tollbook.registry.duplicates``). A family liaison learns
that another liaison's case exists and who looks after it, never its names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tollbook.domain.missing import MissingReport
from tollbook.registry.access import Actor, may_see_report, require
from tollbook.registry.duplicates import birth_year, may_be_same_person
from tollbook.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PossibleDuplicate:
    report_id: str
    liaison: str
    #: the name and birth year, when the actor may see the report; else empty
    name: str
    born: int | None
    status: str


def possible_duplicates(
    uow: UnitOfWork, report: MissingReport, actor: Actor
) -> list[PossibleDuplicate]:
    """Recorded reports that may be about the person of ``report``; audited as a view of
    the reports shown with their names."""
    require(actor, "family_liaison", "forensic", doing="checking for a report made already")
    with uow:
        found = [
            stored
            for stored in uow.registry.reports()
            if stored.report.report_id != report.report_id
            and may_be_same_person(report, stored.report)
        ]
        shown = [s for s in found if may_see_report(actor, s.report.liaison)]
        if found:
            uow.audit.append(
                at=datetime.now(UTC),
                actor=str(actor),
                action="duplicate_check",
                entity="missing_report",
                entity_id="*",
                after={
                    "found": [s.report.report_id for s in found],
                    "names_shown": [s.report.report_id for s in shown],
                },
            )
            uow.commit()
    return [
        PossibleDuplicate(
            report_id=s.report.report_id,
            liaison=s.report.liaison,
            name=s.report.full_name if s in shown else "",
            born=birth_year(s.report) if s in shown else None,
            status=s.status,
        )
        for s in found
    ]
