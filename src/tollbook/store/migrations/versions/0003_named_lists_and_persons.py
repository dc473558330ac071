"""Named lists, their records, linkage models and runs, links, persons, pair reviews.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The allowed values as they were at this revision; later changes need a new migration.
PERSON_STATUSES = ("active", "retired")
PAIR_STATUSES = ("pending", "confirmed", "split")


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _timestamp(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _record_fk(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        ["list_records.id"],
        name=f"fk_{table}_{column}_list_records",
        ondelete="RESTRICT",
    )


def upgrade() -> None:
    op.create_table(
        "named_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        _timestamp("created_at"),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_named_lists"),
        sa.UniqueConstraint("name", name="uq_named_lists_name"),
    )
    op.create_table(
        "list_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_imported", sa.Integer(), nullable=False),
        sa.Column("rows_rejected", sa.Integer(), nullable=False),
        _timestamp("imported_at"),
        sa.Column("imported_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_list_imports"),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["named_lists.id"],
            name="fk_list_imports_list_id_named_lists",
            ondelete="RESTRICT",
        ),
    )
    op.create_index("ix_list_imports_list_id", "list_imports", ["list_id"])
    op.create_index("ix_list_imports_file_sha256", "list_imports", ["file_sha256"])

    op.create_table(
        "list_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Text(), nullable=True),
        sa.Column("family_name", sa.Text(), nullable=True),
        sa.Column("given_name", sa.Text(), nullable=True),
        sa.Column("patronymic", sa.Text(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("district", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("postcode", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("original", sa.JSON(), nullable=False),
        sa.Column("unread", sa.JSON(), nullable=True),
        sa.Column("family_latin", sa.Text(), nullable=True),
        sa.Column("family_key", sa.Text(), nullable=True),
        sa.Column("given_latin", sa.Text(), nullable=True),
        sa.Column("given_key", sa.Text(), nullable=True),
        sa.Column("patronymic_key", sa.Text(), nullable=True),
        sa.Column("sex_inferred", sa.String(length=1), nullable=True),
        sa.Column("names_swapped", sa.Integer(), server_default="0", nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("normaliser_version", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_list_records"),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["named_lists.id"],
            name="fk_list_records_list_id_named_lists",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["list_imports.id"],
            name="fk_list_records_import_id_list_imports",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint("import_id", "row", name="uq_list_records_import_id_row"),
        sa.CheckConstraint("sex IS NULL OR sex IN ('M', 'F')", name=op.f("ck_list_records_sex")),
        sa.CheckConstraint("row >= 1", name=op.f("ck_list_records_row_positive")),
    )
    op.create_index("ix_list_records_list_id", "list_records", ["list_id"])
    op.create_index("ix_list_records_family_key", "list_records", ["family_key"])

    op.create_table(
        "linkage_models",
        sa.Column("id", sa.Integer(), nullable=False),
        _timestamp("created_at"),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("link_type", sa.String(length=32), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("trained_on", sa.Integer(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_linkage_models"),
    )
    op.create_table(
        "link_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        _timestamp("started_at"),
        _timestamp("finished_at", nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("model_id", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("review_low", sa.Float(), nullable=False),
        sa.Column("review_high", sa.Float(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_runs"),
        sa.ForeignKeyConstraint(
            ["model_id"],
            ["linkage_models.id"],
            name="fk_link_runs_model_id_linkage_models",
            ondelete="RESTRICT",
        ),
    )
    op.create_index("ix_link_runs_model_id", "link_runs", ["model_id"])

    op.create_table(
        "record_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("record_a", sa.Integer(), nullable=False),
        sa.Column("record_b", sa.Integer(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("match_weight", sa.Float(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_record_links"),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["link_runs.id"],
            name="fk_record_links_run_id_link_runs",
            ondelete="RESTRICT",
        ),
        _record_fk("record_a", "record_links"),
        _record_fk("record_b", "record_links"),
        sa.UniqueConstraint("record_a", "record_b", name="uq_record_links_record_a_record_b"),
        sa.CheckConstraint("record_a < record_b", name=op.f("ck_record_links_ordered")),
    )
    op.create_index("ix_record_links_run_id", "record_links", ["run_id"])
    op.create_index("ix_record_links_record_b", "record_links", ["record_b"])

    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_persons"),
        sa.CheckConstraint(one_of("status", PERSON_STATUSES), name=op.f("ck_persons_status")),
    )
    op.create_index("ix_persons_status", "persons", ["status"])
    op.create_table(
        "person_records",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_person_records"),
        _record_fk("record_id", "person_records"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_person_records_person_id_persons",
            ondelete="RESTRICT",
        ),
    )
    op.create_index("ix_person_records_person_id", "person_records", ["person_id"])

    op.create_table(
        "pair_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_a", sa.Integer(), nullable=False),
        sa.Column("record_b", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column("explanation", sa.JSON(), nullable=True),
        _timestamp("queued_at"),
        sa.Column("decided_by", sa.Text(), nullable=True),
        _timestamp("decided_at", nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pair_reviews"),
        _record_fk("record_a", "pair_reviews"),
        _record_fk("record_b", "pair_reviews"),
        sa.UniqueConstraint("record_a", "record_b", name="uq_pair_reviews_record_a_record_b"),
        sa.CheckConstraint("record_a < record_b", name=op.f("ck_pair_reviews_ordered")),
        sa.CheckConstraint(one_of("status", PAIR_STATUSES), name=op.f("ck_pair_reviews_status")),
    )
    op.create_index("ix_pair_reviews_record_b", "pair_reviews", ["record_b"])
    op.create_index("ix_pair_reviews_status", "pair_reviews", ["status"])


def downgrade() -> None:
    op.drop_table("pair_reviews")
    op.drop_table("person_records")
    op.drop_table("persons")
    op.drop_table("record_links")
    op.drop_table("link_runs")
    op.drop_table("linkage_models")
    op.drop_table("list_records")
    op.drop_table("list_imports")
    op.drop_table("named_lists")
