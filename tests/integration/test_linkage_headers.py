"""Three small lists whose headers are in English, Ukrainian and Russian are imported
without a mapping and linked, on SQLite and PostgreSQL: unused columns are named and
kept with the import, records of one list stay apart unless it holds duplicates, and a
stored model is retrained, with a note, when the data is no longer comparable."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tollbook.cli.simulate.files import write_siege
from tollbook.link.evaluation import pairwise_scores
from tollbook.services.linkage import link_records, list_runs
from tollbook.services.lists import import_list, list_imports, list_summaries
from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.store.unit_of_work import UnitOfWork

#: The simulator's columns, as each language's list heads them (plus a note column).
HEADERS = {
    "morgue": ("id", "Surname", "First name", "middle_name", "Gender", "DOB", "age",
               "date_of_death", "place_of_death", "notes"),
    "burial": ("номер", "Прізвище", "Ім’я", "По батькові", "Стать", "Дата народження", "Вік",
               "Дата смерті", "Місце смерті", "Примітка"),
    "hospital": ("ID", "Фамилия", "Имя", "Отчество", "Пол", "Дата рождения", "Возраст",
                 "Дата смерти", "Место смерти", "Примечание"),
}  # fmt: skip


@pytest.fixture(scope="module")
def headed_lists(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Path], dict[str, str]]:
    """The lists of a small simulated siege with renamed headers, and the truth."""
    folder = tmp_path_factory.mktemp("headers")
    write_siege(simulate_siege(SiegeConfig(people=6_000, seed=5)), folder)
    files = {}
    for name in (*HEADERS, "family"):
        source = folder / "lists" / f"{name}.csv"
        with source.open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        header = HEADERS.get(name, (*rows[0], "notes"))
        target = folder / f"{name}-renamed.csv"
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([*row, "-"] for row in rows[1:])
        files[name] = target
    with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    return files, truth


def persons(uow: UnitOfWork) -> dict[str, tuple[int, str]]:
    """The list's record id -> (person, list) of every record."""
    luow = UnitOfWork(uow.engine)
    with luow:
        person_of = luow.linkage.membership()
        return {
            str(s.record.record_id): (person_of[s.id], s.record.source)
            for s in luow.lists.records()
        }


def test_headers_in_three_languages_link_without_a_mapping(
    uow: UnitOfWork, headed_lists: tuple[dict[str, Path], dict[str, str]]
) -> None:
    files, truth = headed_lists
    for name in HEADERS:
        result = import_list(uow, files[name], name, actor="test")
        assert result.imported == result.rows > 0
        assert result.unused_columns == (HEADERS[name][-1],)
        assert result.unused_warning and repr(HEADERS[name][-1]) in result.unused_warning
    stored = {i.list_name: i for i in list_imports(uow)}
    assert stored["burial"].notes == {"unused_columns": ["Примітка"]}
    assert stored["hospital"].mapping["death_date"] == ["Дата смерти"]

    first = link_records(uow, actor="test")
    found = persons(uow)
    scores = pairwise_scores({r: p for r, (p, _) in found.items()}, truth)
    assert scores.f1 >= 0.95, scores
    # no list was declared to hold duplicates: none of its records share a person
    seen = [(p, source) for p, source in found.values()]
    assert len(seen) == len(set(seen))
    assert set(first.exclusive_lists) == set(HEADERS)

    again = link_records(uow)
    assert not again.trained and again.model_note is None

    family = import_list(uow, files["family"], "family", has_duplicates=True)
    assert family.has_duplicates and family.unused_columns == ("notes",)
    assert {s.name: s.has_duplicates for s in list_summaries(uow)}["family"]
    retrained = link_records(uow)
    assert retrained.trained and retrained.model_note is not None
    assert "trained on the lists burial, hospital, morgue" in retrained.model_note
    assert list_runs(uow, limit=1)[0].summary["model_note"] == retrained.model_note
    assert "family" not in retrained.exclusive_lists
