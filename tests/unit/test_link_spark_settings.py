"""The Spark settings Tollbook chooses for a linkage job (pure: no Spark is started)."""

from __future__ import annotations

import pytest

from tollbook.link.spark_conf import (
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
    assert local[BREAK_LINEAGE_KEY] == "parquet"
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


def test_huge_generated_methods_are_compiled_on_driver_and_executors() -> None:
    common = {"cores": 2, "scratch": "/tmp/x", "total_memory": 24 * 2**30, "jar": "s.jar"}
    local = spark_settings(master="local[2]", **common)  # type: ignore[arg-type]
    assert "-XX:-DontCompileHugeMethods" in local["spark.driver.extraJavaOptions"].split()
    assert "-XX:TieredStopAtLevel=1" in local["spark.driver.extraJavaOptions"].split()
    cluster = spark_settings(master="yarn", **common)  # type: ignore[arg-type]
    assert "spark.driver.extraJavaOptions" not in cluster
    assert cluster["spark.executor.extraJavaOptions"] == "-XX:-DontCompileHugeMethods"
    mine = spark_settings(
        master="yarn",
        overrides={"spark.executor.extraJavaOptions": "-Xss4m"},
        **common,  # type: ignore[arg-type]
    )
    assert mine["spark.executor.extraJavaOptions"] == "-Xss4m"


def test_splink_repartitions_leave_no_core_idle() -> None:
    from tollbook.link.spark_conf import repartition_base

    assert repartition_base(4, 2) == 12  # the blocked pairs (a sixth): 2 partitions
    assert repartition_base(400, 8) == 400
    assert repartition_base(1, 0) == 6


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


def test_date_distances_read_day_numbers_on_spark_not_parsed_strings() -> None:
    from tollbook.link import model as spec
    from tollbook.link.spark_engine import adapt_settings

    present = frozenset({"family_key", "given_key", "death_date", "source"})
    settings = spec.settings(present).create_settings_dict("spark")
    adapted = adapt_settings(settings)
    conditions = [
        level["sql_condition"]
        for comparison in adapted["comparisons"]
        if comparison["output_column_name"] == "death_date"
        for level in comparison["comparison_levels"]
    ]
    assert "ABS((`death_day_l` * 86400) - (`death_day_r` * 86400)) <= 259200" in conditions
    assert "ABS((`death_day_l` * 86400) - (`death_day_r` * 86400)) <= 864000" in conditions
    assert not any("to_timestamp" in condition for condition in conditions)
    # the other comparisons, and the settings given, are left as they were
    assert [c for c in adapted["comparisons"] if c["output_column_name"] != "death_date"] == [
        c for c in settings["comparisons"] if c["output_column_name"] != "death_date"
    ]
    assert any(
        "to_timestamp" in level["sql_condition"]
        for comparison in settings["comparisons"]
        for level in comparison["comparison_levels"]
    )


def test_pipelines_split_where_a_query_reads_the_predictions_several_times() -> None:
    from tollbook.link.spark_engine import _split_at

    u_estimation = [
        "__splink__df_comparison_vectors",
        "__splink__df_predict",
        "__splink__m_u_counts",
    ]
    assert _split_at(u_estimation, ["__splink__blocked_id_pairs"]) == 2
    # an EM iteration reads the few agreement patterns: recomputed, not kept
    em = ["__splink__df_match_weight_parts", "__splink__df_predict", "__splink__m_u_counts"]
    assert _split_at(em, ["__splink__agreement_pattern_counts"]) is None
    assert _split_at(["__splink__df_predict"], []) is None
    assert _split_at(["__splink__m_u_counts"], []) is None


def test_prediction_blocking_joins_on_key_hashes_and_nothing_else_changes() -> None:
    from tollbook.link import blocking
    from tollbook.link.spark_engine import adapt_settings, blocking_keys, hash_blocking_rule

    rule = blocking.rule_sql(("family_key", "given_key", "death_near"), apart=True)
    hashed = hash_blocking_rule(rule, blocking_keys())
    assert "l.family_key__h = r.family_key__h AND l.given_key__h = r.given_key__h" in hashed
    assert "abs(l.death_day - r.death_day) <= 10" in hashed  # near terms stay as they are
    assert "l.source <> r.source" in hashed
    assert hash_blocking_rule("l.family_key_x = r.family_key_x", blocking_keys()) == (
        "l.family_key_x = r.family_key_x"
    )
    settings = {
        "comparisons": [],
        "blocking_rules_to_generate_predictions": [{"blocking_rule": rule}],
    }
    adapted = adapt_settings(settings)
    assert adapted["blocking_rules_to_generate_predictions"] == [{"blocking_rule": hashed}]
    assert settings["blocking_rules_to_generate_predictions"] == [{"blocking_rule": rule}]
