"""Creating, upgrading and opening the database."""

from __future__ import annotations

from tollbook.store.database import database_url, make_engine
from tollbook.store.migrate import DatabaseNotReady, head_revision, require_head, upgrade
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["DatabaseNotReady", "init_database", "open_database", "schema_revision"]


def init_database(url: str | None = None) -> str:
    """Create or upgrade the database's schema to the newest revision; return it.

    Safe to run again: a database already at the newest revision is left as it is.
    Raises :class:`DatabaseNotReady` for a database this Tollbook cannot migrate.
    """
    revision = upgrade(url if url is not None else database_url())
    if revision is None:  # pragma: no cover - upgrade to head always leaves a revision
        raise DatabaseNotReady("migrations ran but left no revision")
    return revision


def open_database(url: str | None = None) -> UnitOfWork:
    """A unit of work on the database, checked to be at the newest revision.

    Raises :class:`DatabaseNotReady` (message: "database at revision X, ... run
    `tollbook init`") otherwise, for the CLI and the web app to show as it is.
    """
    engine = make_engine(url if url is not None else database_url())
    try:
        require_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return UnitOfWork(engine)


def schema_revision() -> str:
    """The newest schema revision this version of Tollbook knows."""
    return head_revision()
