"""Where the gazetteer's settlements lie (latitude, longitude, from its data file), for
maps drawn without any tile server: a district lies at its city, a region or country has
no single point."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from tollbook.gazetteer.places import Place, load_gazetteer

LatLon = tuple[float, float]


@lru_cache(maxsize=1)
def _settlements() -> dict[str, tuple[float, float, int]]:
    text = (
        resources.files("tollbook.gazetteer").joinpath("data", "ua-places.tsv").read_text("utf-8")
    )
    found: dict[str, tuple[float, float, int]] = {}
    for line in text.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 6:
            continue
        try:
            found[cells[0]] = (float(cells[4]), float(cells[5]), int(cells[3]))
        except ValueError:
            continue
    return found


def place_point(place: Place) -> LatLon | None:
    """The point of a settlement, or of the city a district is in; else None."""
    here = _settlements().get(place.id)
    if here is None and place.kind == "district" and place.parent is not None:
        here = _settlements().get(place.parent)
    return None if here is None else (here[0], here[1])


def point_of(written: str) -> tuple[str, LatLon] | None:
    """The gazetteer's name and point of a place as written (any script), if it knows one."""
    located = load_gazetteer().locate(written)
    if located.place is None:
        return None
    point = place_point(located.place)
    return None if point is None else (located.place.name, point)


def towns(min_population: int) -> list[LatLon]:
    """The points of the settlements of at least ``min_population``: the shape of the
    country a map is drawn on."""
    return [(lat, lon) for lat, lon, n in _settlements().values() if n >= min_population]
