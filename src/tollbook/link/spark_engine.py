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

import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from tollbook.link.engine import EngineUnavailable
from tollbook.link.features import FeatureTable
from tollbook.link.splink_engine import SplinkEngine

SPARK_MASTER_ENV = "TOLLBOOK_SPARK_MASTER"
#: Tollbook's own keys (Spark keeps unknown ``spark.*`` keys and ignores them):
#: how Splink breaks lineage (``persist``, ``checkpoint`` or ``parquet``) ...
BREAK_LINEAGE_KEY = "spark.tollbook.breakLineage"
#: ... where checkpoints and Parquet go (on a cluster: storage every node reaches) ...
CHECKPOINT_DIR_KEY = "spark.tollbook.checkpointDir"
#: ... and the keys a user set, which Tollbook then leaves alone.
FIXED_KEY = "spark.tollbook.fixed"
#: Shuffle partitions: about this many records each, between one and
#: :data:`PARTITIONS_PER_CORE` per core (Splink's guidance: about five per core on a
#: cluster; fewer on one machine, where each task costs more than it spreads).
RECORDS_PER_PARTITION = 25_000
PARTITIONS_PER_CORE = 4
#: Splink's intermediate tables kept between the steps of a training session.
KEPT_TABLES = ("__splink__agreement_pattern_counts",)


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


def parse_spark_conf(items: Iterable[str]) -> dict[str, str]:
    """``KEY=VALUE`` strings (``--spark-conf``) as a mapping; ValueError naming the item
    that is not one."""
    conf: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key or not value.strip():
            raise ValueError(f"--spark-conf {item!r}: write KEY=VALUE (spark.executor.memory=8g)")
        if not key.startswith("spark."):
            raise ValueError(f"--spark-conf {item!r}: Spark settings start with 'spark.'")
        conf[key] = value.strip()
    return conf


def local_cores(master: str, available: int) -> int | None:
    """The cores a ``local``, ``local[N]`` or ``local[*]`` master uses; None for a cluster."""
    if master == "local":
        return 1
    if master.startswith("local["):
        inside = master[len("local[") :].split("]")[0].split(",")[0].strip()
        return available if inside == "*" else max(1, int(inside))
    return None


def shuffle_partitions(records: int, cores: int) -> int:
    """Shuffle partitions for ``records`` records on ``cores`` cores: one per
    :data:`RECORDS_PER_PARTITION` records, at least one per core and at most
    :data:`PARTITIONS_PER_CORE` per core."""
    cores = max(1, cores)
    wanted = math.ceil(max(records, 1) / RECORDS_PER_PARTITION)
    return max(cores, min(wanted, PARTITIONS_PER_CORE * cores))


def driver_memory(total_bytes: int) -> str:
    """The local driver's heap: a quarter of the machine's memory, from 2 to 16 GiB."""
    gib = total_bytes // 2**30
    return f"{max(2, min(16, gib // 4))}g"


def spark_settings(
    *,
    master: str,
    cores: int,
    scratch: str,
    total_memory: int,
    jar: str,
    overrides: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The session's settings for a linkage job (before the data is known; the shuffle
    partitions are set again from the data by :meth:`SparkBackend.load`), with
    ``overrides`` winning."""
    local = local_cores(master, cores) is not None
    partitions = str(shuffle_partitions(0, cores))
    settings = {
        "spark.master": master,
        "spark.app.name": "tollbook-link",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": partitions,
        "spark.default.parallelism": partitions,
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.adaptive.coalescePartitions.enabled": "true",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
        # Splink's string similarity functions (Jaro-Winkler ...) for Spark SQL
        "spark.jars": jar,
        BREAK_LINEAGE_KEY: "persist" if local else "parquet",
        CHECKPOINT_DIR_KEY: os.path.join(scratch, "checkpoints"),
    }
    if local:
        settings |= {
            "spark.local.dir": scratch,
            "spark.driver.memory": driver_memory(total_memory),
            "spark.locality.wait": "0s",
            # a linkage job runs hundreds of short queries, each compiling new code:
            # the JIT's quick tier pays off, its slow optimising tier does not
            "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
        }
    given = dict(overrides or {})
    settings |= given
    settings[FIXED_KEY] = ",".join(sorted(given))
    return settings


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
        self._lineage = str(conf.get(BREAK_LINEAGE_KEY, "persist"))
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
            num_partitions_on_repartition=self._partitions,
        )

    def load(self, table: FeatureTable, name: str) -> Any:
        from tollbook.link.duckdb_engine import to_arrow

        self._records = max(self._records, len(table))
        if "spark.sql.shuffle.partitions" not in self._fixed:
            self._partitions = shuffle_partitions(self._records, self._cores)
            self.spark.conf.set("spark.sql.shuffle.partitions", str(self._partitions))
        frame = self.spark.createDataFrame(to_arrow(table).to_pandas())
        # spread evenly before the blocking joins, and computed once (not per query)
        frame = frame.repartition(max(1, min(self._partitions, math.ceil(len(table) / 2000))))
        frame = frame.persist()
        frame.count()
        self._loaded.append(frame)
        frame.createOrReplaceTempView(name)
        self._names[id(frame)] = name
        return frame

    integer_division = "DIV"

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
        if self._owned:  # a shared session (spark-submit's, a test's) is left running
            self.spark.stop()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)


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
    """Splink's Spark API, also keeping (and computing at once) the tables of
    :data:`KEPT_TABLES`: the agreement-pattern counts read by every
    expectation-maximisation iteration."""
    from splink import SparkAPI

    class KeptTablesAPI(SparkAPI):
        def _break_lineage_and_repartition(
            self, spark_df: Any, templated_name: str, physical_name: str
        ) -> Any:
            spark_df = super()._break_lineage_and_repartition(  # type: ignore[no-untyped-call]
                spark_df, templated_name, physical_name
            )
            if templated_name in KEPT_TABLES:
                spark_df = spark_df.coalesce(1).persist()
                spark_df.count()
            return spark_df

    return KeptTablesAPI


def spark_engine(
    master: str | None = None,
    overrides: Mapping[str, str] | None = None,
    *,
    em_iterations: int = 25,
) -> SplinkEngine:
    return SplinkEngine(SparkBackend(master, overrides), em_iterations=em_iterations)
