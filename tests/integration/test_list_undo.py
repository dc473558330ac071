"""Imports undone, and corrected files that update (issue 17, point 7)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tollbook.services.linkage import link_records
from tollbook.services.list_undo import UndoRefused, undo_import
from tollbook.services.lists import ImportRefused, import_list, list_imports
from tollbook.store.estimate_repository import NewEstimate
from tollbook.store.list_tables import ListRecordRow, PersonRecordRow, PersonRow
from tollbook.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def siege(siege_folder: Callable[[int, int], Path]) -> Path:
    return siege_folder(3_000, 4)


def _count(uow: UnitOfWork, query: object) -> int:
    with UnitOfWork(uow.engine) as store:
        return int(store.session.scalar(query) or 0)  # type: ignore[call-overload]


def test_an_import_undone_leaves_the_persons_and_can_be_made_again(
    uow: UnitOfWork, siege: Path
) -> None:
    ids = {
        path.stem: import_list(uow, path, path.stem, actor="test").import_id
        for path in sorted((siege / "lists").glob("*.csv"))
    }
    run = link_records(uow, actor="analyst")
    with UnitOfWork(uow.engine) as store:
        # a draft counted from the database (made by hand here: the lists are too small
        # to estimate from) and a published one, both counting the morgue list
        saved = [
            store.estimates.add(
                NewEstimate(
                    created_at=datetime.now(UTC),
                    actor="analyst",
                    source="database",
                    file_name=None,
                    file_sha256=None,
                    link_run_id=run.run_id,
                    lists=("burial", "morgue"),
                    strata=(),
                    method="loglinear",
                    options={},
                    tables=[],
                    report={},
                    warnings=(),
                    observed=10,
                )
            ).id
            for _ in range(2)
        ]
        store.estimates.publish(saved[1], at=datetime.now(UTC), by="analyst")
        store.commit()
    morgue = ids["morgue"]
    assert morgue is not None
    left = select(func.count()).select_from(ListRecordRow).where(ListRecordRow.import_id == morgue)
    in_morgue = _count(uow, left)
    retired_before = _count(
        uow, select(func.count()).select_from(PersonRow).where(PersonRow.status == "retired")
    )
    done = undo_import(uow, morgue, actor="olha", reason="wrong file")
    assert done.records == in_morgue > 0 and done.list_name == "morgue"
    assert done.persons_retired + done.persons_changed > 0
    assert (done.drafts_withdrawn, done.published_counted) == (saved[:1], saved[1:])
    with UnitOfWork(uow.engine) as store:
        statuses = [store.estimates.get(i).status for i in saved]  # type: ignore[union-attr]
    assert statuses == ["withdrawn", "published"]
    assert _count(uow, left) == 0
    orphans = (
        select(func.count())
        .select_from(PersonRecordRow)
        .where(PersonRecordRow.record_id.not_in(select(ListRecordRow.id)))
    )
    assert _count(uow, orphans) == 0
    retired = select(func.count()).select_from(PersonRow).where(PersonRow.status == "retired")
    assert _count(uow, retired) == retired_before + done.persons_retired
    with UnitOfWork(uow.engine) as store:
        entry = [e for e in store.audit.entries(entity="list_import") if e.action == "undo_import"]
    assert len(entry) == 1 and (entry[0].after or {})["records_removed"] == in_morgue
    with pytest.raises(UndoRefused, match="undone already"):
        undo_import(uow, morgue, actor="olha")
    with pytest.raises(UndoRefused, match="no import 999"):
        undo_import(uow, 999, actor="olha")
    undone = {i.id: i for i in list_imports(uow)}[morgue]
    assert undone.undone_by == "olha" and undone.undone_at is not None
    # the same file again: the undone import does not stand in its way
    again = import_list(uow, siege / "lists/morgue.csv", "morgue", actor="test")
    assert (again.added, again.imported) == (in_morgue, in_morgue)


def test_a_corrected_file_updates_adds_and_removes(
    uow: UnitOfWork, siege: Path, tmp_path: Path
) -> None:
    first = import_list(uow, siege / "lists/family.csv", "family", actor="test")
    with (siege / "lists/family.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["family_name"] = "Виправлена"  # corrected
    dropped = rows.pop(1)  # not in the corrected file
    rows.append({**rows[2], "record_id": "family-new-1"})  # new
    corrected = tmp_path / "family-corrected.csv"
    with corrected.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = import_list(uow, corrected, "family", actor="test", replaces=first.import_id)
    n = len(rows)
    assert (result.added, result.updated, result.unchanged, result.removed) == (1, 1, n - 2, 1)
    with UnitOfWork(uow.engine) as store:
        records = {s.record.record_id: s for s in store.lists.records()}
    assert dropped["record_id"] not in records
    assert records[rows[0]["record_id"]].record.family_name == "Виправлена"
    assert records[rows[0]["record_id"]].import_id == result.import_id
    assert len(records) == n
    # a file without an id column: rows are matched by their content
    plain = tmp_path / "plain.csv"
    plain.write_text("family_name,given_name\nКоваль,Ірина\nБондар,Андрій\n", encoding="utf-8")
    import_list(uow, plain, "plain", actor="test")
    plain.write_text(
        "family_name,given_name\nКоваль,Ірина\nБондар,Андрій\nШевчук,Олег\n", encoding="utf-8"
    )
    more = import_list(uow, plain, "plain", actor="test")
    assert (more.added, more.updated, more.unchanged, more.removed) == (1, 0, 2, 0)
    plain.write_text("family_name,given_name\nКоваль,Ірина\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="no import 999"):
        import_list(uow, plain, "plain", actor="test", replaces=999)
