"""Where the database is and how to connect to it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from tollbook import settings
from tollbook.store.database_key import DatabaseKeyError, is_encrypted, key_for, sqlcipher_key
from tollbook.store.file_modes import private_database, sqlite_path

#: Environment variable naming the database; a SQLAlchemy URL.
DATABASE_URL_ENV = settings.DATABASE_URL
#: A SQLite file in the current directory.
DEFAULT_DATABASE_URL = "sqlite:///tollbook.db"

_POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_POSTGRES_DRIVER_PREFIX = "postgresql+psycopg://"
#: The SQLAlchemy driver of an encrypted SQLite database (SQLCipher).
SQLCIPHER_DRIVER = "sqlite+pysqlcipher"


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


def make_engine(url: str | None = None, *, passphrase: str | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url`` (default: :func:`database_url`).

    SQLite connections get foreign keys enforced and write-ahead logging, so readers do
    not block the writer. An encrypted SQLite database (:mod:`tollbook.store.database_key`)
    is opened through SQLCipher with the key of ``passphrase`` (default: the one the
    process was given); a wrong passphrase raises :class:`DatabaseKeyError` on connecting.
    """
    url = normalize_url(url) if url is not None else database_url()
    private_database(url)  # a new SQLite file (and so its WAL) is made with mode 0600
    path = sqlite_path(url)
    parsed = make_url(url)
    if path is not None and is_encrypted(path, parsed.drivername == SQLCIPHER_DRIVER):
        key = key_for(path, passphrase)
        keyed = parsed.set(drivername=SQLCIPHER_DRIVER, password=sqlcipher_key(key))
        kwargs.setdefault("poolclass", QueuePool)
        engine = create_engine(keyed, **kwargs)
        event.listen(engine, "connect", _check_key(path))
    else:
        engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    return engine


def encrypted_path(engine: Engine) -> Path | None:
    """The file of an engine on an encrypted SQLite database, else None."""
    if engine.url.drivername != SQLCIPHER_DRIVER or not engine.url.database:
        return None
    return Path(engine.url.database)


def _check_key(path: Path) -> Any:
    def check(dbapi_connection: Any, connection_record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA cipher_log_level = NONE")  # no hmac errors on stderr
            cursor.execute("SELECT count(*) FROM sqlite_master")
        except Exception:
            raise DatabaseKeyError(f"the passphrase does not open {path}") from None
        finally:
            cursor.close()

    return check


def _configure_sqlite(dbapi_connection: Any, connection_record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()
