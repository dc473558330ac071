"""Subgroup links: a claim may name the stored claim it is part of ("including 11
children" is part of "180 civilians").

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
#: The revision before this one: 0008 (background jobs).
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_FK = "fk_claims_part_of_claim_id_claims"
_INDEX = "ix_claims_part_of_claim_id"


def upgrade() -> None:
    # Nullable, so existing claims keep no link and every backend adds it in place
    # (SQLite takes the foreign key inline: a batch copy of ``claims`` would trip the
    # foreign keys of the tables that refer to it). No ON DELETE: claims are never
    # deleted, and SQLite does not report a column's inline action back.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE claims ADD COLUMN part_of_claim_id INTEGER "
            f"CONSTRAINT {_FK} REFERENCES claims (id)"
        )
    else:
        op.add_column("claims", sa.Column("part_of_claim_id", sa.Integer(), nullable=True))
        op.create_foreign_key(_FK, "claims", "claims", ["part_of_claim_id"], ["id"])
    op.create_index(_INDEX, "claims", ["part_of_claim_id"])


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="claims")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(_FK, "claims", type_="foreignkey")
    # In place on PostgreSQL and on SQLite >= 3.35 (the column goes with its reference).
    op.drop_column("claims", "part_of_claim_id")
