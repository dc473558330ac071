"""The same file lands once in a list: a unique index on (list, file SHA-256).

Two imports of the same file at once (or a double click on the form) both passed the
check the import makes before writing, and every record was stored twice. The database
now refuses the second. Imports duplicated before this revision are kept (nothing is
deleted) and marked: ``duplicate_of`` names the first import of the same file, and the
index covers only the imports that are not so marked.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
#: The revision before this one: 0010 (lists declare duplicates; import notes).
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHERE = sa.text("duplicate_of IS NULL")


def upgrade() -> None:
    op.add_column("list_imports", sa.Column("duplicate_of", sa.Integer(), nullable=True))
    op.execute(
        """
        UPDATE list_imports SET duplicate_of = (
            SELECT MIN(first.id) FROM list_imports AS first
            WHERE first.list_id = list_imports.list_id
              AND first.file_sha256 = list_imports.file_sha256
              AND first.id < list_imports.id
        )
        WHERE EXISTS (
            SELECT 1 FROM list_imports AS first
            WHERE first.list_id = list_imports.list_id
              AND first.file_sha256 = list_imports.file_sha256
              AND first.id < list_imports.id
        )
        """
    )
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
    with op.batch_alter_table("list_imports") as batch:
        batch.drop_column("duplicate_of")
