"""A correction of a clustering for the links that linkage missed (pure: no I/O).

Every true link that linkage misses makes one person look like two, each seen by fewer
lists, and the estimate rises. The stored pairs between two persons of a clustering (the
linkage keeps pairs from 0.05 up) are the candidates: for each pair of persons joined by
such pairs, ``p`` is the highest probability between them. Their probabilities are an
*upper bound* on their true-link rate (the clustering has taken the likely pairs; what is
left includes the namesakes competing for one record: on the simulated sieges they held
about half the true links they promise), so the chance a candidate is truly one person is
taken as ``f × p`` with an unknown calibration factor ``f`` in [0, 1].

Following Ding and Fienberg (1994), who correct the dual-system estimator for the
probability of a missed link estimated from a checked sample, and Di Consiglio and Tuoto
(2018, "Population size estimation and linkage errors: the multiple lists case", *Journal
of Official Statistics* 34(4)), who extend that to several lists, but drawing the
correction inside the multiple imputation instead of solving for it:

- ``f`` has a Beta prior (Beta(1, 1) by default), updated by the human review decisions on
  pairs of this kind (scored from the stored floor up to the linkage's threshold, which
  the linkage does not join on their own score): a confirmed pair is a success; a split
  pair counts as a failure only as far as it was a candidate at all (data augmentation:
  the pair is a candidate with probability ``p`` and then truly one person with
  probability ``f``; a split one was a candidate with probability
  ``p (1 - f) / (1 - f p)``, taken at the posterior mean, which gives a Beta posterior;
  exact when every ``p`` is 1);
- in each imputation ``f`` is drawn from that Beta, and each candidate pair of persons is
  merged with probability ``f × p`` (Bernoulli), never when the merge would put two records
  of a list declared duplicate-free into one person, nor two records a human split.

Combining the imputations as before then carries ``f``'s uncertainty into the interval.

A **calibration sample** (``tollbook lists review-sample``, since 3 December 2026) is a
simple random sample of the candidate merges of the clustering as linked, each queued as
its most probable record pair for a human. Being drawn without regard to the answer, each
sampled pair is a Bernoulli trial with success chance ``f × p``, so its decisions enter
the posterior exactly: the Beta from the other decisions (as above) times
``Π f p_i`` over the confirmed and ``Π (1 - f p_i)`` over the split sampled pairs,
evaluated on a grid of ``f`` (:func:`with_sample`), and ``f`` is drawn from that grid.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from tollbook.estimate.linkage_uncertainty import FloatArray, IntArray, ScoredLinkage

#: The lowest probability of a pair the linkage stores (``STORED_FLOOR`` in
#: ``services/linkage.py``): decisions on pairs under it do not describe the candidates.
CANDIDATE_FLOOR = 0.05
#: The prior of the calibration factor: uniform on [0, 1].
PRIOR = (1.0, 1.0)
#: The modes of ``--missed-links``.
MISSED_LINK_MODES = ("draw", "off")
#: Points of the grid on which the exact posterior of ``f`` is evaluated.
GRID_POINTS = 4000


@dataclass(frozen=True)
class Calibration:
    """The distribution of the calibration factor ``f``: Beta(``a``, ``b``) from the
    review decisions on pairs under the threshold, times the likelihood of the decisions
    on a calibration sample if there are any (then held on ``grid`` with its ``cdf``)."""

    a: float = PRIOR[0]
    b: float = PRIOR[1]
    confirmed: int = 0
    split: int = 0
    sample_confirmed: int = 0
    sample_split: int = 0
    grid: FloatArray | None = field(default=None, compare=False, repr=False)
    cdf: FloatArray | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not (self.a > 0 and self.b > 0):
            raise ValueError("a Beta distribution needs a > 0 and b > 0")

    @property
    def sampled(self) -> int:
        """How many calibration-sample decisions ``f`` rests on."""
        return self.sample_confirmed + self.sample_split

    @property
    def mean(self) -> float:
        if self.grid is None or self.cdf is None:
            return self.a / (self.a + self.b)
        middle = (self.grid[:-1] + self.grid[1:]) / 2
        return float((middle * np.diff(self.cdf)).sum())

    def quantile(self, q: float) -> float:
        if self.grid is None or self.cdf is None:
            from scipy.stats import beta

            return float(beta.ppf(q, self.a, self.b))
        return float(np.interp(q, self.cdf, self.grid))

    def draw(self, rng: np.random.Generator) -> float:
        if self.grid is None or self.cdf is None:
            return float(rng.beta(self.a, self.b))
        return float(np.interp(rng.random(), self.cdf, self.grid))

    def describe(self) -> str:
        prior = f"Beta({self.a:.4g}, {self.b:.4g})"
        if not self.sampled:
            return prior
        return (
            f"{prior} times the likelihood of {self.sampled:,} calibration decisions "
            f"(mean {self.mean:.3f}, 95% {self.quantile(0.025):.3f}–{self.quantile(0.975):.3f})"
        )


def with_sample(
    calibration: Calibration,
    confirmed: FloatArray | list[float],
    split: FloatArray | list[float],
    points: int = GRID_POINTS,
) -> Calibration:
    """``calibration`` updated exactly by the decisions on a random calibration sample:
    each sampled pair of probability ``p`` is one person with chance ``f p``."""
    yes = np.asarray(confirmed, dtype=np.float64)
    no = np.asarray(split, dtype=np.float64)
    if np.any((yes < 0) | (yes > 1)) or np.any((no < 0) | (no > 1)):
        raise ValueError("probabilities must lie between 0 and 1")
    if not len(yes) and not len(no):
        return calibration
    f = (np.arange(points, dtype=np.float64) + 0.5) / points
    log = (calibration.a - 1) * np.log(f) + (calibration.b - 1) * np.log1p(-f)
    log += len(yes) * np.log(f)  # each confirmed: f p, and p does not depend on f
    for chunk in np.array_split(no, max(1, len(no) // 256)):
        log += np.log1p(-np.outer(f, chunk)).sum(axis=1)
    weight = np.exp(log - log.max())
    cdf = np.cumsum(weight) / weight.sum()
    edges = np.concatenate([[0.0], f + 0.5 / points])
    return Calibration(
        a=calibration.a,
        b=calibration.b,
        confirmed=calibration.confirmed,
        split=calibration.split,
        sample_confirmed=len(yes),
        sample_split=len(no),
        grid=edges,
        cdf=np.concatenate([[0.0], cdf]),
    )


def calibration_from_decisions(
    confirmed: FloatArray | list[float],
    split: FloatArray | list[float],
    prior: tuple[float, float] = PRIOR,
    *,
    iterations: int = 200,
) -> Calibration:
    """The Beta posterior of ``f`` given the probabilities of the candidate-like pairs a
    human confirmed and split (see the module's docstring)."""
    yes = np.asarray(confirmed, dtype=np.float64)
    no = np.asarray(split, dtype=np.float64)
    if np.any((yes < 0) | (yes > 1)) or np.any((no < 0) | (no > 1)):
        raise ValueError("probabilities must lie between 0 and 1")
    a = prior[0] + len(yes)
    mean = a / (a + prior[1])
    b = prior[1]
    for _ in range(iterations):
        candidate = no * (1 - mean) / np.maximum(1 - mean * no, 1e-12)
        b = prior[1] + float(candidate.sum())
        new = a / (a + b)
        if abs(new - mean) < 1e-12:
            break
        mean = new
    return Calibration(a=a, b=b, confirmed=len(yes), split=len(no))


def calibration_of(linkage: ScoredLinkage, prior: tuple[float, float] = PRIOR) -> Calibration:
    """``f``'s posterior from the decisions on pairs scored from the floor up to the
    linkage's threshold (pairs it does not join on their own score), and, exactly, from
    the decisions on the pairs of a calibration sample (whatever their probability)."""
    sampled = linkage.sampled if len(linkage.sampled) else np.zeros(len(linkage.left), bool)
    kind = (linkage.probability >= CANDIDATE_FLOOR) & (linkage.probability < linkage.threshold)
    kind &= ~sampled
    base = calibration_from_decisions(
        linkage.probability[kind & (linkage.decided > 0)],
        linkage.probability[kind & (linkage.decided < 0)],
        prior,
    )
    return with_sample(
        base,
        linkage.probability[sampled & (linkage.decided > 0)],
        linkage.probability[sampled & (linkage.decided < 0)],
    )


@dataclass(frozen=True)
class Candidates:
    """The pairs of persons of a clustering joined by a stored, undecided pair, each with
    the highest probability between them (persons as the clustering's labels)."""

    first: IntArray
    second: IntArray
    probability: FloatArray
    #: the position of the most probable stored pair between them (the one to review)
    pair: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def count(self) -> int:
        return len(self.probability)

    @property
    def total(self) -> float:
        """Σ p: the expected number of true links among them, were ``p`` calibrated."""
        return float(self.probability.sum())


def candidates(linkage: ScoredLinkage, labels: IntArray) -> Candidates:
    """The candidate merges of the clustering ``labels`` (each record's person): pairs of
    persons with a stored pair between them, none of them split by a human."""
    left, right = labels[linkage.left], labels[linkage.right]
    apart = left != right
    first = np.minimum(left, right)
    second = np.maximum(left, right)
    best: dict[tuple[int, int], float] = {}
    where: dict[tuple[int, int], int] = {}
    barred: set[tuple[int, int]] = set()
    for i in np.flatnonzero(apart).tolist():
        key = (int(first[i]), int(second[i]))
        d = int(linkage.decided[i])
        if d < 0:
            barred.add(key)
            continue
        p = float(linkage.probability[i])
        if d == 0 and p >= CANDIDATE_FLOOR and p > best.get(key, -1.0):
            best[key] = p
            where[key] = i
    keys = sorted(k for k in best if k not in barred)
    return Candidates(
        first=np.array([k[0] for k in keys], dtype=np.int64),
        second=np.array([k[1] for k in keys], dtype=np.int64),
        probability=np.array([best[k] for k in keys], dtype=np.float64),
        pair=np.array([where[k] for k in keys], dtype=np.int64),
    )


def sample_candidates(found: Candidates, size: int, rng: np.random.Generator) -> IntArray:
    """A simple random sample (without replacement) of ``size`` candidate merges, as the
    positions of their most probable stored pairs (all of them if there are fewer).
    Every candidate has the same chance, so the sample needs no weights."""
    if size < 1:
        raise ValueError("a calibration sample needs at least one pair")
    chosen = rng.choice(found.count, size=min(size, found.count), replace=False)
    out: IntArray = np.asarray(found.pair[np.sort(chosen)], dtype=np.int64)
    return out


@dataclass(frozen=True)
class Merged:
    """A corrected clustering: each record's person, and how many merges were drawn
    and made (a drawn merge is not made if it would join what must stay apart)."""

    labels: IntArray
    drawn: int
    made: int


def merge_missed(
    linkage: ScoredLinkage,
    labels: IntArray,
    found: Candidates,
    factor: float,
    rng: np.random.Generator,
) -> Merged:
    """Merge each candidate pair of persons with probability ``factor × p`` (most likely
    first), unless the merged person would hold two records of a duplicate-free list or
    two records a human split."""
    if not 0 <= factor <= 1:
        raise ValueError("the calibration factor must lie between 0 and 1")
    accept = rng.random(found.count) < factor * found.probability
    order = np.argsort(-found.probability, kind="stable")
    order = order[accept[order]]
    if not len(order):
        return Merged(labels=labels, drawn=0, made=0)
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    exclusive: dict[int, set[str]] = defaultdict(set)
    for i, origin in enumerate(linkage.origins_of_records):
        if origin in linkage.duplicate_free:
            exclusive[int(labels[i])].add(origin)
    apart: dict[int, set[int]] = defaultdict(set)
    split = linkage.decided < 0
    for a, b in zip(
        labels[linkage.left[split]].tolist(), labels[linkage.right[split]].tolist(), strict=True
    ):
        if a != b:
            apart[a].add(b)
            apart[b].add(a)
    made = 0
    for k in order.tolist():
        ra, rb = root(int(found.first[k])), root(int(found.second[k]))
        if ra == rb or exclusive[ra] & exclusive[rb]:
            continue
        if any(root(x) == rb for x in apart[ra]):
            continue
        parent[rb] = ra
        exclusive[ra] |= exclusive.pop(rb, set())
        apart[ra] |= apart.pop(rb, set())
        made += 1
    if not made:
        return Merged(labels=labels, drawn=len(order), made=0)
    mapped = np.fromiter((root(int(x)) for x in labels.tolist()), dtype=np.int64, count=len(labels))
    _, new = np.unique(mapped, return_inverse=True)
    out: npt.NDArray[np.int64] = np.asarray(new, dtype=np.int64).reshape(-1)
    return Merged(labels=out, drawn=len(order), made=made)
