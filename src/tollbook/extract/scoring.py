"""Scoring extracted claims against gold claims: strict precision, recall and F1.

A predicted claim matches a gold claim of the same article when outcome, low and high
are all equal (the "strict" match of the issue); each gold claim matches at most once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def strict_key(claim: Mapping[str, Any]) -> tuple[str, str, Any, Any]:
    return (str(claim["article"]), str(claim["outcome"]), claim["low"], claim["high"])


def strict_score(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> Score:
    want = Counter(strict_key(c) for c in gold)
    got = Counter(strict_key(c) for c in predicted)
    tp = sum((want & got).values())
    return Score(tp, sum(got.values()) - tp, sum(want.values()) - tp)


def field_accuracy(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]], field: str
) -> float:
    """Among strictly matched claims, the share whose ``field`` agrees with the gold."""
    by_key: dict[tuple[str, str, Any, Any], list[Mapping[str, Any]]] = {}
    for c in predicted:
        by_key.setdefault(strict_key(c), []).append(c)
    matched = agreed = 0
    for g in gold:
        candidates = by_key.get(strict_key(g))
        if not candidates:
            continue
        p = candidates.pop(0)
        matched += 1
        agreed += p.get(field) == g.get(field)
    return agreed / matched if matched else 1.0
