"""The correction drawn on the linkage's own clustering (the frame a calibration sample is
drawn from): each candidate is topped up to a rate of f x p of being one person over the
imputations, counting the clusterings that already joined it."""

from __future__ import annotations

import numpy as np
import pytest

from tests.unit.test_estimate_missed_links import labels, linkage_of
from tollbook.estimate.missed_links import candidates, frame_in, merge_missed, together_rate


def test_the_rate_together_counts_the_clusterings_that_joined_each_candidate() -> None:
    linkage = linkage_of("abc", {(0, 1): 0.4, (1, 2): 0.6})
    frame = candidates(linkage, labels(0, 1, 2))
    drawn = [labels(0, 0, 1), labels(0, 1, 1), labels(0, 1, 2), labels(0, 0, 0)]
    assert together_rate(linkage, frame, drawn).tolist() == [0.5, 0.5]
    assert together_rate(linkage, frame, []).tolist() == [0.0, 0.0]


def test_a_candidate_joined_as_often_as_f_p_asks_gets_no_more_merges() -> None:
    linkage = linkage_of("ab", {(0, 1): 0.5})
    frame = candidates(linkage, labels(0, 1))
    topped = frame_in(linkage, frame, labels(0, 1), np.array([0.5]), factor=1.0)
    assert topped.count == 0  # already together in half the draws: p = 0.5 is met
    half = frame_in(linkage, frame, labels(0, 1), np.array([0.25]), factor=1.0)
    # (0.5 - 0.25) / (1 - 0.25): over the draws, 0.25 + 0.75 x 1/3 = 0.5
    assert half.probability.tolist() == pytest.approx([1 / 3])


def test_a_candidate_already_together_in_this_clustering_is_not_drawn_again() -> None:
    linkage = linkage_of("ab", {(0, 1): 0.9})
    frame = candidates(linkage, labels(0, 1))
    assert frame_in(linkage, frame, labels(0, 0), np.array([0.0]), factor=1.0).count == 0


def test_over_many_imputations_a_frame_candidate_is_one_person_at_the_rate_f_p() -> None:
    linkage = linkage_of("ab", {(0, 1): 0.6})
    frame = candidates(linkage, labels(0, 1))
    rng = np.random.default_rng(7)
    drawn = [labels(0, 0) if rng.random() < 0.2 else labels(0, 1) for _ in range(4000)]
    together = together_rate(linkage, frame, drawn)
    joined = 0
    for clustering in drawn:
        found = frame_in(linkage, frame, clustering, together, factor=0.5)
        merged = merge_missed(linkage, clustering, found, 1.0, rng)
        joined += int(merged.labels[0] == merged.labels[1])
    assert joined / len(drawn) == pytest.approx(0.3, abs=0.03)  # max(0.2, 0.5 x 0.6)
