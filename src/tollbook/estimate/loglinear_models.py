"""Log-linear models of list overlap, named and built as the R package Rcapture does.

A hierarchical model is named by its highest-order terms, lists numbered from 1: ``[123,14,34]``
has the three-way interaction of lists 1, 2 and 3 (and so every two-way term inside it),
the two-way terms 1:4 and 3:4, and a main effect for every list. ``[1,2,3,4]`` is the
independence model (Rcapture's Mt). Heterogeneous catchability (people differ in how likely
any list is to record them) adds columns that depend on how many lists a person is on:

- Chao (lower bound, "LB"): ``max(k - j + 1, 0)`` for ``j = 3..t``; negative coefficients
  are removed one by one and the model refitted, as Rcapture does by default;
- Poisson(theta): ``theta**k - 1`` (Rcapture's ``Poisson2`` for theta = 2);
- Darroch: ``k**2 / 2``;
- Gamma(theta): ``-log(theta + k) + log(theta)`` (Rcapture's ``Gamma3.5``).

``M0`` and ``Mh`` use one capture effect for all lists instead of one per list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import Literal

import numpy as np
import numpy.typing as npt

from tollbook.estimate.tables import pattern_matrix

Term = tuple[int, ...]
HeterogeneityKind = Literal["chao", "poisson", "darroch", "gamma"]
HETEROGENEITY_KINDS: tuple[HeterogeneityKind, ...] = ("chao", "poisson", "darroch", "gamma")
_DEFAULT_THETA = {"poisson": 2.0, "gamma": 3.5}
Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Heterogeneity:
    """Extra columns for people who differ in how likely they are to be listed."""

    kind: HeterogeneityKind
    theta: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in HETEROGENEITY_KINDS:
            raise ValueError(f"unknown heterogeneity {self.kind!r}")
        if self.kind in _DEFAULT_THETA and self.theta is None:
            object.__setattr__(self, "theta", _DEFAULT_THETA[self.kind])
        if self.kind not in _DEFAULT_THETA:
            object.__setattr__(self, "theta", None)

    @property
    def label(self) -> str:
        if self.kind == "chao":
            return "Chao"
        if self.kind == "darroch":
            return "Darroch"
        theta = self.theta if self.theta is not None else _DEFAULT_THETA[self.kind]
        return f"{self.kind.capitalize()}{theta:g}"

    def columns(self, listed: npt.NDArray[np.float64], lists: int) -> tuple[list[str], Matrix]:
        """The columns for cells on ``listed`` lists each (0 for the unobserved cell)."""
        k = listed.astype(np.float64)
        if self.kind == "chao":
            if lists < 3:
                return ["eta"], np.zeros((len(k), 1))
            cols = [np.maximum(k - j + 1, 0.0) for j in range(3, lists + 1)]
            return [f"eta{j}" for j in range(3, lists + 1)], np.column_stack(cols)
        if self.kind == "darroch":
            return ["tau"], (k**2 / 2.0)[:, None]
        assert self.theta is not None
        if self.kind == "poisson":
            return ["tau"], (self.theta**k - 1.0)[:, None]
        return ["tau"], (-np.log(self.theta + k) + np.log(self.theta))[:, None]


def closure(terms: Sequence[Term]) -> tuple[Term, ...]:
    """Every interaction a hierarchical model with these terms contains, sorted."""
    out: set[Term] = set()
    for term in terms:
        term = tuple(sorted(term))
        for size in range(2, len(term) + 1):
            out.update(combinations(term, size))
    return tuple(sorted(out, key=lambda t: (len(t), t)))


def generators(terms: Sequence[Term], lists: int) -> tuple[Term, ...]:
    """The highest-order terms (with lists not in any interaction as main effects)."""
    full = set(closure(terms)) | {(i,) for i in range(lists)}
    top = [t for t in full if not any(set(t) < set(o) for o in full)]
    return tuple(sorted(top, key=lambda t: (-len(t), t)))


@dataclass(frozen=True)
class LoglinearModel:
    """A log-linear model: interactions between lists, and optional heterogeneity.

    ``terms`` are interactions (tuples of 0-based list indexes, two or more); the model is
    made hierarchical (every lower-order term inside a term is included). With
    ``common_capture`` every list shares one capture effect (M0, Mh) and there are no
    interactions.
    """

    lists: int
    terms: tuple[Term, ...] = ()
    heterogeneity: Heterogeneity | None = None
    common_capture: bool = False

    def __post_init__(self) -> None:
        if self.lists < 2:
            raise ValueError("a model needs at least two lists")
        for term in self.terms:
            if len(term) < 2 or len(set(term)) != len(term):
                raise ValueError(f"{term} is not an interaction of distinct lists")
            if any(i < 0 or i >= self.lists for i in term):
                raise ValueError(f"{term} names a list beyond the {self.lists} lists")
            if len(term) == self.lists:
                raise ValueError(
                    "the interaction of all the lists cannot be estimated: it is the "
                    "unobserved cell itself"
                )
        if self.common_capture and self.terms:
            raise ValueError("M0 and Mh have no interactions")
        object.__setattr__(self, "terms", closure(self.terms))

    @property
    def name(self) -> str:
        """Rcapture's name: ``[123,14,34]``, ``Mth Chao``, ``[12,3,4] + Darroch``, ``M0``."""
        h = self.heterogeneity
        if self.common_capture:
            return "M0" if h is None else f"Mh {h.label}"
        if not self.terms and h is not None:
            return f"Mth {h.label}"
        base = "[" + ",".join("".join(str(i + 1) for i in t) for t in self.generators) + "]"
        return base if h is None else f"{base} + {h.label}"

    @property
    def generators(self) -> tuple[Term, ...]:
        return generators(self.terms, self.lists)

    def describe(self, names: Sequence[str]) -> str:
        """The model in the lists' own names, e.g. ``EXH×ABA×OSCE, EXH×HRW, OSCE×HRW``."""
        if self.common_capture:
            what = "equal chance on every list"
        elif not self.terms:
            what = "lists independent"
        else:
            what = ", ".join("×".join(names[i] for i in t) for t in self.generators if len(t) >= 2)
        if self.heterogeneity is not None:
            what += f"; heterogeneity {self.heterogeneity.label}"
        return what

    def design(self, with_unobserved: bool = False) -> tuple[list[str], Matrix, int]:
        """Column names, the design matrix (no intercept column) over the observed cells
        (and the unobserved cell last, all zeros, if asked), and how many columns come
        before the heterogeneity columns."""
        cells, columns = _term_columns(self.lists, with_unobserved)
        listed = cells.sum(axis=1)
        names: list[str] = []
        chosen: list[Term] = []
        if self.common_capture:
            names.append("beta")
            matrix = listed[:, None]
        else:
            for i in range(self.lists):
                names.append(f"beta{i + 1}")
                chosen.append((i,))
            for term in self.terms:
                names.append("lambda" + "".join(str(i + 1) for i in term))
                chosen.append(term)
            matrix = columns[:, [_term_index(self.lists)[t] for t in chosen]]
        structural = matrix.shape[1]
        if self.heterogeneity is not None:
            h_names, h_cols = self.heterogeneity.columns(listed, self.lists)
            names.extend(h_names)
            matrix = np.column_stack([matrix, h_cols])
        return names, matrix, structural


@cache
def _term_index(lists: int) -> dict[Term, int]:
    """Where each main effect and interaction sits in :func:`_term_columns`."""
    terms = [t for size in range(1, lists + 1) for t in combinations(range(lists), size)]
    return {t: i for i, t in enumerate(terms)}


@cache
def _term_columns(lists: int, with_unobserved: bool) -> tuple[Matrix, Matrix]:
    """The cells' 0/1 patterns and the column of every term, computed once per width."""
    cells = pattern_matrix(lists).astype(np.float64)
    if with_unobserved:
        cells = np.vstack([cells, np.zeros((1, lists))])
    index = _term_index(lists)
    columns = np.empty((cells.shape[0], len(index)))
    for term, i in index.items():
        columns[:, i] = np.prod(cells[:, list(term)], axis=1)
    cells.flags.writeable = False
    columns.flags.writeable = False
    return cells, columns


def independence(lists: int) -> LoglinearModel:
    """Lists independent of each other, each with its own capture rate (Rcapture's Mt)."""
    return LoglinearModel(lists)


def hierarchical_models(
    lists: int,
    max_order: int | None = None,
    heterogeneity: Heterogeneity | None = None,
    exclude: frozenset[Term] = frozenset(),
) -> Iterator[LoglinearModel]:
    """Every hierarchical model with all main effects and interactions up to ``max_order``
    (default: all but the interaction of every list), as Rcapture's ``closedpMS.t``;
    interactions holding a pair of lists in ``exclude`` (lists that share nobody: the
    term would run off to minus infinity) are left out."""
    top = lists - 1 if max_order is None else max_order
    if not 1 <= top <= lists - 1:
        raise ValueError(f"max_order must be between 1 and {lists - 1}")
    candidates = [
        t
        for size in range(2, top + 1)
        for t in combinations(range(lists), size)
        if not any(pair in exclude for pair in combinations(t, 2))
    ]

    def grow(index: int, chosen: set[Term]) -> Iterator[set[Term]]:
        if index == len(candidates):
            yield chosen
            return
        yield from grow(index + 1, chosen)
        term = candidates[index]
        faces = combinations(term, len(term) - 1) if len(term) > 2 else ()
        if all(face in chosen for face in faces):
            yield from grow(index + 1, chosen | {term})

    for chosen in grow(0, set()):
        yield LoglinearModel(lists, tuple(sorted(chosen)), heterogeneity)


def standard_models(lists: int) -> list[LoglinearModel]:
    """Rcapture's ``closedp.t`` models that make sense for lists (no behavioural ones):
    M0, Mt, and Mh and Mth with Chao, Poisson2, Darroch and Gamma3.5 heterogeneity."""
    out = [LoglinearModel(lists, common_capture=True), LoglinearModel(lists)]
    for kind in HETEROGENEITY_KINDS:
        out.append(LoglinearModel(lists, heterogeneity=Heterogeneity(kind), common_capture=True))
    for kind in HETEROGENEITY_KINDS:
        out.append(LoglinearModel(lists, heterogeneity=Heterogeneity(kind)))
    return out


_H_WORDS: dict[str, HeterogeneityKind] = {
    "chao": "chao",
    "lb": "chao",
    "darroch": "darroch",
    "poisson": "poisson",
    "gamma": "gamma",
}


def parse_heterogeneity(text: str) -> Heterogeneity:
    """``Chao``, ``LB``, ``Darroch``, ``Poisson2``, ``Poisson1.5``, ``Gamma3.5``, ``gamma``."""
    match = re.fullmatch(r"\s*([A-Za-z]+)\s*([0-9]*\.?[0-9]+)?\s*", text)
    if not match or match.group(1).lower() not in _H_WORDS:
        raise ValueError(
            f"{text.strip()!r} is not a heterogeneity: use Chao, Darroch, Poisson2 or Gamma3.5"
        )
    kind = _H_WORDS[match.group(1).lower()]
    theta = float(match.group(2)) if match.group(2) else None
    if theta is not None and kind not in _DEFAULT_THETA:
        raise ValueError(f"{match.group(1)} takes no number")
    return Heterogeneity(kind, theta)


def parse_model(text: str, lists: Sequence[str]) -> LoglinearModel:
    """A model from its name: ``[123,14,34]``, ``12,3,4``, ``independence``, ``Mt``, ``M0``,
    ``Mh Chao``, ``Mth Darroch``, ``[12,3,4] + Poisson2``. List numbers start at 1; a
    term may also join list names with ``*`` or ``:`` (``EXH*ABA``)."""
    width = len(lists)
    words = text.strip()
    h: Heterogeneity | None = None
    base, plus, rest = words.partition("+")
    if plus:
        h = parse_heterogeneity(rest)
        words = base.strip()
    lowered = words.lower()
    named = re.fullmatch(r"(m0|mt|mh|mth)(?:\s+(.+))?", lowered)
    if named:
        kind, h_text = named.group(1), named.group(2)
        if h_text:
            if h is not None:
                raise ValueError(f"{text!r} names heterogeneity twice")
            h = parse_heterogeneity(h_text)
        if kind in ("mh", "mth") and h is None:
            raise ValueError(f"{kind.capitalize()} needs a heterogeneity, e.g. '{kind} Chao'")
        if kind in ("m0", "mt") and h is not None:
            raise ValueError(f"{kind.upper()} has no heterogeneity: use Mh or Mth")
        return LoglinearModel(width, (), h, common_capture=kind in ("m0", "mh"))
    if lowered in ("independence", "independent"):
        return LoglinearModel(width, (), h)
    inner = words.strip("[] ")
    terms: list[Term] = []
    for part in (p.strip() for p in inner.split(",") if p.strip()):
        terms.append(_parse_term(part, lists))
    return LoglinearModel(width, tuple(t for t in terms if len(t) >= 2), h)


def _parse_term(part: str, lists: Sequence[str]) -> Term:
    width = len(lists)
    if "*" in part or ":" in part:
        names = [n.strip() for n in re.split(r"[*:]", part)]
        index: list[int] = []
        for name in names:
            if name in lists:
                index.append(lists.index(name))
            elif name.isdigit() and 1 <= int(name) <= width:
                index.append(int(name) - 1)
            else:
                raise ValueError(f"{name!r} is not one of the lists {', '.join(lists)}")
        return tuple(sorted(index))
    if part in lists:
        return (lists.index(part),)
    if not part.isdigit() or width > 9:
        raise ValueError(
            f"{part!r} is not a term: write list numbers 1 to {width} run together "
            "(e.g. 12 for lists 1 and 2), or list names joined by * (e.g. A*B)"
        )
    digits = [int(c) for c in part]
    if any(d < 1 or d > width for d in digits) or len(set(digits)) != len(digits):
        raise ValueError(f"{part!r} is not a term over lists 1 to {width}")
    return tuple(sorted(d - 1 for d in digits))
