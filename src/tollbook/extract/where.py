"""Which of the places named or carried is the place of one figure."""

from __future__ import annotations

import bisect
import re

from tollbook.extract.places import Place, PlaceMention


def place_for(
    position: int,
    local: list[PlaceMention],
    places: list[PlaceMention],
    city: Place | None,
    country: Place | None,
    sentence: str = "",
) -> Place | None:
    """The sentence's nearest town or site, else its country ("killed in Ukraine" beats an
    earlier city), else the place the report was talking about."""
    if local:
        return _nearest(position, local, sentence).place
    if places:
        return _nearest(position, places, sentence).place
    return city if city is not None else country


# "54 bodies near Khanfar and 14 near Zinjibar": the place before "and" is the first figure's.
_AND_NEXT_RE = re.compile(r"\s*,?\s*and\s+$")


def _nearest(position: int, mentions: list[PlaceMention], sentence: str = "") -> PlaceMention:
    """The mention nearest ``position`` (mentions sorted by start); a place after the
    figure ("killed 12 in Kharkiv") is as near as one before it, and nearer when the one
    before closes the clause of the figure before ("near Khanfar and 14 near Zinjibar")."""
    i = bisect.bisect_left(mentions, position, key=lambda m: m.start)
    window = mentions[max(0, i - 1) : i + 1]
    if len(window) == 2 and _AND_NEXT_RE.fullmatch(sentence, window[0].end, position):
        return window[1]
    return min(window, key=lambda m: abs(m.start - position))


def lead_place(place: Place) -> Place:
    """The place of a report's first figure as the place the report is about: a site
    ("School No. 7, Severodonetsk") widened to the city it lies in."""
    if ", " in place.name:
        return Place(place.name.rsplit(", ", 1)[1], place.geo)
    return place
