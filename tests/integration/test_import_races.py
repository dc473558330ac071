"""Two imports at once, on SQLite and PostgreSQL: the same file into a list, or two
files into a list that does not exist yet. Both look before they write; the database
settles the race, and the loser is told in words (no IntegrityError)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.integration.test_lists_import import MAP, write
from tollbook.services.lists import ImportRefused, ListImportResult, import_list
from tollbook.store.list_repository import ListRepository
from tollbook.store.list_tables import NamedListRow
from tollbook.store.unit_of_work import UnitOfWork

OTHER = "Номер,Прізвище,Ім'я\nb-1,Бондар,Олена\n"


def both_at_once(
    uow: UnitOfWork, calls: list[Callable[[UnitOfWork], ListImportResult]]
) -> list[ListImportResult | Exception]:
    """Run the calls in threads of their own, each on a unit of work of its own."""
    results: list[ListImportResult | Exception] = [RuntimeError("did not run")] * len(calls)

    def run(i: int) -> None:
        try:
            results[i] = calls[i](UnitOfWork(uow.engine))
        except Exception as error:  # kept to be looked at
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def wait_after_first_look(monkeypatch: pytest.MonkeyPatch, name: str, parties: int) -> None:
    """Make each thread's first call of ``ListRepository.<name>`` wait for the others'
    before going on: every import has looked before any writes."""
    barrier = threading.Barrier(parties, timeout=10)
    seen = threading.local()
    original = getattr(ListRepository, name)

    def looked(self: ListRepository, *args: Any, **kwargs: Any) -> Any:
        found = original(self, *args, **kwargs)
        if not getattr(seen, "waited", False):
            seen.waited = True
            barrier.wait()
        return found

    monkeypatch.setattr(ListRepository, name, looked)


def test_the_same_file_imported_twice_at_once_lands_once(
    uow: UnitOfWork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path)
    import_list(
        uow,
        write(tmp_path, OTHER, "other.csv"),
        "morgue",
        ["Номер=record_id", "Прізвище=family_name"],
    )
    wait_after_first_look(monkeypatch, "import_with_hash", 2)
    results = both_at_once(uow, [lambda u: import_list(u, path, "morgue", MAP)] * 2)

    made = [r for r in results if isinstance(r, ListImportResult)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(made) == 1 and len(refused) == 1, results
    assert isinstance(refused[0], ImportRefused)
    assert "already" in str(refused[0]) or "same time" in str(refused[0])
    luow = UnitOfWork(uow.engine)
    with luow:
        records = luow.lists.records()
    assert len(records) == 1 + 2  # the other file's record, and this file's two, once


def test_two_imports_into_a_new_list_at_once_both_land(
    uow: UnitOfWork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(tmp_path)
    second = write(tmp_path, OTHER, "other.csv")
    barrier = threading.Barrier(2, timeout=10)
    seen = threading.local()

    def list_id(
        self: ListRepository,
        name: str,
        *,
        at: datetime,
        actor: str | None,
        has_duplicates: bool | None = None,
    ) -> tuple[int, bool]:
        # the service's own look, then both wait, then both make the list
        found = self._session.scalar(select(NamedListRow.id).where(NamedListRow.name == name))
        if found is not None:
            return found, False
        if not getattr(seen, "waited", False):
            seen.waited = True
            barrier.wait()
        row = NamedListRow(
            name=name, created_at=at, created_by=actor, has_duplicates=int(bool(has_duplicates))
        )
        self._session.add(row)
        self._session.flush()
        return row.id, True

    monkeypatch.setattr(ListRepository, "list_id", list_id)
    results = both_at_once(
        uow,
        [
            lambda u: import_list(u, first, "burial", MAP),
            lambda u: import_list(u, second, "burial", ["Номер=record_id", "Прізвище=family_name"]),
        ],
    )
    assert all(isinstance(r, ListImportResult) for r in results), results
    assert sorted(r.imported for r in results if isinstance(r, ListImportResult)) == [1, 2]
    assert sum(r.new_list for r in results if isinstance(r, ListImportResult)) == 1
