"""Pairwise precision, recall and F1 of clusters against the truth. Pure.

A pair of records counts as linked when both are in one cluster: the clusters are
judged by every pair they make, as record linkage is usually scored (FEBRL, Splink).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class PairScores:
    true_positives: int
    predicted: int
    actual: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.actual if self.actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


#: A record's key: any hashable, the same type in both mappings.
K = TypeVar("K", bound=Hashable)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_scores(predicted: Mapping[K, Hashable], truth: Mapping[K, Hashable]) -> PairScores:
    """Score ``predicted`` (record -> cluster) against ``truth`` (record -> entity) over
    the records both know."""
    records = [r for r in predicted if r in truth]
    by_cluster = Counter(predicted[r] for r in records)
    by_entity = Counter(truth[r] for r in records)
    by_both = Counter((predicted[r], truth[r]) for r in records)
    return PairScores(
        true_positives=sum(_pairs(n) for n in by_both.values()),
        predicted=sum(_pairs(n) for n in by_cluster.values()),
        actual=sum(_pairs(n) for n in by_entity.values()),
    )
