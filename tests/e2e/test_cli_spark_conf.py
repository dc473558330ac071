"""``tollbook link --spark-conf``: refused, with the reason, before any Spark starts when
it cannot apply (the Spark runs themselves: tests/integration/test_link_spark.py and
benchmarks/link_spark_cluster.py)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tollbook.cli import main


def _lists(tmp_path: Path) -> Path:
    path = tmp_path / "a.csv"
    path.write_text("family_name,given_name\nIvanenko,Petro\n", encoding="utf-8")
    return path


def test_spark_conf_needs_the_spark_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "link",
            str(_lists(tmp_path)),
            "--out",
            str(tmp_path / "c.csv"),
            "--spark-conf",
            "spark.executor.memory=2g",
        ],
    )
    assert result.exit_code == 2
    assert "--spark-conf goes with --engine spark" in result.output
    assert not (tmp_path / "c.csv").exists()


def test_spark_conf_names_the_item_that_is_not_a_setting(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "link",
            str(_lists(tmp_path)),
            "--out",
            str(tmp_path / "c.csv"),
            "--engine",
            "spark",
            "--spark-conf",
            "executor.memory=2g",
        ],
    )
    assert result.exit_code == 2
    assert "'executor.memory=2g'" in result.output
    assert "start with 'spark.'" in result.output
