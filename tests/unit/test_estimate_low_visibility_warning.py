"""The warning when the latent class figure lies below a log-linear figure whose model
has Darroch's heterogeneity term (estimates from the database, both methods asked for),
and the search that chooses the model for the clusterings corrected for missed links."""

from __future__ import annotations

from tests.unit.test_estimate_loglinear import mixture_table
from tollbook.estimate.linkage_estimates import _model_for_corrected, _warn_low_visibility
from tollbook.estimate.loglinear_models import Heterogeneity, parse_model
from tollbook.estimate.report import EstimationSettings
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


def test_the_corrected_clusterings_weigh_darroch_as_the_linked_persons_do() -> None:
    # every list favours the same people: the default search chooses Darroch's family,
    # and the model for the corrected clusterings must come from the same search
    table = mixture_table(
        [
            (3_000, (0.05, 0.08, 0.04, 0.06)),
            (1_500, (0.30, 0.40, 0.25, 0.35)),
            (500, (0.70, 0.80, 0.60, 0.75)),
        ]
    )
    linked = parse_model("[12,34]", table.lists)
    chosen = _model_for_corrected([table, table], linked, EstimationSettings(), lambda _: None)
    assert chosen.heterogeneity == Heterogeneity("darroch")
    # a named family is searched alone
    named = EstimationSettings(heterogeneity=Heterogeneity("chao"))
    chao = _model_for_corrected([table, table], linked, named, lambda _: None)
    assert chao.heterogeneity == Heterogeneity("chao")
