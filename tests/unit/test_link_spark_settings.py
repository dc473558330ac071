"""The Spark settings Tollbook chooses for a linkage job (pure: no Spark is started)."""

from __future__ import annotations

import pytest

from tollbook.link.spark_engine import (
    BREAK_LINEAGE_KEY,
    FIXED_KEY,
    driver_memory,
    local_cores,
    parse_spark_conf,
    shuffle_partitions,
    spark_settings,
)


def test_shuffle_partitions_follow_the_records_within_one_to_four_per_core() -> None:
    assert shuffle_partitions(400, 2) == 2
    assert shuffle_partitions(100_000, 2) == 4
    assert shuffle_partitions(1_000_000, 2) == 8
    assert shuffle_partitions(1_000_000, 100) == 100
    assert shuffle_partitions(0, 0) == 1


def test_local_cores_reads_the_master() -> None:
    assert local_cores("local", 8) == 1
    assert local_cores("local[3]", 8) == 3
    assert local_cores("local[*]", 8) == 8
    assert local_cores("local[2,4]", 8) == 2
    assert local_cores("spark://host:7077", 8) is None
    assert local_cores("yarn", 8) is None


def test_settings_differ_for_local_and_cluster_and_overrides_win() -> None:
    common = {"cores": 2, "scratch": "/tmp/x", "total_memory": 24 * 2**30, "jar": "s.jar"}
    local = spark_settings(master="local[2]", **common)  # type: ignore[arg-type]
    assert local["spark.driver.memory"] == "6g"
    assert local[BREAK_LINEAGE_KEY] == "persist"
    assert local["spark.sql.shuffle.partitions"] == "2"
    assert local[FIXED_KEY] == ""
    cluster = spark_settings(
        master="yarn",
        overrides={"spark.sql.shuffle.partitions": "64", "spark.executor.memory": "8g"},
        **common,  # type: ignore[arg-type]
    )
    assert "spark.driver.memory" not in cluster
    assert cluster[BREAK_LINEAGE_KEY] == "parquet"
    assert cluster["spark.sql.shuffle.partitions"] == "64"
    assert cluster[FIXED_KEY] == "spark.executor.memory,spark.sql.shuffle.partitions"


def test_driver_memory_is_a_quarter_within_bounds() -> None:
    assert driver_memory(4 * 2**30) == "2g"
    assert driver_memory(24 * 2**30) == "6g"
    assert driver_memory(512 * 2**30) == "16g"


def test_spark_conf_items_are_parsed_or_named_in_the_error() -> None:
    assert parse_spark_conf(["spark.executor.memory=8g", "spark.a.b = c=d"]) == {
        "spark.executor.memory": "8g",
        "spark.a.b": "c=d",
    }
    with pytest.raises(ValueError, match=r"'executor\.memory'"):
        parse_spark_conf(["executor.memory"])
    with pytest.raises(ValueError, match=r"start with 'spark\.'"):
        parse_spark_conf(["executor.memory=8g"])
    with pytest.raises(ValueError, match="KEY=VALUE"):
        parse_spark_conf(["spark.x="])
