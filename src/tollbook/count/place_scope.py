"""Which written places a toll of a named place counts.

A toll of "Mariupol" counts the incidents at Mariupol and at every place in it
("Maternity Hospital No. 3, Mariupol", "Лівобережний район, Маріуполь"); a toll of
"Donetsk oblast" counts those of its towns as well. Its running totals and estimates are
those of the place itself, not of a district. Two rules decide:

* the name as written: a place is in the query's place when its last parts are the
  query's parts ("Zamzam camp, El Fasher" is in "El Fasher"), compared in Latin letters
  (Cyrillic romanised by Ukraine's national system: "Степовий" is "Stepovyi"), without
  the gazetteer;
* the gazetteer (:mod:`tollbook.gazetteer`), for the places it knows: any of their names,
  in Ukrainian, Russian or Latin letters, and the places each lies in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tollbook.gazetteer import Gazetteer, Place, latin_key


def _parts(place: str) -> tuple[str, ...]:
    return tuple(k for k in (latin_key(part) for part in place.split(",")) if k)


@dataclass
class PlaceScope:
    """The places a toll of ``query`` counts; build it with :func:`place_scope`."""

    query: str
    gazetteer: Gazetteer | None = None
    _parts: tuple[str, ...] = field(init=False)
    _place: Place | None = field(init=False)

    def __post_init__(self) -> None:
        self._parts = _parts(self.query)
        located = self.gazetteer.locate(self.query) if self.gazetteer else None
        self._place = located.place if located is not None and located.exact else None

    @property
    def place(self) -> Place | None:
        """The gazetteer's place the query names, if it knows it."""
        return self._place

    def includes(self, place: str | None) -> bool:
        """Whether an incident at ``place`` counts in the toll: at the place or in it."""
        if place is None or not self._parts:
            return False
        parts = _parts(place)
        if parts[-len(self._parts) :] == self._parts:
            return True
        if self._place is None or self.gazetteer is None:
            return False
        located = self.gazetteer.locate(place).place
        return located is not None and self.gazetteer.within(located, self._place)

    def is_same(self, place: str | None) -> bool:
        """Whether a running total or estimate at ``place`` is the place's own."""
        if place is None:
            return False
        if _parts(place) == self._parts:
            return True
        if self._place is None or self.gazetteer is None:
            return False
        located = self.gazetteer.locate(place)
        return located.exact and located.place is not None and located.place.id == self._place.id
