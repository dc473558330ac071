"""Sync: a queue of changed rows, so that capture reads only what changed (docs/field.md).

``sync_changes`` holds (table, local key) of every row inserted, updated or deleted in a
table that travels in bundles, written by triggers (so every path that changes the
database is covered); capture reads the queue and removes what it has read. An override's
claims (``incident_override_claims``) are queued as their override. Rows already in the
tables are queued once here, so the first capture after this revision compares each of
them with what was captured before (nothing is missed).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
#: The revision before this one: 0014 (families' own words, imports that can be undone).
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Table -> (the entity it is queued as, the column holding that entity's local key).
WATCHED: dict[str, tuple[str, str]] = {
    "grave_sites": ("grave_sites", "code"),
    "trenches": ("trenches", "trench_id"),
    "morgues": ("morgues", "code"),
    "bodies": ("bodies", "ref"),
    "grave_positions": ("grave_positions", "ref"),
    "custody_events": ("custody_events", "id"),
    "body_photos": ("body_photos", "id"),
    "missing_reports": ("missing_reports", "report_id"),
    "identifications": ("identifications", "id"),
    "family_notifications": ("family_notifications", "id"),
    "missing_notes": ("missing_notes", "note_record_id"),
    "case_events": ("case_events", "id"),
    "reports": ("reports", "id"),
    "claims": ("claims", "id"),
    "claim_reviews": ("claim_reviews", "claim_id"),
    "incident_overrides": ("incident_overrides", "id"),
    "incident_override_claims": ("incident_overrides", "override_id"),
    "named_lists": ("named_lists", "id"),
    "list_imports": ("list_imports", "id"),
    "list_records": ("list_records", "id"),
    "linkage_models": ("linkage_models", "id"),
    "pair_reviews": ("pair_reviews", "id"),
    "audit_log": ("audit_log", "id"),
}


def _sqlite_triggers(table: str, entity: str, key: str) -> list[str]:
    def note(row: str) -> str:
        return (
            f"INSERT INTO sync_changes (entity, local_key) "
            f"VALUES ('{entity}', CAST({row}.{key} AS TEXT));"
        )

    name = f"sync_changes_{table}"
    return [
        f"CREATE TRIGGER {name}_ins AFTER INSERT ON {table} BEGIN {note('NEW')} END",
        f"CREATE TRIGGER {name}_upd AFTER UPDATE ON {table} BEGIN {note('NEW')} END",
        f"CREATE TRIGGER {name}_rekey AFTER UPDATE ON {table} "
        f"WHEN OLD.{key} IS NOT NEW.{key} BEGIN {note('OLD')} END",
        f"CREATE TRIGGER {name}_del AFTER DELETE ON {table} BEGIN {note('OLD')} END",
    ]


_PG_FUNCTION = """
CREATE FUNCTION sync_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE'
            AND to_jsonb(OLD) ->> TG_ARGV[1] IS DISTINCT FROM to_jsonb(NEW) ->> TG_ARGV[1]) THEN
        INSERT INTO sync_changes (entity, local_key)
        VALUES (TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[1]);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO sync_changes (entity, local_key)
        VALUES (TG_ARGV[0], to_jsonb(NEW) ->> TG_ARGV[1]);
    END IF;
    RETURN NULL;
END; $$
"""


def upgrade() -> None:
    op.create_table(
        "sync_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("local_key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_changes")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(_PG_FUNCTION)
    elif dialect != "sqlite":
        raise NotImplementedError(f"no sync triggers for {dialect}")
    for table, (entity, key) in WATCHED.items():
        if dialect == "sqlite":
            for statement in _sqlite_triggers(table, entity, key):
                op.execute(statement)
        else:
            op.execute(
                f"CREATE TRIGGER sync_changes_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION sync_note_change('{entity}', '{key}')"
            )
        if table != "incident_override_claims":
            op.execute(
                f"INSERT INTO sync_changes (entity, local_key) "
                f"SELECT '{entity}', CAST({key} AS TEXT) FROM {table} ORDER BY {key}"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in WATCHED:
        if dialect == "sqlite":
            for suffix in ("ins", "upd", "rekey", "del"):
                op.execute(f"DROP TRIGGER IF EXISTS sync_changes_{table}_{suffix}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS sync_changes_{table} ON {table}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS sync_note_change()")
    op.drop_table("sync_changes")
