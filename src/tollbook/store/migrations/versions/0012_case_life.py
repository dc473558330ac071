"""The life of a case: found alive, identification revoked, reassigned, body released.

One append-only table of case events (who, when, what, with its details as JSON); an
event that alerts a family liaison names them in ``alerted``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
#: The revision before this one: 0011 (one import of a file per list).
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = "('found_alive', 'identification_revoked', 'reassigned', 'body_released')"


def upgrade() -> None:
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("alerted", sa.Text(), nullable=False),
        sa.CheckConstraint(f"kind IN {_KINDS}", name=op.f("ck_case_events_kind")),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["missing_reports.report_id"],
            name=op.f("fk_case_events_report_id_missing_reports"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    op.create_index(op.f("ix_case_events_report_id"), "case_events", ["report_id"])
    op.create_index(op.f("ix_case_events_alerted"), "case_events", ["alerted"])


def downgrade() -> None:
    op.drop_index(op.f("ix_case_events_alerted"), table_name="case_events")
    op.drop_index(op.f("ix_case_events_report_id"), table_name="case_events")
    op.drop_table("case_events")
