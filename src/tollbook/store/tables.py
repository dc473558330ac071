"""The database tables, as typed SQLAlchemy declarative models.

Rows are mapped to and from the domain types in :mod:`tollbook.store.mapping`; nothing
outside ``tollbook.store`` sees these classes. The schema itself is created and changed
only by the migrations, which must agree with these models (a test checks it).
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
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tollbook.domain.claim import KINDS, OUTCOMES, QUALIFIERS, SCOPES
from tollbook.domain.incident import GRADES, OVERRIDE_ACTIONS, REVIEW_STATUSES
from tollbook.store.column_types import UTCDateTime

#: An incident row is ``active`` while its grouping is current; ``retired`` when a
#: later reconciliation no longer has it (rows are kept so audit entries still resolve).
INCIDENT_STATUSES: tuple[str, ...] = ("active", "retired")

#: Constraint names are spelled out so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def one_of(column: str, values: tuple[str, ...]) -> str:
    """SQL for a CHECK that ``column`` holds one of ``values``."""
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ReportRow(Base):
    """A report (article, statement) as it came in; its text is stored once."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    #: Where the text came from, e.g. ``articles.jsonl:12``; empty when the caller gave none.
    source: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ingested_by: Mapped[str | None] = mapped_column(Text)
    #: Who published the report (an outlet or agency); reports with none are each
    #: treated as an independent source of their own. Added in revision 0002.
    publisher: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    """One casualty claim (CLAIMS.md) with its provenance and review status."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(one_of("outcome", OUTCOMES), name="outcome"),
        CheckConstraint(one_of("qualifier", QUALIFIERS), name="qualifier"),
        CheckConstraint(one_of("scope", SCOPES), name="scope"),
        CheckConstraint(one_of("kind", KINDS), name="kind"),
        CheckConstraint(one_of("review_status", REVIEW_STATUSES), name="review_status"),
        CheckConstraint("low IS NULL OR low >= 0", name="low_not_negative"),
        CheckConstraint("high IS NULL OR high >= 0", name="high_not_negative"),
        CheckConstraint("low IS NULL OR high IS NULL OR low <= high", name="low_le_high"),
        CheckConstraint(
            "evidence_start IS NULL OR evidence_start >= 0", name="evidence_start_not_negative"
        ),
        Index("ix_claims_place", "place"),
        Index("ix_claims_place_key", "place_key"),
        Index("ix_claims_outcome", "outcome"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="RESTRICT"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(32))
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(32))
    victims: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    #: ``place`` case-folded in Python, for case-insensitive matching of any script
    #: (SQL ``lower()`` folds only ASCII on SQLite and in the C locale).
    place_key: Mapped[str | None] = mapped_column(Text)
    #: The claim's ``when`` as written: ``YYYY-MM-DD`` or ``YYYY-MM-DD/YYYY-MM-DD``.
    when_text: Mapped[str | None] = mapped_column(Text)
    when_start: Mapped[date | None] = mapped_column(Date)
    when_end: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    attributed_to: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(Text)
    review_status: Mapped[str] = mapped_column(
        String(16), default="unreviewed", server_default="unreviewed"
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: The claim of the same report this one is part of ("including 11 children" of
    #: "180 civilians"), as the extractor linked them. Added in revision 0009.
    part_of_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)


class AuditRow(Base):
    """One change, by whom and when, with the entity before and after. Append-only:
    the migrations add triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_audit_log_entity", "entity", "entity_id"),
        # the newest entry of one kind (see services.audit.counting_version)
        Index("ix_audit_log_entity_order", "entity", "id"),
    )


class ClaimReviewRow(Base):
    """The latest human review of a claim (the history is in the audit log).

    ``extracted`` keeps the machine's values from before the first edit.
    """

    __tablename__ = "claim_reviews"
    __table_args__ = (CheckConstraint(one_of("status", REVIEW_STATUSES), name="status"),)

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="RESTRICT"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str] = mapped_column(Text)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    extracted: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class IncidentRow(Base):
    """An incident's stable identity; its figures are recomputed from its claims."""

    __tablename__ = "incidents"
    __table_args__ = (
        CheckConstraint(one_of("outcome", OUTCOMES), name="outcome"),
        CheckConstraint(one_of("status", INCIDENT_STATUSES), name="status"),
        Index("ix_incidents_place_key", "place_key"),
        Index("ix_incidents_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    place: Mapped[str | None] = mapped_column(Text)
    place_key: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class IncidentClaimRow(Base):
    """Which active incident a claim is counted in (at most one)."""

    __tablename__ = "incident_claims"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="RESTRICT"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="RESTRICT"), index=True
    )


class OverrideRow(Base):
    """A human decision on a grouping: merge, split, ungroup, confirm or grade.

    Never changed once written; a later override can undo an earlier one.
    """

    __tablename__ = "incident_overrides"
    __table_args__ = (
        CheckConstraint(one_of("action", OVERRIDE_ACTIONS), name="action"),
        CheckConstraint("grade IS NULL OR " + one_of("grade", GRADES), name="grade"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16))
    grade: Mapped[str | None] = mapped_column(String(32))
    #: The stored incident the decision was made on, if any.
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="RESTRICT"), index=True
    )
    reason: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OverrideClaimRow(Base):
    """The claims an override names."""

    __tablename__ = "incident_override_claims"

    override_id: Mapped[int] = mapped_column(
        ForeignKey("incident_overrides.id", ondelete="RESTRICT"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


# The other areas' tables, so that Alembic and metadata see every table.
from tollbook.store import (  # noqa: E402,F401
    account_tables,
    estimate_tables,
    job_tables,
    list_tables,
    registry_tables,
    sync_tables,
)
