"""Importing named lists into SQLite and PostgreSQL: all good rows, no half-writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from tollbook.exchange.errors import InputError
from tollbook.services.lists import ImportRefused, import_list, list_summaries
from tollbook.store.database import make_engine
from tollbook.store.list_repository import ListRepository
from tollbook.store.unit_of_work import UnitOfWork

LIST = (
    "Номер,Прізвище,Ім'я,По батькові,Стать,Дата народження,Дата смерті,Район\n"
    "m-1,Шевченко,Олена,Петрівна,Ж,01.05.1970,2022-03-04,Заводський\n"
    "m-2,Коваль,Іван,,Ч,1961-13-01,2022-03-05,\n"
    "m-3,ВАСИЛЬЄВА,ГАЛИНА,,Ж,,2022-03-06,Садовий\n"
)
MAP = [
    "Номер=record_id",
    "Прізвище=family_name",
    "Ім'я=given_name",
    "По батькові=patronymic",
    "Стать=sex",
    "Дата народження=birth_date",
    "Дата смерті=death_date",
    "Район=district",
]


def write(tmp_path: Path, text: str = LIST, name: str = "morgue.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_rows_are_imported_with_provenance_and_bad_rows_reported(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    path = write(tmp_path)
    result = import_list(uow, path, "morgue", MAP, actor="recorder:anna")

    assert (result.list_name, result.rows, result.imported, result.rejected) == ("morgue", 3, 2, 1)
    assert result.new_list and result.import_id is not None
    assert [(p.line, p.field) for p in result.problems] == [(3, "birth_date")]
    luow = UnitOfWork(uow.engine)
    with luow:
        stored = luow.lists.records()
        entries = luow.audit.entries(entity="list_import")
    assert [(s.record.source, s.record.row, s.record.record_id) for s in stored] == [
        ("morgue", 2, "m-1"),
        ("morgue", 4, "m-3"),
    ]
    first = stored[0].record
    assert first.sex == "F" and first.district == "Заводський"
    assert first.original["Дата народження"] == "01.05.1970"
    (entry,) = entries
    assert entry.actor == "recorder:anna" and entry.action == "import"
    assert entry.after is not None and entry.after["rejected_rows"] == [3]
    assert [s.name for s in list_summaries(uow)] == ["morgue"]


def test_normalised_names_are_stored_beside_the_originals(uow: UnitOfWork, tmp_path: Path) -> None:
    import_list(uow, write(tmp_path), "morgue", MAP)
    engine = make_engine(str(uow.engine.url.render_as_string(hide_password=False)))
    try:
        columns = {c["name"] for c in inspect(engine).get_columns("list_records")}
    finally:
        engine.dispose()
    assert {"family_key", "given_key", "patronymic_key", "original"} <= columns
    luow = UnitOfWork(uow.engine)
    with luow:
        from sqlalchemy import select

        from tollbook.store.list_tables import ListRecordRow

        keys = luow.session.execute(
            select(ListRecordRow.family_key, ListRecordRow.sex_inferred).order_by(ListRecordRow.id)
        ).all()
    assert keys[0] == ("SevCenko", "F")
    assert keys[1][0] == "vasilev"


def test_the_same_file_is_not_imported_twice_into_a_list(uow: UnitOfWork, tmp_path: Path) -> None:
    path = write(tmp_path)
    import_list(uow, path, "morgue", MAP)
    with pytest.raises(ImportRefused, match="imported into list 'morgue' already"):
        import_list(uow, path, "morgue", MAP)
    assert import_list(uow, path, "burial", MAP).imported == 2


def test_nothing_is_half_written_when_storing_fails(
    uow: UnitOfWork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    original = ListRepository.add_records

    def failing(self: ListRepository, *args: object, **kwargs: object) -> int:
        calls["n"] += 1
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("disk full")

    monkeypatch.setattr(ListRepository, "add_records", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        import_list(uow, write(tmp_path), "morgue", MAP)
    assert calls["n"] == 1
    monkeypatch.undo()
    assert list_summaries(uow) == []
    luow = UnitOfWork(uow.engine)
    with luow:
        assert luow.lists.count() == 0
        assert luow.audit.entries(entity="list_import") == []


def test_refusals_write_nothing(uow: UnitOfWork, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="needs a name"):
        import_list(uow, write(tmp_path), "  ", MAP)
    with pytest.raises(ImportRefused, match="unknown field"):
        import_list(uow, write(tmp_path), "morgue", ["Стать=gender"])
    with pytest.raises(InputError, match="empty"):
        import_list(uow, write(tmp_path, ""), "morgue", MAP)
    only_bad = write(tmp_path, "family_name,birth_date\nKoval,soon\n", "bad.csv")
    result = import_list(uow, only_bad, "morgue")
    assert (result.imported, result.import_id, result.rejected) == (0, None, 1)
    luow = UnitOfWork(uow.engine)
    with luow:
        assert luow.lists.count() == 0
        assert luow.lists.summaries() == []
