"""Saved multiple systems estimates with their provenance and status.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
#: The revision before this one: 0005 (bodies, graves, the missing).
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "estimates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("link_run_id", sa.Integer(), nullable=True),
        sa.Column("lists", sa.JSON(), nullable=False),
        sa.Column("strata", sa.JSON(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("tables", sa.JSON(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("published_by", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.Text(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "method IN ('loglinear', 'lcmcr', 'all')", name=op.f("ck_estimates_method")
        ),
        sa.CheckConstraint(
            "source = 'database' OR (file_name IS NOT NULL AND file_sha256 IS NOT NULL)",
            name=op.f("ck_estimates_file_provenance"),
        ),
        sa.CheckConstraint("source IN ('database', 'file')", name=op.f("ck_estimates_source")),
        sa.CheckConstraint(
            "status IN ('draft', 'published', 'withdrawn')", name=op.f("ck_estimates_status")
        ),
        sa.ForeignKeyConstraint(
            ["link_run_id"],
            ["link_runs.id"],
            name=op.f("fk_estimates_link_run_id_link_runs"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estimates")),
    )
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_estimates_link_run_id"), ["link_run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_estimates_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_estimates_status"))
        batch_op.drop_index(batch_op.f("ix_estimates_link_run_id"))

    op.drop_table("estimates")
