"""The Spark engine (local Spark): the same model scores the same pairs as on DuckDB,
and it trains a model of its own. Skipped only when pyspark or Java is missing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollbook.exchange.list_files import read_list_file
from tollbook.link.clustering import cluster_pairs
from tollbook.link.engines import open_engine
from tollbook.link.features import features
from tollbook.link.spark_engine import spark_unavailable_reason

REASON = spark_unavailable_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"Spark cannot run here: {REASON}")


def test_spark_scores_and_clusters_like_duckdb_and_trains(
    siege_folder: Callable[[int, int], Path],
) -> None:
    records = []
    for path in sorted((siege_folder(8_000, 4) / "lists").glob("*.csv")):
        records += read_list_file(path, path.stem).records
    table = features(records)
    duckdb = open_engine("duckdb")
    try:
        model = duckdb.train(table, seed=5)
        expected = duckdb.score(table, model, min_probability=0.2, explain=True)
    finally:
        duckdb.close()
    spark = open_engine("spark")
    try:
        found = spark.score(table, model, min_probability=0.2, explain=True)
        own = spark.train(table, seed=5)
    finally:
        spark.close()
    order = sorted(range(len(expected)), key=lambda i: (expected.left[i], expected.right[i]))
    again = sorted(range(len(found)), key=lambda i: (found.left[i], found.right[i]))
    assert [(expected.left[i], expected.right[i]) for i in order] == [
        (found.left[i], found.right[i]) for i in again
    ]
    assert [expected.probability[i] for i in order] == pytest.approx(
        [found.probability[i] for i in again], abs=1e-9
    )
    assert expected.levels.keys() == found.levels.keys()

    def clusters(pairs: object) -> dict[int, int]:
        return cluster_pairs(
            range(len(records)),
            pairs.left,
            pairs.right,
            pairs.probability,
            0.5,  # type: ignore[attr-defined]
        ).cluster_of

    assert clusters(expected) == clusters(found)
    assert own.engine == "spark"
    assert own.columns == model.columns
    assert 0 < own.settings["probability_two_random_records_match"] < 1
