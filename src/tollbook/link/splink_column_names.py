"""Splink reads a column name by parsing it with sqlglot, and does so again for every
column of every comparison level each time it writes a step's SQL, parsing four constant
strings besides on every call (``SqlglotColumnTreeBuilder.
from_raw_column_name_or_column_reference`` in Splink 4). On a linkage of a few thousand
records that is several thousand parses, a large share of the run's time.

The builder it returns is a frozen dataclass, a function of the name and the SQL dialect
alone, so :func:`install` keeps one per (name, dialect): the same objects Splink would
build, built once. If Splink's builder is not where Splink 4 keeps it, nothing is
changed. The linkage tests (the same pairs and persons on DuckDB and Spark, and against
the stored models) run with it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_INSTALLED = "_tollbook_cached"
_UNCACHED = "_tollbook_uncached"


def install() -> bool:
    """Cache Splink's column-name parsing; True if it is cached (now or before)."""
    try:
        from splink.internals.input_column import SqlglotColumnTreeBuilder
    except ImportError:  # pragma: no cover - a Splink that keeps it elsewhere
        return False
    builder: Any = SqlglotColumnTreeBuilder
    if getattr(builder, _INSTALLED, False):
        return True
    original = builder.__dict__.get("from_raw_column_name_or_column_reference")
    params = getattr(builder, "__dataclass_params__", None)
    if not isinstance(original, classmethod) or params is None or not params.frozen:
        return False  # pragma: no cover - not the frozen builder this was written for
    parse = original.__func__

    @lru_cache(maxsize=4096)
    def cached(input_str: str, sqlglot_dialect: str | None) -> Any:
        return parse(builder, input_str, sqlglot_dialect)

    def from_raw(cls: type, input_str: str, sqlglot_dialect: str | None = None) -> Any:
        if cls is not builder or not isinstance(input_str, str):
            return parse(cls, input_str, sqlglot_dialect)
        return cached(input_str, sqlglot_dialect)

    builder.from_raw_column_name_or_column_reference = classmethod(from_raw)
    setattr(builder, _UNCACHED, parse)
    setattr(builder, _INSTALLED, True)
    return True


def parse_uncached(name: str, sqlglot_dialect: str) -> Any:
    """Splink's own parse of ``name``, not cached (for the tests), after :func:`install`."""
    from splink.internals.input_column import SqlglotColumnTreeBuilder

    return getattr(SqlglotColumnTreeBuilder, _UNCACHED)(
        SqlglotColumnTreeBuilder, name, sqlglot_dialect
    )
