"""The packaged migrations build the schema the models describe, up and down."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect, text

from tollbook.services.setup import DatabaseNotReady, init_database, open_database
from tollbook.store import migrate
from tollbook.store.database import make_engine
from tollbook.store.tables import Base

#: Every table the models declare; later migrations add to it, the first ones at least these.
TABLES = set(Base.metadata.tables)
assert {
    "reports",
    "claims",
    "audit_log",
    "claim_reviews",
    "incidents",
    "incident_claims",
    "incident_overrides",
    "incident_override_claims",
} <= TABLES


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_init_upgrades_an_empty_database_to_head(database_url: str) -> None:
    assert migrate.current_revision(database_url) is None

    revision = init_database(database_url)

    assert revision == migrate.head_revision()
    assert migrate.current_revision(database_url) == revision
    assert table_names(database_url) == TABLES | {"alembic_version"}


def test_init_twice_changes_nothing(database_url: str) -> None:
    first = init_database(database_url)
    assert init_database(database_url) == first
    assert table_names(database_url) == TABLES | {"alembic_version"}


def test_schema_has_the_indexes_queries_rely_on(database_url: str) -> None:
    init_database(database_url)
    engine = make_engine(database_url)
    try:
        inspector = inspect(engine)
        claim_indexes = {index["name"]: index for index in inspector.get_indexes("claims")}
        report_indexes = {index["name"]: index for index in inspector.get_indexes("reports")}
    finally:
        engine.dispose()
    assert claim_indexes["ix_claims_place"]["column_names"] == ["place"]
    assert claim_indexes["ix_claims_outcome"]["column_names"] == ["outcome"]
    assert report_indexes["ix_reports_text_sha256"]["column_names"] == ["text_sha256"]
    assert report_indexes["ix_reports_text_sha256"]["unique"]


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(
    database_url: str,
) -> None:
    init_database(database_url)

    assert migrate.downgrade(database_url, "base") is None
    assert table_names(database_url) <= {"alembic_version"}

    assert migrate.upgrade(database_url) == migrate.head_revision()
    assert table_names(database_url) == TABLES | {"alembic_version"}


def test_models_and_migrations_agree(database_url: str) -> None:
    init_database(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
            inspector = inspect(connection)
            checks = {check["name"] for check in inspector.get_check_constraints("claims")}
    finally:
        engine.dispose()
    assert differences == []
    model_checks = {
        str(constraint.name)
        for constraint in Base.metadata.tables["claims"].constraints
        if isinstance(constraint, CheckConstraint)
    }
    assert len(model_checks) == 9
    assert checks == model_checks


def test_opening_an_unmigrated_database_says_to_run_init(database_url: str) -> None:
    with pytest.raises(DatabaseNotReady, match=r"revision none.*run `tollbook init`"):
        open_database(database_url)


def test_opening_a_database_behind_head_says_to_run_init(database_url: str) -> None:
    migrate.upgrade(database_url, "0001")
    head = migrate.head_revision()

    with pytest.raises(
        DatabaseNotReady, match=rf"database at revision 0001 .*needs {head}, run `tollbook init`"
    ):
        open_database(database_url)


def test_a_database_from_a_newer_tollbook_is_refused_clearly(database_url: str) -> None:
    init_database(database_url)
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()

    with pytest.raises(DatabaseNotReady, match=r"revision 9999.*does not know"):
        open_database(database_url)
    with pytest.raises(DatabaseNotReady, match="cannot migrate"):
        init_database(database_url)


def test_open_database_at_head_gives_a_working_unit_of_work(database_url: str) -> None:
    init_database(database_url)
    uow = open_database(database_url)
    try:
        with uow:
            assert uow.claims.list() == []
    finally:
        uow.dispose()
