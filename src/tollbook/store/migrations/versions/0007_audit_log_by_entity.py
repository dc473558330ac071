"""The audit log indexed by entity and id: the newest change of one kind in one step.

The web app keeps computed tolls and incidents until the claims, reports, incidents or
publications change; it asks for the newest audit entry of those kinds on every
request. Views of the dead and failed logins are audited too and must not make it
recompute, so the question is asked per entity, which this index answers at once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
#: The revision before this one: 0006 (saved estimates).
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_log_entity_order", "audit_log", ["entity", "id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_entity_order", table_name="audit_log")
