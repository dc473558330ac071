"""Spark: for lists that outgrow one machine. Optional (``pip install 'tollbook[spark]'``,
and Java 17 or newer).

The same model and the same blocking rules as DuckDB, so the same pairs are scored the
same way. Without a cluster, a local Spark runs on this machine's cores; set
``TOLLBOOK_SPARK_MASTER`` to use a cluster.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Any

from tollbook.link.engine import EngineUnavailable
from tollbook.link.features import FeatureTable
from tollbook.link.splink_engine import PAIR_ORDER, SplinkEngine

SPARK_MASTER_ENV = "TOLLBOOK_SPARK_MASTER"


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


class SparkBackend:
    name = "spark"

    def __init__(self, master: str | None = None, partitions: int = 8) -> None:
        reason = spark_unavailable_reason()
        if reason is not None:
            raise EngineUnavailable(f"the Spark engine cannot run: {reason}")
        from pyspark.sql import SparkSession
        from splink import SparkAPI
        from splink.backends.spark import similarity_jar_location

        self._scratch = tempfile.mkdtemp(prefix="tollbook-spark-")
        builder = SparkSession.builder.master(
            master or os.environ.get(SPARK_MASTER_ENV) or "local[2]"
        )
        settings = {
            "spark.app.name": "tollbook-link",
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": str(partitions),
            "spark.default.parallelism": str(partitions),
            "spark.sql.execution.arrow.pyspark.enabled": "true",
            "spark.local.dir": self._scratch,
            "spark.driver.memory": "4g",
            # Splink's string similarity functions (Jaro-Winkler ...) for Spark SQL
            "spark.jars": similarity_jar_location(),
        }
        for key, value in settings.items():
            builder = builder.config(key, value)
        self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")
        self.spark.sparkContext.setCheckpointDir(os.path.join(self._scratch, "checkpoints"))
        self._api_class: Any = SparkAPI
        self._partitions = partitions
        self._names: dict[int, str] = {}

    def db_api(self) -> Any:
        # A new API object each time, as for DuckDB: Splink's table cache is per object.
        return self._api_class(
            spark_session=self.spark,
            break_lineage_method="persist",
            num_partitions_on_repartition=self._partitions,
        )

    def load(self, table: FeatureTable, name: str) -> Any:
        from tollbook.link.duckdb_engine import to_arrow

        frame = self.spark.createDataFrame(to_arrow(table).to_pandas())
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
        from pyspark.sql import functions

        ordered = frame.as_spark_dataframe().orderBy(*(functions.expr(term) for term in PAIR_ORDER))
        selected = ordered.select(*columns).toPandas()
        return {name: selected[name].tolist() for name in columns}

    def close(self) -> None:
        self.spark.stop()
        shutil.rmtree(self._scratch, ignore_errors=True)


def spark_engine(master: str | None = None) -> SplinkEngine:
    return SplinkEngine(SparkBackend(master))
