"""The calibration sample of the missed-link correction: a simple random sample of the
candidate merges, and the exact posterior of the calibration factor f from its
decisions (each sampled pair one person with chance f x p)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import integrate

from tollbook.estimate.linkage_uncertainty import ScoredLinkage
from tollbook.estimate.missed_links import (
    Calibration,
    calibration_of,
    candidates,
    sample_candidates,
    with_sample,
)


def chain(p: list[float], decided: dict[int, int], sampled: set[int]) -> ScoredLinkage:
    """Records 0..n, pair i joins record i and i + 1 with probability p[i]."""
    n = len(p)
    return ScoredLinkage(
        lists=tuple("ab"[i % 2] for i in range(n + 1)),
        attributes=tuple({} for _ in range(n + 1)),
        left=np.arange(n, dtype=np.int64),
        right=np.arange(1, n + 1, dtype=np.int64),
        probability=np.array(p),
        decided=np.array([decided.get(i, 0) for i in range(n)], dtype=np.int64),
        sampled=np.array([i in sampled for i in range(n)], dtype=np.bool_),
    )


def test_the_sample_names_the_most_probable_pair_of_each_drawn_candidate() -> None:
    # persons {0}, {1}, {2}: two pairs join persons 0 and 1 (0.1 and 0.3), one joins 1 and 2
    linkage = ScoredLinkage(
        lists=("a", "b", "c"),
        attributes=({}, {}, {}),
        left=np.array([0, 0, 1], dtype=np.int64),
        right=np.array([1, 1, 2], dtype=np.int64),
        probability=np.array([0.1, 0.3, 0.2]),
        decided=np.zeros(3, dtype=np.int64),
    )
    found = candidates(linkage, np.array([0, 1, 2], dtype=np.int64))
    assert found.pair.tolist() == [1, 2]
    everything = sample_candidates(found, 10, np.random.default_rng(0))
    assert everything.tolist() == [1, 2]


def test_the_sample_is_uniform_without_replacement_and_seedable() -> None:
    linkage = chain([0.2] * 10, {}, set())
    found = candidates(linkage, np.arange(11, dtype=np.int64))
    first = sample_candidates(found, 4, np.random.default_rng(5))
    assert first.tolist() == sample_candidates(found, 4, np.random.default_rng(5)).tolist()
    assert len(set(first.tolist())) == 4
    counts = np.zeros(10)
    rng = np.random.default_rng(1)
    for _ in range(2000):
        counts[sample_candidates(found, 3, rng)] += 1
    # each pair has chance 3/10 of being drawn: 600 of 2,000, sd about 20
    assert np.all(np.abs(counts - 600) < 100)
    with pytest.raises(ValueError):
        sample_candidates(found, 0, rng)


def test_the_exact_posterior_matches_a_numerical_integral() -> None:
    yes, no = [0.3, 0.6], [0.2, 0.5, 0.9]

    def density(f: float) -> float:
        return float(f ** len(yes) * np.prod([1 - f * p for p in no]))

    total = integrate.quad(density, 0, 1)[0]
    mean = integrate.quad(lambda f: f * density(f), 0, 1)[0] / total
    posterior = with_sample(Calibration(), yes, no)
    assert posterior.sampled == 5
    assert posterior.mean == pytest.approx(mean, abs=1e-4)
    draws = np.array([posterior.draw(np.random.default_rng(s)) for s in range(4000)])
    assert draws.mean() == pytest.approx(mean, abs=0.015)
    median = posterior.quantile(0.5)
    below = integrate.quad(density, 0, median)[0] / total
    assert below == pytest.approx(0.5, abs=1e-3)


def test_with_every_p_one_the_sample_posterior_is_the_beta() -> None:
    posterior = with_sample(Calibration(2.0, 3.0), [1.0] * 6, [1.0] * 4)
    assert posterior.mean == pytest.approx(8 / 15, abs=1e-4)
    assert posterior.quantile(0.975) > posterior.quantile(0.025)


def test_sampled_decisions_count_whatever_their_probability_and_the_rest_as_before() -> None:
    # pair 0 (0.9, above the threshold) is sampled and confirmed: it counts for the sample;
    # pair 1 (0.3) is decided outside the sample: today's handling; pair 2 sampled, split
    linkage = chain([0.9, 0.3, 0.4, 0.6], {0: 1, 1: 1, 2: -1}, {0, 2})
    calibration = calibration_of(linkage)
    assert (calibration.confirmed, calibration.split) == (1, 0)
    assert (calibration.sample_confirmed, calibration.sample_split) == (1, 1)
    assert calibration.a == 2.0 and calibration.b == 1.0
    assert "2 calibration decisions" in calibration.describe()
    plain = calibration_of(chain([0.9, 0.3, 0.4, 0.6], {0: 1, 1: 1, 2: -1}, set()))
    assert plain.sampled == 0 and plain.grid is None


def test_a_sample_recovers_f_of_the_simulated_truth() -> None:
    rng = np.random.default_rng(7)
    p = rng.uniform(0.05, 0.5, 200)
    truth = rng.random(200) < 0.25 * p
    posterior = with_sample(Calibration(), p[truth], p[~truth])
    assert posterior.quantile(0.025) < 0.25 < posterior.quantile(0.975)
    assert posterior.quantile(0.975) - posterior.quantile(0.025) < 0.45
