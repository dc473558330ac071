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


BODIES = "body_ref,apparent_sex,apparent_age,clothing,found_district,recovered_on\n"


def test_a_corrected_bodies_file_and_its_import_undone(uow: UnitOfWork, tmp_path: Path) -> None:
    path = tmp_path / "bodies.csv"
    path.write_text(
        BODIES + "MAR-T01-0001,F,adult,coat:black,stepovyi,2022-03-12\n", encoding="utf-8"
    )
    first = registry.import_bodies(uow, path, FORENSIC)
    assert (first.added, first.updated) == (1, 0) and first.import_id is not None
    path.write_text(
        BODIES
        + "MAR-T01-0001,F,adult,coat:black; green jacket,stepovyi,2022-03-12\n"
        + "MAR-T01-0002,M,elderly,,sadovyi,2022-03-13\n"
        + "MAR-T01-0003,M,adult,,sadovyi,2022-03-13\n",
        encoding="utf-8",
    )
    second = registry.import_bodies(uow, path, FORENSIC)
    assert (second.added, second.updated, second.skipped) == (2, 1, 0)
    assert second.import_id is not None
    registry.move_body(
        uow,
        "MAR-T01-0003",
        FORENSIC,
        to_status="stored",
        to_location="street",
        reason="taken in",
    )
    done = registry.undo_body_import(uow, second.import_id, FORENSIC)
    assert done.removed == ["MAR-T01-0002"] and done.restored == ["MAR-T01-0001"]
    assert list(done.kept) == ["MAR-T01-0003"]
    with UnitOfWork(uow.engine) as store:
        assert store.registry.body("MAR-T01-0002") is None
        kept = store.registry.body("MAR-T01-0001")
        assert kept is not None and kept.body.description.clothing == ("coat:black",)
    with pytest.raises(registry.BodyUndoRefused, match="undone already"):
        registry.undo_body_import(uow, second.import_id, FORENSIC)
    with pytest.raises(registry.BodyUndoRefused, match="no import of bodies"):
        registry.undo_body_import(uow, first.import_id + 10_000, FORENSIC)
