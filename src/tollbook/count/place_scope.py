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
  in Ukrainian, Russian or Latin letters, and the places each lies in;
* for a country outside Ukraine, the country its towns lie in (:mod:`tollbook.gazetteer.world`:
  a toll of "Libya" counts the shipwreck placed "Zuwara").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tollbook.gazetteer import Gazetteer, Place, latin_key
from tollbook.gazetteer.world import country_named, country_of


def _parts(place: str) -> tuple[str, ...]:
    return tuple(k for k in (latin_key(part) for part in place.split(",")) if k)


#: Words that make an area of a town's name: "Malatya province", "Kharkiv region",
#: "Greater Khartoum" (as ``latin_key`` writes them).
_AREA_WORDS = frozenset(
    """province region oblast district raion state county governorate prefecture department
    municipality metropolitan area greater hromada city""".split()
)


def town_of_area(place: str) -> str | None:
    """The town an area is named after, as ``latin_key`` writes it ("garissa" for "Garissa
    County", "malatya" for "Malatya province"), or None when ``place`` is no such area."""
    parts = _parts(place)
    if len(parts) != 1:
        return None
    words = parts[0].split()
    rest = [w for w in words if w not in _AREA_WORDS]
    return " ".join(rest) if rest and len(rest) < len(words) else None


@dataclass
class PlaceScope:
    """The places a toll of ``query`` counts; build it with :func:`place_scope`."""

    query: str
    gazetteer: Gazetteer | None = None
    _parts: tuple[str, ...] = field(init=False)
    _place: Place | None = field(init=False)

    _country: str | None = field(init=False)

    def __post_init__(self) -> None:
        self._parts = _parts(self.query)
        located = self.gazetteer.locate(self.query) if self.gazetteer else None
        self._place = located.place if located is not None and located.exact else None
        self._country = None
        if self.gazetteer is not None and (self._place is None or self._place.kind == "country"):
            self._country = country_named(self.gazetteer, self.query)

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
        if self.gazetteer is None:
            return False
        if self._place is not None:
            located = self.gazetteer.locate(place).place
            if located is not None and self.gazetteer.within(located, self._place):
                return True
        # a country's towns outside Ukraine ("Zuwara" in a toll of Libya)
        return self._country is not None and country_of(self.gazetteer, place) == self._country

    def named_alike(self, place: str | None) -> bool:
        """Whether ``place``, which the toll does not count, is an area named after the
        query's place: its name and words such as "province" or "region" ("Malatya
        province" for "Malatya"; not "Malatya Street, Elazig")."""
        if place is None or len(self._parts) != 1 or self.includes(place):
            return False
        parts = _parts(place)
        if len(parts) != 1:
            return False
        words, wanted = parts[0].split(), self._parts[0].split()
        rest = [w for w in words if w not in wanted]
        return (
            bool(rest) and all(w in words for w in wanted) and all(w in _AREA_WORDS for w in rest)
        )

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
