"""Reports, claims and the audit log.

Revision ID: 0001
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The allowed values as they were at this revision; later changes need a new migration.
OUTCOMES = ("killed", "injured", "missing", "buried", "bodies_found")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "range", "vague", "derived")
SCOPES = ("incident", "cumulative")
KINDS = ("official", "estimate", "observed", "reported")
REVIEW_STATUSES = ("unreviewed", "confirmed", "edited", "rejected")

APPEND_ONLY_MESSAGE = "audit_log is append-only"


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
    )
    op.create_index("ix_reports_external_id", "reports", ["external_id"])
    op.create_index("ix_reports_text_sha256", "reports", ["text_sha256"], unique=True)

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.Column("qualifier", sa.String(length=32), nullable=False),
        sa.Column("victims", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("place_key", sa.Text(), nullable=True),
        sa.Column("when_text", sa.Text(), nullable=True),
        sa.Column("when_start", sa.Date(), nullable=True),
        sa.Column("when_end", sa.Date(), nullable=True),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("extractor_version", sa.Text(), nullable=False),
        sa.Column(
            "review_status", sa.String(length=16), server_default="unreviewed", nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_claims_report_id_reports",
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(one_of("outcome", OUTCOMES), name=op.f("ck_claims_outcome")),
        sa.CheckConstraint(one_of("qualifier", QUALIFIERS), name=op.f("ck_claims_qualifier")),
        sa.CheckConstraint(one_of("scope", SCOPES), name=op.f("ck_claims_scope")),
        sa.CheckConstraint(one_of("kind", KINDS), name=op.f("ck_claims_kind")),
        sa.CheckConstraint(
            one_of("review_status", REVIEW_STATUSES), name=op.f("ck_claims_review_status")
        ),
        sa.CheckConstraint("low IS NULL OR low >= 0", name=op.f("ck_claims_low_not_negative")),
        sa.CheckConstraint("high IS NULL OR high >= 0", name=op.f("ck_claims_high_not_negative")),
        sa.CheckConstraint(
            "low IS NULL OR high IS NULL OR low <= high", name=op.f("ck_claims_low_le_high")
        ),
        sa.CheckConstraint(
            "evidence_start IS NULL OR evidence_start >= 0",
            name=op.f("ck_claims_evidence_start_not_negative"),
        ),
    )
    op.create_index("ix_claims_report_id", "claims", ["report_id"])
    op.create_index("ix_claims_place", "claims", ["place"])
    op.create_index("ix_claims_place_key", "claims", ["place_key"])
    op.create_index("ix_claims_outcome", "claims", ["outcome"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])
    _make_audit_log_append_only()


def downgrade() -> None:
    op.drop_table("audit_log")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_index("ix_claims_outcome", table_name="claims")
    op.drop_index("ix_claims_place_key", table_name="claims")
    op.drop_index("ix_claims_place", table_name="claims")
    op.drop_index("ix_claims_report_id", table_name="claims")
    op.drop_table("claims")
    op.drop_index("ix_reports_text_sha256", table_name="reports")
    op.drop_index("ix_reports_external_id", table_name="reports")
    op.drop_table("reports")


def _make_audit_log_append_only() -> None:
    """Triggers that refuse to change or remove audit entries."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' "
            "USING ERRCODE = 'integrity_constraint_violation'; END; $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        raise NotImplementedError(f"no append-only triggers for {dialect}")
