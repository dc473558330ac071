"""Tables of the registry of the dead: bodies, custody, photos, graves, morgues, the
missing, identifications and family notifications (revision 0005).

Rows are mapped to domain types in :mod:`tollbook.store.registry_repository`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from tollbook.domain.body import AGE_GROUPS, METHODS, STATUSES
from tollbook.store.column_types import UTCDateTime
from tollbook.store.tables import Base, one_of

#: Where a missing-person case stands.
CASE_STATUSES: tuple[str, ...] = ("open", "identified", "closed")
#: What may happen in a case's life after it is recorded (revision 0012).
CASE_EVENT_KINDS: tuple[str, ...] = (
    "found_alive",
    "identification_revoked",
    "reassigned",
    "body_released",
)
#: PFIF 1.4 note statuses.
NOTE_STATUSES: tuple[str, ...] = (
    "",
    "information_sought",
    "is_note_author",
    "believed_alive",
    "believed_missing",
    "believed_dead",
)


class GraveSiteRow(Base):
    __tablename__ = "grave_sites"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class TrenchRow(Base):
    __tablename__ = "trenches"
    __table_args__ = (
        CheckConstraint("length_m > 0", name="length_positive"),
        CheckConstraint("bearing_deg >= 0 AND bearing_deg <= 360", name="bearing_range"),
    )

    trench_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site: Mapped[str] = mapped_column(
        ForeignKey("grave_sites.code", ondelete="RESTRICT"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    length_m: Mapped[float] = mapped_column(Float)
    bearing_deg: Mapped[float] = mapped_column(Float)
    marker_lat: Mapped[float | None] = mapped_column(Float)
    marker_lon: Mapped[float | None] = mapped_column(Float)
    opened: Mapped[date | None] = mapped_column(Date)


class MorgueRow(Base):
    __tablename__ = "morgues"
    __table_args__ = (CheckConstraint("capacity >= 0", name="capacity_not_negative"),)

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    capacity: Mapped[int] = mapped_column(Integer)


class BodyRow(Base):
    """A body or a separate body part; its description, status and present location."""

    __tablename__ = "bodies"
    __table_args__ = (
        CheckConstraint(one_of("status", STATUSES), name="status"),
        CheckConstraint(one_of("apparent_sex", ("M", "F", "")), name="apparent_sex"),
        CheckConstraint(one_of("apparent_age", (*AGE_GROUPS, "")), name="apparent_age"),
    )

    ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent_ref: Mapped[str | None] = mapped_column(
        ForeignKey("bodies.ref", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    #: ``morgue:CODE``, ``grave:TRENCH`` or a free place (``family``, ``lab``).
    location: Mapped[str] = mapped_column(Text, index=True)
    apparent_sex: Mapped[str] = mapped_column(String(1))
    apparent_age: Mapped[str] = mapped_column(String(16))
    height_cm: Mapped[int | None] = mapped_column(Integer)
    clothing: Mapped[list[str]] = mapped_column(JSON)
    marks: Mapped[list[str]] = mapped_column(JSON)
    effects: Mapped[list[str]] = mapped_column(JSON)
    condition: Mapped[str] = mapped_column(Text)
    wrapped_in: Mapped[str] = mapped_column(Text)
    recovered_place: Mapped[str] = mapped_column(Text)
    recovered_district: Mapped[str] = mapped_column(Text)
    recovered_on: Mapped[date | None] = mapped_column(Date)
    team: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)


class GravePositionRow(Base):
    __tablename__ = "grave_positions"
    __table_args__ = (
        UniqueConstraint("trench_id", "position"),
        CheckConstraint("distance_m >= 0", name="distance_not_negative"),
        CheckConstraint("position >= 1", name="position_positive"),
    )

    ref: Mapped[str] = mapped_column(
        ForeignKey("bodies.ref", ondelete="RESTRICT"), primary_key=True
    )
    trench_id: Mapped[str] = mapped_column(
        ForeignKey("trenches.trench_id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    distance_m: Mapped[float] = mapped_column(Float)
    buried_on: Mapped[date | None] = mapped_column(Date)


class CustodyEventRow(Base):
    """One movement in a body's chain of custody (appended, never changed)."""

    __tablename__ = "custody_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(ForeignKey("bodies.ref", ondelete="RESTRICT"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(Text)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    from_location: Mapped[str] = mapped_column(Text)
    to_location: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class BodyPhotoRow(Base):
    __tablename__ = "body_photos"
    __table_args__ = (UniqueConstraint("ref", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(ForeignKey("bodies.ref", ondelete="RESTRICT"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    added_by: Mapped[str] = mapped_column(Text)


class MissingReportRow(Base):
    """A family's report of a missing person, with the consent they gave."""

    __tablename__ = "missing_reports"
    __table_args__ = (
        CheckConstraint(one_of("status", CASE_STATUSES), name="status"),
        CheckConstraint(one_of("sex", ("M", "F", "")), name="sex"),
    )

    report_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    reported_on: Mapped[date | None] = mapped_column(Date)
    relation: Mapped[str] = mapped_column(Text)
    family_name: Mapped[str] = mapped_column(Text)
    given_name: Mapped[str] = mapped_column(Text)
    patronymic: Mapped[str] = mapped_column(Text)
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column(Integer)
    last_seen_date: Mapped[date | None] = mapped_column(Date)
    last_seen_place: Mapped[str] = mapped_column(Text)
    height_cm: Mapped[int | None] = mapped_column(Integer)
    clothing: Mapped[list[str]] = mapped_column(JSON)
    marks: Mapped[list[str]] = mapped_column(JSON)
    effects: Mapped[list[str]] = mapped_column(JSON)
    #: revision 0014: the family's own words, other names, a partial birth date, and the
    #: other PFIF person fields as written
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    alternate_names: Mapped[list[str] | None] = mapped_column(JSON)
    birth_date_text: Mapped[str] = mapped_column(String(10), default="", server_default="")
    pfif_fields: Mapped[dict[str, str] | None] = mapped_column(JSON)
    contact: Mapped[str] = mapped_column(Text)
    consent: Mapped[list[str]] = mapped_column(JSON)
    liaison: Mapped[str] = mapped_column(Text, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)


class IdentificationRow(Base):
    """A match confirmed by a forensic user: this body is the person of this report."""

    __tablename__ = "identifications"
    __table_args__ = (CheckConstraint(one_of("method", METHODS), name="method"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(
        ForeignKey("bodies.ref", ondelete="RESTRICT"), unique=True, index=True
    )
    report_id: Mapped[str] = mapped_column(
        ForeignKey("missing_reports.report_id", ondelete="RESTRICT"), unique=True, index=True
    )
    method: Mapped[str] = mapped_column(String(16))
    confirmed_by: Mapped[str] = mapped_column(Text)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text)


class FamilyNotificationRow(Base):
    """The family was told, by a family-liaison worker (never automatically)."""

    __tablename__ = "family_notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identification_id: Mapped[int] = mapped_column(
        ForeignKey("identifications.id", ondelete="RESTRICT"), unique=True, index=True
    )
    notified_by: Mapped[str] = mapped_column(Text)
    notified_at: Mapped[datetime] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text)


class MissingNoteRow(Base):
    """A PFIF note about a missing person (imported, or written here)."""

    __tablename__ = "missing_notes"
    __table_args__ = (CheckConstraint(one_of("status", NOTE_STATUSES), name="status"),)

    note_record_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    report_id: Mapped[str] = mapped_column(
        ForeignKey("missing_reports.report_id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(32))
    author_name: Mapped[str] = mapped_column(Text)
    entry_date: Mapped[datetime | None] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON)


class CaseEventRow(Base):
    """One step in a case's life (appended, never changed); ``alerted``: the family
    liaison this event is an alert for ("" none)."""

    __tablename__ = "case_events"
    __table_args__ = (CheckConstraint(one_of("kind", CASE_EVENT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(
        ForeignKey("missing_reports.report_id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    alerted: Mapped[str] = mapped_column(Text, index=True)
