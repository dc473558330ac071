"""The settings of reconciliation: date windows, tolerance, and floors for vague words.

Every default is documented in ``docs/counting.md``; change them by passing another
:class:`CountRules` to :func:`tollbook.count.reconcile`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tollbook.gazetteer import Gazetteer

#: The floor each vague word may contribute when floors are enabled: the least the word
#: can mean ("dozens" is at least two dozen). Words meaning nothing countable ("many",
#: "numerous", "countless") have no floor.
DEFAULT_VAGUE_FLOORS: Mapping[str, int] = MappingProxyType(
    {
        "hundreds of thousands": 200_000,
        "tens of thousands": 20_000,
        "thousands": 2_000,
        "hundreds": 200,
        "scores": 40,
        "dozens": 24,
        "several": 3,
        "a few": 2,
    }
)


@dataclass(frozen=True)
class VagueFloors:
    """What a vague figure ("dozens of people were killed") contributes to a count.

    Disabled (the default), a vague figure contributes nothing: it is listed, never
    counted. Enabled, it contributes the floor of the vague word found in its evidence
    sentence (the longest phrase wins: "tens of thousands" is not "thousands"); when the
    sentence holds several, the smallest floor is used.
    """

    enabled: bool = False
    floors: Mapping[str, int] = field(default_factory=lambda: DEFAULT_VAGUE_FLOORS)

    def __post_init__(self) -> None:
        for word, floor in self.floors.items():
            if floor < 0:
                raise ValueError(f"vague floor for {word!r} must not be negative, got {floor}")

    def floor_for(self, evidence: str) -> int | None:
        """The floor a vague claim with this evidence contributes, or None."""
        if not self.enabled:
            return None
        found = []
        text = evidence
        for word in sorted(self.floors, key=len, reverse=True):  # "tens of thousands" first
            pattern = _word_pattern(word)
            if pattern.search(text):
                found.append(self.floors[word])
                text = pattern.sub(" ", text)
        return min(found) if found else None

    def describe(self) -> str:
        if not self.enabled:
            return "vague figures (dozens, hundreds, many...) are listed but not counted"
        words = ", ".join(f"{word} {floor:,}" for word, floor in self.floors.items())
        return f"vague figures count at their floor: {words}; other vague words nothing"


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _word_pattern(word: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(word)
    if pattern is None:
        words = r"\s+".join(re.escape(part) for part in word.split())
        pattern = re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)
        _PATTERNS[word] = pattern
    return pattern


@dataclass(frozen=True)
class CountRules:
    """How claims are grouped into incidents and counted.

    ``date_tolerance_days``: claims whose dates are this many days apart may still be one
    incident (reports resolve "overnight" or "on Saturday" differently, and one report's
    figures of one event may be read a day apart).
    ``undated_window_days``: a claim with no date is taken to be about the days up to
    its report's publication date, this many days back.
    ``about_tolerance``: "about N" is compatible with figures within this fraction of N.
    ``places``: a gazetteer by which claims about one place written in two scripts or
    spellings ("у Маріуполі", "in Mariupol") can be one incident; without it, places are
    compared as written (any letter case).
    """

    date_tolerance_days: int = 1
    undated_window_days: int = 3
    about_tolerance: float = 0.1
    vague: VagueFloors = field(default_factory=VagueFloors)
    places: Gazetteer | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.date_tolerance_days < 0 or self.undated_window_days < 0:
            raise ValueError("day windows must not be negative")
        if not 0 <= self.about_tolerance < 1:
            raise ValueError("about_tolerance must be in [0, 1)")


DEFAULT_RULES = CountRules()
