"""Is a table fit to estimate from? Refusals and warnings in words a non-statistician reads.

Multiple systems estimation learns how many were missed from how the lists overlap. With
too few people on a list, or too few people on more than one list, there is nothing to
learn from, and any figure would be noise dressed as a number: those tables are refused.
Thinner tables are estimated, with a warning saying why the figure is fragile.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from tollbook.estimate.tables import OverlapTable

#: A list with fewer people than this is refused ("too few to estimate from").
MIN_LIST_PEOPLE = 15
#: A list with fewer people than this gives a warning.
FEW_LIST_PEOPLE = 50
#: Fewer people than this on two lists or more: refused.
MIN_OVERLAP_PEOPLE = 10
#: Fewer people than this on two lists or more: a warning.
FEW_OVERLAP_PEOPLE = 30
#: An estimate more than this many times the number seen gets a warning.
LARGE_RATIO = 5.0


@dataclass(frozen=True)
class Concern:
    """One reason to refuse a table, or to warn about its estimate."""

    level: Literal["refuse", "warn"]
    message: str


@dataclass(frozen=True)
class Checked:
    """A table ready to estimate from (empty lists left out), and what was found."""

    table: OverlapTable
    concerns: tuple[Concern, ...]

    @property
    def refused(self) -> bool:
        return any(c.level == "refuse" for c in self.concerns)

    def refusals(self) -> tuple[str, ...]:
        return tuple(c.message for c in self.concerns if c.level == "refuse")

    def warnings(self) -> tuple[str, ...]:
        return tuple(c.message for c in self.concerns if c.level == "warn")


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


def check_table(table: OverlapTable) -> Checked:
    """Leave out empty lists, then refuse or warn as the module describes."""
    concerns: list[Concern] = []
    sizes = table.list_sizes()
    empty = [name for name, size in sizes.items() if size == 0]
    for name in empty:
        concerns.append(Concern("warn", f"List {name} has no one on it here: it was left out."))
    kept = [name for name in table.lists if name not in empty]
    if table.observed == 0:
        concerns.append(Concern("refuse", "No one is on any list: there is nothing to count."))
        return Checked(table, tuple(concerns))
    if len(kept) < 2:
        concerns.append(
            Concern(
                "refuse",
                "Only one list has anyone on it: at least two lists that share people are "
                "needed to estimate how many were missed.",
            )
        )
        return Checked(table, tuple(concerns))
    if empty:
        table = table.keep_lists(kept)
    concerns.extend(_list_concerns(table))
    return Checked(table, tuple(concerns))


def _list_concerns(table: OverlapTable) -> list[Concern]:
    concerns: list[Concern] = []
    sizes = table.list_sizes()
    for name, size in sizes.items():
        if size < MIN_LIST_PEOPLE:
            concerns.append(
                Concern(
                    "refuse",
                    f"List {name} has only {_people(size)}: too few to estimate from. "
                    "Leave it out, or merge it with a similar list.",
                )
            )
        elif size < FEW_LIST_PEOPLE:
            concerns.append(
                Concern(
                    "warn",
                    f"List {name} has only {_people(size)}: the estimate leans on a small "
                    "list and is less certain than its interval suggests.",
                )
            )
    if table.width == 2:
        a, b = table.lists
        if table.shared(a, b) == 0:
            concerns.append(
                Concern(
                    "refuse",
                    f"No one appears on both {a} and {b}: the lists do not overlap, so the "
                    "number missed cannot be estimated.",
                )
            )
            return concerns
    else:
        for name in table.lists:
            if sizes[name] > 0 and table.only_on(name) == sizes[name]:
                concerns.append(
                    Concern(
                        "refuse",
                        f"No one on list {name} appears on any other list: it does not "
                        "overlap the others, so the number missed cannot be estimated. "
                        "Leave it out.",
                    )
                )
        if not any(c.level == "refuse" for c in concerns):
            for a, b in combinations(table.lists, 2):
                if table.shared(a, b) == 0:
                    concerns.append(
                        Concern(
                            "warn",
                            f"No one appears on both {a} and {b}: the estimate assumes "
                            "those two lists are unrelated, which the data cannot check.",
                        )
                    )
    several = table.on_several()
    if several < MIN_OVERLAP_PEOPLE:
        concerns.append(
            Concern(
                "refuse",
                f"Only {_people(several)} appear on more than one list: too few to tell "
                "how the lists overlap, so the number missed cannot be estimated.",
            )
        )
    elif several < FEW_OVERLAP_PEOPLE:
        concerns.append(
            Concern(
                "warn",
                f"Only {_people(several)} appear on more than one list: the estimate rests "
                "on few overlaps and may be far off.",
            )
        )
    return concerns


def size_concerns(observed: int, estimate: float, upper: float | None) -> list[str]:
    """Warnings about an estimate that is large next to the count, or has no upper end."""
    out: list[str] = []
    if upper is None:
        out.append(
            "The interval has no upper end the data can fix: the lists overlap too little "
            "to say how many were missed, only that it is at least the lower figure."
        )
    if observed > 0 and estimate > LARGE_RATIO * observed:
        out.append(
            f"The estimate is {estimate / observed:,.0f} times the number seen: so few "
            "people are shared between lists that this figure should not be relied on."
        )
    return out
