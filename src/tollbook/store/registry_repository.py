"""Reading and writing the registry tables: bodies, custody, photos, graves, morgues, the
missing and identifications.

The unit of work (:class:`~tollbook.store.unit_of_work.UnitOfWork`) binds
:class:`RegistryRepository` and the audit log to one session, so a change and its audit
entry are committed together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tollbook.domain.body import Body, CustodyEvent, Description, Photo
from tollbook.domain.grave import GravePosition, Morgue
from tollbook.domain.missing import MissingReport
from tollbook.store.grave_repository import GraveRepository, position_of
from tollbook.store.registry_tables import (
    BodyPhotoRow,
    BodyRow,
    CaseEventRow,
    CustodyEventRow,
    FamilyNotificationRow,
    GravePositionRow,
    IdentificationRow,
    MissingNoteRow,
    MissingReportRow,
    MorgueRow,
    TrenchRow,
)
from tollbook.store.report_changes import report_extras, row_extras


@dataclass(frozen=True)
class StoredBody:
    body: Body
    status: str
    location: str


@dataclass(frozen=True)
class StoredMissingReport:
    report: MissingReport
    status: str
    #: when and by whom it was recorded here
    created_at: datetime | None = None
    created_by: str = ""


@dataclass(frozen=True)
class Identification:
    id: int
    ref: str
    report_id: str
    method: str
    confirmed_by: str
    confirmed_at: datetime
    score: float | None
    notified_at: datetime | None
    notified_by: str | None


@dataclass(frozen=True)
class StoredCaseEvent:
    report_id: str
    kind: str
    at: datetime
    actor: str
    detail: dict[str, Any]
    alerted: str


@dataclass(frozen=True)
class Note:
    note_record_id: str
    report_id: str
    status: str
    author_name: str
    entry_date: datetime | None
    text: str


def _body(row: BodyRow) -> StoredBody:
    description = Description(
        apparent_sex=row.apparent_sex,
        apparent_age=row.apparent_age,
        height_cm=row.height_cm,
        clothing=tuple(row.clothing),
        marks=tuple(row.marks),
        effects=tuple(row.effects),
        condition=row.condition,
        wrapped_in=row.wrapped_in,
    )
    body = Body(
        ref=row.ref,
        description=description,
        recovered_place=row.recovered_place,
        recovered_district=row.recovered_district,
        recovered_on=row.recovered_on,
        team=row.team,
        parent_ref=row.parent_ref,
        label=row.label,
        notes=row.notes,
    )
    return StoredBody(body, row.status, row.location)


def _report(row: MissingReportRow) -> StoredMissingReport:
    report = MissingReport(
        report_id=row.report_id,
        reported_on=row.reported_on,
        relation=row.relation,
        family_name=row.family_name,
        given_name=row.given_name,
        patronymic=row.patronymic,
        sex=row.sex,
        birth_date=row.birth_date,
        age=row.age,
        last_seen_date=row.last_seen_date,
        last_seen_place=row.last_seen_place,
        height_cm=row.height_cm,
        clothing=tuple(row.clothing),
        marks=tuple(row.marks),
        effects=tuple(row.effects),
        **report_extras(row),
        contact=row.contact,
        consent=tuple(row.consent),
        liaison=row.liaison,
    )
    return StoredMissingReport(report, row.status, row.created_at, row.created_by)


class RegistryRepository(GraveRepository):
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- bodies -------------------------------------------------------------------------
    def add_body(
        self, body: Body, *, status: str, location: str, at: datetime, by: str
    ) -> StoredBody:
        d = body.description
        row = BodyRow(
            ref=body.ref,
            parent_ref=body.parent_ref,
            status=status,
            location=location,
            apparent_sex=d.apparent_sex,
            apparent_age=d.apparent_age,
            height_cm=d.height_cm,
            clothing=list(d.clothing),
            marks=list(d.marks),
            effects=list(d.effects),
            condition=d.condition,
            wrapped_in=d.wrapped_in,
            recovered_place=body.recovered_place,
            recovered_district=body.recovered_district,
            recovered_on=body.recovered_on,
            team=body.team,
            label=body.label,
            notes=body.notes,
            created_at=at,
            created_by=by,
        )
        self._session.add(row)
        self._session.flush()
        return _body(row)

    def body(self, ref: str) -> StoredBody | None:
        row = self._session.get(BodyRow, ref)
        return None if row is None else _body(row)

    def bodies(self, *, status: str | None = None) -> list[StoredBody]:
        query = select(BodyRow).order_by(BodyRow.ref)
        if status is not None:
            query = query.where(BodyRow.status == status)
        return [_body(row) for row in self._session.scalars(query)]

    def body_refs(self) -> set[str]:
        return set(self._session.scalars(select(BodyRow.ref)))

    def parts_of(self, ref: str) -> list[str]:
        query = select(BodyRow.ref).where(BodyRow.parent_ref == ref).order_by(BodyRow.ref)
        return list(self._session.scalars(query))

    def set_status(self, ref: str, status: str, location: str) -> None:
        row = self._session.get(BodyRow, ref)
        if row is None:
            raise KeyError(ref)
        row.status, row.location = status, location
        self._session.flush()

    def add_custody(self, event: CustodyEvent) -> None:
        self._session.add(
            CustodyEventRow(
                ref=event.ref,
                at=event.at,
                actor=event.actor,
                from_status=event.from_status,
                to_status=event.to_status,
                from_location=event.from_location,
                to_location=event.to_location,
                reason=event.reason,
            )
        )
        self._session.flush()

    def custody(self, ref: str) -> list[CustodyEvent]:
        query = select(CustodyEventRow).where(CustodyEventRow.ref == ref)
        return [
            CustodyEvent(
                r.ref,
                r.at,
                r.actor,
                r.from_status,
                r.to_status,
                r.from_location,
                r.to_location,
                r.reason,
            )
            for r in self._session.scalars(query.order_by(CustodyEventRow.id))
        ]

    def add_photo(self, photo: Photo, *, at: datetime, by: str) -> bool:
        """Record a photo; False when the body has this photo already."""
        exists = self._session.scalar(
            select(BodyPhotoRow.id).where(
                BodyPhotoRow.ref == photo.ref, BodyPhotoRow.sha256 == photo.sha256
            )
        )
        if exists is not None:
            return False
        self._session.add(
            BodyPhotoRow(
                ref=photo.ref,
                sha256=photo.sha256,
                file_name=photo.file_name,
                media_type=photo.media_type,
                size=photo.size,
                caption=photo.caption,
                added_at=at,
                added_by=by,
            )
        )
        self._session.flush()
        return True

    def photos(self, ref: str) -> list[Photo]:
        query = select(BodyPhotoRow).where(BodyPhotoRow.ref == ref).order_by(BodyPhotoRow.id)
        return [
            Photo(r.ref, r.sha256, r.file_name, r.media_type, r.size, r.caption)
            for r in self._session.scalars(query)
        ]

    # --- graves (GraveRepository) and morgues -----------------------------------------
    def body_page(
        self, *, status: str | None, site: str | None, limit: int, offset: int
    ) -> list[tuple[StoredBody, GravePosition | None]]:
        """One page of bodies in reference order, each with its grave position; ``site``
        keeps the bodies that lie in a trench of that burial site."""
        query = (
            select(BodyRow, GravePositionRow)
            .outerjoin(GravePositionRow, GravePositionRow.ref == BodyRow.ref)
            .order_by(BodyRow.ref)
        )
        if status is not None:
            query = query.where(BodyRow.status == status)
        if site is not None:
            query = query.join(TrenchRow, TrenchRow.trench_id == GravePositionRow.trench_id)
            query = query.where(TrenchRow.site == site)
        rows = self._session.execute(query.limit(limit).offset(offset))
        return [(_body(b), None if p is None else position_of(p)) for b, p in rows]

    def photo(self, ref: str, sha256: str) -> Photo | None:
        r = self._session.scalar(
            select(BodyPhotoRow).where(BodyPhotoRow.ref == ref, BodyPhotoRow.sha256 == sha256)
        )
        return (
            None
            if r is None
            else Photo(r.ref, r.sha256, r.file_name, r.media_type, r.size, r.caption)
        )

    def put_morgue(self, morgue: Morgue) -> None:
        self._session.merge(MorgueRow(code=morgue.code, name=morgue.name, capacity=morgue.capacity))
        self._session.flush()

    def morgues(self) -> list[tuple[Morgue, int]]:
        """Every morgue with the number of bodies stored in it now."""
        rows = list(self._session.scalars(select(MorgueRow).order_by(MorgueRow.code)))
        query = (
            select(BodyRow.location, func.count())
            .where(BodyRow.status == "stored")
            .group_by(BodyRow.location)
        )
        counts = {str(location): int(n) for location, n in self._session.execute(query)}
        return [
            (Morgue(r.code, r.name, r.capacity), int(counts.get(f"morgue:{r.code}", 0)))
            for r in rows
        ]

    # --- the missing --------------------------------------------------------------------
    def add_report(self, report: MissingReport, *, at: datetime, by: str) -> None:
        self._session.add(
            MissingReportRow(
                report_id=report.report_id,
                status="open",
                reported_on=report.reported_on,
                relation=report.relation,
                family_name=report.family_name,
                given_name=report.given_name,
                patronymic=report.patronymic,
                sex=report.sex,
                birth_date=report.birth_date,
                age=report.age,
                last_seen_date=report.last_seen_date,
                last_seen_place=report.last_seen_place,
                height_cm=report.height_cm,
                clothing=list(report.clothing),
                marks=list(report.marks),
                effects=list(report.effects),
                **row_extras(report),
                contact=report.contact,
                consent=list(report.consent),
                liaison=report.liaison,
                created_at=at,
                created_by=by,
            )
        )
        self._session.flush()

    def report(self, report_id: str) -> StoredMissingReport | None:
        row = self._session.get(MissingReportRow, report_id)
        return None if row is None else _report(row)

    def reports(self, *, liaison: str | None = None) -> list[StoredMissingReport]:
        query = select(MissingReportRow).order_by(MissingReportRow.report_id)
        if liaison is not None:
            query = query.where(MissingReportRow.liaison == liaison)
        return [_report(row) for row in self._session.scalars(query)]

    def report_ids(self) -> set[str]:
        return set(self._session.scalars(select(MissingReportRow.report_id)))

    def set_report_status(self, report_id: str, status: str) -> None:
        row = self._session.get(MissingReportRow, report_id)
        if row is None:
            raise KeyError(report_id)
        row.status = status
        self._session.flush()

    def iter_body_rows(self) -> Iterator[tuple[StoredBody, GravePosition | None]]:
        """Every body with its grave position, for matching."""
        query = (
            select(BodyRow, GravePositionRow)
            .outerjoin(GravePositionRow, GravePositionRow.ref == BodyRow.ref)
            .order_by(BodyRow.ref)
        )
        for body, position in self._session.execute(query):
            yield _body(body), None if position is None else position_of(position)

    # --- identifications and notes ------------------------------------------------------
    def add_identification(
        self,
        ref: str,
        report_id: str,
        *,
        method: str,
        by: str,
        at: datetime,
        score: float | None,
        notes: str,
    ) -> Identification:
        row = IdentificationRow(
            ref=ref,
            report_id=report_id,
            method=method,
            confirmed_by=by,
            confirmed_at=at,
            score=score,
            notes=notes,
        )
        self._session.add(row)
        self._session.flush()
        return self._identification(row)

    def identification(
        self, *, ref: str | None = None, report_id: str | None = None
    ) -> Identification | None:
        query = select(IdentificationRow)
        if ref is not None:
            query = query.where(IdentificationRow.ref == ref)
        if report_id is not None:
            query = query.where(IdentificationRow.report_id == report_id)
        row = self._session.scalar(query)
        return None if row is None else self._identification(row)

    def identifications(self) -> list[Identification]:
        query = select(IdentificationRow).order_by(IdentificationRow.id)
        return [self._identification(row) for row in self._session.scalars(query)]

    def add_notification(
        self, identification_id: int, *, by: str, at: datetime, notes: str
    ) -> None:
        self._session.add(
            FamilyNotificationRow(
                identification_id=identification_id, notified_by=by, notified_at=at, notes=notes
            )
        )
        self._session.flush()

    def _identification(self, row: IdentificationRow) -> Identification:
        told = self._session.scalar(
            select(FamilyNotificationRow).where(FamilyNotificationRow.identification_id == row.id)
        )
        return Identification(
            row.id,
            row.ref,
            row.report_id,
            row.method,
            row.confirmed_by,
            row.confirmed_at,
            row.score,
            None if told is None else told.notified_at,
            None if told is None else told.notified_by,
        )

    def remove_identification(self, identification_id: int) -> None:
        """Delete a revoked identification and its notification (the case event and the
        audit entry keep what they said)."""
        told = select(FamilyNotificationRow).where(
            FamilyNotificationRow.identification_id == identification_id
        )
        for notification in self._session.scalars(told):
            self._session.delete(notification)
        self._session.flush()
        found = self._session.get(IdentificationRow, identification_id)
        if found is not None:
            self._session.delete(found)
        self._session.flush()

    def set_liaison(self, report_id: str, liaison: str) -> None:
        row = self._session.get(MissingReportRow, report_id)
        if row is None:
            raise KeyError(report_id)
        row.liaison = liaison
        self._session.flush()

    # --- the life of a case (revision 0012) ---------------------------------------------
    def add_case_event(self, event: StoredCaseEvent) -> None:
        self._session.add(
            CaseEventRow(
                report_id=event.report_id,
                kind=event.kind,
                at=event.at,
                actor=event.actor,
                detail=event.detail,
                alerted=event.alerted,
            )
        )
        self._session.flush()

    def case_events(
        self, report_id: str | None = None, *, alerted: str | None = None
    ) -> list[StoredCaseEvent]:
        query = select(CaseEventRow).order_by(CaseEventRow.id)
        if report_id is not None:
            query = query.where(CaseEventRow.report_id == report_id)
        if alerted is not None:
            query = query.where(CaseEventRow.alerted == alerted)
        return [_case_event(r) for r in self._session.scalars(query)]

    def add_note(self, note: Note, extra: dict[str, str]) -> bool:
        if self._session.get(MissingNoteRow, note.note_record_id) is not None:
            return False
        self._session.add(
            MissingNoteRow(
                note_record_id=note.note_record_id,
                report_id=note.report_id,
                status=note.status,
                author_name=note.author_name,
                entry_date=note.entry_date,
                text=note.text,
                extra=extra,
            )
        )
        self._session.flush()
        return True

    def notes(self, report_id: str) -> list[Note]:
        query = select(MissingNoteRow).where(MissingNoteRow.report_id == report_id)
        return [
            Note(r.note_record_id, r.report_id, r.status, r.author_name, r.entry_date, r.text)
            for r in self._session.scalars(query.order_by(MissingNoteRow.note_record_id))
        ]


def _case_event(r: CaseEventRow) -> StoredCaseEvent:
    return StoredCaseEvent(r.report_id, r.kind, r.at, r.actor, dict(r.detail), r.alerted)
