"""The latent class model (LCMCR) and its convergence diagnostics.

LCMCR itself gives a posterior median of about 10,400–10,600 on the Kosovo table; ours
must be within 3% of 10,500. The test runs fewer sweeps than the default to stay fast
(the benchmark runs the full 10,000 draws).
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.unit.test_estimate_loglinear import mixture_table
from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.convergence import ess, ess_bulk, ess_tail, rhat
from tollbook.estimate.lcmcr import LcmcrSettings, estimate_lcmcr, sample_lcmcr
from tollbook.estimate.tables import OverlapTable

QUICK = LcmcrSettings(chains=4, draws=1_000, burn_in=5_000, thin=25, seed=7)


def test_kosovo_posterior_median_within_3_percent_of_lcmcr() -> None:
    estimate = estimate_lcmcr(KOSOVO, QUICK)
    assert abs(estimate.estimate - 10_500) / 10_500 < 0.03
    assert estimate.lower is not None and estimate.upper is not None
    assert 8_000 < estimate.lower < estimate.estimate < estimate.upper < 16_000
    assert estimate.model == "LCMCR, K*=10"
    d = estimate.diagnostics
    assert d["chains"] == 4 and d["draws_per_chain"] == 1_000
    assert isinstance(d["R_hat"], float) and d["R_hat"] < 1.1
    assert isinstance(d["ESS_bulk"], float) and d["ESS_bulk"] > 50
    assert estimate.draws is not None and estimate.draws.shape == (4_000,)


def test_same_seed_same_draws_whatever_the_threads() -> None:
    settings = LcmcrSettings(chains=3, draws=50, burn_in=100, thin=2, seed=3)
    one = sample_lcmcr(KOSOVO, LcmcrSettings(**{**settings.__dict__, "threads": 1}))
    many = sample_lcmcr(KOSOVO, LcmcrSettings(**{**settings.__dict__, "threads": 3}))
    assert np.array_equal(one.totals, many.totals)
    other = sample_lcmcr(KOSOVO, LcmcrSettings(**{**settings.__dict__, "seed": 4}))
    assert not np.array_equal(one.totals, other.totals)
    assert one.totals.shape == (3, 50) and np.all(one.totals >= KOSOVO.observed)


def test_sparse_table_with_empty_cells_runs() -> None:
    table = OverlapTable(("A", "B", "C"), (0, 3, 0, 40, 2, 55, 70))
    estimate = estimate_lcmcr(table, LcmcrSettings(draws=200, burn_in=500, thin=2))
    assert estimate.estimate >= table.observed
    assert estimate.lower is not None and estimate.lower >= table.observed


def test_few_draws_are_flagged() -> None:
    estimate = estimate_lcmcr(KOSOVO, LcmcrSettings(draws=30, burn_in=20, thin=1))
    assert any("run with more draws" in w for w in estimate.warnings)


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        LcmcrSettings(chains=0)
    with pytest.raises(ValueError):
        LcmcrSettings(level=1.5)


def test_rhat_and_ess_on_known_chains() -> None:
    rng = np.random.default_rng(0)
    iid = rng.normal(size=(4, 1_000))
    assert rhat(iid) == pytest.approx(1.0, abs=0.01)
    assert ess_bulk(iid) == pytest.approx(4_000, rel=0.05)
    assert ess_tail(iid) == pytest.approx(4_000, rel=0.05)
    # a chain stuck elsewhere; the figures are ArviZ 0.22's rhat(method="rank") and
    # ess(method="bulk" / "tail") on the same draws
    shifted = iid + np.array([[0.0], [0.0], [0.0], [3.0]])
    assert rhat(shifted) == pytest.approx(1.482774, rel=1e-6)
    assert ess_bulk(shifted) == pytest.approx(7.561907, rel=1e-6)
    assert ess_tail(shifted) == pytest.approx(29.217369, rel=1e-6)
    # AR(1) with rho = 0.9: ESS is about n (1 - rho) / (1 + rho)
    ar = np.zeros((4, 5_000))
    noise = rng.normal(size=(4, 5_000))
    for t in range(1, 5_000):
        ar[:, t] = 0.9 * ar[:, t - 1] + noise[:, t]
    assert ess(ar) == pytest.approx(20_000 * 0.1 / 1.9, rel=0.1)
    assert ess_bulk(ar) == pytest.approx(974.274996, rel=1e-6)
    # a chain that drifts is caught by the split
    drifting = np.linspace(0, 1, 2_000)[None, :] + rng.normal(scale=0.05, size=(2, 2_000))
    assert rhat(drifting) == pytest.approx(1.801823, rel=1e-6)


def test_the_total_of_a_table_from_the_model_itself_is_recovered() -> None:
    # Two classes of 10,000 people, each recorded independently by five lists (LCMCR's
    # own model, expected counts): the draw of the never-listed must give the total back.
    # (A class recorded by every list with a chance of 5-10% is not: see
    # docs/estimation.md, "Heterogeneity in the default search, and coverage".)
    classes = [(6_000, (0.2, 0.25, 0.3, 0.2, 0.15)), (4_000, (0.6, 0.7, 0.5, 0.6, 0.55))]
    table = mixture_table(classes, ("A", "B", "C", "D", "E"))
    estimate = estimate_lcmcr(
        table, LcmcrSettings(chains=2, draws=200, burn_in=1_000, thin=5, seed=3)
    )
    assert estimate.lower is not None and estimate.upper is not None
    assert estimate.lower < 10_000 < estimate.upper
    assert abs(estimate.estimate - 10_000) < 200


def test_chains_settled_far_apart_say_a_longer_run_is_no_remedy() -> None:
    from tollbook.estimate.lcmcr import LcmcrPosterior, summarise

    rng = np.random.default_rng(5)

    def warnings_for(offsets: list[float]) -> tuple[str, ...]:
        totals = np.array([rng.normal(1_000 + o, 10, size=400) for o in offsets])
        posterior = LcmcrPosterior(
            totals=totals,
            occupied=np.full_like(totals, 3.0),
            alpha=np.ones_like(totals),
            seconds=0.1,
            settings=LcmcrSettings(chains=len(offsets), draws=400),
        )
        return summarise(KOSOVO, posterior).warnings

    # chains far apart (R-hat well over 1.1): the figure alone is not to be published
    far = warnings_for([0, 0, 0, 200])
    assert any("settled in different places" in w for w in far)
    assert not any("did not agree even after" in w for w in far)
    # chains a little apart: run longer
    near = warnings_for([0, 0, 0, 5])
    assert any("did not agree even after" in w for w in near)
    assert not any("settled in different places" in w for w in near)
