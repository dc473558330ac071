"""Human decisions on groupings, applied over the automatic grouping in the order made.

Overrides name claims, not incidents, so they keep holding when the grouping is
recomputed after new reports come in. Claims no longer counted (rejected, or moved to
another outcome) are skipped; an override with none of its claims left does nothing.
Claims of different outcomes are never put in one incident.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tollbook.count.facts import ClaimFacts
from tollbook.count.grouping import Group
from tollbook.domain.incident import GroupingOverride


@dataclass(frozen=True)
class Regrouped:
    """Groups after the overrides, with the grade and confirmation decisions to apply."""

    groups: list[Group]
    grades: list[GroupingOverride]
    confirmations: list[GroupingOverride]


def apply_overrides(groups: Iterable[Group], overrides: Sequence[GroupingOverride]) -> Regrouped:
    board = _Board(groups)
    grades: list[GroupingOverride] = []
    confirmations: list[GroupingOverride] = []
    for override in sorted(overrides, key=lambda o: o.id):
        present = [board.facts[c] for c in sorted(override.claim_ids) if c in board.facts]
        if not present:
            continue
        if override.action in ("merge", "confirm"):
            board.merge(present)
            if override.action == "confirm":
                confirmations.append(override)
        elif override.action == "split":
            board.split(present)
        elif override.action == "ungroup":
            for facts in present:
                board.split([facts])
        elif override.action == "grade":
            grades.append(override)
    return Regrouped(board.groups(), grades, confirmations)


class _Board:
    """Groups by number, and which group each claim is in."""

    def __init__(self, groups: Iterable[Group]) -> None:
        self._groups: dict[int, Group] = {}
        self._group_of: dict[int, int] = {}
        self.facts: dict[int, ClaimFacts] = {}
        self._next = 0
        for group in groups:
            self._add(list(group))

    def _add(self, members: Group) -> None:
        number = self._next
        self._next += 1
        self._groups[number] = members
        for facts in members:
            self._group_of[facts.claim_id] = number
            self.facts[facts.claim_id] = facts

    def merge(self, present: list[ClaimFacts]) -> None:
        outcome = present[0].sourced.claim.outcome
        numbers = sorted(
            {self._group_of[f.claim_id] for f in present if f.sourced.claim.outcome == outcome}
        )
        keep = self._groups[numbers[0]]
        for number in numbers[1:]:
            for facts in self._groups.pop(number):
                keep.append(facts)
                self._group_of[facts.claim_id] = numbers[0]

    def split(self, present: list[ClaimFacts]) -> None:
        leaving = {f.claim_id for f in present}
        for number in {self._group_of[c] for c in leaving}:
            remaining = [f for f in self._groups[number] if f.claim_id not in leaving]
            if remaining:
                self._groups[number] = remaining
            else:
                del self._groups[number]
        by_outcome: dict[str, Group] = {}
        for facts in present:
            by_outcome.setdefault(facts.sourced.claim.outcome, []).append(facts)
        for members in by_outcome.values():
            self._add(members)

    def groups(self) -> list[Group]:
        return list(self._groups.values())
