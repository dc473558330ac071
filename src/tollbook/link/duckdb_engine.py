"""DuckDB: the default engine, in the process, on this machine's cores."""

from __future__ import annotations

from typing import Any

from tollbook.link.engine import EngineUnavailable
from tollbook.link.features import FEATURE_COLUMNS, FeatureTable
from tollbook.link.splink_engine import PAIR_ORDER, SplinkEngine


class DuckDBBackend:
    name = "duckdb"

    def __init__(self, threads: int | None = None) -> None:
        try:
            import duckdb
            from splink import DuckDBAPI
        except ImportError as error:  # pragma: no cover - both are dependencies
            raise EngineUnavailable(f"the DuckDB engine needs splink and duckdb: {error}") from None
        self._con = duckdb.connect(":memory:")
        if threads is not None:
            self._con.execute(f"SET threads = {int(threads)}")
        self._con.execute("SET preserve_insertion_order = false")
        self._api_class = DuckDBAPI

    def db_api(self) -> Any:
        # A new API object each time: Splink caches intermediate tables per API object,
        # and a cache from training on a sample must not leak into scoring everything.
        return self._api_class(connection=self._con)

    def load(self, table: FeatureTable, name: str) -> Any:
        arrow = to_arrow(table)
        self._con.register(f"{name}_arrow", arrow)
        self._con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {name}_arrow")
        self._con.unregister(f"{name}_arrow")
        return name

    integer_division = "//"

    def table_name(self, loaded: Any) -> str:
        return str(loaded)

    def scalar(self, sql: str) -> int:
        rows = self._con.execute(sql).fetchall()
        return int(rows[0][0] or 0) if rows else 0

    def fetch(self, frame: Any, columns: list[str]) -> dict[str, list[Any]]:
        selected = ", ".join(columns)
        result = self._con.execute(
            f"SELECT {selected} FROM {frame.physical_name} ORDER BY {', '.join(PAIR_ORDER)}"
        ).fetchnumpy()
        return {name: values.tolist() for name, values in result.items()}

    def close(self) -> None:
        self._con.close()


def to_arrow(table: FeatureTable) -> Any:
    """The feature table as a pyarrow table of the present columns."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    types = {"int": pa.int64(), "str": pa.string(), "date": pa.string()}
    present = table.present
    arrays = {
        name: pa.array(values, type=types[FEATURE_COLUMNS[name]])
        for name, values in table.columns.items()
        if name in present
    }
    return pa.table(arrays)


def duckdb_engine(threads: int | None = None) -> SplinkEngine:
    return SplinkEngine(DuckDBBackend(threads))
