"""Choosing, dropping and merging lists before estimating (pure).

A list too small or too unlike the others can be left out (``drop``), or the estimate
run on some lists only (``keep``); two lists that record people the same way (two morgue
registers) can be merged into one (``merge``: a person on either is on the merged list).
Merges are applied first, then ``keep`` and ``drop``, which name lists after merging.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tollbook.estimate.tables import OverlapTable, Pattern, Stratum

Merge = tuple[tuple[str, ...], str]


def parse_merge(text: str) -> Merge:
    """``A+B=C`` (lists A and B become one list C); ``A+B`` names the result ``A+B``."""
    left, equals, right = text.partition("=")
    parts = [p.strip() for p in re.split(r"\+", left) if p.strip()]
    if len(parts) < 2 or len(set(parts)) != len(parts):
        raise ValueError(
            f"{text!r}: write two lists or more joined by +, e.g. morgue+burial=bodies"
        )
    target = right.strip() if equals else "+".join(parts)
    if not target:
        raise ValueError(f"{text!r}: name the merged list after =")
    return tuple(parts), target


@dataclass(frozen=True)
class ListChoice:
    """Which lists to estimate from: merges, then the lists kept or dropped."""

    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    merge: tuple[Merge, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.keep or self.drop or self.merge)

    def to_json(self) -> dict[str, list[str]]:
        return {
            "keep": list(self.keep),
            "drop": list(self.drop),
            "merge": [f"{'+'.join(parts)}={target}" for parts, target in self.merge],
        }

    def renaming(self, lists: Sequence[str]) -> dict[str, str | None]:
        """Each list's name after the choice (None: left out); :class:`ValueError`
        naming the lists that are not there, or a choice that leaves fewer than two."""
        known = set(lists)
        names: dict[str, str | None] = {name: name for name in lists}
        merged_into: set[str] = set()
        for parts, target in self.merge:
            unknown = [p for p in parts if p not in known]
            if unknown:
                raise ValueError(f"merge: no list {', '.join(unknown)} (lists: {', '.join(lists)})")
            twice = [p for p in parts if p in merged_into]
            if twice:
                raise ValueError(f"merge: {', '.join(twice)} is merged twice")
            if target in known and target not in parts:
                raise ValueError(f"merge: {target} is already a list; name the merge otherwise")
            merged_into.update(parts)
            for part in parts:
                names[part] = target
        after = sorted({n for n in names.values() if n is not None})
        for option, chosen in (("lists", self.keep), ("drop", self.drop)):
            unknown = [c for c in chosen if c not in after]
            if unknown:
                raise ValueError(
                    f"{option}: no list {', '.join(unknown)} (lists: {', '.join(after)})"
                )
        for name, new in names.items():
            if new is None:
                continue
            if (self.keep and new not in self.keep) or new in self.drop:
                names[name] = None
        if len({n for n in names.values() if n is not None}) < 2:
            raise ValueError("lists: at least two lists must be left to estimate from")
        return names

    def lists_after(self, lists: Sequence[str]) -> tuple[str, ...]:
        return tuple(sorted({n for n in self.renaming(lists).values() if n is not None}))

    def apply(self, table: OverlapTable) -> OverlapTable:
        """The table over the chosen lists (people on none of them drop out)."""
        renaming = self.renaming(table.lists)
        after = self.lists_after(table.lists)
        cells: dict[Pattern, int] = {}
        for pattern, count in table.items():
            on = {renaming[name] for name, bit in zip(table.lists, pattern, strict=True) if bit}
            new = tuple(1 if name in on else 0 for name in after)
            if any(new):
                cells[new] = cells.get(new, 0) + count
        return OverlapTable.from_mapping(after, cells, table.stratum)

    def apply_all(self, tables: Mapping[Stratum, OverlapTable]) -> dict[Stratum, OverlapTable]:
        return {stratum: self.apply(table) for stratum, table in tables.items()}


def choice_of(
    keep: Iterable[str] = (), drop: Iterable[str] = (), merge: Iterable[str] = ()
) -> ListChoice:
    """A choice from option values (``--lists a,b,c``, ``--drop x``, ``--merge A+B=C``)."""
    kept = tuple(n.strip() for item in keep for n in item.split(",") if n.strip())
    dropped = tuple(n.strip() for item in drop for n in item.split(",") if n.strip())
    return ListChoice(kept, dropped, tuple(parse_merge(m) for m in merge))
