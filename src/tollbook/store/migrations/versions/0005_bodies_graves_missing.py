"""Bodies, custody, photos, graves, morgues, missing-person reports, identifications.

Revision ID: 0005
Revises: 0002 (while 0003 and 0004 are being written elsewhere; relink to 0004 then)
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
#: The revision before this one: 0004 (accounts).
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("parent_ref", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("apparent_sex", sa.String(length=1), nullable=False),
        sa.Column("apparent_age", sa.String(length=16), nullable=False),
        sa.Column("height_cm", sa.Integer(), nullable=True),
        sa.Column("clothing", sa.JSON(), nullable=False),
        sa.Column("marks", sa.JSON(), nullable=False),
        sa.Column("effects", sa.JSON(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("wrapped_in", sa.Text(), nullable=False),
        sa.Column("recovered_place", sa.Text(), nullable=False),
        sa.Column("recovered_district", sa.Text(), nullable=False),
        sa.Column("recovered_on", sa.Date(), nullable=True),
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "apparent_age IN ('child', 'adolescent', 'young adult', 'adult', "
            "'older adult', 'elderly', '')",
            name=op.f("ck_bodies_apparent_age"),
        ),
        sa.CheckConstraint("apparent_sex IN ('M', 'F', '')", name=op.f("ck_bodies_apparent_sex")),
        sa.CheckConstraint(
            "status IN ('recovered', 'stored', 'buried', 'identified', 'released', 'exhumed')",
            name=op.f("ck_bodies_status"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_ref"],
            ["bodies.ref"],
            name=op.f("fk_bodies_parent_ref_bodies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("ref", name=op.f("pk_bodies")),
    )
    with op.batch_alter_table("bodies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bodies_location"), ["location"], unique=False)
        batch_op.create_index(batch_op.f("ix_bodies_parent_ref"), ["parent_ref"], unique=False)
        batch_op.create_index(batch_op.f("ix_bodies_status"), ["status"], unique=False)

    op.create_table(
        "grave_sites",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_grave_sites")),
    )
    op.create_table(
        "missing_reports",
        sa.Column("report_id", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("relation", sa.Text(), nullable=False),
        sa.Column("family_name", sa.Text(), nullable=False),
        sa.Column("given_name", sa.Text(), nullable=False),
        sa.Column("patronymic", sa.Text(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("last_seen_date", sa.Date(), nullable=True),
        sa.Column("last_seen_place", sa.Text(), nullable=False),
        sa.Column("height_cm", sa.Integer(), nullable=True),
        sa.Column("clothing", sa.JSON(), nullable=False),
        sa.Column("marks", sa.JSON(), nullable=False),
        sa.Column("effects", sa.JSON(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("consent", sa.JSON(), nullable=False),
        sa.Column("liaison", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.CheckConstraint("sex IN ('M', 'F', '')", name=op.f("ck_missing_reports_sex")),
        sa.CheckConstraint(
            "status IN ('open', 'identified', 'closed')", name=op.f("ck_missing_reports_status")
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_missing_reports")),
    )
    with op.batch_alter_table("missing_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_missing_reports_liaison"), ["liaison"], unique=False)
        batch_op.create_index(batch_op.f("ix_missing_reports_status"), ["status"], unique=False)

    op.create_table(
        "morgues",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_morgues_capacity_not_negative")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_morgues")),
    )
    op.create_table(
        "body_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ref"], ["bodies.ref"], name=op.f("fk_body_photos_ref_bodies"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_photos")),
        sa.UniqueConstraint("ref", "sha256", name=op.f("uq_body_photos_ref_sha256")),
    )
    with op.batch_alter_table("body_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_body_photos_ref"), ["ref"], unique=False)

    op.create_table(
        "custody_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("from_location", sa.Text(), nullable=False),
        sa.Column("to_location", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ref"], ["bodies.ref"], name=op.f("fk_custody_events_ref_bodies"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_events")),
    )
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_custody_events_ref"), ["ref"], unique=False)

    op.create_table(
        "identifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("report_id", sa.String(length=128), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("confirmed_by", sa.Text(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "method IN ('visual', 'documents', 'fingerprints', 'dental', 'dna')",
            name=op.f("ck_identifications_method"),
        ),
        sa.ForeignKeyConstraint(
            ["ref"], ["bodies.ref"], name=op.f("fk_identifications_ref_bodies"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["missing_reports.report_id"],
            name=op.f("fk_identifications_report_id_missing_reports"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identifications")),
    )
    with op.batch_alter_table("identifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_identifications_ref"), ["ref"], unique=True)
        batch_op.create_index(
            batch_op.f("ix_identifications_report_id"), ["report_id"], unique=True
        )

    op.create_table(
        "missing_notes",
        sa.Column("note_record_id", sa.String(length=256), nullable=False),
        sa.Column("report_id", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("author_name", sa.Text(), nullable=False),
        sa.Column("entry_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "status IN ('', 'information_sought', 'is_note_author', 'believed_alive', "
            "'believed_missing', 'believed_dead')",
            name=op.f("ck_missing_notes_status"),
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["missing_reports.report_id"],
            name=op.f("fk_missing_notes_report_id_missing_reports"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("note_record_id", name=op.f("pk_missing_notes")),
    )
    with op.batch_alter_table("missing_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_missing_notes_report_id"), ["report_id"], unique=False)

    op.create_table(
        "trenches",
        sa.Column("trench_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("length_m", sa.Float(), nullable=False),
        sa.Column("bearing_deg", sa.Float(), nullable=False),
        sa.Column("marker_lat", sa.Float(), nullable=True),
        sa.Column("marker_lon", sa.Float(), nullable=True),
        sa.Column("opened", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "bearing_deg >= 0 AND bearing_deg <= 360", name=op.f("ck_trenches_bearing_range")
        ),
        sa.CheckConstraint("length_m > 0", name=op.f("ck_trenches_length_positive")),
        sa.ForeignKeyConstraint(
            ["site"],
            ["grave_sites.code"],
            name=op.f("fk_trenches_site_grave_sites"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("trench_id", name=op.f("pk_trenches")),
    )
    with op.batch_alter_table("trenches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trenches_site"), ["site"], unique=False)

    op.create_table(
        "family_notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identification_id", sa.Integer(), nullable=False),
        sa.Column("notified_by", sa.Text(), nullable=False),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["identification_id"],
            ["identifications.id"],
            name=op.f("fk_family_notifications_identification_id_identifications"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_notifications")),
    )
    with op.batch_alter_table("family_notifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_notifications_identification_id"),
            ["identification_id"],
            unique=True,
        )

    op.create_table(
        "grave_positions",
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("trench_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=False),
        sa.Column("buried_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "distance_m >= 0", name=op.f("ck_grave_positions_distance_not_negative")
        ),
        sa.CheckConstraint("position >= 1", name=op.f("ck_grave_positions_position_positive")),
        sa.ForeignKeyConstraint(
            ["ref"], ["bodies.ref"], name=op.f("fk_grave_positions_ref_bodies"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["trench_id"],
            ["trenches.trench_id"],
            name=op.f("fk_grave_positions_trench_id_trenches"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("ref", name=op.f("pk_grave_positions")),
        sa.UniqueConstraint(
            "trench_id", "position", name=op.f("uq_grave_positions_trench_id_position")
        ),
    )
    with op.batch_alter_table("grave_positions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_grave_positions_trench_id"), ["trench_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("grave_positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grave_positions_trench_id"))

    op.drop_table("grave_positions")
    with op.batch_alter_table("family_notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_notifications_identification_id"))

    op.drop_table("family_notifications")
    with op.batch_alter_table("trenches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trenches_site"))

    op.drop_table("trenches")
    with op.batch_alter_table("missing_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_missing_notes_report_id"))

    op.drop_table("missing_notes")
    with op.batch_alter_table("identifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identifications_report_id"))
        batch_op.drop_index(batch_op.f("ix_identifications_ref"))

    op.drop_table("identifications")
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_events_ref"))

    op.drop_table("custody_events")
    with op.batch_alter_table("body_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_body_photos_ref"))

    op.drop_table("body_photos")
    op.drop_table("morgues")
    with op.batch_alter_table("missing_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_missing_reports_status"))
        batch_op.drop_index(batch_op.f("ix_missing_reports_liaison"))

    op.drop_table("missing_reports")
    op.drop_table("grave_sites")
    with op.batch_alter_table("bodies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bodies_status"))
        batch_op.drop_index(batch_op.f("ix_bodies_parent_ref"))
        batch_op.drop_index(batch_op.f("ix_bodies_location"))

    op.drop_table("bodies")
