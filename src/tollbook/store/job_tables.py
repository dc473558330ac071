"""Long work in the background: linkage runs and estimates started from the web (0008).

One row per job. ``active`` is 1 while the job runs and NULL afterwards; with the unique
constraint on ``(kind, active)`` the database itself lets only one job of a kind run at
a time, whichever process (web worker or command line) starts it. ``heartbeat_at`` moves
with each progress step, so a job whose process died is known by its silence.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tollbook.store.column_types import UTCDateTime
from tollbook.store.tables import Base, one_of

JOB_KINDS: tuple[str, ...] = ("linkage", "estimate")
JOB_STATUSES: tuple[str, ...] = ("running", "done", "failed")


class JobRow(Base):
    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(one_of("kind", JOB_KINDS), name="kind"),
        CheckConstraint(one_of("status", JOB_STATUSES), name="status"),
        CheckConstraint("active IS NULL OR active = 1", name="active"),
        UniqueConstraint("kind", "active"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    #: 1 while running (one per kind), NULL once done or failed
    active: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the latest step, in words ("scoring pairs", "stratum 3 of 12" ...)
    progress: Mapped[str] = mapped_column(Text)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: what it made: {"link_run_id": 4} or {"estimate_id": 9}, with a summary
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
