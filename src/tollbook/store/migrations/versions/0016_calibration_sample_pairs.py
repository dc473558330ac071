"""Pair reviews: a pair may be one of a calibration sample (issue 13).

``pair_reviews.calibration`` is true for a pair queued by ``tollbook lists
review-sample``: one of a simple random sample of the pairs of persons the linkage kept
apart though a stored pair joins them. Its decision then updates the calibration factor
of the correction for missed links exactly (docs/estimation.md, "Calibrating the
correction from a reviewed sample"). Rows already there are not of a sample.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
#: The revision before this one: 0015 (the sync change queue).
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "pair_reviews",
        sa.Column("calibration", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("pair_reviews") as batch:
        batch.drop_column("calibration")
