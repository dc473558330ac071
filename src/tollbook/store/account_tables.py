"""Tables of the web app: user accounts, login sessions and published tolls.

Declared on the same :class:`~tollbook.store.tables.Base` as the other tables (and
imported at the bottom of :mod:`tollbook.store.tables`), so the migrations check them
too; created by migration 0004.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from tollbook.store.column_types import UTCDateTime
from tollbook.store.tables import Base, one_of

#: The roles a user can have (see :mod:`tollbook.services.accounts`). Changing this
#: list needs a migration: the database checks it.
ROLES: tuple[str, ...] = ("admin", "recorder", "forensic", "family_liaison", "viewer")


class UserRow(Base):
    """A person who may log in. ``username_key`` is the name case-folded, unique."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(Text)
    username_key: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[str] = mapped_column(String(32))
    #: an argon2id hash (``$argon2id$...``); the password itself is never stored
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WebSessionRow(Base):
    """A login. The cookie holds a random token; only its SHA-256 is stored here, so a
    copy of the database gives no way into anyone's session."""

    __tablename__ = "web_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    #: the client address at login, for the audit trail
    client: Mapped[str | None] = mapped_column(Text)


class PublishedTollRow(Base):
    """A toll a person published: the aggregate figures as they stood, for everyone.

    Only aggregates are kept (no names, no evidence). A later publication of the same
    place, outcome and period supersedes it; a withdrawn one is no longer shown.
    """

    __tablename__ = "published_tolls"
    __table_args__ = (
        Index("ix_published_tolls_place_key", "place_key", "outcome"),
        CheckConstraint(
            "period_start IS NULL OR period_end IS NULL OR period_start <= period_end",
            name="period",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    place: Mapped[str] = mapped_column(Text)
    place_key: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by: Mapped[str] = mapped_column(Text)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by: Mapped[str | None] = mapped_column(Text)
