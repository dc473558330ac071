"""Families' own words, PFIF fields kept whole, imports that can be undone.

``missing_reports``: ``description`` (the family's words, read into the vocabulary for
matching), ``alternate_names``, ``birth_date_text`` (a partial birth date, "1975" or
"1975-03"), ``pfif_fields`` (the other PFIF person fields Tollbook keeps as written).
``list_records.row_key``: a record's stable key in its file (the file's id column, else a
hash of the row's content), so that a corrected file updates its records.
``list_imports.undone_at``/``undone_by``: an import whose records were taken out; the
rule of one import of a file per list leaves undone imports out, so that a file can be
imported again once its import is undone.

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
#: The revision before this one: 0012 (the life of a case).
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHERE = sa.text("duplicate_of IS NULL AND undone_at IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("missing_reports") as batch:
        batch.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("alternate_names", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("birth_date_text", sa.String(length=10), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("pfif_fields", sa.JSON(), nullable=True))
    with op.batch_alter_table("list_records") as batch:
        batch.add_column(sa.Column("row_key", sa.String(length=128), nullable=True))
        batch.create_index(op.f("ix_list_records_row_key"), ["list_id", "row_key"])
    with op.batch_alter_table("list_imports") as batch:
        batch.add_column(sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("undone_by", sa.Text(), nullable=True))
    op.drop_index("uq_list_imports_list_file", table_name="list_imports")
    op.create_index(
        "uq_list_imports_list_file",
        "list_imports",
        ["list_id", "file_sha256"],
        unique=True,
        sqlite_where=_WHERE,
        postgresql_where=_WHERE,
    )


def downgrade() -> None:
    op.drop_index("uq_list_imports_list_file", table_name="list_imports")
    old = sa.text("duplicate_of IS NULL")
    op.create_index(
        "uq_list_imports_list_file",
        "list_imports",
        ["list_id", "file_sha256"],
        unique=True,
        sqlite_where=old,
        postgresql_where=old,
    )
    with op.batch_alter_table("list_imports") as batch:
        batch.drop_column("undone_by")
        batch.drop_column("undone_at")
    with op.batch_alter_table("list_records") as batch:
        batch.drop_index(op.f("ix_list_records_row_key"))
        batch.drop_column("row_key")
    with op.batch_alter_table("missing_reports") as batch:
        batch.drop_column("pfif_fields")
        batch.drop_column("birth_date_text")
        batch.drop_column("alternate_names")
        batch.drop_column("description")
