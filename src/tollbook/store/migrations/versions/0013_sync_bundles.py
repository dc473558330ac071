"""Sync between sites: this site, its peers, global ids, the change log, the conflicts
queue (docs/field.md).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
#: The revision before this one: 0012 (the life of a case).
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("clock", sa.Integer(), nullable=False),
        sa.Column("watermarks", sa.JSON(), nullable=False),
        sa.Column("age_identity", sa.Text(), nullable=False),
        sa.Column("signing_key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_site")),
        sa.UniqueConstraint("site_id", name=op.f("uq_sync_site_site_id")),
    )
    op.create_table(
        "sync_peers",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("age_recipient", sa.Text(), nullable=False),
        sa.Column("verify_key", sa.Text(), nullable=False),
        sa.Column("trusted_by", sa.Text(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("vector", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_rows",
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("local_key", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("head", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "state IN ('live', 'deleted', 'pending', 'held')", name=op.f("ck_sync_rows_state")
        ),
        sa.PrimaryKeyConstraint("gid", name=op.f("pk_sync_rows")),
    )
    op.create_index("ix_sync_rows_entity_local", "sync_rows", ["entity", "local_key"], unique=True)
    op.create_index("ix_sync_rows_state", "sync_rows", ["state"])
    op.create_table(
        "sync_versions",
        sa.Column("site", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("clock", sa.Integer(), nullable=False),
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("parents", sa.JSON(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("site", "seq", name=op.f("pk_sync_versions")),
    )
    op.create_index("ix_sync_versions_gid", "sync_versions", ["gid"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("gids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_by", sa.Text(), nullable=True),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kept", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'settled')", name=op.f("ck_sync_conflicts_status")),
        sa.CheckConstraint("kind IN ('concurrent', 'unique')", name=op.f("ck_sync_conflicts_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_key", "sync_conflicts", ["key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_sync_conflicts_key", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index("ix_sync_versions_gid", table_name="sync_versions")
    op.drop_table("sync_versions")
    op.drop_index("ix_sync_rows_state", table_name="sync_rows")
    op.drop_index("ix_sync_rows_entity_local", table_name="sync_rows")
    op.drop_table("sync_rows")
    op.drop_table("sync_peers")
    op.drop_table("sync_site")
