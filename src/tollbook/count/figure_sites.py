"""Which site each figure of a sentence is about, when the sentence names two events.

"Strike on railway station kills four, shelling of market kills seven": the sentence names
two sites and gives two figures, and each figure is about the site nearest to it. Read
whole, both figures would name both sites, and grouping would make one incident of the
station's four and the market's seven (and take the four as an earlier toll of the nine
the market's dead later rose to).

A figure is found in its sentence by its value, written in digits ("1,432") or in words up
to ninety-nine ("four", "twenty-three"). Nothing is changed unless every figure of the
sentence is found there exactly once: a sentence read wrongly keeps the sites it had.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: number words and their values (also read by ``count.withdrawn``)
WORD_VALUES: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 10 + i for i, w in enumerate(_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
}
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)"
    rf"|\b(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:])}))?\b"
    rf"|\b(?:{'|'.join(_TEENS + _UNITS)})\b",
    re.IGNORECASE,
)


def figures_in(sentence: str) -> list[tuple[int, int]]:
    """(position, value) of each number written in ``sentence``, in digits or in words."""
    found = []
    for m in _NUMBER_RE.finditer(sentence):
        text = m.group(0).lower()
        if text[0].isdigit():
            value = int(text.replace(",", ""))
        else:
            value = sum(WORD_VALUES[w] for w in re.split(r"[- ]", text))
        found.append((m.start(), value))
    return found


def sites_by_figure(
    sentence: str,
    figures: Sequence[tuple[int | None, int | None]],
    sites: Sequence[tuple[int, str]],
) -> list[frozenset[str]] | None:
    """For each of ``figures`` (a claim's low and high), the sites of ``sites`` (position,
    name) nearer to it than to any other of the figures; None when the sentence names fewer
    than two sites or gives fewer than two figures, or a figure is not found there exactly
    once. A figure no site is nearest to gets every site, as before."""
    if len({name for _, name in sites}) < 2:
        return None
    written = figures_in(sentence)
    positions: list[int] = []
    for low, high in figures:
        value = low if low is not None else high
        at = [position for position, found in written if found == value]
        if len(at) != 1:
            return None
        positions.append(at[0])
    if len(set(positions)) < 2:
        return None
    mine: list[set[str]] = [set() for _ in figures]
    for position, name in sites:
        distances = [abs(position - p) for p in positions]
        nearest = min(distances)
        if distances.count(nearest) == 1:
            mine[distances.index(nearest)].add(name)
    every = frozenset(name for _, name in sites)
    return [frozenset(own) if own else every for own in mine]
