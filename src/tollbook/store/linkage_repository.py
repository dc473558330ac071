"""The repository of linkage: models, runs, links, persons and pair reviews."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from tollbook.store.list_tables import (
    LinkageModelRow,
    LinkRunRow,
    PairReviewRow,
    PersonRecordRow,
    PersonRow,
    RecordLinkRow,
)

_CHUNK = 5_000


@dataclass(frozen=True)
class StoredRun:
    """One linkage run: its settings, when and by whom, and its summary."""

    id: int
    engine: str
    model_id: int
    threshold: float
    review_low: float
    review_high: float
    started_at: datetime
    finished_at: datetime | None
    actor: str | None
    summary: dict[str, Any]


@dataclass(frozen=True)
class StoredLink:
    record_a: int
    record_b: int
    probability: float
    match_weight: float
    explanation: dict[str, Any]


@dataclass(frozen=True)
class PairReview:
    """A pair in the review queue (``pending``) or decided by a human."""

    id: int
    record_a: int
    record_b: int
    status: str
    probability: float | None
    explanation: dict[str, Any] | None
    queued_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None
    calibration: bool = False


class LinkageRepository:
    """Models, runs, links, persons and pair reviews."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # --- models ---------------------------------------------------------------------

    def latest_model(
        self, columns: str | None, link_type: str
    ) -> tuple[int, dict[str, Any]] | None:
        """The newest model for data with these feature columns (None: any), with its id."""
        query = select(LinkageModelRow).where(LinkageModelRow.link_type == link_type)
        if columns is not None:
            query = query.where(LinkageModelRow.columns == columns)
        row = self._session.scalars(query.order_by(LinkageModelRow.id.desc()).limit(1)).first()
        return (row.id, dict(row.model)) if row is not None else None

    def add_model(
        self,
        model: dict[str, Any],
        *,
        engine: str,
        link_type: str,
        columns: str,
        trained_on: int,
        at: datetime,
        actor: str | None,
    ) -> int:
        row = LinkageModelRow(
            created_at=at,
            created_by=actor,
            engine=engine,
            link_type=link_type,
            columns=columns,
            trained_on=trained_on,
            model=model,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    # --- runs and links ---------------------------------------------------------------

    def add_run(
        self,
        *,
        engine: str,
        model_id: int,
        threshold: float,
        review_low: float,
        review_high: float,
        started_at: datetime,
        actor: str | None,
    ) -> int:
        row = LinkRunRow(
            engine=engine,
            model_id=model_id,
            threshold=threshold,
            review_low=review_low,
            review_high=review_high,
            started_at=started_at,
            actor=actor,
            summary={},
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def finish_run(self, run_id: int, *, finished_at: datetime, summary: dict[str, Any]) -> None:
        self._session.execute(
            update(LinkRunRow)
            .where(LinkRunRow.id == run_id)
            .values(finished_at=finished_at, summary=summary)
        )

    def latest_run(self) -> LinkRunRow | None:
        return self._session.scalars(
            select(LinkRunRow)
            .where(LinkRunRow.finished_at.is_not(None))
            .order_by(LinkRunRow.id.desc())
        ).first()

    def runs(self, *, limit: int | None = None, offset: int = 0) -> builtins.list[StoredRun]:
        """Runs, the newest first (one still running has no ``finished_at``)."""
        query = select(LinkRunRow).order_by(LinkRunRow.id.desc()).offset(offset).limit(limit)
        return [
            StoredRun(
                id=row.id,
                engine=row.engine,
                model_id=row.model_id,
                threshold=row.threshold,
                review_low=row.review_low,
                review_high=row.review_high,
                started_at=row.started_at,
                finished_at=row.finished_at,
                actor=row.actor,
                summary=dict(row.summary or {}),
            )
            for row in self._session.scalars(query)
        ]

    def replace_links(self, run_id: int, links: Iterable[StoredLink]) -> int:
        """The latest run's scored pairs replace the ones before."""
        self._session.execute(delete(RecordLinkRow))
        count = 0
        chunk: list[dict[str, Any]] = []
        for link in links:
            chunk.append(
                {
                    "run_id": run_id,
                    "record_a": link.record_a,
                    "record_b": link.record_b,
                    "probability": link.probability,
                    "match_weight": link.match_weight,
                    "explanation": link.explanation,
                }
            )
            if len(chunk) >= _CHUNK:
                self._session.execute(insert(RecordLinkRow), chunk)
                count += len(chunk)
                chunk = []
        if chunk:
            self._session.execute(insert(RecordLinkRow), chunk)
            count += len(chunk)
        self._session.flush()
        return count

    def links(self, record_ids: Sequence[int] | None = None) -> list[StoredLink]:
        """Scored pairs of the latest run (all, or those touching ``record_ids``)."""
        query = select(RecordLinkRow).order_by(RecordLinkRow.record_a, RecordLinkRow.record_b)
        if record_ids is not None:
            wanted = list(set(record_ids))
            query = query.where(
                RecordLinkRow.record_a.in_(wanted) | RecordLinkRow.record_b.in_(wanted)
            )
        return [
            StoredLink(r.record_a, r.record_b, r.probability, r.match_weight, dict(r.explanation))
            for r in self._session.scalars(query)
        ]

    def link(self, record_a: int, record_b: int) -> StoredLink | None:
        a, b = min(record_a, record_b), max(record_a, record_b)
        row = self._session.scalars(
            select(RecordLinkRow).where(RecordLinkRow.record_a == a, RecordLinkRow.record_b == b)
        ).first()
        if row is None:
            return None
        return StoredLink(a, b, row.probability, row.match_weight, dict(row.explanation))

    # --- persons ----------------------------------------------------------------------

    def membership(self) -> dict[int, int]:
        """Record id -> the active person it is in."""
        return dict(
            self._session.execute(select(PersonRecordRow.record_id, PersonRecordRow.person_id))
            .tuples()
            .all()
        )

    def persons_of(self, record_ids: Sequence[int]) -> dict[int, int]:
        """Record id -> its active person, for these records only."""
        wanted = sorted(set(record_ids))
        out: dict[int, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            query = select(PersonRecordRow.record_id, PersonRecordRow.person_id).where(
                PersonRecordRow.record_id.in_(wanted[start : start + _CHUNK])
            )
            out.update(self._session.execute(query).tuples().all())
        return out

    def save_persons(
        self,
        clusters: Sequence[tuple[int | None, Sequence[int]]],
        retired: Iterable[int],
        *,
        at: datetime,
    ) -> dict[int, int]:
        """Store the persons: each cluster keeps its person id or, with None, becomes a
        new person; ``retired`` persons have no records any more. Returns record ->
        person."""
        retired = list(retired)
        for start in range(0, len(retired), _CHUNK):
            self._session.execute(
                update(PersonRow)
                .where(PersonRow.id.in_(retired[start : start + _CHUNK]))
                .values(status="retired", updated_at=at)
            )
        self._session.execute(delete(PersonRecordRow))
        out: dict[int, int] = {}
        new_clusters = [members for person, members in clusters if person is None]
        next_id = int(self._session.scalar(select(func.max(PersonRow.id))) or 0) + 1
        rows = [
            {"id": next_id + i, "status": "active", "created_at": at, "updated_at": at}
            for i in range(len(new_clusters))
        ]
        for start in range(0, len(rows), _CHUNK):
            self._session.execute(insert(PersonRow), rows[start : start + _CHUNK])
        new_ids = iter(range(next_id, next_id + len(new_clusters)))
        for person, members in clusters:
            pid = person if person is not None else next(new_ids)
            for record in members:
                out[record] = pid
        memberships = [{"record_id": r, "person_id": p} for r, p in out.items()]
        for start in range(0, len(memberships), _CHUNK):
            self._session.execute(insert(PersonRecordRow), memberships[start : start + _CHUNK])
        kept = [person for person, _ in clusters if person is not None]
        for start in range(0, len(kept), _CHUNK):
            self._session.execute(
                update(PersonRow)
                .where(PersonRow.id.in_(kept[start : start + _CHUNK]))
                .values(status="active", updated_at=at)
            )
        self._session.flush()
        return out

    def person_ids(
        self, *, min_records: int = 1, limit: int | None = None, offset: int = 0
    ) -> builtins.list[tuple[int, int]]:
        """(person id, number of records) of active persons, largest first."""
        count = func.count(PersonRecordRow.record_id)
        query = (
            select(PersonRecordRow.person_id, count)
            .group_by(PersonRecordRow.person_id)
            .having(count >= min_records)
            .order_by(count.desc(), PersonRecordRow.person_id)
            .offset(offset)
            .limit(limit)
        )
        return [(int(p), int(n)) for p, n in self._session.execute(query).tuples()]

    def person_records(self, person_id: int) -> builtins.list[int]:
        return list(
            self._session.scalars(
                select(PersonRecordRow.record_id)
                .where(PersonRecordRow.person_id == person_id)
                .order_by(PersonRecordRow.record_id)
            )
        )

    def person_status(self, person_id: int) -> str | None:
        return self._session.scalar(select(PersonRow.status).where(PersonRow.id == person_id))

    def count_persons(self) -> int:
        return int(
            self._session.scalar(
                select(func.count()).select_from(PersonRow).where(PersonRow.status == "active")
            )
            or 0
        )

    # --- pair reviews -----------------------------------------------------------------

    def replace_pending(self, pending: Iterable[StoredLink], *, at: datetime) -> int:
        """The review queue becomes ``pending`` (pairs decided already, and the pending
        pairs of a calibration sample, are left as they are)."""
        self._session.execute(
            delete(PairReviewRow).where(
                PairReviewRow.status == "pending", PairReviewRow.calibration.is_(False)
            )
        )
        decided = {
            (a, b)
            for a, b in self._session.execute(
                select(PairReviewRow.record_a, PairReviewRow.record_b)
            ).tuples()
        }
        rows = [
            {
                "record_a": link.record_a,
                "record_b": link.record_b,
                "status": "pending",
                "probability": link.probability,
                "explanation": link.explanation,
                "queued_at": at,
            }
            for link in pending
            if (link.record_a, link.record_b) not in decided
        ]
        for start in range(0, len(rows), _CHUNK):
            self._session.execute(insert(PairReviewRow), rows[start : start + _CHUNK])
        self._session.flush()
        return len(rows)

    def reviews(
        self,
        status: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        calibration_only: bool = False,
    ) -> builtins.list[PairReview]:
        query = select(PairReviewRow)
        if calibration_only:
            query = query.where(PairReviewRow.calibration.is_(True))
        if status is not None:
            query = query.where(PairReviewRow.status == status)
        if status == "pending":
            # the most uncertain first: closest to an even chance
            query = query.order_by(func.abs(PairReviewRow.probability - 0.5), PairReviewRow.id)
        else:
            query = query.order_by(PairReviewRow.id)
        query = query.offset(offset).limit(limit)
        return [_review(row) for row in self._session.scalars(query)]

    def decided_between(self, record_ids: Sequence[int]) -> builtins.list[PairReview]:
        """The human decisions on pairs of these records (both records among them)."""
        wanted = sorted(set(record_ids))
        if len(wanted) < 2:
            return []
        query = (
            select(PairReviewRow)
            .where(
                PairReviewRow.status != "pending",
                PairReviewRow.record_a.in_(wanted),
                PairReviewRow.record_b.in_(wanted),
            )
            .order_by(PairReviewRow.id)
        )
        return [_review(row) for row in self._session.scalars(query)]

    def review(self, record_a: int, record_b: int) -> PairReview | None:
        a, b = min(record_a, record_b), max(record_a, record_b)
        row = self._session.scalars(
            select(PairReviewRow).where(PairReviewRow.record_a == a, PairReviewRow.record_b == b)
        ).first()
        return _review(row) if row is not None else None

    def decide(
        self,
        record_a: int,
        record_b: int,
        status: str,
        *,
        actor: str,
        reason: str | None,
        at: datetime,
        probability: float | None,
        explanation: dict[str, Any] | None,
    ) -> PairReview:
        """Record a human decision on a pair (a queued pair or any other)."""
        a, b = min(record_a, record_b), max(record_a, record_b)
        row = self._session.scalars(
            select(PairReviewRow).where(PairReviewRow.record_a == a, PairReviewRow.record_b == b)
        ).first()
        if row is None:
            row = PairReviewRow(
                record_a=a,
                record_b=b,
                probability=probability,
                explanation=explanation,
                queued_at=at,
                status=status,
            )
            self._session.add(row)
        row.status = status
        row.decided_by = actor
        row.decided_at = at
        row.reason = reason
        self._session.flush()
        return _review(row)

    def queue_calibration(self, pairs: Iterable[StoredLink], *, at: datetime) -> int:
        """Queue these pairs as a calibration sample: a pending pair is marked, a pair not
        queued is added pending and marked, a decided pair is left (returns how many
        were queued or marked)."""
        count = 0
        for link in pairs:
            a, b = min(link.record_a, link.record_b), max(link.record_a, link.record_b)
            pair = (PairReviewRow.record_a == a, PairReviewRow.record_b == b)
            row = self._session.scalars(select(PairReviewRow).where(*pair)).first()
            if row is None:
                row = PairReviewRow(
                    record_a=a,
                    record_b=b,
                    status="pending",
                    probability=link.probability,
                    explanation=link.explanation,
                    queued_at=at,
                )
                self._session.add(row)
            elif row.status != "pending" or row.calibration:
                continue
            row.calibration = True
            count += 1
        self._session.flush()
        return count

    def calibration_decided(self) -> set[tuple[int, int]]:
        """The pairs of a calibration sample a human has decided."""
        query = select(PairReviewRow.record_a, PairReviewRow.record_b).where(
            PairReviewRow.status != "pending", PairReviewRow.calibration.is_(True)
        )
        return {(a, b) for a, b in self._session.execute(query).tuples()}

    def decisions(self) -> tuple[builtins.list[tuple[int, int]], builtins.list[tuple[int, int]]]:
        """(confirmed pairs, split pairs): the human decisions clustering must keep."""
        confirmed: list[tuple[int, int]] = []
        split: list[tuple[int, int]] = []
        query = select(PairReviewRow.record_a, PairReviewRow.record_b, PairReviewRow.status).where(
            PairReviewRow.status != "pending"
        )
        for a, b, status in self._session.execute(query).tuples():
            (confirmed if status == "confirmed" else split).append((a, b))
        return confirmed, split


def _review(row: PairReviewRow) -> PairReview:
    return PairReview(
        id=row.id,
        record_a=row.record_a,
        record_b=row.record_b,
        status=row.status,
        probability=row.probability,
        explanation=dict(row.explanation) if row.explanation is not None else None,
        queued_at=row.queued_at,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        reason=row.reason,
        calibration=bool(row.calibration),
    )
