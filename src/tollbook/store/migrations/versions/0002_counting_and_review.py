"""Counting and review: report publishers, claim reviews, incidents and overrides.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The allowed values as they were at this revision; later changes need a new migration.
OUTCOMES = ("killed", "injured", "missing", "buried", "bodies_found")
REVIEW_STATUSES = ("unreviewed", "confirmed", "edited", "rejected")
INCIDENT_STATUSES = ("active", "retired")
OVERRIDE_ACTIONS = ("merge", "split", "ungroup", "confirm", "grade")
GRADES = ("single_source", "corroborated", "contested")


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _timestamp(name: str) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    # Nullable, so every backend adds it in place; ingest leaves it null.
    op.add_column("reports", sa.Column("publisher", sa.Text(), nullable=True))

    op.create_table(
        "claim_reviews",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.Text(), nullable=False),
        _timestamp("reviewed_at"),
        sa.Column("extracted", sa.JSON(), nullable=True),
        sa.CheckConstraint(one_of("status", REVIEW_STATUSES), name=op.f("ck_claim_reviews_status")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_reviews_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_reviews")),
    )

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("place_key", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        sa.CheckConstraint(one_of("outcome", OUTCOMES), name=op.f("ck_incidents_outcome")),
        sa.CheckConstraint(one_of("status", INCIDENT_STATUSES), name=op.f("ck_incidents_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index("ix_incidents_place_key", "incidents", ["place_key"])
    op.create_index("ix_incidents_status", "incidents", ["status"])

    op.create_table(
        "incident_claims",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_incident_claims_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_claims_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_incident_claims")),
    )
    op.create_index("ix_incident_claims_incident_id", "incident_claims", ["incident_id"])

    op.create_table(
        "incident_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        _timestamp("created_at"),
        sa.CheckConstraint(
            one_of("action", OVERRIDE_ACTIONS), name=op.f("ck_incident_overrides_action")
        ),
        sa.CheckConstraint(
            "grade IS NULL OR " + one_of("grade", GRADES),
            name=op.f("ck_incident_overrides_grade"),
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_overrides_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_overrides")),
    )
    op.create_index("ix_incident_overrides_incident_id", "incident_overrides", ["incident_id"])

    op.create_table(
        "incident_override_claims",
        sa.Column("override_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["override_id"],
            ["incident_overrides.id"],
            name=op.f("fk_incident_override_claims_override_id_incident_overrides"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_incident_override_claims_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "override_id", "claim_id", name=op.f("pk_incident_override_claims")
        ),
    )
    op.create_index(
        "ix_incident_override_claims_claim_id", "incident_override_claims", ["claim_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_incident_override_claims_claim_id", table_name="incident_override_claims")
    op.drop_table("incident_override_claims")
    op.drop_index("ix_incident_overrides_incident_id", table_name="incident_overrides")
    op.drop_table("incident_overrides")
    op.drop_index("ix_incident_claims_incident_id", table_name="incident_claims")
    op.drop_table("incident_claims")
    op.drop_index("ix_incidents_status", table_name="incidents")
    op.drop_index("ix_incidents_place_key", table_name="incidents")
    op.drop_table("incidents")
    op.drop_table("claim_reviews")
    # In place on PostgreSQL and on SQLite >= 3.35 (no table copy, so the claims that
    # refer to reports are untouched).
    op.drop_column("reports", "publisher")
