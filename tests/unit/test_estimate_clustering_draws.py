"""Clusterings drawn whole (Gibbs over partitions): persons are never split by their
sure links, split pairs never meet, and the draws follow the pairs' odds."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import numpy as np
import pytest

from tollbook.estimate.clustering_draws import ClusteringSampler, units_of
from tollbook.estimate.linkage_uncertainty import ScoredLinkage


def fake(
    records: int,
    pairs: dict[tuple[int, int], float],
    decided: dict[tuple[int, int], int] | None = None,
) -> ScoredLinkage:
    decided = decided or {}
    keys = list(pairs)
    return ScoredLinkage(
        lists=tuple("abcdefgh"[i % 8] for i in range(records)),
        attributes=tuple({} for _ in range(records)),
        left=np.array([a for a, _ in keys], dtype=np.int64),
        right=np.array([b for _, b in keys], dtype=np.int64),
        probability=np.array([pairs[k] for k in keys]),
        decided=np.array([decided.get(k, 0) for k in keys], dtype=np.int64),
    )


def shares(linkage: ScoredLinkage, draws: int, seed: int = 5) -> Counter[tuple[int, ...]]:
    """How often each clustering comes out, as a tuple of canonical labels."""
    sampler = ClusteringSampler(linkage, np.random.default_rng(seed), thin=1)
    seen: Counter[tuple[int, ...]] = Counter()
    for _ in range(draws):
        labels = sampler.draw()
        first: dict[int, int] = {}
        seen[tuple(first.setdefault(int(x), len(first)) for x in labels)] += 1
    return seen


def test_a_person_joined_by_sure_links_is_never_split() -> None:
    # records 0, 1, 2 are one person (every pair at or over the band's upper end);
    # record 3 is uncertain against two of them
    linkage = fake(4, {(0, 1): 0.95, (0, 2): 0.85, (1, 2): 0.99, (2, 3): 0.6, (1, 3): 0.4})
    assert len(set(units_of(linkage)[:3].tolist())) == 1
    for labels in shares(linkage, 300):
        assert labels[0] == labels[1] == labels[2]


def test_a_lone_pair_in_the_band_is_one_person_with_its_probability() -> None:
    seen = shares(fake(2, {(0, 1): 0.3}), 2000)
    assert seen[(0, 0)] / 2000 == pytest.approx(0.3, abs=0.04)


def test_three_uncertain_records_follow_the_product_of_their_odds() -> None:
    probability = {(0, 1): 0.7, (0, 2): 0.6, (1, 2): 0.5}
    odds = {k: p / (1 - p) for k, p in probability.items()}
    # every partition of three records, with its weight (product of the odds inside)
    partitions = {
        (0, 1, 2): 1.0,
        (0, 0, 1): odds[(0, 1)],
        (0, 1, 0): odds[(0, 2)],
        (0, 1, 1): odds[(1, 2)],
        (0, 0, 0): odds[(0, 1)] * odds[(0, 2)] * odds[(1, 2)],
    }
    total = sum(partitions.values())
    seen = shares(fake(3, probability), 2500)
    for labels, weight in partitions.items():
        assert seen[labels] / 2500 == pytest.approx(weight / total, abs=0.04)


def test_a_chain_of_two_links_does_not_join_records_that_were_never_compared() -> None:
    # 0-1 and 1-2 are likely, 0-2 was never scored: drawn pair by pair and chained, all
    # three would be one person half the time (0.7 * 0.7); drawn whole, rarely
    seen = shares(fake(3, {(0, 1): 0.7, (1, 2): 0.7}), 2000)
    assert seen[(0, 0, 0)] / 2000 < 0.15
    assert seen[(0, 0, 1)] + seen[(0, 1, 1)] > seen[(0, 0, 0)] + seen[(0, 1, 2)]


def test_a_pair_a_human_split_is_never_one_person_even_through_others() -> None:
    linkage = fake(
        4,
        {(0, 1): 0.99, (0, 2): 0.7, (1, 2): 0.7, (2, 3): 0.5, (0, 3): 0.5},
        decided={(0, 1): -1},
    )
    for labels in shares(linkage, 400):
        assert labels[0] != labels[1]


def test_a_confirmed_pair_is_always_one_person() -> None:
    linkage = fake(3, {(0, 1): 0.25, (1, 2): 0.5}, decided={(0, 1): 1})
    for labels in shares(linkage, 200):
        assert labels[0] == labels[1]


def test_labels_are_a_partition_of_every_record() -> None:
    rng = np.random.default_rng(2)
    pairs = {
        (a, b): float(rng.uniform(0.2, 0.99))
        for a, b in combinations(range(12), 2)
        if rng.random() < 0.3
    }
    sampler = ClusteringSampler(fake(12, pairs), np.random.default_rng(1))
    for _ in range(50):
        labels = sampler.draw()
        assert labels.shape == (12,)
        assert sorted(set(labels.tolist())) == list(range(len(set(labels.tolist()))))


def test_a_stored_pair_under_the_band_is_drawn_with_its_own_probability() -> None:
    # linkage stores pairs from 0.05 up; one at 0.12 is one person about 12% of the time
    seen = shares(fake(2, {(0, 1): 0.12}), 3000)
    assert seen[(0, 0)] / 3000 == pytest.approx(0.12, abs=0.025)
