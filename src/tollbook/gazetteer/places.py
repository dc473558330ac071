"""The gazetteer: places, the names they go by, and the place each lies in.

Three files of ``data/`` make it (their headers say where they come from):
``ua-regions.tsv`` (Ukraine and its regions), ``ua-places.tsv`` (GeoNames' populated
places, rebuilt by ``scripts/build_gazetteer.py``) and ``ua-districts.tsv`` (city
districts). A place written as Tollbook writes places, most specific first and then the
city it lies in ("Лівобережний район, Маріуполь", "Avrora cinema, Kostiantynivka"), is
*located* at its most specific part that the gazetteer knows and that agrees with the
parts after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from tollbook.gazetteer.keys import name_key
from tollbook.names.transliteration import is_cyrillic, russian_bgn_pcgn, ukrainian_national

PlaceKind = Literal["country", "region", "settlement", "district"]


@dataclass(frozen=True)
class Place:
    id: str
    kind: PlaceKind
    name: str
    parent: str | None
    population: int


@dataclass(frozen=True)
class Located:
    """Where a written place lies: ``place`` is the most specific part the gazetteer knows
    (None when it knows none); ``exact`` is False when a more specific part before it is
    unknown ("Avrora cinema, Kostiantynivka" lies *in* Kostiantynivka)."""

    place: Place | None
    exact: bool
    #: How many parts before the known one are unknown (1 for "Avrora cinema, Kostiantynivka").
    unknown_parts: int = 0


class Gazetteer:
    def __init__(self, places: Iterable[Place], names: Iterable[tuple[str, str]]) -> None:
        self._places = {p.id: p for p in places}
        self._by_key: dict[str, list[str]] = {}
        for name, place_id in names:
            key = name_key(name)
            ids = self._by_key.setdefault(key, [])
            if key and place_id not in ids:
                ids.append(place_id)

    def __len__(self) -> int:
        return len(self._places)

    def get(self, place_id: str) -> Place:
        return self._places[place_id]

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name``, the most populous first."""
        ids = self._by_key.get(name_key(name))
        if not ids and is_cyrillic(name):
            for romanised in (ukrainian_national(name), russian_bgn_pcgn(name)):
                ids = self._by_key.get(name_key(romanised))
                if ids:
                    break
        found = [self._places[i] for i in ids or ()]
        return sorted(found, key=lambda p: -p.population)

    def lineage(self, place: Place) -> tuple[Place, ...]:
        """``place``, then the place it lies in, and so on up to the country."""
        chain = [place]
        while chain[-1].parent is not None and len(chain) < 8:
            chain.append(self._places[chain[-1].parent])
        return tuple(chain)

    def within(self, inner: Place, outer: Place) -> bool:
        return any(p.id == outer.id for p in self.lineage(inner))

    def locate(self, written: str) -> Located:
        """Where ``written`` ("a, b, c": most specific first) lies; cached per text."""
        return self._locate(written)

    @lru_cache(maxsize=16384)  # noqa: B019 - one gazetteer lives as long as the process
    def _locate(self, written: str) -> Located:
        parts = [p.strip() for p in written.split(",") if p.strip()]
        found = [self.candidates(p) for p in parts]
        for index, options in enumerate(found):
            context = [p for later in found[index + 1 :] for p in later[:3]]
            chosen = self._choose(options, context)
            if chosen is not None:
                return Located(chosen, exact=index == 0, unknown_parts=index)
        return Located(None, exact=False)

    def _choose(self, options: list[Place], context: list[Place]) -> Place | None:
        if not options:
            return None
        if context:
            agreeing = [o for o in options if any(self.within(o, c) for c in context)]
            if not agreeing:
                return None  # a part of its own that happens to share a known name
            # Of the places so named in the city given, its district before a suburb.
            return sorted(agreeing, key=lambda o: o.kind != "district")[0]
        if len(options) > 1 and (
            options[0].population == options[1].population
            or any(o.kind == "district" for o in options)
        ):
            return None  # "Central district" of which city? Unknown without context.
        return options[0]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with Tollbook, read once per process (about 0.2 s)."""
    places: list[Place] = []
    names: list[tuple[str, str]] = []
    for row in _rows("ua-regions.tsv"):
        place_id, english, ukrainian, russian, other = (row + [""] * 5)[:5]
        kind: PlaceKind = "country" if place_id == "UA" else "region"
        bases = [n for n in english.split("|") if n]
        places.append(Place(place_id, kind, bases[0], None if kind == "country" else "UA", 0))
        names.extend((n, place_id) for n in _region_names(kind, bases, ukrainian, russian, other))
    for row in _rows("ua-places.tsv"):
        place_id, _, parent, population, _, _, written = row
        all_names = written.split("|")
        places.append(Place(place_id, "settlement", all_names[0], parent, int(population)))
        names.extend((n, place_id) for n in all_names)
    for row in _rows("ua-districts.tsv"):
        place_id, city, ukrainian, russian, other = (row + [""] * 5)[:5]
        places.append(Place(place_id, "district", ukrainian, city, 0))
        names.extend((n, place_id) for n in _district_names(ukrainian, russian, other))
    return Gazetteer(_with_region_populations(places), names)


def _rows(file: str) -> list[list[str]]:
    text = resources.files("tollbook.gazetteer").joinpath("data", file).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def _region_names(
    kind: str, bases: list[str], ukrainian: str, russian: str, other: str
) -> list[str]:
    names = [n for n in other.split("|") if n]
    if kind == "country":
        return names + bases
    if not ukrainian:
        return []  # Kyiv and Sevastopol: the region is the city, found by the city's names
    for base in bases:
        names += [f"{base} oblast", f"{base} region", f"{base} province"]
    return [*names, f"{ukrainian} область", f"{russian} область"]


def _district_names(ukrainian: str, russian: str, other: str) -> list[str]:
    names: list[str] = []
    for name in [ukrainian, russian, *[n for n in other.split("|") if n]]:
        names += [name, f"{name} район"]
        for latin in {ukrainian_national(name), russian_bgn_pcgn(name)}:
            names += [latin, f"{latin} district", f"{latin} raion"]
    return names


def _with_region_populations(places: list[Place]) -> list[Place]:
    """Regions and the country rank above a village of the same name ("Volyn")."""
    totals: dict[str, int] = {}
    for p in places:
        if p.kind == "settlement" and p.parent is not None:
            totals[p.parent] = totals.get(p.parent, 0) + p.population
    country = sum(totals.values())

    def ranked(p: Place) -> Place:
        population = country if p.kind == "country" else totals.get(p.id, 0)
        return Place(p.id, p.kind, p.name, p.parent, population)

    return [ranked(p) if p.kind in ("country", "region") else p for p in places]
