"""Clusterings drawn whole, so that a person stays one person (pure: no I/O).

Drawing each uncertain pair as a link on its own (with its match probability) and taking
connected groups breaks transitivity both ways: a person with three records whose pairs
are drawn independently is split whenever the draws leave it disconnected, and two
namesakes are chained through a third record whenever one pair of each is drawn. This
module draws *partitions* of the records instead, with a Gibbs sampler over clusterings
in the manner of Sadinle (2014, "Detecting duplicates in a homicide registry using a
Bayesian partitioning approach", *Annals of Applied Statistics* 8(4)) and Steorts, Hall
and Fienberg (2016, *JASA* 111): a clustering's weight is the product, over every pair of
records it puts in one person, of the pair's match odds ``p / (1 - p)`` (the
Fellegi-Sunter likelihood ratio times the prior odds of a match). Two records alone are
then one person with probability exactly ``p``, and a record joins a person only as far
as *all* that person's records match it.

- Records joined by a sure link (at or above the review band's upper end) or a human's
  confirmation are one *unit* that is never broken; a pair a human split is never in one
  person.
- A pair in the review band, or under it but stored by the linkage (it keeps pairs from
  0.05 up, ``STORED_FLOOR``), counts with its odds; a pair never compared, or scored too
  low to be kept, with :data:`UNSCORED_PROBABILITY`.
- Each sweep moves every unit that has such a scored pair, in random order, to the person
  of one of its band neighbours or to a person of its own, with probability proportional
  to the weight of the clustering so made. Chains start from the clustering of the links
  the linkage made, burn in, and thin between the imputations drawn.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from tollbook.estimate.linkage_uncertainty import IntArray, ScoredLinkage

#: The match probability given to a pair that linkage did not keep (scored under the
#: review band, or never compared): among the pairs scored just under it (0.05-0.2) one
#: in six was truly one person on the simulated sieges, and pairs never compared far
#: fewer (docs/estimation.md).
UNSCORED_PROBABILITY = 0.1
#: Sweeps before the first clustering is kept, and between kept clusterings.
BURN_IN_SWEEPS = 20
THIN_SWEEPS = 5


def units_of(linkage: ScoredLinkage) -> IntArray:
    """Each record's unit: records joined by sure links or confirmations."""
    _, high = linkage.review
    sure = (linkage.decided > 0) | ((linkage.decided == 0) & (linkage.probability >= high))
    n = linkage.records
    a, b = linkage.left[sure], linkage.right[sure]
    graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    out: IntArray = np.asarray(labels, dtype=np.int64)
    return out


class ClusteringSampler:
    """Draws clusterings of ``linkage``'s records; :meth:`draw` returns each record's
    person as a label (persons numbered from 0, not comparable between draws)."""

    def __init__(
        self,
        linkage: ScoredLinkage,
        rng: np.random.Generator,
        *,
        unscored: float = UNSCORED_PROBABILITY,
        burn_in: int = BURN_IN_SWEEPS,
        thin: int = THIN_SWEEPS,
    ) -> None:
        if not 0 < unscored < 1:
            raise ValueError("the probability of an unscored pair must lie between 0 and 1")
        self._rng = rng
        self._thin = thin
        self._unit = units_of(linkage)
        units = int(self._unit.max()) + 1 if linkage.records else 0
        self._size = np.bincount(self._unit, minlength=units).astype(np.int64)
        self._log_floor = math.log(unscored / (1 - unscored))
        # excess log weight over the floor of every pair of units with a scored pair
        _, high = linkage.review
        excess: dict[tuple[int, int], float] = defaultdict(float)
        for i, j, p, d in zip(
            linkage.left.tolist(),
            linkage.right.tolist(),
            linkage.probability.tolist(),
            linkage.decided.tolist(),
            strict=True,
        ):
            u, v = int(self._unit[i]), int(self._unit[j])
            if u == v:
                continue
            key = (min(u, v), max(u, v))
            if d < 0:
                excess[key] = -math.inf
            elif d == 0 and p < high:
                excess[key] += math.log(p / (1 - p)) - self._log_floor
        self._neighbours: dict[int, dict[int, float]] = defaultdict(dict)
        for (u, v), w in excess.items():
            self._neighbours[u][v] = w
            self._neighbours[v][u] = w
        self._moving = sorted(self._neighbours)
        self._person = self._start(linkage)
        self._members: dict[int, set[int]] = defaultdict(set)
        self._records: dict[int, int] = defaultdict(int)
        for u in self._moving:
            c = self._person[u]
            self._members[c].add(u)
            self._records[c] += int(self._size[u])
        self._next = 2 * units  # new persons' labels: past any _start gives
        self.sweep(burn_in)

    def _start(self, linkage: ScoredLinkage) -> dict[int, int]:
        """The units' persons as the linkage's links make them (split pairs apart)."""
        made = linkage.made()
        n = len(self._size)
        a = self._unit[linkage.left[made]]
        b = self._unit[linkage.right[made]]
        graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        person = {u: int(labels[u]) for u in self._moving}
        for u in self._moving:  # a person holding a split pair starts as units apart
            if any(
                person.get(v) == person[u] and w == -math.inf
                for v, w in self._neighbours[u].items()
            ):
                person[u] = n + u
        return person

    def sweep(self, times: int = 1) -> None:
        """Move every unit with a band pair ``times`` times (Gibbs updates)."""
        for _ in range(times):
            for index in self._rng.permutation(len(self._moving)).tolist():
                self._move(self._moving[index])

    def _move(self, u: int) -> None:
        old = self._person[u]
        self._members[old].discard(u)
        self._records[old] -= int(self._size[u])
        if not self._members[old]:
            del self._members[old]
            del self._records[old]
        scores: dict[int, float] = {}
        for v, w in self._neighbours[u].items():
            c = self._person[v]
            scores[c] = scores.get(c, 0.0) + w
        size = int(self._size[u])
        candidates = [self._next]
        logs = [0.0]
        for c, w in scores.items():
            if w == -math.inf:
                continue
            candidates.append(c)
            logs.append(w + size * self._records[c] * self._log_floor)
        weights = np.exp(np.asarray(logs) - max(logs))
        pick = candidates[
            int(np.searchsorted(np.cumsum(weights), self._rng.random() * weights.sum()))
        ]
        if pick == self._next:
            self._next += 1
        self._person[u] = pick
        self._members[pick].add(u)
        self._records[pick] += size

    def draw(self) -> IntArray:
        """The next clustering (after ``thin`` sweeps): each record's person."""
        self.sweep(self._thin)
        units = len(self._size)
        of_unit = np.arange(units, dtype=np.int64)
        for u, c in self._person.items():
            of_unit[u] = units + c  # past every unit that never moves
        _, labels = np.unique(of_unit[self._unit], return_inverse=True)
        out: IntArray = np.asarray(labels, dtype=np.int64).reshape(-1)
        return out


def draw_clusterings(
    linkage: ScoredLinkage, count: int, rng: np.random.Generator
) -> list[npt.NDArray[np.int64]]:
    """``count`` clusterings from one chain (see :class:`ClusteringSampler`)."""
    sampler = ClusteringSampler(linkage, rng)
    return [sampler.draw() for _ in range(count)]
