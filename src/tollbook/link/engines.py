"""Choosing an engine by name; each is imported only when chosen."""

from __future__ import annotations

from tollbook.link.engine import ENGINES, EngineName, EngineUnavailable, LinkageEngine


def open_engine(name: EngineName | str) -> LinkageEngine:
    """The engine called ``name`` (``duckdb`` or ``spark``), ready to use; close it after.

    Raises :class:`EngineUnavailable` when its libraries (or Java) are missing, and
    ValueError for an unknown name.
    """
    if name == "duckdb":
        from tollbook.link.duckdb_engine import duckdb_engine

        return duckdb_engine()
    if name == "spark":
        try:
            from tollbook.link.spark_engine import spark_engine
        except ImportError as error:  # pragma: no cover - the module imports nothing heavy
            raise EngineUnavailable(f"the Spark engine cannot run: {error}") from None
        return spark_engine()
    raise ValueError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")
