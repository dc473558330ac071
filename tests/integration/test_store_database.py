"""Choosing and connecting to the database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from tollbook.store.database import (
    DATABASE_URL_ENV,
    DEFAULT_DATABASE_URL,
    database_url,
    make_engine,
    normalize_url,
)


def test_default_is_a_sqlite_file_in_the_current_directory() -> None:
    assert database_url({}) == DEFAULT_DATABASE_URL == "sqlite:///tollbook.db"
    assert database_url({DATABASE_URL_ENV: "  "}) == DEFAULT_DATABASE_URL


def test_environment_names_the_database() -> None:
    assert database_url({DATABASE_URL_ENV: "sqlite:////data/t.db"}) == "sqlite:////data/t.db"


def test_plain_postgresql_urls_use_psycopg_3() -> None:
    env = {DATABASE_URL_ENV: "postgresql://u:p@db:5432/tollbook"}
    assert database_url(env) == "postgresql+psycopg://u:p@db:5432/tollbook"
    assert normalize_url("postgres://db/t") == "postgresql+psycopg://db/t"
    assert normalize_url("postgresql+psycopg2://db/t") == "postgresql+psycopg2://db/t"
    assert make_engine("postgresql://db/t").dialect.driver == "psycopg"


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        engine.dispose()
