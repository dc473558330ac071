"""The country a written place lies in, for places the gazetteer of Ukraine does not know.

A toll of "Libya" counts the shipwreck placed "Zuwara", and a toll of "Türkiye" the
earthquake's dead placed "Erciş": the town is looked up by the names the extractor reads
places with (GeoNames' towns of 15,000 people or more and the countries, with the
spellings the news uses; :func:`tollbook.extract.countries.country_code`). Only the country
is known this way, not a province (a province named after its town, "Van province", lies
in that town's country). Places of Ukraine are located by the gazetteer first.
Pure: the data ships with the package.
"""

from __future__ import annotations

import re

from tollbook.gazetteer.places import Gazetteer

#: "northern Burkina Faso", "central Myanmar": a part of the place that follows
PART_OF_RE = re.compile(
    r"(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)


#: words that make an area of a town's name ("Van province")
_AREA_RE = re.compile(
    r"\s+(?:province|region|district|county|state|governorate|prefecture|municipality)$",
    re.IGNORECASE,
)


def country_of(gazetteer: Gazetteer, written: str) -> str | None:
    """The ISO code of the country ``written`` ("a, b": judged by its last part, without a
    leading "northern" and the like) lies in; None when unknown."""
    last = written.rsplit(",", 1)[-1].strip()
    part = PART_OF_RE.match(last)
    if part:
        last = last[part.end() :]
    if not last:
        return None
    if gazetteer.locate(last).place is not None:
        return "UA"
    from tollbook.extract.countries import country_code

    code = country_code(last)
    area = _AREA_RE.search(last) if code is None else None
    if area:  # "Van province", "Idlib Governorate": the area named after its town
        code = country_code(last[: area.start()])
    return code


def country_named(gazetteer: Gazetteer, written: str) -> str | None:
    """The ISO code of the country ``written`` names, None for any other place."""
    located = gazetteer.locate(written)
    if located.place is not None:
        return "UA" if located.exact and located.place.kind == "country" else None
    from tollbook.extract.countries import named_country

    return named_country(written)
