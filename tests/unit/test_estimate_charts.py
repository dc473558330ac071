"""The pictures: an UpSet-style overlap chart, and seen against estimated per stratum."""

from __future__ import annotations

import io
from typing import cast

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.charts import estimates_chart, overlap_chart
from tollbook.estimate.report import EstimationReport, StratumResult
from tollbook.estimate.results import Estimate
from tollbook.estimate.tables import OverlapTable


def _rects(axes: Axes) -> list[Rectangle]:
    return [cast(Rectangle, p) for p in axes.patches]


def _svg(figure: object) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg")  # type: ignore[attr-defined]
    return out.getvalue()


def test_overlap_chart_shows_every_combination_and_list() -> None:
    figure = overlap_chart(KOSOVO, "Kosovo")
    bars, dots, sizes, _ = figure.axes
    assert len(_rects(bars)) == 15
    assert sorted(p.get_height() for p in _rects(bars))[-1] == 1131
    assert [t.get_text() for t in dots.get_yticklabels()] == list(KOSOVO.lists)
    assert sorted(p.get_width() for p in _rects(sizes)) == sorted(KOSOVO.list_sizes().values())
    assert "<svg" in _svg(figure)


def test_estimates_chart_per_stratum_with_sum() -> None:
    def estimate(method: str, n: int, value: float, upper: float | None) -> Estimate:
        return Estimate(method, n, value, value * 0.8, upper, "95%", "m")  # type: ignore[arg-type]

    north = OverlapTable(("A", "B"), (10, 40, 50), (("district", "north"),))
    south = OverlapTable(("A", "B"), (20, 60, 70), (("district", "south"),))
    report = EstimationReport(
        lists=("A", "B"),
        by=("district",),
        strata=(
            StratumResult(north.stratum, north, (estimate("loglinear", 100, 300.0, 400.0),)),
            StratumResult(south.stratum, south, (estimate("loglinear", 150, 360.0, None),)),
        ),
        totals=(estimate("loglinear", 250, 660.0, 900.0),),
    )
    figure = estimates_chart(report, "two districts")
    strata_axes, total_axes = figure.axes
    labels = [t.get_text() for t in strata_axes.get_yticklabels()]
    assert labels == ["district=north", "district=south"]
    assert [t.get_text() for t in total_axes.get_yticklabels()] == ["sum of strata"]
    assert [p.get_width() for p in _rects(strata_axes)] == [100, 150]
    assert "no upper end" in _svg(figure)
