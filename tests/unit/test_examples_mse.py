"""The published tables shipped in examples/mse/ are the ones the estimation tests use."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_estimate_tables import HIV, KOSOVO
from tollbook.estimate.tables import OverlapTable
from tollbook.exchange.overlap_tables import read_overlap_csv

MSE = Path(__file__).resolve().parents[2] / "examples" / "mse"


@pytest.mark.parametrize(("name", "table"), [("kosovo.csv", KOSOVO), ("hiv.csv", HIV)])
def test_shipped_table_equals_the_published_counts(name: str, table: OverlapTable) -> None:
    read = read_overlap_csv(MSE / name)
    assert read.tables == {(): table}
    assert name in (MSE / "README.md").read_text(encoding="utf-8")
