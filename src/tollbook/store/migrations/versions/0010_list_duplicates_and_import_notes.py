"""Named lists say whether they hold duplicates (records of one list are linked to each
other only then), and each list import keeps its notes (the columns it left unused).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
#: The revision before this one: 0009 (a claim names the claim it is part of).
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("named_lists") as batch:
        batch.add_column(
            sa.Column("has_duplicates", sa.Integer(), nullable=False, server_default="0")
        )
        batch.create_check_constraint(
            op.f("ck_named_lists_has_duplicates"), "has_duplicates IN (0, 1)"
        )
    with op.batch_alter_table("list_imports") as batch:
        batch.add_column(sa.Column("notes", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("list_imports") as batch:
        batch.drop_column("notes")
    with op.batch_alter_table("named_lists") as batch:
        batch.drop_constraint(op.f("ck_named_lists_has_duplicates"), type_="check")
        batch.drop_column("has_duplicates")
