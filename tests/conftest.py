"""Shared fixtures: a database on each backend, migrated units of work.

``database_url`` runs a test once on SQLite (a file in the test's tmp_path) and once on
PostgreSQL (a fresh database on the server named by ``$TOLLBOOK_TEST_POSTGRES_URL``,
dropped afterwards). ``bash scripts/test.sh`` starts that server and sets the variable;
without it the PostgreSQL runs are skipped, saying why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tollbook.store.database import make_engine, normalize_url
from tollbook.store.migrate import upgrade
from tollbook.store.unit_of_work import UnitOfWork

POSTGRES_URL_ENV = "TOLLBOOK_TEST_POSTGRES_URL"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tollbook.db'}"
    else:
        yield from _fresh_postgres_database()


@pytest.fixture
def uow(database_url: str) -> Iterator[UnitOfWork]:
    """A unit of work on a database migrated to the newest revision."""
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        yield UnitOfWork(engine)
    finally:
        engine.dispose()


def _fresh_postgres_database() -> Iterator[str]:
    server = os.environ.get(POSTGRES_URL_ENV, "").strip()
    if not server:
        pytest.skip(
            f"{POSTGRES_URL_ENV} is not set: `bash scripts/test.sh` starts a PostgreSQL "
            "test server and sets it"
        )
    server = normalize_url(server)
    name = f"tollbook_t_{uuid.uuid4().hex[:16]}"
    admin = make_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
