"""Migration 0002 (publishers, claim reviews, incidents, overrides) up and down, with data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from tollbook.store import migrate
from tollbook.store.database import make_engine
from tollbook.store.incident_repository import Grouping
from tollbook.store.tables import Base
from tollbook.store.unit_of_work import UnitOfWork

from .builders import make_claim, make_report

NEW_TABLES = {
    "claim_reviews",
    "incidents",
    "incident_claims",
    "incident_overrides",
    "incident_override_claims",
}
NOW = datetime(2022, 3, 16, tzinfo=UTC)


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _report_columns(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {column["name"] for column in inspect(engine).get_columns("reports")}
    finally:
        engine.dispose()


def _store_one_report(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO reports (external_id, text, text_sha256, source, ingested_at)"
                    " VALUES ('r1', 'At least 17 were killed.', 'abc', '', :at)"
                ),
                {"at": NOW.replace(tzinfo=None)},
            )
            connection.execute(
                text(
                    "INSERT INTO claims (report_id, outcome, low, qualifier, victims, scope,"
                    " kind, evidence, extractor_version, review_status, created_at)"
                    " VALUES (1, 'killed', 17, 'at_least', 'people', 'incident', 'official',"
                    " 'At least 17 were killed.', 'x', 'unreviewed', :at)"
                ),
                {"at": NOW.replace(tzinfo=None)},
            )
    finally:
        engine.dispose()


def _count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_0002_upgrades_a_database_with_data_and_downgrades_back(database_url: str) -> None:
    assert migrate.upgrade(database_url, "0001") == "0001"
    _store_one_report(database_url)
    assert not NEW_TABLES & _tables(database_url)

    assert migrate.upgrade(database_url, "0002") == "0002"
    assert _tables(database_url) >= NEW_TABLES
    assert "publisher" in _report_columns(database_url)
    assert (_count(database_url, "reports"), _count(database_url, "claims")) == (1, 1)

    assert migrate.downgrade(database_url, "0001") == "0001"
    assert not NEW_TABLES & _tables(database_url)
    assert "publisher" not in _report_columns(database_url)
    assert (_count(database_url, "reports"), _count(database_url, "claims")) == (1, 1)

    assert migrate.upgrade(database_url) == migrate.head_revision()
    assert migrate.downgrade(database_url, "base") is None
    assert _tables(database_url) <= {"alembic_version"}


def test_0002_schema_matches_the_models(database_url: str) -> None:
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            inspector = inspect(connection)
            checks = {
                table: {c["name"] for c in inspector.get_check_constraints(table)}
                for table in ("claim_reviews", "incidents", "incident_overrides")
            }
    finally:
        engine.dispose()
    assert checks == {
        "claim_reviews": {"ck_claim_reviews_status"},
        "incidents": {"ck_incidents_outcome", "ck_incidents_status"},
        "incident_overrides": {"ck_incident_overrides_action", "ck_incident_overrides_grade"},
    }


def test_a_claim_is_in_at_most_one_incident(uow: UnitOfWork) -> None:
    with uow:
        report_id = uow.reports.add(make_report("r1"), ingested_at=NOW, ingested_by=None)
        [claim_id] = uow.claims.add(
            report_id, [make_claim("r1")], extractor_version="x", created_at=NOW
        )
        saved = uow.incidents.sync(
            [
                Grouping("Mariupol", "mariupol", "killed", frozenset({claim_id})),
                Grouping("Kyiv", "kyiv", "killed", frozenset()),
            ],
            NOW,
        )
        uow.commit()
    with pytest.raises(IntegrityError), uow.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO incident_claims (claim_id, incident_id) VALUES (:c, :i)"),
            {"c": claim_id, "i": saved.ids[1]},
        )
