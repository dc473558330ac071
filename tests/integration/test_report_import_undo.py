"""Families' reports imported again from a corrected file, and an import undone (issue 17,
point 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.domain.missing import MissingReport
from tollbook.registry.access import Actor
from tollbook.services import registry
from tollbook.services.registry import ReportUndoRefused, undo_report_import
from tollbook.store.registry_repository import Note
from tollbook.store.unit_of_work import UnitOfWork

LIAISON = Actor("olha", "family_liaison")
FORENSIC = Actor("dr.k", "forensic")
HEADER = "report_id,family_name,given_name,last_seen_district,description\n"


def _report(uow: UnitOfWork, report_id: str) -> MissingReport | None:
    with UnitOfWork(uow.engine) as store:
        found = store.registry.report(report_id)
    return None if found is None else found.report


def test_a_corrected_file_updates_and_its_import_is_undone(uow: UnitOfWork, tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        HEADER + "R1,Koval,Iryna,Степовий,зелена куртка\nR2,Bondar,Andrii,Садовий,\n",
        encoding="utf-8",
    )
    first = registry.import_reports(uow, path, LIAISON, consent=("matching",))
    assert (first.added, first.updated, first.skipped) == (2, 0, 0)
    path.write_text(
        HEADER
        + "R1,Koval,Iryna,Степовий,зелена куртка; татуювання якоря на лівому плечі\n"
        + "R2,Bondar,Andrii,Садовий,\nR3,Shevchuk,Oleh,Річковий,сірий светр\n",
        encoding="utf-8",
    )
    second = registry.import_reports(uow, path, LIAISON, consent=("matching",))
    assert (second.added, second.updated, second.skipped) == (1, 1, 1)
    assert second.import_id is not None
    r1 = _report(uow, "R1")
    assert r1 is not None and "якоря" in r1.description
    assert r1.consent == ("matching",) and r1.liaison == "olha"

    done = undo_report_import(uow, second.import_id, LIAISON)
    assert (done.removed, done.restored, done.kept) == (["R3"], ["R1"], {})
    assert _report(uow, "R3") is None
    r1 = _report(uow, "R1")
    assert r1 is not None and r1.description == "зелена куртка"
    with pytest.raises(ReportUndoRefused, match="undone already"):
        undo_report_import(uow, second.import_id, LIAISON)
    with pytest.raises(ReportUndoRefused, match="no import of reports"):
        undo_report_import(uow, 10_000, LIAISON)
    with UnitOfWork(uow.engine) as store:
        undone = store.audit.entries(entity="report_import")
    assert len(undone) == 1 and "R3" in (undone[0].before or {})["removed"]


def test_a_report_with_a_history_since_is_kept(uow: UnitOfWork, tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(HEADER + "K1,Melnyk,Olena,Садовий,\n", encoding="utf-8")
    imported = registry.import_reports(uow, path, FORENSIC, consent=("matching",))
    assert imported.import_id is not None
    with UnitOfWork(uow.engine) as store:
        store.registry.add_note(
            Note("x.org/n1", "K1", "information_sought", "sister", None, "asked"), {}
        )
        store.commit()
    done = undo_report_import(uow, imported.import_id, FORENSIC)
    assert done.removed == [] and "K1" in done.kept
    assert _report(uow, "K1") is not None
