"""The warning when the latent class figure lies below a log-linear figure whose model
has Darroch's heterogeneity term (estimates from the database, both methods asked for)."""

from __future__ import annotations

from tollbook.estimate.linkage_estimates import _warn_low_visibility
from tollbook.estimate.results import Estimate


def figure(method: str, value: float, model: str) -> Estimate:
    return Estimate(
        method=method,  # type: ignore[arg-type]
        observed=900,
        estimate=value,
        lower=value * 0.9,
        upper=value * 1.1,
        interval="95%",
        model=model,
    )


def test_lcmcr_below_a_darroch_model_is_warned_of_in_plain_words() -> None:
    loglinear = figure("loglinear", 1200.0, "[12,3,4] + Darroch")
    lcmcr = figure("lcmcr", 1000.0, "LCMCR")
    out = _warn_low_visibility([loglinear, lcmcr])
    assert out[0] is loglinear
    (warning,) = out[1].warnings
    assert "1,000" in warning and "1,200" in warning and "floor" in warning


def test_no_warning_without_darroch_above_it_or_with_one_method() -> None:
    lcmcr = figure("lcmcr", 1000.0, "LCMCR")
    for estimates in (
        [figure("loglinear", 1200.0, "[12,3,4]"), lcmcr],
        [figure("loglinear", 900.0, "[12,3,4] + Darroch"), lcmcr],
        [lcmcr],
    ):
        assert all(not e.warnings for e in _warn_low_visibility(estimates))


def test_the_model_chosen_on_the_corrected_clusterings_decides() -> None:
    loglinear = figure("loglinear", 1200.0, "[12,3,4]")
    loglinear = Estimate(
        **{
            **loglinear.__dict__,
            "diagnostics": {"model_with_missed_link_correction": "[12,3,4] + Darroch"},
        }
    )
    out = _warn_low_visibility([loglinear, figure("lcmcr", 1000.0, "LCMCR")])
    assert out[1].warnings
