"""The Spark engine (local Spark): the same model scores the same pairs as on DuckDB,
and it trains a model of its own. Skipped only when pyspark or Java is missing.

One Spark session serves the whole test session (starting one costs a Java process);
the engine uses it as it finds it and leaves it running."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tollbook.exchange.list_files import read_list_file
from tollbook.link.clustering import cluster_pairs
from tollbook.link.duckdb_engine import DuckDBBackend
from tollbook.link.engine import ScoredPairs, open_engine
from tollbook.link.features import FeatureTable, features
from tollbook.link.spark_engine import (
    TRAIN_ON_KEY,
    SparkBackend,
    spark_engine,
    spark_session,
    spark_unavailable_reason,
)
from tollbook.link.splink_engine import SplinkEngine

REASON = spark_unavailable_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"Spark cannot run here: {REASON}")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    # two cores, as on the project's machine; the settings are Tollbook's own choice
    with spark_session("local[2]") as session:
        yield session


@pytest.fixture(scope="module")
def siege_table(siege_folder: Callable[[int, int], Path]) -> tuple[int, FeatureTable]:
    records = []
    for path in sorted((siege_folder(8_000, 4) / "lists").glob("*.csv")):
        records += read_list_file(path, path.stem).records
    return len(records), features(records)


def _clusters(count: int, pairs: ScoredPairs) -> dict[int, int]:
    return cluster_pairs(range(count), pairs.left, pairs.right, pairs.probability, 0.5).cluster_of


def _parameters(settings: dict[str, Any]) -> list[float]:
    """The prior and every level's m and u probabilities of a model's settings."""
    found = [float(settings["probability_two_random_records_match"])]
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            found += [float(level.get(key) or 0.0) for key in ("m_probability", "u_probability")]
    return found


def test_spark_scores_and_clusters_like_duckdb_and_trains(
    spark: Any, siege_table: tuple[int, FeatureTable]
) -> None:
    count, table = siege_table
    duckdb = open_engine("duckdb")
    try:
        model = duckdb.train(table, seed=5)
        expected = duckdb.score(table, model, min_probability=0.2, explain=True)
    finally:
        duckdb.close()
    # two iterations per training rule: each is a Spark job, and what is tested is that
    # Spark trains a usable model, not how well it converges on a few hundred records
    engine = spark_engine(em_iterations=2)
    try:
        found = engine.score(table, model, min_probability=0.2, explain=True)
        on_driver = engine.train(table, seed=5)  # the default: DuckDB on the driver
    finally:
        engine.close()
    local = SplinkEngine(DuckDBBackend(), em_iterations=2)
    try:
        expected_model = local.train(table, seed=5)
    finally:
        local.close()
    spark.conf.set(TRAIN_ON_KEY, "spark")
    try:
        engine = SplinkEngine(SparkBackend(), em_iterations=2)
        try:
            own = engine.train(table, seed=5)
        finally:
            engine.close()
    finally:
        spark.conf.set(TRAIN_ON_KEY, "driver")
    assert found.left == expected.left and found.right == expected.right
    assert found.probability == pytest.approx(expected.probability, abs=1e-9)
    assert expected.levels.keys() == found.levels.keys()
    assert _clusters(count, expected) == _clusters(count, found)
    assert on_driver.engine == "spark"
    assert _parameters(on_driver.settings) == pytest.approx(_parameters(expected_model.settings))
    assert own.engine == "spark"
    assert _parameters(own.settings) != _parameters(on_driver.settings)  # Spark's own jobs
    assert own.columns == model.columns
    assert 0 < own.settings["probability_two_random_records_match"] < 1
    # the shared session outlives the engine, with the shuffle partitions fitted to the
    # records (a few hundred: one partition per core)
    assert spark.conf.get("spark.sql.shuffle.partitions") == "2"
    assert not spark.sparkContext._jsc.sc().isStopped()


def test_spark_conf_overrides_reach_the_running_session(spark: Any) -> None:
    backend = SparkBackend(overrides={"spark.sql.shuffle.partitions": "3"})
    try:
        assert backend.spark is spark
        assert spark.conf.get("spark.sql.shuffle.partitions") == "3"
    finally:
        backend.close()
    with pytest.raises(ValueError, match="spark-submit --conf"):
        SparkBackend(overrides={"spark.executor.memory": "1g"})
    with pytest.raises(ValueError, match="write driver or spark"):
        SparkBackend(overrides={TRAIN_ON_KEY: "gpu"})
    spark.conf.set(TRAIN_ON_KEY, "driver")
    assert not spark.sparkContext._jsc.sc().isStopped()
