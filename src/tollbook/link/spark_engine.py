"""Spark: for lists that outgrow one machine. Optional (``pip install 'tollbook[spark]'``,
and Java 17 or newer).

The same model and the same blocking rules as DuckDB, so the same pairs are scored the
same way. Without a cluster, a local Spark runs on this machine's cores; set
``TOLLBOOK_SPARK_MASTER`` (or run under ``spark-submit``) to use a cluster.

Spark's defaults suit neither a few thousand records nor a Splink job (hundreds of small
queries, an iterative training): the settings here are chosen from the data and the
cores (:func:`spark_settings`, :func:`shuffle_partitions`) and any of them is overridden
with ``--spark-conf KEY=VALUE`` (``docs/spark.md``). The inputs are repartitioned and
cached before the blocking joins; the comparison vectors and, between the
expectation-maximisation iterations, their agreement-pattern counts are kept (cached,
or written to the checkpoint directory on a cluster), so that no iteration recomputes
the pairs.
"""

from __future__ import annotations

import functools
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from tollbook.link.engine import EngineUnavailable
from tollbook.link.features import FeatureTable
from tollbook.link.spark_conf import (
    BREAK_LINEAGE_KEY,
    CHECKPOINT_DIR_KEY,
    FIXED_KEY,
    TRAIN_ON,
    TRAIN_ON_KEY,
    repartition_base,
    shuffle_partitions,
    spark_settings,
)
from tollbook.link.splink_engine import SplinkEngine

SPARK_MASTER_ENV = "TOLLBOOK_SPARK_MASTER"
#: Splink's intermediate tables kept between the steps of a training session.
KEPT_TABLES = ("__splink__agreement_pattern_counts",)
#: A pipeline ending in the first table, whose query reads the second several times
#: (one ``group by`` per comparison over the pairs' predictions): the second is computed
#: once and kept. Not when it reads the agreement-pattern counts (a few hundred rows,
#: cheaper to recompute than to keep).
SPLIT_BEFORE = ("__splink__m_u_counts", "__splink__df_predict")
#: Date columns (ISO strings) compared by their distance, and the feature column holding
#: the same date as a day number: Splink's Spark SQL parses each string of each pair with
#: java.time (most of the CPU of a training on Spark); the day numbers are subtracted.
DAY_COLUMNS = {"death_date": "death_day"}
#: The suffix of the 64-bit hashes of the blocking keys (:func:`hash_blocking_rule`).
HASH_SUFFIX = "__h"
_PARSED_DATE = (
    r"UNIX_TIMESTAMP\(date\(try_to_timestamp\(`?{column}_(?P<side>[lr])`?, 'yyyy-MM-dd'\)\)\)"
)


def spark_unavailable_reason() -> str | None:
    """Why the Spark engine cannot run here (pyspark or Java missing), or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed: pip install 'tollbook[spark]'"
    java = shutil.which("java", path=_java_path())
    if java is None:
        return "Spark needs Java (17 or newer): install a JDK or set JAVA_HOME"
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as error:
        return f"Spark needs a working Java; `java -version` failed: {error}"
    return None


def _java_path() -> str | None:
    home = os.environ.get("JAVA_HOME")
    path = os.environ.get("PATH", "")
    return f"{home}/bin{os.pathsep}{path}" if home else path


# --- settings (pure) ----------------------------------------------------------------


def adapt_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Splink's settings (for Spark SQL) with each date distance computed from the day
    numbers of :data:`DAY_COLUMNS` instead of parsing the date strings of every pair: the
    same seconds (day number x 86400, in UTC as DuckDB computes them), so the same levels;
    and the prediction's blocking rules joining on the keys' hashes
    (:func:`hash_blocking_rule`)."""
    out = dict(settings)
    comparisons = []
    for comparison in settings["comparisons"]:
        comparison = dict(comparison)
        levels = []
        for level in comparison["comparison_levels"]:
            level = dict(level)
            condition = str(level.get("sql_condition", ""))
            for column, day in DAY_COLUMNS.items():
                condition = re.sub(
                    _PARSED_DATE.format(column=column), rf"(`{day}_\g<side>` * 86400)", condition
                )
            level["sql_condition"] = condition
            levels.append(level)
        comparison["comparison_levels"] = levels
        comparisons.append(comparison)
    out["comparisons"] = comparisons
    rules = []
    for rule in settings.get("blocking_rules_to_generate_predictions", []):
        if isinstance(rule, dict):
            rule = dict(rule)
            rule["blocking_rule"] = hash_blocking_rule(str(rule["blocking_rule"]), blocking_keys())
        elif isinstance(rule, str):
            rule = hash_blocking_rule(rule, blocking_keys())
        rules.append(rule)
    out["blocking_rules_to_generate_predictions"] = rules
    return out


@functools.cache
def blocking_keys() -> frozenset[str]:
    """The columns the blocking rules join on by equality."""
    from tollbook.link import blocking

    return frozenset(t for rule in blocking.CANDIDATES for t in blocking.exact_terms(rule))


def hashed_column(column: str) -> str:
    """The column holding a 64-bit hash of ``column`` (null where it is null)."""
    return f"{column}{HASH_SUFFIX}"


def hash_blocking_rule(sql: str, hashed: Iterable[str]) -> str:
    """A blocking condition with each equality of a ``hashed`` column made an equality
    of its hashes. Spark then joins and excludes earlier rules' pairs on 64-bit numbers
    instead of strings; two different keys with one hash (about one chance in 2**64 a
    pair) only add a pair that is then scored like any other, so no pair is lost."""
    for column in sorted(hashed, key=len, reverse=True):
        mark = hashed_column(column)
        sql = re.sub(
            rf"\bl\.`?{column}`?\s*=\s*r\.`?{column}`?(?![\w`])",
            f"l.{mark} = r.{mark}",
            sql,
        )
    return sql


# --- the session ----------------------------------------------------------------------


def _machine_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not POSIX
        return 8 * 2**30


def open_session(
    master: str | None = None, overrides: Mapping[str, str] | None = None
) -> tuple[Any, str]:
    """A new Spark session with :func:`spark_settings`, and its scratch folder (delete it
    after stopping the session). Raises :class:`EngineUnavailable` when Spark cannot run."""
    reason = spark_unavailable_reason()
    if reason is not None:
        raise EngineUnavailable(f"the Spark engine cannot run: {reason}")
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    chosen = (
        (overrides or {}).get("spark.master")
        or master
        or os.environ.get(SPARK_MASTER_ENV)
        or f"local[{os.cpu_count() or 1}]"
    )
    scratch = tempfile.mkdtemp(prefix="tollbook-spark-")
    settings = spark_settings(
        master=chosen,
        cores=os.cpu_count() or 1,
        scratch=scratch,
        total_memory=_machine_memory(),
        jar=similarity_jar_location(),
        overrides=overrides,
    )
    builder = SparkSession.builder
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session, scratch


@contextmanager
def spark_session(
    master: str | None = None, overrides: Mapping[str, str] | None = None
) -> Iterator[Any]:
    """A Spark session for the linkage runs inside the block (the engine uses it instead
    of starting its own), stopped after: how ``tollbook link --spark-conf`` passes its
    settings through the services."""
    session, scratch = open_session(master, overrides)
    try:
        yield session
    finally:
        session.stop()
        shutil.rmtree(scratch, ignore_errors=True)


class SparkBackend:
    """Splink on Spark. Uses the active session when there is one (``spark-submit``, or
    a caller's shared session, which it leaves running), else starts its own."""

    name = "spark"

    def __init__(
        self, master: str | None = None, overrides: Mapping[str, str] | None = None
    ) -> None:
        reason = spark_unavailable_reason()
        if reason is not None:
            raise EngineUnavailable(f"the Spark engine cannot run: {reason}")
        from pyspark import SparkContext
        from pyspark.sql import SparkSession

        active = SparkSession.getActiveSession()
        if active is None and SparkContext._active_spark_context is not None:
            # a session started in another thread (the web app runs jobs in threads)
            active = SparkSession.builder.getOrCreate()
        self._scratch: str | None = None
        self._owned = active is None
        if active is None:
            self.spark, self._scratch = open_session(master, overrides)
        else:
            self.spark = active
            _set_on_running(active, overrides or {})
        conf = self.spark.conf
        self._fixed = set(filter(None, str(conf.get(FIXED_KEY, "")).split(",")))
        self._lineage = str(conf.get(BREAK_LINEAGE_KEY, "parquet"))
        train_on = str(conf.get(TRAIN_ON_KEY, "driver"))
        if train_on not in TRAIN_ON:
            raise ValueError(f"--spark-conf {TRAIN_ON_KEY}={train_on}: write driver or spark")
        #: trained in DuckDB on the driver (a bounded job, seconds) rather than as some
        #: hundred Spark jobs (measured at 100,260 records: docs/spark.md)
        self.train_on_driver = train_on == "driver"
        self._cores = max(1, int(self.spark.sparkContext.defaultParallelism))
        context = self.spark.sparkContext
        if context._jsc.sc().getCheckpointDir().isEmpty():
            folder = conf.get(CHECKPOINT_DIR_KEY, None) or os.path.join(
                self._own_scratch(), "checkpoints"
            )
            context.setCheckpointDir(str(folder))
        self._records = 0
        self._partitions = int(conf.get("spark.sql.shuffle.partitions", str(self._cores)))
        self._names: dict[int, str] = {}
        self._loaded: list[Any] = []
        #: each feature table loaded, with its frame: the same table (the one trained on,
        #: then scored) is loaded once (creating, hashing and caching 100,260 records took
        #: about 5 s of a 97 s run)
        self._frames: list[tuple[FeatureTable, Any]] = []
        self._api_class = _kept_tables_api()

    def _own_scratch(self) -> str:
        if self._scratch is None:
            self._scratch = tempfile.mkdtemp(prefix="tollbook-spark-")
        return self._scratch

    @property
    def partitions(self) -> int:
        """The shuffle partitions in use."""
        return self._partitions

    def db_api(self) -> Any:
        # A new API object each time, as for DuckDB: Splink's table cache is per object.
        return self._api_class(
            spark_session=self.spark,
            break_lineage_method=self._lineage,
            num_partitions_on_repartition=repartition_base(self._partitions, self._cores),
        )

    def load(self, table: FeatureTable, name: str) -> Any:
        from tollbook.link.duckdb_engine import to_arrow

        for kept, frame in self._frames:
            if kept is table:  # trained on, now scored: already on the executors
                frame.createOrReplaceTempView(name)
                self._names[id(frame)] = name
                return frame
        frame = self.load_rows(to_arrow(table).to_pandas(), name)
        self._frames.append((table, frame))
        return frame

    def load_rows(self, rows: Any, name: str, splink_table: str | None = None) -> Any:
        """A pandas frame of records on the executors, with the hashes of their blocking
        keys, spread evenly before the blocking joins and computed once (not per query).
        As Splink keeps its own table ``splink_table`` when one is named (repartitioned
        and written out, :data:`BREAK_LINEAGE_KEY`): kept in memory instead, a table the
        blocking joins read took three times as long (measured at 100,260 records)."""
        self._records = max(self._records, len(rows))
        if "spark.sql.shuffle.partitions" not in self._fixed:
            self._partitions = shuffle_partitions(self._records, self._cores)
            self.spark.conf.set("spark.sql.shuffle.partitions", str(self._partitions))
        frame = _with_key_hashes(self.spark.createDataFrame(rows))
        if splink_table is not None:
            api = self.db_api()
            frame = api._break_lineage_and_repartition(frame, splink_table, f"{name}_rows")
            frame.createOrReplaceTempView(name)
            self._names[id(frame)] = name
            return frame
        frame = frame.repartition(max(1, min(self._partitions, math.ceil(len(rows) / 2000))))
        frame = frame.persist()
        frame.count()
        self._loaded.append(frame)
        frame.createOrReplaceTempView(name)
        self._names[id(frame)] = name
        return frame

    integer_division = "DIV"
    #: the u probabilities come from a bounded sample of records compared in DuckDB on
    #: the driver (2 million pairs: seconds there, minutes as Spark jobs)
    u_on_driver = True
    #: the pairs each candidate blocking rule makes are counted in DuckDB on the driver,
    #: which holds the features anyway (some fifty counting queries: seconds there, a
    #: Spark job each here)
    counts_on_driver = True
    #: the records to score come with their term frequencies, made in DuckDB on the
    #: driver from the features it holds (:func:`~tollbook.link.splink_engine._concat_with_tf`):
    #: on Spark the term-frequency tables and their joins took 4-6 s at 100,260 records
    concat_on_driver = True

    def adapt_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        return adapt_settings(settings)

    def table_name(self, loaded: Any) -> str:
        return self._names[id(loaded)]

    def scalar(self, sql: str) -> int:
        value = self.spark.sql(sql).collect()[0][0]
        return int(value or 0)

    def fetch(self, frame: Any, columns: list[str]) -> dict[str, list[Any]]:
        # sorted here rather than by Spark: a global sort costs a sampling job and a shuffle
        selected = frame.as_spark_dataframe().select(*columns).toPandas()
        left = selected["unique_id_l"].to_numpy()
        right = selected["unique_id_r"].to_numpy()
        import numpy as np

        order = np.lexsort((np.maximum(left, right), np.minimum(left, right)))
        ordered = selected.iloc[order]
        return {name: ordered[name].tolist() for name in columns}

    def close(self) -> None:
        for frame in self._loaded:
            frame.unpersist()
        self._loaded.clear()
        self._frames.clear()
        if self._owned:  # a shared session (spark-submit's, a test's) is left running
            self.spark.stop()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)


def _with_key_hashes(frame: Any) -> Any:
    """``frame`` with a 64-bit hash beside each blocking key it holds (null for null:
    Spark's ``xxhash64`` of a null is its seed, which would pair every record lacking the
    key with every other)."""
    from pyspark.sql import functions as F

    keys = blocking_keys()
    present = [c for c in frame.columns if c in keys]
    return frame.withColumns(
        {hashed_column(c): F.when(F.col(c).isNotNull(), F.xxhash64(F.col(c))) for c in present}
    )


def _set_on_running(session: Any, overrides: Mapping[str, str]) -> None:
    """Apply ``overrides`` to a running session; a setting fixed at start-up (memory,
    master, jars) raises ValueError saying to pass it to ``spark-submit --conf``."""
    fixed = set(filter(None, str(session.conf.get(FIXED_KEY, "")).split(",")))
    for key, value in overrides.items():
        try:
            session.conf.set(key, value)
        except Exception as error:  # pyspark raises its own AnalysisException types
            raise ValueError(
                f"--spark-conf {key}={value}: the running Spark session cannot change it "
                f"({type(error).__name__}); pass it to spark-submit --conf instead"
            ) from None
        fixed.add(key)
    if overrides:
        session.conf.set(FIXED_KEY, ",".join(sorted(fixed)))


def _kept_tables_api() -> Any:
    """Splink's Spark API, with two changes to how it runs a training:

    - the tables of :data:`KEPT_TABLES` (the agreement-pattern counts, a few hundred
      rows) are brought to the driver once, and the expectation-maximisation iterations
      that read nothing else run there, in DuckDB (as Splink itself computes each
      iteration's proportions), instead of as Spark jobs: the same SQL, on a table of a
      few hundred rows, in milliseconds rather than a Spark job's seconds;
    - the pairs' predictions that a query of :data:`SPLIT_BEFORE` reads several times
      are computed once and kept (Spark does not materialise a common table
      expression: it computes it again for each reference).
    """
    from splink import SparkAPI
    from splink.internals.pipeline import CTEPipeline
    from splink.internals.spark.dataframe import SparkDataFrame

    class DriverFrame(SparkDataFrame):
        """A small result computed on the driver (a pandas frame)."""

        def __init__(self, templated: str, physical: str, api: Any, frame: Any) -> None:
            super().__init__(templated, physical, api)
            self._frame = frame

        def as_pandas_dataframe(self, limit: int | None = None) -> Any:
            return self._frame if limit is None else self._frame.head(limit)

    class KeptTablesAPI(SparkAPI):
        def _break_lineage_and_repartition(
            self, spark_df: Any, templated_name: str, physical_name: str
        ) -> Any:
            spark_df = super()._break_lineage_and_repartition(  # type: ignore[no-untyped-call]
                spark_df, templated_name, physical_name
            )
            if templated_name in KEPT_TABLES:
                self._driver_tables()[physical_name] = spark_df.toPandas()
            return spark_df

        def _driver_tables(self) -> dict[str, Any]:
            if not hasattr(self, "_on_driver"):
                self._on_driver: dict[str, Any] = {}
            return self._on_driver

        def sql_pipeline_to_splink_dataframe(
            self, pipeline: CTEPipeline, use_cache: bool = True
        ) -> Any:
            if self.debug_mode:
                return super().sql_pipeline_to_splink_dataframe(pipeline, use_cache)
            local = self._driver_tables()
            inputs = pipeline.input_dataframes
            if inputs and all(df.physical_name in local for df in inputs):
                return self._run_on_driver(pipeline)
            names = [cte.output_table_name for cte in pipeline.queue]
            split = _split_at(names, [df.templated_name for df in inputs])
            if split is None:
                return super().sql_pipeline_to_splink_dataframe(pipeline, use_cache)
            # the last split's shared table has been read by now: let it go
            for frame in getattr(self, "_shared", []):
                frame.unpersist()
            head = CTEPipeline(inputs)
            head.queue = pipeline.queue[:split]
            shared = super().sql_pipeline_to_splink_dataframe(head, use_cache=False)
            kept = shared.as_spark_dataframe()
            kept.count()  # computed and kept now (Splink persists it), read by each part
            self._shared = [kept]
            tail = CTEPipeline([*inputs, shared])
            tail.queue = pipeline.queue[split:]
            pipeline.spent = True
            return super().sql_pipeline_to_splink_dataframe(tail, use_cache)

        def _run_on_driver(self, pipeline: CTEPipeline) -> Any:
            import duckdb

            output = pipeline.output_table_name
            tables = {
                df.physical_name: self._on_driver[df.physical_name]
                for df in pipeline.input_dataframes
            }
            sql = pipeline.generate_cte_pipeline_sql()
            connection = duckdb.connect(":memory:")
            try:
                for name, frame in tables.items():
                    connection.register(name, frame)
                result = connection.execute(sql).df()
            finally:
                connection.close()
            return DriverFrame(output, f"{output}_on_driver", self, result)

    return KeptTablesAPI


def _split_at(names: list[str], inputs: list[str]) -> int | None:
    """Where to cut a pipeline of tables ``names`` (reading ``inputs``) so that the shared
    table of :data:`SPLIT_BEFORE` is computed once: the index after it, or None."""
    last, shared = SPLIT_BEFORE
    if not names or names[-1] != last or shared not in names[:-1]:
        return None
    if any(name in KEPT_TABLES for name in inputs):
        return None
    return names.index(shared) + 1


def spark_engine(
    master: str | None = None,
    overrides: Mapping[str, str] | None = None,
    *,
    em_iterations: int = 25,
) -> SplinkEngine:
    return SplinkEngine(SparkBackend(master, overrides), em_iterations=em_iterations)
