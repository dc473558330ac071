"""Tables for named lists of the dead and the persons linked from them (revision 0003).

A list's records keep their list, import, row and every original value; the linkage
keeps its trained models, each run, the links it found with each field's match weight,
the persons (clusters of records), and the pairs a human confirmed or split (the review
queue holds the pairs still waiting).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from tollbook.store.column_types import UTCDateTime
from tollbook.store.tables import Base, one_of

PERSON_STATUSES: tuple[str, ...] = ("active", "retired")
PAIR_STATUSES: tuple[str, ...] = ("pending", "confirmed", "split")


class NamedListRow(Base):
    """A named list: a morgue register, burial records, a family's reports ..."""

    __tablename__ = "named_lists"
    __table_args__ = (CheckConstraint("has_duplicates IN (0, 1)", name="has_duplicates"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(Text)
    #: 1 when the list may name one person twice (revision 0010): only then are its
    #: records linked to each other
    has_duplicates: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ListImportRow(Base):
    """One file imported into a list, with its column mapping and what came of it."""

    __tablename__ = "list_imports"
    __table_args__ = (
        # the same file lands once in a list, whatever races (two imports at once, a
        # double click); imports duplicated before this rule are marked, not removed, and
        # an undone import (revision 0014) no longer counts
        Index(
            "uq_list_imports_list_file",
            "list_id",
            "file_sha256",
            unique=True,
            sqlite_where=text("duplicate_of IS NULL AND undone_at IS NULL"),
            postgresql_where=text("duplicate_of IS NULL AND undone_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("named_lists.id", ondelete="RESTRICT"), index=True
    )
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    rows_read: Mapped[int] = mapped_column(Integer)
    rows_imported: Mapped[int] = mapped_column(Integer)
    rows_rejected: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[str | None] = mapped_column(Text)
    #: what the import noted (revision 0010): {"unused_columns": [...]}
    notes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: an earlier import of the same file into the same list (set only by migration
    #: 0011, for imports made twice before the rule against it)
    duplicate_of: Mapped[int | None] = mapped_column(Integer)
    #: when and by whom the import was undone (revision 0014): its records were taken out
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[str | None] = mapped_column(Text)


class ListRecordRow(Base):
    """One record of a list: its values as mapped, the row as it was, and the name
    normalised for linkage."""

    __tablename__ = "list_records"
    __table_args__ = (
        UniqueConstraint("import_id", "row"),
        CheckConstraint("sex IS NULL OR sex IN ('M', 'F')", name="sex"),
        CheckConstraint("row >= 1", name="row_positive"),
        Index("ix_list_records_family_key", "family_key"),
        Index("ix_list_records_row_key", "list_id", "row_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("named_lists.id", ondelete="RESTRICT"), index=True
    )
    import_id: Mapped[int] = mapped_column(ForeignKey("list_imports.id", ondelete="RESTRICT"))
    #: the row as a spreadsheet numbers it (the header is row 1)
    row: Mapped[int] = mapped_column(Integer)
    #: the list's own identifier of the record, if it has one
    record_id: Mapped[str | None] = mapped_column(Text)
    #: the record's stable key in its file (revision 0014): ``id:`` and the file's own id,
    #: else ``row:`` and a hash of the row's content; a corrected file updates by it
    row_key: Mapped[str | None] = mapped_column(String(128))
    family_name: Mapped[str | None] = mapped_column(Text)
    given_name: Mapped[str | None] = mapped_column(Text)
    patronymic: Mapped[str | None] = mapped_column(Text)
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column(Integer)
    death_date: Mapped[date | None] = mapped_column(Date)
    district: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    #: every column of the row as read
    original: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: mapped values that could not be read (a lenient import kept the row)
    unread: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the name normalised (tollbook.names), for search and for showing a link
    family_latin: Mapped[str | None] = mapped_column(Text)
    family_key: Mapped[str | None] = mapped_column(Text)
    given_latin: Mapped[str | None] = mapped_column(Text)
    given_key: Mapped[str | None] = mapped_column(Text)
    patronymic_key: Mapped[str | None] = mapped_column(Text)
    sex_inferred: Mapped[str | None] = mapped_column(String(1))
    names_swapped: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    normaliser_version: Mapped[str] = mapped_column(String(16))


class LinkageModelRow(Base):
    """A trained linkage model (Splink's settings with every m and u probability)."""

    __tablename__ = "linkage_models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(Text)
    engine: Mapped[str] = mapped_column(String(16))
    link_type: Mapped[str] = mapped_column(String(32))
    #: the feature columns it compares, sorted and space-separated
    columns: Mapped[str] = mapped_column(Text)
    trained_on: Mapped[int] = mapped_column(Integer)
    model: Mapped[dict[str, Any]] = mapped_column(JSON)


class LinkRunRow(Base):
    """One run of ``tollbook link``: its settings and what it found."""

    __tablename__ = "link_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    actor: Mapped[str | None] = mapped_column(Text)
    engine: Mapped[str] = mapped_column(String(16))
    model_id: Mapped[int] = mapped_column(
        ForeignKey("linkage_models.id", ondelete="RESTRICT"), index=True
    )
    threshold: Mapped[float] = mapped_column(Float)
    review_low: Mapped[float] = mapped_column(Float)
    review_high: Mapped[float] = mapped_column(Float)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)


class RecordLinkRow(Base):
    """A scored pair of the latest run, with each field's match weight (why)."""

    __tablename__ = "record_links"
    __table_args__ = (
        UniqueConstraint("record_a", "record_b"),
        CheckConstraint("record_a < record_b", name="ordered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("link_runs.id", ondelete="RESTRICT"), index=True)
    record_a: Mapped[int] = mapped_column(ForeignKey("list_records.id", ondelete="RESTRICT"))
    record_b: Mapped[int] = mapped_column(
        ForeignKey("list_records.id", ondelete="RESTRICT"), index=True
    )
    probability: Mapped[float] = mapped_column(Float)
    match_weight: Mapped[float] = mapped_column(Float)
    #: {"fields": [{"field", "level", "weight"}, ...]}
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON)


class PersonRow(Base):
    """A person: the records linked as one. Kept when retired, so history resolves."""

    __tablename__ = "persons"
    __table_args__ = (CheckConstraint(one_of("status", PERSON_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PersonRecordRow(Base):
    """Which person each record is (every record is in exactly one active person)."""

    __tablename__ = "person_records"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("list_records.id", ondelete="RESTRICT"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )


class PairReviewRow(Base):
    """A pair of records for a human: ``pending`` in the review queue, or decided
    ``confirmed`` (the same person: always linked) or ``split`` (never linked)."""

    __tablename__ = "pair_reviews"
    __table_args__ = (
        UniqueConstraint("record_a", "record_b"),
        CheckConstraint("record_a < record_b", name="ordered"),
        CheckConstraint(one_of("status", PAIR_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_a: Mapped[int] = mapped_column(ForeignKey("list_records.id", ondelete="RESTRICT"))
    record_b: Mapped[int] = mapped_column(
        ForeignKey("list_records.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    #: the model's probability and explanation when queued (None: a human named the pair)
    probability: Mapped[float | None] = mapped_column(Float)
    explanation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    #: queued as one of a calibration sample (``tollbook lists review-sample``)
    calibration: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
