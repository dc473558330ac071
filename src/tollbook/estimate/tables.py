"""List-overlap tables: how many people were seen on exactly each combination of lists.

A table over ``J`` lists has ``2**J - 1`` cells, one per non-empty combination; the cell
"on no list" is what estimation is for, so it is never part of a table. Cells are kept in
one canonical order, the order of Rcapture and of the published tables: the first list is
the most significant bit, from "on every list" (1,1,...,1) down to "on the last list only"
(0,...,0,1).

A stratum is a tuple of ``(column, value)`` pairs, e.g. ``(("district", "Peja"),)``; the
empty tuple is the whole population.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

Pattern = tuple[int, ...]
Stratum = tuple[tuple[str, str], ...]

#: The whole population, not divided into strata.
WHOLE: Stratum = ()


@cache
def patterns(lists: int) -> tuple[Pattern, ...]:
    """All non-empty 0/1 combinations of ``lists`` lists, in canonical order."""
    if lists < 1:
        raise ValueError("a table needs at least one list")
    top = (1 << lists) - 1
    return tuple(
        tuple((value >> (lists - 1 - j)) & 1 for j in range(lists)) for value in range(top, 0, -1)
    )


@cache
def pattern_matrix(lists: int) -> npt.NDArray[np.int8]:
    """The canonical patterns as a read-only ``(2**lists - 1, lists)`` 0/1 matrix."""
    matrix = np.array(patterns(lists), dtype=np.int8)
    matrix.flags.writeable = False
    return matrix


def stratum_label(stratum: Stratum) -> str:
    """``district=Peja, sex=f`` for people; ``all`` for the whole population."""
    if not stratum:
        return "all"
    return ", ".join(f"{column}={value or '(blank)'}" for column, value in stratum)


@dataclass(frozen=True)
class OverlapTable:
    """Counts of people on each combination of ``lists``, in canonical pattern order."""

    lists: tuple[str, ...]
    counts: tuple[int, ...]
    stratum: Stratum = field(default=WHOLE)

    def __post_init__(self) -> None:
        if len(self.lists) < 1:
            raise ValueError("a table needs at least one list")
        if len(set(self.lists)) != len(self.lists):
            raise ValueError(f"list names repeat: {self.lists}")
        if len(self.counts) != (1 << len(self.lists)) - 1:
            raise ValueError(
                f"{len(self.lists)} lists need {(1 << len(self.lists)) - 1} counts, "
                f"not {len(self.counts)}"
            )
        if any(c < 0 for c in self.counts):
            raise ValueError("counts cannot be negative")

    @classmethod
    def from_mapping(
        cls, lists: Sequence[str], counts: Mapping[Pattern, int], stratum: Stratum = WHOLE
    ) -> OverlapTable:
        """A table from ``{pattern: count}``; missing patterns count zero."""
        width = len(lists)
        known = set(patterns(width))
        for pattern in counts:
            if pattern not in known:
                raise ValueError(f"{pattern} is not a non-empty 0/1 pattern over {width} lists")
        return cls(tuple(lists), tuple(int(counts.get(p, 0)) for p in patterns(width)), stratum)

    @property
    def width(self) -> int:
        """Number of lists."""
        return len(self.lists)

    @property
    def observed(self) -> int:
        """Number of distinct people seen on at least one list."""
        return sum(self.counts)

    @property
    def matrix(self) -> npt.NDArray[np.int8]:
        """The cells' 0/1 patterns, one row per cell."""
        return pattern_matrix(self.width)

    def vector(self) -> npt.NDArray[np.float64]:
        """The counts as floats, in cell order (for model fitting)."""
        return np.array(self.counts, dtype=np.float64)

    def items(self) -> Iterable[tuple[Pattern, int]]:
        return zip(patterns(self.width), self.counts, strict=True)

    def count(self, pattern: Pattern) -> int:
        return self.counts[patterns(self.width).index(tuple(pattern))]

    def list_sizes(self) -> dict[str, int]:
        """How many people each list holds."""
        sizes = self.matrix.T.astype(np.int64) @ np.array(self.counts, dtype=np.int64)
        return {name: int(size) for name, size in zip(self.lists, sizes, strict=True)}

    def shared(self, first: str, second: str) -> int:
        """How many people are on both lists."""
        i, j = self.lists.index(first), self.lists.index(second)
        both = (self.matrix[:, i] == 1) & (self.matrix[:, j] == 1)
        return int(np.array(self.counts, dtype=np.int64)[both].sum())

    def on_several(self) -> int:
        """How many people are on two lists or more."""
        several = self.matrix.sum(axis=1) >= 2
        return int(np.array(self.counts, dtype=np.int64)[several].sum())

    def only_on(self, name: str) -> int:
        """How many people are on this list and no other."""
        i = self.lists.index(name)
        alone = (self.matrix[:, i] == 1) & (self.matrix.sum(axis=1) == 1)
        return int(np.array(self.counts, dtype=np.int64)[alone].sum())

    def keep_lists(self, names: Sequence[str]) -> OverlapTable:
        """The table over some of the lists only (people on none of them drop out)."""
        index = [self.lists.index(n) for n in names]
        merged: dict[Pattern, int] = {}
        for pattern, count in self.items():
            sub = tuple(pattern[i] for i in index)
            if any(sub):
                merged[sub] = merged.get(sub, 0) + count
        return OverlapTable.from_mapping(tuple(names), merged, self.stratum)


def pool(tables: Iterable[OverlapTable], stratum: Stratum = WHOLE) -> OverlapTable:
    """The sum of tables over the same lists (e.g. all strata together)."""
    tables = list(tables)
    if not tables:
        raise ValueError("nothing to pool")
    lists = tables[0].lists
    if any(t.lists != lists for t in tables):
        raise ValueError("tables to pool must have the same lists in the same order")
    total: npt.NDArray[np.int64] = np.sum(
        np.array([t.counts for t in tables], dtype=np.int64), axis=0
    )
    return OverlapTable(lists, tuple(int(c) for c in total.tolist()), stratum)


Membership = tuple[frozenset[str], Mapping[str, str]]


def tables_from_memberships(
    people: Iterable[Membership], lists: Sequence[str], by: Sequence[str] = ()
) -> dict[Stratum, OverlapTable]:
    """Overlap tables, one per stratum, from one ``(lists the person is on, attributes)``
    pair per linked person.

    ``by`` names the attributes that divide people into strata (e.g. ``("district",)``);
    a missing attribute counts as the blank value. Every person must be on at least one
    of ``lists``, and on no other list.
    """
    known = set(lists)
    if len(known) != len(lists):
        raise ValueError(f"list names repeat: {tuple(lists)}")
    cells: dict[Stratum, dict[Pattern, int]] = {}
    for number, (on, attributes) in enumerate(people, start=1):
        unknown = set(on) - known
        if unknown:
            raise ValueError(f"person {number} is on unknown list(s): {sorted(unknown)}")
        if not on:
            raise ValueError(f"person {number} is on no list: only listed people can be counted")
        pattern = tuple(1 if name in on else 0 for name in lists)
        stratum = tuple((column, str(attributes.get(column, ""))) for column in by)
        table = cells.setdefault(stratum, {})
        table[pattern] = table.get(pattern, 0) + 1
    return {
        stratum: OverlapTable.from_mapping(lists, counts, stratum)
        for stratum, counts in sorted(cells.items())
    }
