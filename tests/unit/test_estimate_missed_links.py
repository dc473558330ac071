"""The correction for missed links: candidate merges between persons, merged with
probability f x p, never across a duplicate-free list or a human split, and the Beta
posterior of the calibration factor f from review decisions."""

from __future__ import annotations

import numpy as np
import pytest

from tollbook.estimate.linkage_uncertainty import ScoredLinkage
from tollbook.estimate.missed_link_report import MissedLinkReport
from tollbook.estimate.missed_links import (
    calibration_from_decisions,
    calibration_of,
    candidates,
    merge_missed,
)


def linkage_of(
    lists: str,
    pairs: dict[tuple[int, int], float],
    decided: dict[tuple[int, int], int] | None = None,
    duplicate_free: frozenset[str] = frozenset(),
) -> ScoredLinkage:
    decided = decided or {}
    keys = list(pairs)
    return ScoredLinkage(
        lists=tuple(lists),
        attributes=tuple({} for _ in lists),
        left=np.array([a for a, _ in keys], dtype=np.int64),
        right=np.array([b for _, b in keys], dtype=np.int64),
        probability=np.array([pairs[k] for k in keys]),
        decided=np.array([decided.get(k, 0) for k in keys], dtype=np.int64),
        duplicate_free=duplicate_free,
    )


def labels(*persons: int) -> np.ndarray:
    return np.array(persons, dtype=np.int64)


def test_candidates_are_pairs_of_persons_with_their_highest_probability() -> None:
    # persons: {0, 1} (list a, b), {2} (c), {3} (a); pairs 0-2 at 0.3 and 1-2 at 0.4 join
    # the first two persons; 2-3 at 0.1; 0-1 is inside a person; 1-3 at 0.01 is under the floor
    linkage = linkage_of("abca", {(0, 1): 0.9, (0, 2): 0.3, (1, 2): 0.4, (2, 3): 0.1, (1, 3): 0.01})
    found = candidates(linkage, labels(0, 0, 1, 2))
    assert list(zip(found.first, found.second, found.probability, strict=True)) == [
        (0, 1, 0.4),
        (1, 2, 0.1),
    ]
    assert found.count == 2
    assert found.total == pytest.approx(0.5)


def test_a_pair_split_by_a_human_bars_its_persons_from_being_candidates() -> None:
    linkage = linkage_of("abc", {(0, 1): 0.4, (0, 2): 0.3, (1, 2): 0.3}, decided={(0, 1): -1})
    found = candidates(linkage, labels(0, 1, 2))
    assert [(int(a), int(b)) for a, b in zip(found.first, found.second, strict=True)] == [
        (0, 2),
        (1, 2),
    ]


def test_with_f_one_a_certain_candidate_is_merged_and_with_f_zero_never() -> None:
    linkage = linkage_of("ab", {(0, 1): 0.999999})
    rng = np.random.default_rng(1)
    found = candidates(linkage, labels(0, 1))
    merged = merge_missed(linkage, labels(0, 1), found, 1.0, rng)
    assert merged.made == 1
    assert merged.labels[0] == merged.labels[1]
    for seed in range(20):
        never = merge_missed(linkage, labels(0, 1), found, 0.0, np.random.default_rng(seed))
        assert never.made == 0 and never.labels[0] != never.labels[1]


def test_merges_follow_f_times_p() -> None:
    linkage = linkage_of("ab", {(0, 1): 0.5})
    found = candidates(linkage, labels(0, 1))
    rng = np.random.default_rng(3)
    made = sum(merge_missed(linkage, labels(0, 1), found, 0.6, rng).made for _ in range(4_000))
    assert made / 4_000 == pytest.approx(0.3, abs=0.03)


def test_never_a_merge_across_a_duplicate_free_list() -> None:
    # persons {0 (a)}, {1 (b)}, {2 (a)}: record 1 is certainly both 0's and 2's, but a is
    # duplicate-free, so only one of the two merges is made (the likelier)
    pairs = {(0, 1): 0.999999, (1, 2): 0.99}
    free = linkage_of("aba", pairs, duplicate_free=frozenset({"a"}))
    found = candidates(free, labels(0, 1, 2))
    merged = merge_missed(free, labels(0, 1, 2), found, 1.0, np.random.default_rng(2))
    assert merged.drawn == 2 and merged.made == 1
    assert merged.labels[0] == merged.labels[1] != merged.labels[2]
    # with list a holding duplicates, the three become one person
    dup = linkage_of("aba", pairs)
    both = merge_missed(
        dup, labels(0, 1, 2), candidates(dup, labels(0, 1, 2)), 1.0, np.random.default_rng(2)
    )
    assert both.made == 2 and len(set(both.labels.tolist())) == 1


def test_never_a_merge_that_puts_a_split_pair_into_one_person() -> None:
    # 0-1 and 1-2 are candidates; 0-2 was split by a human: the chain must not close
    linkage = linkage_of("abc", {(0, 1): 0.999, (1, 2): 0.99, (0, 2): 0.2}, decided={(0, 2): -1})
    found = candidates(linkage, labels(0, 1, 2))
    merged = merge_missed(linkage, labels(0, 1, 2), found, 1.0, np.random.default_rng(4))
    assert merged.labels[0] != merged.labels[2]


def test_the_beta_posterior_is_the_conjugate_one_when_every_p_is_one() -> None:
    posterior = calibration_from_decisions([1.0, 1.0, 1.0], [1.0], prior=(1.0, 1.0))
    assert (posterior.a, posterior.b) == (4.0, pytest.approx(2.0))
    assert posterior.confirmed == 3 and posterior.split == 1


def test_a_split_pair_of_low_probability_is_weak_evidence_against_f() -> None:
    prior = calibration_from_decisions([], [])
    assert (prior.a, prior.b) == (1.0, 1.0)
    weak = calibration_from_decisions([], [0.1] * 10)
    strong = calibration_from_decisions([], [0.9] * 10)
    assert prior.mean > weak.mean > strong.mean
    assert weak.b < 3 < strong.b


def test_the_calibration_reads_decisions_on_pairs_under_the_threshold_only() -> None:
    linkage = linkage_of(
        "abcdef",
        {(0, 1): 0.3, (2, 3): 0.4, (4, 5): 0.9, (0, 5): 0.01},
        decided={(0, 1): 1, (2, 3): -1, (4, 5): 1, (0, 5): -1},
    )
    posterior = calibration_of(linkage)
    assert (posterior.confirmed, posterior.split) == (1, 1)
    drawn = [posterior.draw(np.random.default_rng(s)) for s in range(50)]
    assert all(0 <= f <= 1 for f in drawn)


def test_the_report_says_both_figures_and_reads_back() -> None:
    report = MissedLinkReport(
        mode="draw",
        candidates=861,
        candidates_sum=268.4,
        calibration="Beta(1, 1)",
        merges=(100.0, 160.0),
        merges_mean=130.0,
        factors=(0.2, 0.8),
        persons=(9_600.0, 9_700.0),
        with_correction={"lcmcr": (12_000.0, 11_500.0, 13_000.0)},
        without_correction={"lcmcr": (12_600.0, 11_800.0, 14_000.0)},
    )
    said = report.statement()
    assert "861 pairs of persons" in said and "268" in said
    assert "12,000 (11,500–13,000) with the correction" in said
    assert "12,600 (11,800–14,000) without" in said
    assert MissedLinkReport.from_dict(report.to_dict()) == report
    off = MissedLinkReport(mode="off", candidates=3, candidates_sum=1.2)
    assert "no correction" in off.statement()
