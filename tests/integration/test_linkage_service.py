"""Linking stored list records into persons, on SQLite and PostgreSQL: explanations, the
review queue, human decisions kept on re-runs, saved models, stable person ids."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from tollbook.link.evaluation import pairwise_scores
from tollbook.services.linkage import (
    LinkageError,
    decide_pair,
    link_records,
    list_persons,
    review_queue,
)
from tollbook.services.lists import import_list
from tollbook.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def siege(siege_folder: Callable[[int, int], Path]) -> Path:
    return siege_folder(8_000, 4)


def load(uow: UnitOfWork, siege: Path) -> dict[int, str]:
    """Import every list of the siege; return record row id -> true person."""
    for path in sorted((siege / "lists").glob("*.csv")):
        import_list(uow, path, path.stem, actor="test")
    with (siege / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    luow = UnitOfWork(uow.engine)
    with luow:
        return {s.id: truth[str(s.record.record_id)] for s in luow.lists.records()}


def membership(uow: UnitOfWork) -> dict[int, int]:
    luow = UnitOfWork(uow.engine)
    with luow:
        return luow.linkage.membership()


def test_linking_finds_the_persons_and_explains_every_link(uow: UnitOfWork, siege: Path) -> None:
    truth = load(uow, siege)
    report = link_records(uow, actor="analyst")

    assert report.trained and report.records == len(truth)
    assert report.created == report.persons and report.kept == 0
    persons = membership(uow)
    assert set(persons) == set(truth)
    assert pairwise_scores(persons, truth).f1 >= 0.93
    biggest = list_persons(uow, limit=3)
    assert len(biggest[0].records) >= len(biggest[-1].records) >= 2
    link = biggest[0].links[0]
    fields = {item["field"]: item for item in link.explanation["fields"]}
    assert {"family_name", "given_name", "birth", "death_date"} <= set(fields)
    assert all(isinstance(item["weight"], float) for item in fields.values())
    luow = UnitOfWork(uow.engine)
    with luow:
        (entry,) = luow.audit.entries(entity="link_run")
    assert entry.actor == "analyst"
    assert entry.after is not None and entry.after["persons"] == report.persons
    # pairs under the review band (from 0.05) are kept for the estimates' clustering
    # draws; none waits for review
    with luow:
        under = [x for x in luow.linkage.links() if x.probability < 0.2]
    assert under and min(x.probability for x in under) >= 0.05
    assert all((p.review.probability or 0) >= 0.2 for p in review_queue(uow, limit=None))


def test_a_rerun_reuses_the_model_and_keeps_person_ids(uow: UnitOfWork, siege: Path) -> None:
    load(uow, siege)
    first = link_records(uow)
    before = membership(uow)
    again = link_records(uow)
    assert not again.trained and again.model_id == first.model_id
    assert again.created == 0 and again.retired == 0
    assert membership(uow) == before
    assert link_records(uow, retrain=True).trained


def test_uncertain_pairs_are_queued_and_decisions_hold_on_reruns(
    uow: UnitOfWork, siege: Path
) -> None:
    load(uow, siege)
    report = link_records(uow, review=(0.2, 0.999))
    assert report.queued > 0
    queue = review_queue(uow, limit=5)
    assert queue and queue[0].review.status == "pending"
    assert queue[0].review.explanation is not None

    # a human splits a pair the model linked, and confirms one it did not
    persons = list_persons(uow, min_records=2, limit=1)[0]
    a, b = persons.records[0].id, persons.records[1].id
    decide_pair(uow, a, b, "split", actor="reviewer", reason="different fathers")
    after_split = membership(uow)
    assert after_split[a] != after_split[b]

    members = membership(uow)
    c, d = next(
        (x, y)
        for x in sorted(members)
        for y in sorted(members)
        if x < y and members[x] != members[y] and {x, y}.isdisjoint({a, b})
    )
    decide_pair(uow, c, d, "confirm", actor="reviewer")
    assert membership(uow)[c] == membership(uow)[d]

    link_records(uow)
    final = membership(uow)
    assert final[a] != final[b]
    assert final[c] == final[d]
    assert all({p.review.record_a, p.review.record_b} != {a, b} for p in review_queue(uow))
    luow = UnitOfWork(uow.engine)
    with luow:
        actions = [e.action for e in luow.audit.entries(entity="record_pair")]
    assert actions == ["split", "confirm"]


def test_bad_decisions_and_runs_are_refused(uow: UnitOfWork, siege: Path) -> None:
    with pytest.raises(LinkageError, match="nothing to link"):
        link_records(uow)
    load(uow, siege)
    with pytest.raises(LinkageError, match="review band"):
        link_records(uow, threshold=0.5, review=(0.6, 0.9))
    with pytest.raises(LinkageError, match="reason"):
        decide_pair(uow, 1, 2, "split", actor="x")
    with pytest.raises(LinkageError, match="no list record 999999"):
        decide_pair(uow, 1, 999999, "confirm", actor="x")
    with pytest.raises(LinkageError, match="itself"):
        decide_pair(uow, 1, 1, "confirm", actor="x")
    with pytest.raises(LinkageError, match="no person"):
        list_persons(uow, person_id=424242)
