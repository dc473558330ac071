"""Linking list records into persons, showing them, and the human review of pairs.

``link_records`` scores every pair of stored records that blocking lets through,
clusters them into persons (keeping the persons' identities from the run before where
their records stay together), stores each scored pair with its explanation, and queues
the uncertain pairs. A human then confirms a pair (the same person) or splits it (two
people); decisions are applied at once and kept by every later run. ``link_files``
(:mod:`tollbook.services.file_linkage`) does the same for files, without the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from tollbook.domain.refusals import Invalid, NotFound
from tollbook.domain.text import N_
from tollbook.link.clustering import cluster_pairs, keep_identities
from tollbook.link.engine import EngineName, LinkageModel, ScoredPairs, open_engine
from tollbook.link.explain import explanation_json
from tollbook.link.features import features
from tollbook.link.reuse import may_reuse
from tollbook.store.linkage_repository import PairReview, StoredLink, StoredRun
from tollbook.store.list_repository import StoredRecord
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "DEFAULT_REVIEW",
    "DEFAULT_THRESHOLD",
    "LinkReport",
    "LinkageError",
    "PersonView",
    "QueuedPair",
    "decide_pair",
    "link_records",
    "list_persons",
    "list_runs",
    "pair_decisions",
    "persons_of_records",
    "review_queue",
]

#: Pairs at least this probable may join two records into one person.
DEFAULT_THRESHOLD = 0.5
#: Pairs with a probability in [low, high) go to the review queue.
DEFAULT_REVIEW = (0.2, 0.8)
#: Pairs scored at least this probable are stored, also under the review band: they never
#: join records nor wait for review, but the estimates' clustering draws give them their
#: odds, so that links the linkage missed with a probability under the band can be drawn
#: (docs/estimation.md, "Pairs under the review band").
STORED_FLOOR = 0.05

Decision = Literal["confirm", "split"]


#: At most this many ids are named in one audit entry of a view.
_AUDIT_SHOWN = 1000


class LinkageError(Invalid, ValueError):
    """A linkage that cannot run or a decision that cannot be made; the message says why."""


class LinkageNotFound(LinkageError, NotFound):
    """What the request names does not exist."""


@dataclass(frozen=True)
class LinkReport:
    run_id: int
    engine: str
    model_id: int
    trained: bool
    records: int
    pairs: int
    links: int
    persons: int
    persons_with_several_records: int
    created: int
    kept: int
    retired: int
    queued: int
    conflicts: list[tuple[int, int]]
    seconds: float
    #: why the stored model was not reused (None: reused, or none was stored)
    model_note: str | None = None
    #: the lists whose records were kept apart (declared without duplicates)
    exclusive_lists: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonView:
    id: int
    status: str
    records: list[StoredRecord]
    links: list[StoredLink]


@dataclass(frozen=True)
class QueuedPair:
    review: PairReview
    first: StoredRecord
    second: StoredRecord


def check_band(threshold: float, review: tuple[float, float]) -> None:
    """Refuse a threshold outside (0, 1) or a review band that does not hold it."""
    low, high = review
    if not 0.0 < threshold < 1.0:
        wrong = N_("the threshold must be between 0 and 1, not %(value)s", value=threshold)
        raise LinkageError(wrong)
    if not 0.0 < low <= threshold <= high <= 1.0:
        band = {"low": low, "high": high, "threshold": threshold}
        raise LinkageError(
            N_(
                "the review band %(low)s-%(high)s must hold the threshold %(threshold)s "
                "(0 < low <= threshold <= high <= 1)",
                **band,
            )
        )


def link_records(
    uow: UnitOfWork,
    *,
    engine: EngineName = "duckdb",
    threshold: float = DEFAULT_THRESHOLD,
    review: tuple[float, float] = DEFAULT_REVIEW,
    retrain: bool = False,
    actor: str | None = None,
    seed: int = 1,
    on_progress: Callable[[str], None] | None = None,
) -> LinkReport:
    """Link every stored list record into persons (see the module's description).

    The model trained last for data with the same fields is reused when it was trained
    on comparable data (:func:`tollbook.link.reuse.may_reuse`) and not ``retrain``;
    otherwise a new one is trained and the report's ``model_note`` says why. Records of
    one list are compared and joined only when the list is declared to hold duplicates.
    Raises :class:`LinkageError` when there is nothing to link or the options are bad,
    and :class:`~tollbook.link.engine.EngineUnavailable` when the engine cannot run.
    """
    check_band(threshold, review)
    uow = UnitOfWork(uow.engine)  # its own: on_progress writes through the caller's
    say = on_progress or (lambda text: None)
    began = time.perf_counter()
    started = datetime.now(UTC)
    with uow:
        stored = uow.lists.records()
        if not stored:
            empty = N_(
                "nothing to link: there are no list records yet; import lists first "
                "(tollbook lists import)"
            )
            raise LinkageError(empty)
        confirmed, split = uow.linkage.decisions()
        previous = uow.linkage.membership()
        sources = frozenset(s.record.source for s in stored)
        exclusive = sources - uow.lists.lists_with_duplicates()
        say(f"reading {len(stored):,} list records")
        table = features(
            [s.record for s in stored], ids=[s.id for s in stored], exclusive=exclusive
        )
        columns = " ".join(sorted(table.model_columns))
        saved = None if retrain else uow.linkage.latest_model(columns, "dedupe_only")
        other = None if retrain or saved else uow.linkage.latest_model(None, "dedupe_only")
    model, note, reused = None, None, None
    for found in (saved, other):
        if found is None:
            continue
        candidate = LinkageModel.from_json(found[1])
        verdict = may_reuse(
            candidate,
            records=len(stored),
            columns=table.model_columns,
            lists=sources,
            link_type="dedupe_only",
        )
        if verdict.reuse:
            model, reused = candidate, found[0]
            break
        note = verdict.note(f"the stored model {found[0]}")
        say(note or "")
    opened = open_engine(engine)
    try:
        if model is None:
            say(f"training the model on {len(stored):,} records ({engine})")
            model = opened.train(table, seed=seed)
        say(f"scoring the pairs of {len(stored):,} records ({engine})")
        floor = min(review[0], STORED_FLOOR)
        pairs = opened.score(table, model, min_probability=floor, explain=True)
    finally:
        opened.close()
    ids = [s.id for s in stored]
    say(f"grouping {len(pairs):,} scored pairs into persons")
    banded = [i for i, p in enumerate(pairs.probability) if p >= review[0]]
    clustering = cluster_pairs(
        ids,
        [pairs.left[i] for i in banded],
        [pairs.right[i] for i in banded],
        [pairs.probability[i] for i in banded],
        threshold,
        must_link=confirmed,
        cannot_link=split,
        exclusive={s.id: s.record.source for s in stored if s.record.source in exclusive},
    )
    clusters = clustering.clusters()
    assigned, retired = keep_identities(clusters, previous)
    at = datetime.now(UTC)
    say(f"saving {len(clusters):,} persons")
    with uow:
        if reused is not None:
            model_id = reused
        else:
            model_id = uow.linkage.add_model(
                model.to_json(),
                engine=engine,
                link_type=model.link_type,
                columns=columns,
                trained_on=model.trained_on,
                at=at,
                actor=actor,
            )
        run_id = uow.linkage.add_run(
            engine=engine,
            model_id=model_id,
            threshold=threshold,
            review_low=review[0],
            review_high=review[1],
            started_at=started,
            actor=actor,
        )
        links = _links(pairs)
        uow.linkage.replace_links(run_id, links)
        queue = [link for link in links if review[0] <= link.probability < review[1]]
        queued = uow.linkage.replace_pending(queue, at=at)
        uow.linkage.save_persons(assigned, retired, at=at)
        report = LinkReport(
            run_id=run_id,
            engine=engine,
            model_id=model_id,
            trained=reused is None,
            records=len(stored),
            pairs=len(pairs),
            links=sum(1 for p in pairs.probability if p >= threshold),
            persons=len(clusters),
            persons_with_several_records=sum(1 for m in clusters.values() if len(m) > 1),
            created=sum(1 for person, _ in assigned if person is None),
            kept=sum(1 for person, _ in assigned if person is not None),
            retired=len(retired),
            queued=queued,
            conflicts=clustering.conflicts,
            seconds=round(time.perf_counter() - began, 3),
            model_note=note,
            exclusive_lists=tuple(sorted(exclusive)),
        )
        summary = _summary(report, threshold, review)
        uow.linkage.finish_run(run_id, finished_at=datetime.now(UTC), summary=summary)
        uow.audit.append(
            at=at,
            actor=actor or "unknown",
            action="link",
            entity="link_run",
            entity_id=run_id,
            after=summary,
        )
        uow.commit()
    return report


def _summary(report: LinkReport, threshold: float, review: tuple[float, float]) -> dict[str, Any]:
    return {
        "engine": report.engine,
        "model_id": report.model_id,
        "trained": report.trained,
        "threshold": threshold,
        "review": list(review),
        "records": report.records,
        "pairs": report.pairs,
        "links": report.links,
        "persons": report.persons,
        "persons_created": report.created,
        "persons_kept": report.kept,
        "persons_retired": report.retired,
        "queued": report.queued,
        "conflicts": [list(c) for c in report.conflicts],
        "seconds": report.seconds,
        "model_note": report.model_note,
        "lists_without_duplicates": list(report.exclusive_lists),
    }


def _links(pairs: ScoredPairs) -> list[StoredLink]:
    return [
        StoredLink(
            record_a=pairs.left[i],
            record_b=pairs.right[i],
            probability=pairs.probability[i],
            match_weight=pairs.match_weight[i],
            explanation=explanation_json(pairs, i),
        )
        for i in range(len(pairs))
    ]


def list_persons(
    uow: UnitOfWork,
    *,
    person_id: int | None = None,
    min_records: int = 1,
    limit: int | None = 50,
    offset: int = 0,
    viewer: str | None = None,
) -> list[PersonView]:
    """Active persons with their records and the scored pairs between them, the persons
    with most records first; or the one person ``person_id`` (retired ones too).

    ``viewer``: a person reading the names (the web pages); the view is written to the
    audit log with the persons shown. Counting (estimation) reads without a viewer.
    """
    with uow:
        if person_id is not None:
            status = uow.linkage.person_status(person_id)
            if status is None:
                raise LinkageNotFound(N_("no person %(person_id)s", person_id=person_id))
            wanted = [(person_id, 0)]
        else:
            wanted = uow.linkage.person_ids(min_records=min_records, limit=limit, offset=offset)
        out = []
        for pid, _ in wanted:
            record_ids = uow.linkage.person_records(pid)
            inside = set(record_ids)
            links = [
                link
                for link in uow.linkage.links(record_ids)
                if link.record_a in inside and link.record_b in inside
            ]
            out.append(
                PersonView(
                    id=pid,
                    status=uow.linkage.person_status(pid) or "active",
                    records=uow.lists.records(record_ids),
                    links=links,
                )
            )
        if viewer is not None:
            _audit_view(uow, viewer, "person", person_id, [p.id for p in out])
        return out


def _audit_view(
    uow: UnitOfWork, viewer: str, entity: str, one: int | None, shown: list[int]
) -> None:
    """Write that ``viewer`` read the names of these persons (or pairs), and commit."""
    uow.audit.append(
        at=datetime.now(UTC),
        actor=viewer.strip() or "unknown",
        action="view",
        entity=entity,
        entity_id=one if one is not None else "list",
        after={"shown": shown[:_AUDIT_SHOWN]},
    )
    uow.commit()


def list_runs(uow: UnitOfWork, *, limit: int | None = 20, offset: int = 0) -> list[StoredRun]:
    """The linkage runs, the newest first, each with its settings and summary."""
    with uow:
        return uow.linkage.runs(limit=limit, offset=offset)


def pair_decisions(uow: UnitOfWork, record_ids: Sequence[int]) -> list[PairReview]:
    """The human decisions (confirm or split) on pairs among these records, oldest first."""
    with uow:
        return uow.linkage.decided_between(record_ids)


def persons_of_records(uow: UnitOfWork, record_ids: Sequence[int]) -> dict[int, int]:
    """Record id -> the person it is in now (records not linked yet are left out)."""
    with uow:
        return uow.linkage.persons_of(record_ids)


def review_queue(
    uow: UnitOfWork,
    *,
    limit: int | None = 20,
    offset: int = 0,
    viewer: str | None = None,
    calibration_only: bool = False,
) -> list[QueuedPair]:
    """Pairs waiting for a human, the most uncertain first, with both records
    (``viewer`` as for :func:`list_persons`: the records shown are audited); with
    ``calibration_only`` the pairs of a calibration sample only."""
    with uow:
        pending = uow.linkage.reviews(
            "pending", limit=limit, offset=offset, calibration_only=calibration_only
        )
        wanted = [r for p in pending for r in (p.record_a, p.record_b)]
        records = {s.id: s for s in uow.lists.records(wanted)}
        if viewer is not None:
            _audit_view(uow, viewer, "list_record", None, wanted)
        return [QueuedPair(p, records[p.record_a], records[p.record_b]) for p in pending]


def decide_pair(
    uow: UnitOfWork,
    record_a: int,
    record_b: int,
    decision: Decision,
    *,
    actor: str,
    reason: str | None = None,
) -> PairReview:
    """A human says two records are the same person (``confirm``) or not (``split``).

    The decision is stored and audited, persons are re-formed from the stored links at
    once, and every later ``link`` keeps it. A split needs a reason.
    """
    if decision not in ("confirm", "split"):
        raise LinkageError(
            N_("decide 'confirm' or 'split', not %(decision)s", decision=repr(decision))
        )
    if not actor or not actor.strip():
        raise LinkageError(N_("say who decides: an actor is needed"))
    if decision == "split" and not (reason and reason.strip()):
        raise LinkageError(N_("a reason is needed to split a pair"))
    if record_a == record_b:
        raise LinkageError(N_("a record is always the same person as itself"))
    at = datetime.now(UTC)
    with uow:
        for record in (record_a, record_b):
            if not uow.lists.exists(record):
                raise LinkageNotFound(N_("no list record %(record)s", record=record))
        before = uow.linkage.review(record_a, record_b)
        link = uow.linkage.link(record_a, record_b)
        status = "confirmed" if decision == "confirm" else "split"
        decided = uow.linkage.decide(
            record_a,
            record_b,
            status,
            actor=actor.strip(),
            reason=reason.strip() if reason else None,
            at=at,
            probability=link.probability if link else None,
            explanation=link.explanation if link else None,
        )
        _recluster(uow, at)
        uow.audit.append(
            at=at,
            actor=actor.strip(),
            action=decision,
            entity="record_pair",
            entity_id=f"{decided.record_a}-{decided.record_b}",
            before={"status": before.status} if before is not None else None,
            after={"status": status, "reason": decided.reason},
        )
        uow.commit()
        return decided


def _recluster(uow: UnitOfWork, at: datetime) -> None:
    """Re-form the persons from the latest run's stored links and every decision."""
    run = uow.linkage.latest_run()
    threshold = run.threshold if run is not None else DEFAULT_THRESHOLD
    low = run.review_low if run is not None else DEFAULT_REVIEW[0]
    links = [link for link in uow.linkage.links() if link.probability >= low]
    confirmed, split = uow.linkage.decisions()
    with_duplicates = uow.lists.lists_with_duplicates()
    lists_of = uow.lists.record_lists()
    clustering = cluster_pairs(
        sorted(lists_of),
        [link.record_a for link in links],
        [link.record_b for link in links],
        [link.probability for link in links],
        threshold,
        must_link=confirmed,
        cannot_link=split,
        exclusive={r: name for r, name in lists_of.items() if name not in with_duplicates},
    )
    assigned, retired = keep_identities(clustering.clusters(), uow.linkage.membership())
    uow.linkage.save_persons(assigned, retired, at=at)
