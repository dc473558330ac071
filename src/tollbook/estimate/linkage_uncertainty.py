"""Estimates that carry the uncertainty of record linkage: multiple imputation over
clusterings (pure: no I/O).

Linkage decides which records are one person; every missed link makes one person look
caught by fewer lists (the estimate rises), every false link the reverse. Linkage gives
each scored pair a match probability, so instead of one clustering we draw many:

- each *imputation* is a whole clustering drawn by
  :mod:`tollbook.estimate.clustering_draws` (a Gibbs sampler over partitions whose
  weight is the product of the match odds of the pairs put together): pairs above the
  review band and human confirmations always join, human splits never, and the pairs in
  the band decide the rest, person by person rather than pair by pair;
- the overlap table of each imputation is estimated with the model chosen on the
  clustering the linkage made (held fixed, so that imputations differ only by linkage);
- the log-linear estimates are combined with Rubin's rules on the log scale (Rubin 1987;
  as Sadinle 2018 and Tancredi & Liseo 2011 propagate linkage error into population
  size), the latent class posteriors by mixing their draws (Zhou & Reiter 2010).

Two deterministic clusterings bound what the review queue can still change: every pair
waiting for review taken as a link, and none of them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse, stats
from scipy.sparse.csgraph import connected_components

from tollbook.estimate.missed_link_report import MissedLinkReport
from tollbook.estimate.results import JsonValue
from tollbook.estimate.tables import Membership, OverlapTable, Stratum, tables_from_memberships

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

#: Imputed clusterings drawn by default.
DEFAULT_IMPUTATIONS = 20


@dataclass(frozen=True)
class ScoredLinkage:
    """The records linkage saw and the pairs it scored, by record position ``0..n-1``.

    ``lists[i]`` is the list of record ``i`` and ``attributes[i]`` its stratum values;
    ``left``, ``right``, ``probability`` are the scored pairs; ``decided`` holds +1 for a
    pair a human confirmed, -1 for one split, 0 for none (one value per pair, with pairs
    decided but never scored appended with probability 1 or 0); ``sampled`` marks the pairs
    of a calibration sample (``tollbook lists review-sample``; empty: none). ``threshold`` is the
    probability at or above which the linkage joins records, ``review`` the band of pairs
    it queues for a human.
    """

    lists: tuple[str, ...]
    attributes: tuple[Mapping[str, str], ...]
    left: IntArray
    right: IntArray
    probability: FloatArray
    decided: IntArray
    threshold: float = 0.5
    review: tuple[float, float] = (0.2, 0.8)
    origins: tuple[str, ...] = ()
    duplicate_free: frozenset[str] = frozenset()
    sampled: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))

    def __post_init__(self) -> None:
        n = len(self.lists)
        if len(self.attributes) != n:
            raise ValueError("every record needs its attributes")
        if self.origins and len(self.origins) != n:
            raise ValueError("every record needs its origin, or none does")
        sizes = {len(self.left), len(self.right), len(self.probability), len(self.decided)}
        if len(sizes) != 1:
            raise ValueError("left, right, probability and decided must have one value per pair")
        if len(self.sampled) not in (0, len(self.left)):
            raise ValueError("sampled needs one value per pair, or none")
        if len(self.left) and (
            min(self.left.min(), self.right.min()) < 0
            or max(self.left.max(), self.right.max()) >= n
        ):
            raise ValueError("a pair names a record that is not there")
        if np.any((self.probability < 0) | (self.probability > 1)):
            raise ValueError("match probabilities must lie between 0 and 1")

    @property
    def records(self) -> int:
        return len(self.lists)

    @property
    def origins_of_records(self) -> tuple[str, ...]:
        """Each record's list as imported (before any merge of lists)."""
        return self.origins or self.lists

    @property
    def undecided(self) -> npt.NDArray[np.bool_]:
        """Pairs waiting for a human: in the review band, not decided."""
        low, high = self.review
        out: npt.NDArray[np.bool_] = (
            (self.decided == 0) & (self.probability >= low) & (self.probability < high)
        )
        return out

    def made(self) -> npt.NDArray[np.bool_]:
        """The links as the linkage made them (threshold and human decisions)."""
        return self._with_decisions(self.probability >= self.threshold)

    def all_undecided_linked(self) -> npt.NDArray[np.bool_]:
        return self._with_decisions((self.probability >= self.threshold) | self.undecided)

    def no_undecided_linked(self) -> npt.NDArray[np.bool_]:
        return self._with_decisions((self.probability >= self.threshold) & ~self.undecided)

    def _with_decisions(self, accepted: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
        out: npt.NDArray[np.bool_] = np.where(
            self.decided > 0, True, np.where(self.decided < 0, False, accepted)
        )
        return out


def persons(linkage: ScoredLinkage, accepted: npt.NDArray[np.bool_]) -> IntArray:
    """Each record's person (a connected group of linked records), as a label."""
    n = linkage.records
    a, b = linkage.left[accepted], linkage.right[accepted]
    graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    out: IntArray = np.asarray(labels, dtype=np.int64)
    return out


def memberships(
    linkage: ScoredLinkage, labels: IntArray, by: Sequence[str] = ()
) -> list[Membership]:
    """One ``(lists, stratum values)`` per person; a person's stratum value is the one
    most of its records give (blanks do not vote)."""
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    out: list[Membership] = []
    for group in np.split(order, bounds):
        on = frozenset(linkage.lists[i] for i in group)
        values: dict[str, str] = {}
        for column in by:
            votes = Counter(v for i in group if (v := linkage.attributes[i].get(column)))
            values[column] = votes.most_common(1)[0][0] if votes else ""
        out.append((on, values))
    return out


def tables_of(
    linkage: ScoredLinkage,
    accepted: npt.NDArray[np.bool_],
    lists: Sequence[str],
    by: Sequence[str] = (),
) -> dict[Stratum, OverlapTable]:
    """The overlap tables (one per stratum) of the persons these links make."""
    return tables_of_persons(linkage, persons(linkage, accepted), lists, by)


def tables_of_persons(
    linkage: ScoredLinkage, labels: IntArray, lists: Sequence[str], by: Sequence[str] = ()
) -> dict[Stratum, OverlapTable]:
    """The overlap tables (one per stratum) of the persons ``labels`` gives the records."""
    return tables_from_memberships(memberships(linkage, labels, by), lists, by)


def clustered(linkage: ScoredLinkage, accepted: npt.NDArray[np.bool_]) -> IntArray:
    """Each record's person as the linkage's own clustering makes them from the pairs
    ``accepted`` (``tollbook.link.clustering``: most probable pairs first, a group joined
    only when its pairs average a likely match, records of a duplicate-free list never
    together, human decisions first), not as connected groups: a chain through
    look-alikes, which the linkage never glues, is not one person here either. With the
    links the linkage made it gives the persons stored."""
    from tollbook.link.clustering import cluster_pairs  # (pure; imported when needed)

    below = np.nextafter(linkage.threshold, 0.0)
    probability = np.where(
        accepted,
        np.maximum(linkage.probability, linkage.threshold),
        np.minimum(linkage.probability, below),
    )
    decided = linkage.decided
    origins = linkage.origins_of_records
    exclusive = {i: origin for i, origin in enumerate(origins) if origin in linkage.duplicate_free}
    found = cluster_pairs(
        range(linkage.records),
        linkage.left.tolist(),
        linkage.right.tolist(),
        probability.tolist(),
        linkage.threshold,
        must_link=zip(
            linkage.left[decided > 0].tolist(), linkage.right[decided > 0].tolist(), strict=True
        ),
        cannot_link=zip(
            linkage.left[decided < 0].tolist(), linkage.right[decided < 0].tolist(), strict=True
        ),
        exclusive=exclusive,
    )
    labels: IntArray = np.fromiter(
        (found.cluster_of[i] for i in range(linkage.records)), dtype=np.int64, count=linkage.records
    )
    return labels


@dataclass(frozen=True)
class Combined:
    """Multiple-imputation estimate: point, interval, and how much linkage added."""

    estimate: float
    lower: float
    upper: float
    imputations: int
    within: float
    between: float
    df: float

    @property
    def linkage_share(self) -> float:
        """The share of the total variance due to linkage (Rubin's fraction of missing
        information, without the degrees-of-freedom correction)."""
        total = self.within + (1 + 1 / self.imputations) * self.between
        return 0.0 if total <= 0 else (1 + 1 / self.imputations) * self.between / total


def rubin(
    points: Sequence[float],
    lowers: Sequence[float],
    uppers: Sequence[float],
    level: float = 0.95,
) -> Combined:
    """Rubin's rules on the log scale: each imputation's interval gives its within
    variance (``((log upper - log lower) / 2z)^2``), the spread of the log estimates the
    between variance; the interval uses Student's t with Rubin's degrees of freedom."""
    m = len(points)
    if m < 2 or not len(lowers) == len(uppers) == m:
        raise ValueError("Rubin's rules need two imputations or more, each with an interval")
    q = np.log(np.asarray(points, dtype=np.float64))
    z = float(stats.norm.ppf(0.5 + level / 2))
    u = ((np.log(np.asarray(uppers, dtype=np.float64)) - np.log(lowers)) / (2 * z)) ** 2
    q_bar, u_bar = float(q.mean()), float(u.mean())
    b = float(q.var(ddof=1))
    total = u_bar + (1 + 1 / m) * b
    if b <= 0:
        df = math.inf
    else:
        r = (1 + 1 / m) * b / max(u_bar, 1e-300)
        df = (m - 1) * (1 + 1 / r) ** 2
    t = float(stats.t.ppf(0.5 + level / 2, df)) if math.isfinite(df) else z
    half = t * math.sqrt(total)
    return Combined(
        estimate=math.exp(q_bar),
        lower=math.exp(q_bar - half),
        upper=math.exp(q_bar + half),
        imputations=m,
        within=u_bar,
        between=b,
        df=df,
    )


def mix_draws(draws: Sequence[FloatArray], level: float = 0.95) -> tuple[float, float, float]:
    """Median and central interval of the posterior draws of every imputation together
    (each imputation weighs the same: draws are thinned to the shortest)."""
    if not draws:
        raise ValueError("no draws to mix")
    shortest = min(len(d) for d in draws)
    pooled = np.concatenate([np.asarray(d, dtype=np.float64)[:shortest] for d in draws])
    tail = (1 - level) / 2
    low, high = np.quantile(pooled, [tail, 1 - tail])
    return float(np.median(pooled)), float(low), float(high)


@dataclass(frozen=True)
class LinkageSpread:
    """What the review queue can still change, and how the imputations spread."""

    records: int
    pairs: int
    undecided: int
    persons_as_linked: int
    persons_all_linked: int
    persons_none_linked: int
    estimate_all_linked: float | None
    estimate_none_linked: float | None
    imputations: int
    persons_imputed: tuple[float, float] = (math.nan, math.nan)
    method: str = "loglinear"
    model: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: the correction for missed links (None in reports saved before it)
    missed: MissedLinkReport | None = None
    #: the same model's figure on the persons as linked, beside its all/none figures
    estimate_as_linked: float | None = None

    def statement(self) -> str:
        """What the review queue can still change, and what the correction for missed
        links did, in words."""
        said = self._review_statement()
        return said if self.missed is None else f"{said} {self.missed.statement()}"

    def _review_statement(self) -> str:
        if self.undecided == 0:
            return (
                f"Linkage: no pair waits for review ({self.pairs:,} pairs scored between "
                f"{self.records:,} records); the interval includes linkage error from "
                f"{self.imputations} clusterings drawn from the pairs' match probabilities."
            )
        every, none = self.estimate_all_linked, self.estimate_none_linked
        linked = (
            f", against {_whole(self.estimate_as_linked)} as linked"
            if self.estimate_as_linked is not None
            else ""
        )
        moves = (
            f"the figure would be {_whole(every)} if all of them are links and "
            f"{_whole(none)} if none are{linked} ({self.bounds_by})"
            if every is not None and none is not None
            else "the figure could not be re-estimated for all or none of them"
        )
        return (
            f"Linkage: {self.undecided:,} pairs of records wait for review (persons: "
            f"{self.persons_all_linked:,} if all are links, {self.persons_none_linked:,} if "
            f"none are, {self.persons_as_linked:,} as linked); {moves}. The interval includes "
            f"linkage error from {self.imputations} clusterings drawn from the pairs' match "
            "probabilities."
        )

    @property
    def bounds_by(self) -> str:
        return f"{self.method} {self.model}".strip()

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> LinkageSpread:
        """The spread as :meth:`to_dict` wrote it (a saved estimate's report)."""

        def number(key: str) -> float | None:
            value = data.get(key)
            return None if value is None else float(value)

        low, high = data.get("persons_imputed") or [None, None]
        method, _, model = str(data.get("bounds_by", "")).partition(" ")
        return LinkageSpread(
            records=int(data.get("records", 0)),
            pairs=int(data.get("scored_pairs", 0)),
            undecided=int(data.get("undecided_pairs", 0)),
            persons_as_linked=int(data.get("persons_as_linked", 0)),
            persons_all_linked=int(data.get("persons_if_all_undecided_linked", 0)),
            persons_none_linked=int(data.get("persons_if_no_undecided_linked", 0)),
            estimate_all_linked=number("estimate_if_all_undecided_linked"),
            estimate_none_linked=number("estimate_if_no_undecided_linked"),
            estimate_as_linked=number("estimate_as_linked"),
            imputations=int(data.get("imputations", 0)),
            persons_imputed=(
                math.nan if low is None else float(low),
                math.nan if high is None else float(high),
            ),
            method=method or "loglinear",
            model=model,
            notes=tuple(str(n) for n in data.get("notes") or []),
            missed=MissedLinkReport.from_dict(data["missed_links"])
            if data.get("missed_links")
            else None,
        )

    def to_dict(self) -> dict[str, JsonValue]:
        def r(value: float | None) -> float | None:
            return None if value is None or not math.isfinite(value) else round(value, 1)

        return {
            "method": "multiple imputation over whole clusterings drawn by a Gibbs sampler "
            "over partitions from the match odds of the pairs in the review band (Rubin's "
            "rules; LCMCR draws mixed)",
            "records": self.records,
            "scored_pairs": self.pairs,
            "undecided_pairs": self.undecided,
            "persons_as_linked": self.persons_as_linked,
            "persons_if_all_undecided_linked": self.persons_all_linked,
            "persons_if_no_undecided_linked": self.persons_none_linked,
            "bounds_by": self.bounds_by,
            "statement": self.statement(),
            "estimate_if_all_undecided_linked": r(self.estimate_all_linked),
            "estimate_if_no_undecided_linked": r(self.estimate_none_linked),
            "estimate_as_linked": r(self.estimate_as_linked),
            "imputations": self.imputations,
            "persons_imputed": [r(self.persons_imputed[0]), r(self.persons_imputed[1])],
            "notes": list(self.notes),
            **({"missed_links": self.missed.to_dict()} if self.missed is not None else {}),
        }


def _whole(value: float | None) -> str:
    return "-" if value is None or not math.isfinite(value) else f"{value:,.0f}"
