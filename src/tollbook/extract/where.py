"""Which of the places named or carried is the place of one figure."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Protocol

from tollbook.extract.described import without_described
from tollbook.extract.narrowed import narrowed_after
from tollbook.extract.places import Place, PlaceMention, is_part_of
from tollbook.extract.sites import is_receiving
from tollbook.extract.when import DAY_OF_MONTH


def place_for(
    position: int,
    local: list[PlaceMention],
    places: list[PlaceMention],
    city: Place | None,
    country: Place | None,
    sentence: str = "",
) -> Place | None:
    """The sentence's nearest town or site, else its country ("killed in Ukraine" beats an
    earlier city), else the place the report was talking about. A country written right
    after the figure ("killed more than 53,000 people in Türkiye and destroyed ... Malatya")
    is the figure's place, whatever town the sentence names besides."""
    if local and sentence:
        after = _country_right_after(position, places, sentence)
        if after is not None:
            return after
    if local:
        local = without_described(local, sentence)
        nearest = _nearest(position, local, sentence)
        if nearest.start > position and _owned_by_another(position, nearest, sentence):
            # "has risen to 279: 160 in Erciş, 117 in Van": the towns are the items', and the
            # total is about a place named before it, or what the report was talking about
            before = [m for m in local if m.end <= position]
            if before:
                return before[-1].place
            return city if city is not None else country
        return nearest.place
    if places:
        return _nearest(position, places, sentence).place
    return city if city is not None else country


# "53,000 people in Türkiye", "241 people died across Pakistan": the figure, up to three
# words, then "in" or "across" and the country
_RIGHT_AFTER_RE = re.compile(r"[\d,.]*\S*\s+(?:[a-z-]+\s+){0,3}?(?:in|across)\s+(?:the\s+)?")


_POSSESSIVE_RE = re.compile(r"['’]s?\s")


def _country_right_after(position: int, places: list[PlaceMention], sentence: str) -> Place | None:
    for m in places:
        if m.start > position:
            if (
                m.place.is_country
                and _RIGHT_AFTER_RE.fullmatch(sentence, position, m.start)
                # not "eight people in Romania's Suceava county": the country owns the place
                and not _POSSESSIVE_RE.match(sentence, m.end)
            ):
                return m.place
            return None
    return None


def fill_missing_places(drafts: Sequence[_Placed]) -> None:
    """A figure stated before the report names any place (a headline, a lead without a
    town) is about the place of the report's first figure that has one: "Sheriff: nine
    confirmed dead after flash flood" then "... in Buncombe County"."""
    first = next((d.place for d in drafts if d.place is not None), None)
    if first is None:
        return
    leading = True
    for i, d in enumerate(drafts):
        if d.place is not None:
            leading = False
        elif leading:
            d.place = first if d.scope == "incident" else lead_place(first)
        elif i and drafts[i - 1].evidence == d.evidence and drafts[i - 1].scope == d.scope:
            # "toll rises to 21 as two more die in hospital": the figure before's place
            d.place = drafts[i - 1].place


# "54 bodies near Khanfar and 14 near Zinjibar": the place before "and" is the first figure's.
_AND_NEXT_RE = re.compile(r"\s*(?:,?\s*and|;)\s+$")  # ("kill seven in Chicomo; three die ...")


# "Eight deaths were reported from Gaya, five from Nawada": a figure followed by its own
# "in", "from", "at" or "near" and a place is that place's, however near the one before
_ITEM_AFTER_RE = re.compile(
    r"[\d,.]*\S*\s+(?:[a-z'’-]+\s+){0,3}?(?:in|from|at|near)\s+"
    r"(?:the\s+(?:[a-z]+\s+){0,2}of\s+|the\s+)?"
)


# a place followed by a figure of its own: "..., Edo for 29", "followed by Quang Tri with
# seven", "and Sankuru for 254"
_OWN_FIGURE_AFTER_RE = re.compile(
    r"\s+(?:province|state|region|district|county|department)?\s*(?:for|with)\s+"
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)


def _nearest(position: int, mentions: list[PlaceMention], sentence: str = "") -> PlaceMention:
    """The mention nearest ``position`` (mentions sorted by start); a place after the
    figure ("killed 12 in Kharkiv") is as near as one before it, and nearer when the one
    before closes the clause of the figure before ("near Khanfar and 14 near Zinjibar")."""
    i = bisect.bisect_left(mentions, position, key=lambda m: m.start)
    window = mentions[max(0, i - 1) : i + 1]
    if len(window) == 2 and (
        _AND_NEXT_RE.fullmatch(sentence, window[0].end, position)
        or _ITEM_AFTER_RE.fullmatch(sentence, position, window[1].start)
    ):
        return window[1]
    if len(window) == 2 and _OWN_FIGURE_AFTER_RE.match(sentence, window[1].end):
        return window[0]  # "Ondo state accounted for 47, Edo for 29": Edo has its own
    if len(window) == 2 and narrowed_after(position, window[0], window[1], sentence):
        return window[1]
    chosen = min(window, key=lambda m: abs(m.start - position))
    k = mentions.index(chosen)
    if k and chosen.end <= position and is_part_of(mentions[k - 1], chosen, sentence):
        return mentions[k - 1]  # "in the Muwasi area of southern Gaza, killing 16": Muwasi
    return chosen


# a number (digits or a word) that may open an item of a breakdown: "160 in Erciş"
_ITEM_NUMBER_RE = re.compile(
    r"(?<![\w,.])(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?)\b"
)


# what opens a breakdown of the figure before it, right before its first item: "...: 160
# in Erciş", "including 160 in Erciş", "of them 160 in Erciş"
_BREAKDOWN_OPENS_RE = re.compile(
    r"(?::|\bincluding|\bof\s+(?:them|whom)|\bamong\s+them)\s+(?:at\s+least\s+|some\s+)?$"
)


_OF_THEM_AFTER_RE = re.compile(r"\s+of\s+(?:them|whom)\b")


#: an aside of some of the dead, with a clause of their own, up to the place: the place is
#: theirs, not the whole figure's
_PART_ASIDE_RE = re.compile(r",\s+including\s+[^,;:]*?\b(?:who|whose)\b[^,;:]*$")


def _owned_by_another(position: int, mention: PlaceMention, sentence: str) -> bool:
    """Whether the place ``mention`` after the figure at ``position`` is another figure's:
    a number between them opens a breakdown of the figure (after a colon, "including", "of
    them") and is followed by its own "in", "from", "at" or "near" and the place ("risen to
    279, AFAD said: 160 in Erciş"), and the figure itself is not."""
    if _ITEM_AFTER_RE.fullmatch(sentence, position, mention.start):
        return False
    figure_end = sentence.find(" ", position)
    if figure_end < 0 or figure_end >= mention.start:
        return False
    if _PART_ASIDE_RE.search(sentence, figure_end, mention.start):
        return True  # "three killed, including an elderly couple whose house fell in Archanes"
    return any(
        (
            _BREAKDOWN_OPENS_RE.search(sentence, figure_end, m.start())
            or _OF_THEM_AFTER_RE.match(sentence, m.end())  # "10 died, seven of them in X"
        )
        and _ITEM_AFTER_RE.fullmatch(sentence, m.start(), mention.start)
        for m in _ITEM_NUMBER_RE.finditer(sentence, figure_end, mention.start)
    )


def site_place(
    position: int,
    sites: list[PlaceMention],
    places: list[PlaceMention],
    past: bool,
    carried: Place | None,
    sentence: str,
) -> Place | None:
    """A site named in the sentence where the event happened (not one of the items of a
    breakdown after the figure's own town: "12 people were killed in Omdurman, eight at the
    clinic and four at the Sabreen market"); where victims were taken only when the report
    has not named the site of the event. With no site, the site ``carried``, unless the
    sentence names a place or a ``past`` event."""
    if not sites:
        if past:
            return None  # a past event named for comparison lies not at today's site
        return carried if not places else None
    items = False
    for mention in sites:
        if _an_items(position, mention, places, sentence):
            items = True
        elif not is_receiving(mention.place):
            return mention.place
    # (where victims were taken is not where they were hit)
    return None if items else carried


def _an_items(position: int, site: PlaceMention, places: list[PlaceMention], sentence: str) -> bool:
    """Whether ``site`` is an item's of a breakdown after the figure at ``position``: a
    town lies between them, and a number of its own right before the site ("12 people
    were killed in Omdurman, eight at the clinic and four at the Sabreen market")."""
    if site.start < position:
        return False
    figure_end = sentence.find(" ", position)
    towns = [p for p in places if figure_end < p.start and p.end < site.start]
    if towns and _ITEM_NUMBER_RE.search(sentence, towns[0].end, site.start) is not None:
        return True
    # "In Chuschi district, 10 people died, seven of them in the hamlet of Quispillacta"
    return _owned_by_another(position, site, sentence)


def item_place(position: int, mentions: list[PlaceMention], sentence: str) -> Place | None:
    """The place named right after the figure at ``position`` with its own "in", "from",
    "at" or "near" ("one in the village of Illinivka"), if any."""
    after = [m for m in mentions if m.start > position]
    if not after:
        return None
    first = min(after, key=lambda m: m.start)
    return first.place if _ITEM_AFTER_RE.fullmatch(sentence, position, first.start) else None


def lead_place(place: Place) -> Place:
    """The place of a report's first figure as the place the report is about: a site
    ("School No. 7, Severodonetsk") widened to the city it lies in."""
    if ", " in place.name and " and " not in place.name:
        return Place(place.name.rsplit(", ", 1)[1], place.geo)
    return place


# hospital named in a report is as often where victims were taken as where they were hit
_AREA_RE = re.compile(
    r"(?i)\b(?:district|microdistrict|neighbou?rhood|area|quarter)\b|hospital|clinic|medical"
)


_VILLAGE_END_RE = re.compile(r"\b(?:village|hamlet)$")
# a place wider than a town: the place of an event only until the report names its village
_WIDE_RE = re.compile(
    r"(?i)\b(?:region|province|state|states|district|county|township|territory|oblast|"
    r"governorate|sector)$"
)


def _long_before(end: str, start: str) -> bool:
    """Whether the day ``end`` lies more than a month before the day ``start`` (ISO)."""
    try:
        return date.fromisoformat(start) - date.fromisoformat(end) > timedelta(days=31)
    except ValueError:
        return False


class _Placed(Protocol):
    place: Place | None
    scope: str
    when: str | None
    evidence: str


def site_for_its_town(drafts: Sequence[_Placed], sites: list[Place]) -> None:
    """When a report names one site of the event it tells ("a crush at Har Ki Pauri ghat in
    Haridwar"), the figures of that event placed at its town only (the headline, the lead,
    a later toll) are the site's too: "Har Ki Pauri ghat, Haridwar". Not when the report
    names two sites or more (which one would it be?), nor for running totals."""
    sites = _generic_as_named(drafts, sites)
    _site_with_its_town(drafts, sites)
    villages = {p.name for p in sites if _VILLAGE_END_RE.search(p.name)}
    if len(villages) == 1:  # "a village in Myanmar's Sagaing region" ... "in Pyin Hla village"
        village = next(p for p in sites if p.name in villages)
        for d in drafts:
            if d.scope == "incident" and (d.place is None or _WIDE_RE.search(d.place.name)):
                d.place = village
    names = {p.name: p for p in sites if ", " in p.name and not _AREA_RE.search(p.name)}
    towns: dict[str, list[Place]] = {}
    for site in names.values():
        towns.setdefault(site.name.rsplit(", ", 1)[1], []).append(site)
    for town, here in towns.items():
        if len(here) == 1:
            _site_for_town(drafts, here[0], town)


def _site_with_its_town(drafts: Sequence[_Placed], sites: list[Place]) -> None:
    """A site named once with its town ("the Al-Talh market in Saada") and elsewhere alone
    ("the Al-Talh market") is placed with its town wherever it is named."""
    full: dict[str, list[Place]] = {}
    first: dict[str, Place] = {}  # "the Saltivskyi district" first named in Kharkiv
    for p in sites:
        if ", " not in p.name or not p.name[:1].isupper():
            continue
        site = p.name.split(", ", 1)[0]
        first.setdefault(site, p)
        if not _AREA_SITE_RE.search(site):
            full.setdefault(site, []).append(p)
    for d in drafts:
        if d.place is not None and ", " not in d.place.name:
            found = {p.name: p for p in full.get(d.place.name, [])}
            if len(found) == 1:
                d.place = next(iter(found.values()))
        elif d.place is not None and ", " in d.place.name:
            # named again later with the town the report had moved on to, which its sentence
            # does not write ("The toll in the Saltivskyi district rises to six" after an
            # entry on Chuhuiv): the town it was first named in
            site, town = d.place.name.split(", ", 1)
            earlier = first.get(site)
            if earlier is not None and earlier.name != d.place.name and town not in d.evidence:
                d.place = earlier


#: a district, a street or a barangay: a part of a town that may share its name with others
_AREA_SITE_RE = re.compile(
    r"(?i)\b(?:district|region|county|province|state|area|barangay|street|strada|avenue|road|"
    r"neighbou?rhood|quarter|ward)\b"
)


def _site_for_town(drafts: Sequence[_Placed], site: Place, town: str) -> None:
    starts = [d.when[:10] for d in drafts if d.when and d.place and d.place.name == site.name]
    for d in drafts:
        if d.scope == "incident" and d.place is not None and d.place.name == town:
            if starts and d.when and _long_before(d.when[-10:], min(starts)):
                continue  # a past event in the same town ("since May 2024, when ...")
            if starts and d.when and _long_before(max(starts), d.when[:10]):
                continue  # the site of a past event ("A year after a missile hit a block")
            d.place = site


#: kinds of site one place may be called by: "a crowded livestock market" is "Souq Abu Jihan"
_SITE_FAMILIES = (
    ("market", "souq", "souk", "suq", "bazaar", "mercado"),
    ("mosque", "masjid"),
    ("church", "cathedral"),
    ("school", "college", "lyceum"),
)


def _family(name: str) -> int | None:
    site = name.split(", ", 1)[0].lower()
    return next((i for i, f in enumerate(_SITE_FAMILIES) if any(w in site for w in f)), None)


def _generic_as_named(drafts: Sequence[_Placed], sites: list[Place]) -> list[Place]:
    """A site first told by what it is ("a crowded livestock market in El Obeid") and then
    by its name ("Souq Abu Jihan"), the only site of its kind the report names in that town,
    is that one site: the figures placed at the first are placed at the named one."""
    named = [p for p in sites if p.name[:1].isupper() and not _AREA_RE.search(p.name)]
    generic = {p.name: p for p in sites if ", " in p.name and p.name[:1].islower()}
    for name, place in generic.items():
        town, family = name.rsplit(", ", 1)[1], _family(name)
        same = {
            p.name.split(", ", 1)[0]: p
            for p in named
            if family is not None
            and _family(p.name) == family
            # a site named with no town ("at the Al-Shaabi market") lies in the town told
            and (p.name.endswith(f", {town}") or ", " not in p.name)
        }
        site = _one_site(same)
        if site is None:
            continue
        if ", " not in site.name:
            site = replace(place, name=f"{site.name}, {town}")
        for d in drafts:
            if d.place is not None and (d.place.name == name or d.place.name in same):
                d.place = site
        sites = [site if p.name == name else p for p in sites]
    return _generic_gives_way(drafts, sites)


def _one_site(same: dict[str, Place]) -> Place | None:
    """The one site these names all name, if they do: the longest, when the others are
    shorter forms of it ("Al-Nasr school" in a headline, "the Al-Nasr basic school")."""
    if not same:
        return None
    names = sorted(same, key=len, reverse=True)
    words = set(names[0].lower().split())
    if all(set(n.lower().split()) <= words for n in names[1:]):
        return same[names[0]]
    return None


def _generic_gives_way(drafts: Sequence[_Placed], sites: list[Place]) -> list[Place]:
    """A site told by what it is is the one site the report names of that kind ("a hotel",
    then "the Sahil Hotel"), or, when it is a home, the one district named for it ("an
    apartment block in Dnipro's Sobornyi district"); "the market" after "the main market in
    X" is that market."""
    generic = list(dict.fromkeys(p.name for p in sites if ", " in p.name and p.name[:1].islower()))
    named = [p for p in sites if p.name[:1].isupper()]
    by_name = {p.name: p for p in sites}
    for name in generic:
        site, town = name.rsplit(", ", 1)
        kinds = "|".join(re.escape(w) for w in site.split())
        fuller = {g for g in generic if g != name and g.endswith(f" {name}")}
        alike = {
            p.name: p
            for p in named
            if re.search(rf"(?i)\b(?:{kinds})\b", p.name.split(", ", 1)[0])
            and _same_town(p.name, town)
        }
        homes = {
            p.name: p
            for p in named
            if _DWELLING_RE.match(site)
            and _NAMED_AREA_RE.search(p.name)
            and _same_town(p.name, town)
        }
        found = (
            by_name[next(iter(fuller))]
            if len(fuller) == 1
            else next(iter(alike.values()))
            if len(alike) == 1
            else next(iter(homes.values()))
            if len(homes) == 1
            else None
        )
        if found is None:
            continue
        for d in drafts:
            if d.place is not None and d.place.name == name:
                d.place = found
        sites = [p for p in sites if p.name != name]
    return sites


def _same_town(name: str, town: str) -> bool:
    """Whether a named site lies in the town (or names none): "Gaza City" holds "Gaza"."""
    if ", " not in name:
        return True
    own = name.rsplit(", ", 1)[1]
    return own.startswith(town) or town.startswith(own)


# a home told by what it is gives way to the district named for it ("an apartment block in
# Dnipro's Sobornyi district"); a market, a school, a hall does not
_DWELLING_RE = re.compile(r"(?:apartment|tower)\s+block|block\s+of\s+flats|house|building")
_NAMED_AREA_RE = re.compile(
    r"(?i)\b(?:district|microdistrict|neighbou?rhood|area|quarter|ward|street|avenue|road)\b"
)


#: a dated list item headed by its place: "- 19 July, El Tarra (Norte de Santander): eight
#: people were shot dead", "- October 9, Jajarkot: a landslide ..."
_ITEM_HEADING_RE = re.compile(
    rf"^\W*{DAY_OF_MONTH}(?:,?\s+\d{{4}})?,\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})(?:\s+\([^)]{1,40}\))?\s*:\s"
)


#: a page's item headed by its country or town: "NIGER: Gunmen killed ...", "Sumy — A drone
#: ...", "- SOUTH SUDAN: Floods ..." (the name as a heading, in capitals or not)
PLACE_HEADING_RE = re.compile(
    r"^\W*(?P<name>[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){0,2})\s*(?::|\s[—–])\s+(?=\S)"
)


def with_item_heading(
    norm: str, places: list[PlaceMention], lookup: Callable[[str], Place | None] | None = None
) -> list[PlaceMention]:
    """The places of a sentence, with the place heading a dated list item if no place
    named there was found (a village the gazetteer does not know), or the country or town
    heading an item of a page of news in brief ("NIGER: ...")."""
    heading = PLACE_HEADING_RE.match(norm) if lookup is not None else None
    if heading is not None and lookup is not None and not any(p.start == 0 for p in places):
        name = heading.group("name")
        known = lookup(name.title() if name.isupper() else name)
        if known is not None and known.is_country:  # (a city so is a dateline: "ISLAMABAD:")
            mention = PlaceMention(heading.start("name"), heading.end("name"), known)
            return [mention, *[p for p in places if p.start >= heading.end("name")]]
    m = _ITEM_HEADING_RE.match(norm)
    if m is None or any(p.start < m.end("name") and p.end > m.start("name") for p in places):
        return places
    item = PlaceMention(m.start("name"), m.end("name"), Place(m.group("name"), None))
    return sorted([item, *places], key=lambda p: p.start)
