"""The range across both models: LCMCR's figure, from the lower end of the lower interval
to the upper end of the higher, and a warning when the models disagree."""

from __future__ import annotations

from tollbook.estimate.model_range import across_models
from tollbook.estimate.results import Estimate


def _estimate(method: str, point: float, lower: float | None, upper: float | None) -> Estimate:
    return Estimate(
        method=method,  # type: ignore[arg-type]
        observed=2_400,
        estimate=point,
        lower=lower,
        upper=upper,
        interval="95%",
        model="m",
    )


def test_the_range_spans_both_intervals_around_lcmcrs_figure() -> None:
    lcmcr = _estimate("lcmcr", 2_790, 2_670, 2_975)
    loglinear = _estimate("loglinear", 3_250, 3_095, 3_415)

    both = across_models([loglinear, lcmcr], 0.95)

    assert both is not None
    assert both.method == "models"
    assert (both.estimate, both.lower, both.upper) == (2_790, 2_670, 3_415)
    assert both.diagnostics["lcmcr"] == [2_790, 2_670, 2_975]
    assert both.diagnostics["loglinear"] == [3_250, 3_095, 3_415]
    assert "95%" in both.interval
    (warning,) = both.warnings
    assert "disagree" in warning and "2,790 (2,670–2,975)" in warning


def test_models_that_agree_give_the_range_without_a_warning() -> None:
    lcmcr = _estimate("lcmcr", 3_000, 2_850, 3_200)
    loglinear = _estimate("loglinear", 3_050, 2_950, 3_160)

    both = across_models([lcmcr, loglinear], 0.95)

    assert both is not None
    assert (both.lower, both.upper) == (2_850, 3_200)
    assert both.warnings == ()


def test_no_upper_end_on_either_side_leaves_the_range_open() -> None:
    lcmcr = _estimate("lcmcr", 3_000, 2_850, 3_200)
    loglinear = _estimate("loglinear", 3_900, 2_950, None)

    both = across_models([lcmcr, loglinear], 0.95)

    assert both is not None and both.upper is None
    assert "no upper end" in both.warnings[0]


def test_one_method_alone_gives_no_range() -> None:
    assert across_models([_estimate("lcmcr", 3_000, 2_850, 3_200)], 0.95) is None
    assert (
        across_models(
            [_estimate("loglinear", 3_000, None, None), _estimate("lcmcr", 3_000, 2_850, 3_200)],
            0.95,
        )
        is None
    )
