"""Run the schema migrations from code: no alembic.ini, the scripts ship in the package.

Alembic is imported only to migrate or to explain a database at the wrong revision:
every command opens the database, and checking that it is at the newest revision needs
only its ``alembic_version`` row and the newest script's name (a few tenths of a second
less at the start of every ``tollbook`` process).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from tollbook.store.database import make_engine, normalize_url, redact_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
INIT_COMMAND = "tollbook init"


class DatabaseNotReady(RuntimeError):
    """The database's schema is not the one this version of Tollbook expects."""


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at the packaged migration scripts.

    The URL travels in ``config.attributes`` (not the ini options) so that ``%`` in a
    password needs no escaping.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.attributes["url"] = normalize_url(url)
    return config


def head_revision() -> str:
    """The newest revision the packaged migrations know."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


#: A migration script's file name: its revision id, then what it does.
_SCRIPT_NAME_RE = re.compile(r"^(\d{4})_\w+\.py$")


def newest_script_revision() -> str:
    """The revision id of the newest script, from the scripts' file names (``0015_...``):
    the head, since the scripts form one chain, each named by its revision id (checked
    against Alembic's head by the tests)."""
    ids = [
        m.group(1)
        for m in map(_SCRIPT_NAME_RE.match, (p.name for p in MIGRATIONS_DIR.glob("versions/*.py")))
        if m is not None
    ]
    if not ids:  # pragma: no cover - the package always ships migrations
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return max(ids)


def upgrade(url: str, revision: str = "head") -> str | None:
    """Migrate the database at ``url`` up to ``revision``; return the revision it is at."""
    from alembic import command

    _run(url, command.upgrade, revision)
    return current_revision(url)


def downgrade(url: str, revision: str) -> str | None:
    """Migrate the database at ``url`` down to ``revision`` (``"base"``: no tables)."""
    from alembic import command

    _run(url, command.downgrade, revision)
    return current_revision(url)


def current_revision(url: str) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    engine = make_engine(url)
    try:
        return revision_of(engine)
    finally:
        engine.dispose()


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _stored_revision(connection)


def _stored_revision(connection: Connection) -> str | None:
    """What ``alembic_version`` holds (Alembic's ``get_current_revision`` reads the same
    row), or None when the table is not there."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise DatabaseNotReady(f"the database is at several revisions at once: {sorted(rows)}")
    return rows[0] if rows else None


def require_head(engine: Engine) -> None:
    """Raise :class:`DatabaseNotReady` unless the database is at the newest revision."""
    current = revision_of(engine)
    if current is not None and current == newest_script_revision():
        return
    head = head_revision()
    if current == head:
        return
    where = engine.url.render_as_string(hide_password=True)
    if current is None:
        raise DatabaseNotReady(
            f"database at revision none (no Tollbook tables yet) in {where}, run `{INIT_COMMAND}`"
        )
    if not _is_known(current):
        raise DatabaseNotReady(
            f"database at revision {current} in {where}, which this version of Tollbook "
            f"does not know (its newest is {head}): use a newer Tollbook"
        )
    raise DatabaseNotReady(
        f"database at revision {current} in {where}, this Tollbook needs {head}, "
        f"run `{INIT_COMMAND}`"
    )


def new_revision(message: str, *, autogenerate: bool = True) -> Path:
    """Write the next migration script, ``versions/NNNN_<message>.py``; return its path.

    With ``autogenerate``, the script holds the changes from the newest revision to the
    models in :mod:`tollbook.store.tables`, found by migrating a scratch SQLite database;
    read and complete it before committing (CHECK constraints and triggers are not found).
    """
    from alembic import command
    from alembic.script import Script

    next_id = f"{int(head_revision()) + 1:04d}"
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'scratch.db'}"
        upgrade(url)
        config = alembic_config(url)
        script = command.revision(
            config, message=message, autogenerate=autogenerate, rev_id=next_id
        )
    if not isinstance(script, Script):  # pragma: no cover - one script per call
        raise RuntimeError(f"alembic wrote no single script for {message!r}")
    return Path(script.path)


def _is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _run(url: str, step: Callable[[Config, str], None], revision: str) -> None:
    from alembic.util.exc import CommandError

    config = alembic_config(url)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            step(config, revision)
    except CommandError as error:
        raise DatabaseNotReady(
            f"cannot migrate database {redact_url(url)} to {revision}: {error}"
        ) from error
    finally:
        engine.dispose()
