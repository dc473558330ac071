"""Rank candidates for a missing person among all bodies (or reports for a body).

Vectorised with numpy: a :class:`ProfileTable` holds every profile of one side as arrays
(token lists as CSR-style index arrays), and :func:`rank` scores one profile of the other
side against all of them at once, then explains the top ``k`` feature by feature.

Each feature adds points, roughly a log-likelihood ratio: positive when the feature
agrees, negative when it disagrees, zero when either side does not know it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from tollbook.domain.text import N_
from tollbook.registry.profiles import Profile, clothing_items, mark_kinds

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
_EPOCH = date(1970, 1, 1)
_NO_DAY = np.iinfo(np.int64).min


@dataclass(frozen=True)
class Weights:
    """Points per feature; tuned on the simulated siege (see docs/registry.md)."""

    sex_agrees: float = 1.0
    sex_differs: float = -4.0
    #: Exclude candidates of the other apparent sex altogether.
    sex_hard: bool = False
    age_agrees: float = 1.0
    age_per_year_off: float = -0.15
    age_worst: float = -3.0
    height_agrees: float = 1.0
    #: Points lost per (difference / tolerance) squared.
    height_tolerance_cm: float = 8.0
    height_worst: float = -3.0
    clothing_item: float = 0.4
    clothing_colour: float = 0.8
    #: A mark with its place on the body (``tattoo:anchor:left shoulder``), on top of
    #: ``mark_kind`` for the mark itself (``tattoo:anchor``) wherever it is.
    mark: float = 1.5
    mark_kind: float = 1.5
    effect: float = 1.5
    #: A body buried before the person was last seen (more than a day's slack).
    buried_before_seen: float = -8.0
    days_plausible: int = 14
    days_agrees: float = 1.0
    days_worst: float = -2.0
    place_agrees: float = 1.0
    place_differs: float = -0.5
    name_token: float = 1.0
    #: Two or more name tokens in common (family and given name).
    name_full: float = 5.0
    name_differs: float = -1.0


@dataclass(frozen=True)
class Reason:
    """One feature's contribution to a score, in words."""

    feature: str
    points: float
    why: str


@dataclass(frozen=True)
class Candidate:
    key: str
    score: float
    rank: int
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


class _Tokens:
    """Token lists of many profiles: the row of every token, and the token ids."""

    def __init__(self, lists: Sequence[Sequence[str]], vocabulary: dict[str, int]) -> None:
        rows: list[int] = []
        ids: list[int] = []
        for row, tokens in enumerate(lists):
            for token in set(tokens):
                rows.append(row)
                ids.append(vocabulary.setdefault(token, len(vocabulary)))
        self.rows: I64 = np.asarray(rows, dtype=np.int64)
        self.ids: I64 = np.asarray(ids, dtype=np.int64)
        self.vocabulary = vocabulary
        self.size = len(lists)

    def overlap(self, tokens: Sequence[str]) -> F64:
        """How many of ``tokens`` each profile has."""
        wanted = [self.vocabulary[t] for t in set(tokens) if t in self.vocabulary]
        if not wanted or self.ids.size == 0:
            return np.zeros(self.size)
        hit = np.isin(self.ids, np.asarray(wanted, dtype=np.int64))
        return np.bincount(self.rows[hit], minlength=self.size).astype(np.float64)

    def counts(self) -> F64:
        return np.bincount(self.rows, minlength=self.size).astype(np.float64)


def _day(value: date | None) -> int:
    return _NO_DAY if value is None else (value - _EPOCH).days


class ProfileTable:
    """Every profile of one side (all bodies, or all reports) as arrays."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.profiles = list(profiles)
        self.keys = [p.key for p in profiles]
        n = len(profiles)
        self.sex = np.array([{"M": 1, "F": 2}.get(p.sex, 0) for p in profiles], dtype=np.int8)
        self.age_from = np.array(
            [np.nan if p.age_from is None else p.age_from for p in profiles], dtype=np.float64
        )
        self.age_to = np.array(
            [np.nan if p.age_to is None else p.age_to for p in profiles], dtype=np.float64
        )
        self.height = np.array(
            [np.nan if p.height_cm is None else p.height_cm for p in profiles], dtype=np.float64
        )
        self.day = np.array([_day(p.day) for p in profiles], dtype=np.int64)
        places: dict[str, int] = {}
        self.place = np.array(
            [places.setdefault(p.place, len(places)) if p.place else -1 for p in profiles],
            dtype=np.int64,
        )
        self.places = places
        self.clothing = _Tokens([p.clothing for p in profiles], {})
        self.items = _Tokens([clothing_items(p.clothing) for p in profiles], {})
        self.marks = _Tokens([p.marks for p in profiles], {})
        self.mark_kinds = _Tokens([mark_kinds(p.marks) for p in profiles], {})
        self.effects = _Tokens([p.effects for p in profiles], {})
        self.names = _Tokens([p.names for p in profiles], {})
        self.has_names = self.names.counts() > 0
        self.size = n

    def __len__(self) -> int:
        return self.size


def feature_points(
    table: ProfileTable, one: Profile, *, one_is_report: bool, weights: Weights
) -> dict[str, F64]:
    """Each feature's points for ``one`` against every profile of ``table``."""
    w = weights
    n = table.size
    points: dict[str, F64] = {}

    sex = {"M": 1, "F": 2}.get(one.sex, 0)
    known = (table.sex != 0) & (sex != 0)
    agree = table.sex == sex
    differs = w.sex_differs if not w.sex_hard else -np.inf
    points["sex"] = np.where(known, np.where(agree, w.sex_agrees, differs), 0.0)

    if one.age_from is None or one.age_to is None:
        points["age"] = np.zeros(n)
    else:
        gap = np.maximum(np.maximum(table.age_from - one.age_to, one.age_from - table.age_to), 0)
        age = np.where(gap == 0, w.age_agrees, np.maximum(w.age_per_year_off * gap, w.age_worst))
        points["age"] = np.nan_to_num(age, nan=0.0)

    if one.height_cm is None:
        points["height"] = np.zeros(n)
    else:
        off = (table.height - one.height_cm) / w.height_tolerance_cm
        height = np.maximum(w.height_agrees - off * off, w.height_worst)
        points["height"] = np.nan_to_num(height, nan=0.0)

    if one.day is None:
        points["dates"] = np.zeros(n)
    else:
        day = _day(one.day)
        gap_days = (table.day - day) if one_is_report else (day - table.day)
        gap = gap_days.astype(np.float64)
        late = w.days_agrees + (gap - w.days_plausible) * (w.days_agrees - w.days_worst) / -46.0
        dates = np.where(
            gap < -1,
            w.buried_before_seen,
            np.where(gap <= w.days_plausible, w.days_agrees, np.maximum(late, w.days_worst)),
        )
        points["dates"] = np.where(table.day == _NO_DAY, 0.0, dates)

    if not one.place:
        points["place"] = np.zeros(n)
    else:
        place = table.places.get(one.place, -2)
        points["place"] = np.where(
            table.place < 0, 0.0, np.where(table.place == place, w.place_agrees, w.place_differs)
        )

    colour = table.clothing.overlap(one.clothing)
    item = table.items.overlap(clothing_items(one.clothing))
    points["clothing"] = w.clothing_colour * colour + w.clothing_item * item
    points["marks"] = w.mark * table.marks.overlap(one.marks) + w.mark_kind * (
        table.mark_kinds.overlap(mark_kinds(one.marks))
    )
    points["effects"] = w.effect * table.effects.overlap(one.effects)

    if one.names:
        same = table.names.overlap(one.names)
        points["name"] = np.where(
            table.has_names,
            np.where(
                same >= 2,
                w.name_full,
                np.where(same > 0, w.name_token, w.name_differs),
            ),
            0.0,
        )
    else:
        points["name"] = np.zeros(n)
    return points


def rank(
    table: ProfileTable,
    one: Profile,
    *,
    one_is_report: bool = True,
    top: int = 5,
    weights: Weights | None = None,
) -> list[Candidate]:
    """The ``top`` best-fitting profiles of ``table`` for ``one``, each explained."""
    if top < 1:
        raise ValueError("top must be at least 1")
    if table.size == 0:
        return []
    w = weights or Weights()
    points = feature_points(table, one, one_is_report=one_is_report, weights=w)
    total = np.zeros(table.size)
    for values in points.values():
        total += values
    k = min(top, table.size)
    best = np.argpartition(-total, k - 1)[:k] if k < table.size else np.arange(table.size)
    best = best[np.isfinite(total[best])]
    order = best[np.lexsort((best, -total[best]))]
    return [
        Candidate(
            key=table.keys[i],
            score=round(float(total[i]), 3),
            rank=position,
            reasons=explain(table.profiles[i], one, {f: float(v[i]) for f, v in points.items()}),
        )
        for position, i in enumerate(order, start=1)
    ]


def explain(other: Profile, one: Profile, points: dict[str, float]) -> tuple[Reason, ...]:
    """Words for each feature's points, for one pair."""

    def said(value: object) -> str:
        return N_("unknown") if value in (None, "", ()) else str(value)

    def ages(p: Profile) -> str:
        if p.age_from is None:
            return N_("unknown")
        return str(p.age_from) if p.age_from == p.age_to else f"{p.age_from}-{p.age_to}"

    def common(a: tuple[str, ...], b: tuple[str, ...]) -> str:
        shared = sorted(set(a) & set(b))
        return ", ".join(shared) if shared else N_("none in common")

    names = common(one.names, other.names) if other.names and one.names else N_("none")
    texts = {
        "sex": N_("sex %(one)s vs %(other)s", one=said(one.sex), other=said(other.sex)),
        "age": N_("age %(one)s vs %(other)s", one=ages(one), other=ages(other)),
        "height": N_(
            "height %(one)s vs %(other)s cm", one=said(one.height_cm), other=said(other.height_cm)
        ),
        "dates": N_(
            "last seen / buried %(one)s vs %(other)s", one=said(one.day), other=said(other.day)
        ),
        "place": N_("place %(one)s vs %(other)s", one=said(one.place), other=said(other.place)),
        "clothing": N_(
            "clothing: %(items)s; garments: %(kinds)s",
            items=common(one.clothing, other.clothing),
            kinds=common(clothing_items(one.clothing), clothing_items(other.clothing)),
        ),
        "marks": N_(
            "marks: %(items)s; kinds: %(kinds)s",
            items=common(one.marks, other.marks),
            kinds=common(mark_kinds(one.marks), mark_kinds(other.marks)),
        ),
        "effects": N_("effects: %(items)s", items=common(one.effects, other.effects)),
        "name": N_("name on the body: %(items)s", items=names),
    }
    return tuple(Reason(f, round(points[f], 3), texts[f]) for f in points)
