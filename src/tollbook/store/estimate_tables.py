"""Saved multiple systems estimates, with their provenance (revision 0006).

One row per estimate run and saved: where its overlap tables came from (the linked
persons of the database and the linkage run that made them, or a table file and its
SHA-256), the lists and strata, the method and its options, the tables and the report as
JSON, the warnings, and whether a person published or withdrew it. A row is never
rewritten except for its status (draft -> published -> withdrawn), and every change is in
the audit log. Rows are mapped in :mod:`tollbook.store.estimate_repository`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tollbook.store.column_types import UTCDateTime
from tollbook.store.tables import Base, one_of

#: Where a saved estimate stands.
ESTIMATE_STATUSES: tuple[str, ...] = ("draft", "published", "withdrawn")
#: Where its overlap tables came from.
ESTIMATE_SOURCES: tuple[str, ...] = ("database", "file")
#: Which methods were run.
ESTIMATE_METHODS: tuple[str, ...] = ("loglinear", "lcmcr", "all")


class EstimateRow(Base):
    __tablename__ = "estimates"
    __table_args__ = (
        CheckConstraint(one_of("status", ESTIMATE_STATUSES), name="status"),
        CheckConstraint(one_of("source", ESTIMATE_SOURCES), name="source"),
        CheckConstraint(one_of("method", ESTIMATE_METHODS), name="method"),
        CheckConstraint(
            "source = 'database' OR (file_name IS NOT NULL AND file_sha256 IS NOT NULL)",
            name="file_provenance",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str | None] = mapped_column(Text)
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    #: the linkage run whose persons were counted (source ``database``)
    link_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("link_runs.id", ondelete="RESTRICT"), index=True
    )
    #: list names, in the tables' order
    lists: Mapped[list[str]] = mapped_column(JSON)
    #: stratum columns (empty: the whole population)
    strata: Mapped[list[str]] = mapped_column(JSON)
    method: Mapped[str] = mapped_column(String(16))
    options: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: [{"stratum": {column: value}, "counts": [...]}] in canonical pattern order
    tables: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    warnings: Mapped[list[str]] = mapped_column(JSON)
    observed: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    published_by: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by: Mapped[str | None] = mapped_column(Text)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
