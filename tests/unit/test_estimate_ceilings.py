"""Estimate settings have ceilings: a run of hours is refused with the setting named, by
the service (web and CLI --save) and by the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook.cli import main
from tollbook.estimate.ceilings import MAX_SWEEPS, ceiling_problem
from tollbook.services.estimates import EstimateError, EstimateOptions


def test_each_setting_and_the_sweeps_have_a_ceiling() -> None:
    assert ceiling_problem(chains=4, draws=2_500, burn_in=10_000, thin=50) is None
    assert ceiling_problem(chains=64, draws=10, burn_in=0, thin=1) == (
        "chains: 64 is over the most allowed, 16"
    )
    assert str(ceiling_problem(chains=1, draws=100_000, burn_in=0, thin=1)).startswith("draws:")
    assert str(ceiling_problem(chains=1, draws=10, burn_in=1_000_000, thin=1)).startswith(
        "burn_in:"
    )
    sweeps = ceiling_problem(chains=16, draws=20_000, burn_in=0, thin=50)
    assert sweeps is not None and f"{MAX_SWEEPS:,}" in sweeps and "16,000,000 sweeps" in sweeps


def test_the_service_refuses_with_the_setting_named() -> None:
    with pytest.raises(EstimateError, match=r"^chains: 64 is over"):
        EstimateOptions(chains=64).settings("lcmcr", ("a", "b", "c"))
    with pytest.raises(EstimateError, match=r"^bootstrap: 100,000 is over"):
        EstimateOptions(bootstrap=100_000).settings("loglinear", ("a", "b", "c"))
    assert EstimateOptions().settings("all", ("a", "b", "c")).lcmcr.draws == 2_500


def test_the_command_refuses_before_reading_anything(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("a,b,count\n1,0,5\n0,1,4\n1,1,3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["estimate", str(table), "--burn-in", "1000000"])
    assert result.exit_code == 2 and "--burn-in" in result.output
    assert "over the most allowed, 200,000" in result.output
