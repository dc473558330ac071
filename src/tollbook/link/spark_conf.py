"""The settings of a Spark session for a linkage job: chosen from the data size, the
cores and the machine's memory, with ``--spark-conf KEY=VALUE`` overrides winning
(``docs/spark.md``). Pure: no Spark is imported here."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping

#: Tollbook's own keys (Spark keeps unknown ``spark.*`` keys and ignores them):
#: how Splink breaks lineage (``persist``, ``checkpoint`` or ``parquet``) ...
BREAK_LINEAGE_KEY = "spark.tollbook.breakLineage"
#: ... where checkpoints and Parquet go (on a cluster: storage every node reaches) ...
CHECKPOINT_DIR_KEY = "spark.tollbook.checkpointDir"
#: ... and the keys a user set, which Tollbook then leaves alone.
FIXED_KEY = "spark.tollbook.fixed"
#: Where the model is trained: ``driver`` (DuckDB on the driver, over at most a bounded
#: sample of the records: :meth:`SplinkEngine._train_on_driver`) or ``spark``.
TRAIN_ON_KEY = "spark.tollbook.trainOn"
TRAIN_ON = ("driver", "spark")
#: Shuffle partitions: about this many records each, between one and
#: :data:`PARTITIONS_PER_CORE` per core (Splink's guidance: about five per core on a
#: cluster; fewer on one machine, where each task costs more than it spreads).
RECORDS_PER_PARTITION = 25_000
PARTITIONS_PER_CORE = 4
#: Splink repartitions the blocked pairs into a sixth of its base number of partitions.
REPARTITION_DIVISOR = 6
#: The local JVM's code cache (Java's default is 240 MB, or 48 MB with only the quick
#: JIT tier): a linkage job's generated classes fill the default.
CODE_CACHE = "512m"
#: Compile huge methods too. Java leaves any method over 8,000 bytes of bytecode to the
#: interpreter; Spark's whole-stage code for a blocking query (one join per rule, each
#: excluding the pairs of the rules before it) and for the comparisons of a prediction
#: is such a method, so by default it runs interpreted. Measured at 100,260 records
#: (docs/spark.md): the CPU of the blocking and prediction stages fell by about a fifth.
HUGE_METHODS = "-XX:-DontCompileHugeMethods"


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


def repartition_base(partitions: int, cores: int) -> int:
    """Splink's ``num_partitions_on_repartition``: the shuffle partitions, but at least
    :data:`REPARTITION_DIVISOR` per core. Splink writes some tables in a fraction of it
    (the blocked pairs in a sixth, the term-frequency tables in a quarter): from 4, the
    4.8 million blocked pairs of 100,260 records were written and read back by one task
    while the other core idled."""
    return max(partitions, REPARTITION_DIVISOR * max(1, cores))


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
        # written out and read back, also in local mode: a persisted table keeps its
        # plan, and Spark's cache manager compares each new query's plan with every
        # cached one (canonicalising Splink's large plans: minutes of driver time per
        # query at 20,000 records); a Parquet scan is a plan of one node
        BREAK_LINEAGE_KEY: "parquet",
        CHECKPOINT_DIR_KEY: os.path.join(scratch, "checkpoints"),
        # the executors (on a cluster; in local mode the driver runs them): compile
        # Spark's generated code also where a method is huge (see JIT_OPTIONS)
        "spark.executor.extraJavaOptions": HUGE_METHODS,
    }
    if local:
        settings |= {
            "spark.local.dir": scratch,
            "spark.driver.memory": driver_memory(total_memory),
            "spark.locality.wait": "0s",
            # a linkage job runs hundreds of queries, each generating new classes: the
            # JIT's quick tier pays off, its slow optimising tier costs more CPU than it
            # saves on a few cores; and room for the compiled code (a full code cache
            # stops the JIT, and everything then runs interpreted, many times slower)
            "spark.driver.extraJavaOptions": (
                f"-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize={CODE_CACHE} {HUGE_METHODS}"
            ),
        }
    given = dict(overrides or {})
    settings |= given
    settings[FIXED_KEY] = ",".join(sorted(given))
    return settings
