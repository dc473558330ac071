"""Where the database is and how to connect to it."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from tollbook import settings
from tollbook.store.file_modes import private_database

#: Environment variable naming the database; a SQLAlchemy URL.
DATABASE_URL_ENV = settings.DATABASE_URL
#: A SQLite file in the current directory.
DEFAULT_DATABASE_URL = "sqlite:///tollbook.db"

_POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_POSTGRES_DRIVER_PREFIX = "postgresql+psycopg://"


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """The database to use: ``$TOLLBOOK_DATABASE_URL``, else ``sqlite:///tollbook.db``."""
    env = os.environ if environ is None else environ
    url = env.get(DATABASE_URL_ENV, "").strip()
    return normalize_url(url or DEFAULT_DATABASE_URL)


def normalize_url(url: str) -> str:
    """Point a plain ``postgresql://`` (or ``postgres://``) URL at the psycopg 3 driver.

    URLs that name a driver already (``postgresql+psycopg2://``) are left alone.
    """
    for prefix in _POSTGRES_PREFIXES:
        if url.startswith(prefix):
            return _POSTGRES_DRIVER_PREFIX + url[len(prefix) :]
    return url


def redact_url(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url`` (default: :func:`database_url`).

    SQLite connections get foreign keys enforced and write-ahead logging, so readers do
    not block the writer.
    """
    url = normalize_url(url) if url is not None else database_url()
    private_database(url)  # a new SQLite file (and so its WAL) is made with mode 0600
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, connection_record: ConnectionPoolEntry) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):  # pragma: no cover
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()
