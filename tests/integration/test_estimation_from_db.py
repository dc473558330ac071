"""`tollbook estimate --from-db`: the linked persons of a simulated siege, counted per list."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from tollbook.services.estimation import NoLinkedPersons, linked_overlap_tables
from tollbook.services.linkage import link_records
from tollbook.services.lists import import_list
from tollbook.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def siege(siege_folder: Callable[[int, int], Path]) -> Path:
    return siege_folder(6_000, 5)


def test_no_linked_persons_is_a_clear_error(uow: UnitOfWork) -> None:
    with pytest.raises(NoLinkedPersons, match="tollbook link"):
        linked_overlap_tables(uow)


def test_overlap_tables_count_each_linked_person_once(uow: UnitOfWork, siege: Path) -> None:
    for path in sorted((siege / "lists").glob("*.csv")):
        import_list(uow, path, path.stem, actor="test")
    link_records(uow, actor="test")
    lists, tables = linked_overlap_tables(uow, by=("district",))
    assert lists == tuple(sorted(p.stem for p in (siege / "lists").glob("*.csv")))
    with (siege / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        true_persons = {row["person_id"] for row in csv.DictReader(handle)}
    seen = sum(t.observed for t in tables.values())
    # linkage is not perfect, but the persons counted are close to the true ones
    assert abs(seen - len(true_persons)) <= 0.05 * len(true_persons)
    assert len(tables) > 1  # one table per district
    with pytest.raises(ValueError, match="cannot divide"):
        linked_overlap_tables(uow, by=("shoe_size",))
