"""Scored pairs into persons: thresholds, chains, human decisions, stable identities."""

from __future__ import annotations

from tollbook.link.clustering import cluster_pairs, keep_identities
from tollbook.link.evaluation import pairwise_scores


def clusters_of(
    ids: list[int], pairs: list[tuple[int, int, float]], threshold: float = 0.5, **kwargs: object
) -> list[list[int]]:
    left = [a for a, _, _ in pairs]
    right = [b for _, b, _ in pairs]
    probability = [p for _, _, p in pairs]
    result = cluster_pairs(ids, left, right, probability, threshold, **kwargs)  # type: ignore[arg-type]
    return sorted(result.clusters().values())


def test_pairs_above_the_threshold_join_records() -> None:
    assert clusters_of([1, 2, 3, 4], [(1, 2, 0.9), (3, 4, 0.4)]) == [[1, 2], [3], [4]]


def test_every_record_is_in_a_cluster_labelled_by_its_smallest_id() -> None:
    result = cluster_pairs([5, 7, 9], [7], [9], [0.99], 0.5)
    assert result.cluster_of == {5: 5, 7: 7, 9: 7}


def test_a_weak_chain_does_not_glue_two_people_together() -> None:
    # 1-2 and 3-4 are strong; 2-3 is a look-alike link, and nothing else ties the pairs
    pairs = [(1, 2, 0.99), (3, 4, 0.99), (2, 3, 0.6)]
    assert clusters_of([1, 2, 3, 4], pairs) == [[1, 2], [3, 4]]
    assert clusters_of([1, 2, 3, 4], pairs, min_mean=0.0) == [[1, 2, 3, 4]]


def test_a_well_connected_group_joins() -> None:
    pairs = [(1, 2, 0.99), (1, 3, 0.9), (2, 3, 0.8), (3, 4, 0.95), (1, 4, 0.7), (2, 4, 0.6)]
    assert clusters_of([1, 2, 3, 4], pairs) == [[1, 2, 3, 4]]


def test_a_confirmed_pair_is_one_person_whatever_its_score() -> None:
    assert clusters_of([1, 2, 3], [(1, 2, 0.01)], must_link=[(2, 1)]) == [[1, 2], [3]]


def test_a_split_pair_is_never_joined_even_through_another_record() -> None:
    pairs = [(1, 2, 0.99), (2, 3, 0.99), (1, 3, 0.99)]
    found = clusters_of([1, 2, 3], pairs, cannot_link=[(1, 3)])
    assert [1, 3] not in found
    assert not any({1, 3} <= set(c) for c in found)


def test_contradicting_decisions_are_reported() -> None:
    result = cluster_pairs(
        [1, 2, 3], [], [], [], 0.5, must_link=[(1, 2), (2, 3)], cannot_link=[(1, 3)]
    )
    assert result.conflicts == [(2, 3)]
    assert result.cluster_of[1] == result.cluster_of[2] != result.cluster_of[3]


def test_persons_keep_their_identity_when_their_records_stay_together() -> None:
    previous = {1: 100, 2: 100, 3: 101, 4: 102}
    clusters = {1: [1, 2, 3], 4: [4], 5: [5]}
    assigned, retired = keep_identities(clusters, previous)
    assert assigned == [(100, [1, 2, 3]), (102, [4]), (None, [5])]
    assert retired == [101]


def test_a_split_person_keeps_its_identity_on_the_larger_part() -> None:
    previous = {1: 100, 2: 100, 3: 100}
    assigned, retired = keep_identities({1: [1], 2: [2, 3]}, previous)
    assert assigned == [(None, [1]), (100, [2, 3])]
    assert retired == []


def test_pairwise_scores() -> None:
    predicted = {1: "a", 2: "a", 3: "a", 4: "b"}
    truth = {1: "x", 2: "x", 3: "y", 4: "y"}
    scores = pairwise_scores(predicted, truth)
    assert (scores.true_positives, scores.predicted, scores.actual) == (1, 3, 2)
    assert scores.precision == 1 / 3
    assert scores.recall == 0.5
    assert round(scores.f1, 4) == 0.4
    assert pairwise_scores({1: "a"}, {1: "x"}).f1 == 1.0
