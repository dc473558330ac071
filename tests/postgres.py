"""A throwaway database on the PostgreSQL test server named by
``$TOLLBOOK_TEST_POSTGRES_URL`` (``bash scripts/test.sh`` starts one and sets it);
without it the test is skipped, saying why.

Names are random (a prefix and 16 hex digits), so tests on several pytest-xdist workers
share the server without meeting.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tollbook.store.database import make_engine, normalize_url

POSTGRES_URL_ENV = "TOLLBOOK_TEST_POSTGRES_URL"


def _server() -> str:
    server = os.environ.get(POSTGRES_URL_ENV, "").strip()
    if not server:
        pytest.skip(
            f"{POSTGRES_URL_ENV} is not set: `bash scripts/test.sh` starts a PostgreSQL "
            "test server and sets it"
        )
    return normalize_url(server)


@contextmanager
def fresh_postgres_database(prefix: str, template_url: str | None = None) -> Iterator[str]:
    """The URL of a new database named ``prefix`` + a random part, dropped after: empty,
    or a copy of the database of ``template_url`` (which nobody may be connected to)."""
    server = _server()
    name = f"{prefix}{uuid.uuid4().hex[:16]}"
    copy = f' TEMPLATE "{make_url(template_url).database}"' if template_url else ""
    admin = make_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
