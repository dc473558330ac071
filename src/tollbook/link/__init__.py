"""Person records -> linked persons: probabilistic record linkage (Fellegi–Sunter, with
Splink), on DuckDB by default or Spark for data that outgrows one machine.

Pure parts: :mod:`~tollbook.link.features` (records -> comparable columns),
:mod:`~tollbook.link.blocking` (which pairs are compared),
:mod:`~tollbook.link.clustering` (pairs -> persons, respecting human decisions),
:mod:`~tollbook.link.explain`, :mod:`~tollbook.link.evaluation` and the engine interface
:mod:`~tollbook.link.engine`. Splink is imported by :mod:`~tollbook.link.model` (the
comparisons) and the engines (:mod:`~tollbook.link.splink_engine`,
:mod:`~tollbook.link.duckdb_engine`, :mod:`~tollbook.link.spark_engine`), which
:func:`tollbook.link.engine.open_engine` imports only when one is used.
"""
