"""Many rows written at once through the driver's ``executemany``, for capture and import.

SQLAlchemy's ``insert()`` with a list of rows prepares each row's parameters one by one
(a third of an export's time at 100,000 records). Here the values are made ready once
(JSON serialised by the caller, or by the column type's own bind processor, so what is
stored is what SQLAlchemy would store) and handed to the driver as tuples, on SQLite and
PostgreSQL alike. Nothing goes through the ORM's identity map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.orm import Session

#: Rows per ``executemany`` (keeps one call's parameter list small in memory).
_BATCH = 5000


def _placeholders(paramstyle: str, count: int) -> list[str]:
    if paramstyle == "qmark":
        return ["?"] * count
    if paramstyle in ("format", "pyformat"):
        return ["%s"] * count
    if paramstyle == "numeric":
        return [f":{n}" for n in range(1, count + 1)]
    raise NotImplementedError(f"driver parameter style {paramstyle!r}")  # pragma: no cover


def _quote(session: Session, name: str) -> str:
    return session.get_bind().dialect.identifier_preparer.quote(name)


def _run(session: Session, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    connection = session.connection()
    for start in range(0, len(rows), _BATCH):
        connection.exec_driver_sql(sql, list(rows[start : start + _BATCH]))


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """``INSERT`` each of ``rows`` (values in the order of ``columns``, ready for the
    driver: see :func:`processors`)."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    names = ", ".join(_quote(session, c) for c in columns)
    marks = ", ".join(_placeholders(dialect.paramstyle, len(columns)))
    _run(session, f"INSERT INTO {_quote(session, table.name)} ({names}) VALUES ({marks})", rows)


def update_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    key: str,
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """``UPDATE`` ``columns`` of the row whose ``key`` is the last value of each tuple."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    marks = _placeholders(dialect.paramstyle, len(columns) + 1)
    sets = ", ".join(f"{_quote(session, c)} = {m}" for c, m in zip(columns, marks, strict=False))
    where = f"{_quote(session, key)} = {marks[-1]}"
    _run(session, f"UPDATE {_quote(session, table.name)} SET {sets} WHERE {where}", rows)


Processor = Callable[[Any], Any]


def processors(session: Session, table: Table, columns: Iterable[str]) -> list[Processor | None]:
    """Each column's bind processor on this database (None: the value goes as it is):
    JSON serialised, timestamps in the form the dialect stores."""
    dialect = session.get_bind().dialect
    found: list[Processor | None] = []
    for name in columns:
        column: Column[Any] = table.c[name]
        # the dialect's own form of the type (SQLite keeps timestamps as text)
        found.append(column.type.dialect_impl(dialect).bind_processor(dialect))
    return found


def ready_rows(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], procs: Sequence[Processor | None]
) -> list[tuple[Any, ...]]:
    """Rows' values for the driver, in the order of ``columns`` (``None`` goes through
    the processor too: a JSON column keeps it as JSON ``null``, as SQLAlchemy does)."""
    processed = [(i, p) for i, p in enumerate(procs) if p is not None]
    found = []
    for row in rows:
        values = [row[c] for c in columns]
        for i, process in processed:
            values[i] = process(values[i])
        found.append(tuple(values))
    return found


def new_keys(session: Session, table: Table, key: str, count: int) -> list[int]:
    """``count`` new local numbers for ``table``'s ``key``, as the database would give
    them, in increasing order: on PostgreSQL from the key's sequence; on SQLite the
    numbers after the highest (as SQLite does for a key without AUTOINCREMENT; the import
    holds the write lock, so no other writer takes them meanwhile)."""
    connection = session.connection()
    name, column = _quote(session, table.name), _quote(session, key)
    if session.get_bind().dialect.name == "postgresql":
        sql = "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)"
        numbers = [n for (n,) in connection.exec_driver_sql(sql, (table.name, key, count))]
        if any(n is None for n in numbers):
            raise RuntimeError(f"{table.name}.{key} has no sequence")
        return sorted(int(n) for n in numbers)
    top = connection.exec_driver_sql(f"SELECT max({column}) FROM {name}").scalar()
    start = int(top or 0) + 1
    return list(range(start, start + count))


#: SQLite's page cache while a bundle is written or read, in KiB (its default is 2 MB:
#: at 100,000 records the indexes of the change log and of ``sync_rows`` are read from
#: the file again and again as they grow).
_ROOMY_CACHE_KIB = 65536


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache for one export or import, then the connection's own
    size again (it goes back to the pool). Nothing on other databases."""
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        yield
        return
    driver_error: type[Exception] = dialect.loaded_dbapi.Error  # sqlite3 or sqlcipher3
    raw: Any = session.connection().connection.dbapi_connection
    (old,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute(f"PRAGMA cache_size = -{_ROOMY_CACHE_KIB}")
    try:
        yield
    finally:
        # after the commit (or the rollback): the same connection, now idle in the pool;
        # one closed meanwhile (its size gone with it) needs nothing
        with suppress(driver_error):
            raw.execute(f"PRAGMA cache_size = {int(old)}")
