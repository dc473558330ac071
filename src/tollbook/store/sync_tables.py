"""Tables of sync between sites (revision 0013): this site, its peers, global ids and the
change log of versions, and the conflicts queue. See docs/field.md.

Written and read only by :mod:`tollbook.sync`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tollbook.store.column_types import UTCDateTime
from tollbook.store.tables import Base, one_of

#: Where a synced record stands here: in its table (``live``), deleted by its newest
#: version (``deleted``), waiting for a record it names (``pending``), or kept out of its
#: table by a unique conflict (``held``).
ROW_STATES: tuple[str, ...] = ("live", "deleted", "pending", "held")
#: A conflict is ``open`` until a person settles it.
CONFLICT_STATUSES: tuple[str, ...] = ("open", "settled")


class SyncSiteRow(Base):
    """This database as a site: one row, made by the first sync command."""

    __tablename__ = "sync_site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    #: The last sequence number given to a version of this site (no gaps).
    seq: Mapped[int] = mapped_column(Integer)
    #: The Lamport clock: above every clock this site has made or seen.
    clock: Mapped[int] = mapped_column(Integer)
    #: Per append-only table, the highest local id captured (before revision 0015; capture
    #: reads the change queue ``sync_changes`` since).
    watermarks: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: The site's private keys (age identity, Ed25519 seed), empty until ``sync keygen``.
    age_identity: Mapped[str] = mapped_column(Text)
    signing_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncPeerRow(Base):
    """Another site: its public keys once trusted, and what it is known to hold."""

    __tablename__ = "sync_peers"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    age_recipient: Mapped[str] = mapped_column(Text)
    verify_key: Mapped[str] = mapped_column(Text)
    trusted_by: Mapped[str] = mapped_column(Text)
    trusted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The peer's version vector, as its last bundle told.
    vector: Mapped[dict[str, Any]] = mapped_column(JSON)


class SyncRowRow(Base):
    """A synced record: its global id, its local key, and the version in its table."""

    __tablename__ = "sync_rows"
    __table_args__ = (
        CheckConstraint(one_of("state", ROW_STATES), name="state"),
        Index("ix_sync_rows_entity_local", "entity", "local_key", unique=True),
        Index("ix_sync_rows_state", "state"),
    )

    gid: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(64))
    #: The primary key in its table, as text; null while the record is not in it.
    local_key: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    #: The version in the table, ``SITE:SEQ``.
    head: Mapped[str] = mapped_column(Text)
    #: SHA-256 of the content in the table, to see local changes.
    digest: Mapped[str] = mapped_column(String(64))


class SyncVersionRow(Base):
    """One version of one record (the change log): never changed once written."""

    __tablename__ = "sync_versions"
    __table_args__ = (Index("ix_sync_versions_gid", "gid"),)

    site: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    clock: Mapped[int] = mapped_column(Integer)
    gid: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    #: The versions this one was made from, ``["SITE:SEQ", ...]``.
    parents: Mapped[list[str]] = mapped_column(JSON)
    #: The record's content (foreign keys as global ids); null when it was deleted.
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncConflictRow(Base):
    """Versions of one record that a person has to choose between."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (
        CheckConstraint(one_of("status", CONFLICT_STATUSES), name="status"),
        CheckConstraint(one_of("kind", ("concurrent", "unique")), name="kind"),
        Index("ix_sync_conflicts_key", "key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: What makes the conflict one: the record and its heads, or the unique slot.
    key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(64))
    #: The competing versions, ``["SITE:SEQ", ...]``, the one in the table first.
    versions: Mapped[list[str]] = mapped_column(JSON)
    #: The global ids involved (one for concurrent versions, two or more for a unique slot).
    gids: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    settled_by: Mapped[str | None] = mapped_column(Text)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The version kept by the person who settled it.
    kept: Mapped[str | None] = mapped_column(Text)


class SyncChangeRow(Base):
    """A row inserted, updated or deleted in a table that travels (revision 0015): written
    by triggers, read and removed by capture, so capture reads only what changed."""

    __tablename__ = "sync_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The entity (table) the change is captured as (an override's claims: the override).
    entity: Mapped[str] = mapped_column(String(64))
    #: The row's primary key, as text.
    local_key: Mapped[str] = mapped_column(Text)
