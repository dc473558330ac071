"""Sites inside a city: a hospital, school, cinema, hotel, street, port, camp or district,
named in the sentence ("Al-Aqsa Martyrs Hospital in Deir al-Balah", "the Avrora cinema in
Kostiantynivka", "Dnipro's Sobornyi district", "School No. 7").

The place of a figure about a site is written as the site, then the city it lies in:
"Avrora cinema, Kostiantynivka", "Sobornyi district, Dnipro". A camp stands alone
("Zamzam camp"): it lies outside a city.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tollbook.extract.introduced import PEOPLE_OF_A_PLACE
from tollbook.extract.places import Place, PlaceMention, is_wide
from tollbook.extract.screens import holds_any

_PROPER = r"(?:[A-Z][\w'’.-]*|al-[\w'’-]+|el-[\w'’-]+)"
_CAPITAL_NOUNS = (
    r"Hospital|Teaching\s+Hospital|Referral\s+Hospital|Clinic|Medical\s+Complex|Medical\s+Centre|Medical\s+Center|School|University|"
    r"Cinema|Theatre|Theater|Hotel|Market|Mosque|Church|Cathedral|Stadium|Station|Street|Square|"
    r"Avenue|Road|Camp|Prison|Port|Beach|Junction|Bazaar|Mine|Monastery|Ghat|Mall|"
    r"Town\s+Cent(?:re|er)|Shopping\s+Cent(?:re|er)|Park|Plaza|Factory|Restaurant|"
    r"Health\s+Cent(?:re|er)|Penitentiary|Jail|Club|Nightclub|Island|Pass|Dam|Temple|Shrine|"
    r"Pagoda|Synagogue|College|Bridge|Airport|Cemetery|Embankment|Orphanage|Hostel|Dormitory|"
    r"Barracks"
)
_LOWER_NOUNS = (
    r"hospital|clinic|school|cinema|theatre|hotel|market|mosque|church|stadium|camp|port|"
    r"neighbou?rhood|quarter|district|microdistrict|street|avenue|square|village|hamlet|area|beach|"
    r"junction|bazaar|mine|monastery|condominium|ghat|mall|shopping\s+cent(?:re|er)|factory|"
    r"restaurant|prison|health\s+cent(?:re|er)|plaza|club|nightclub|micro-district|island|"
    r"pass|dam|plant|complex|compound|warehouse|depot|temple|shrine|pagoda|synagogue|college|"
    r"bridge|airport|cemetery|embankment|orphanage|hostel|dormitory|barracks|borehole|ward|"
    r"estate|displacement\s+site|(?:IDP|idp)\s+site|bar|cantina|pub|shaft"
)
# "Kherson Regional Children's Hospital", "Sobornosti Street", "School No. 7"
_CAPITAL_SITE_RE = re.compile(
    # ("Sahloul University Hospital": a kind of site may follow another)
    rf"(?P<name>{_PROPER}(?:\s+(?:{_PROPER}|of|for|and))*?\s+(?:{_CAPITAL_NOUNS})"
    rf"(?:\s+(?:{_CAPITAL_NOUNS})\b)*(?:\s+No\.\s*\d+)?|(?:Maternity\s+Hospital|Hospital|School|Clinic|Lyceum|Gymnasium)"
    rf"\s+No\.\s*\d+|Barangay\s+[A-Z][\w'’-]+|House\s+of\s+Culture)\b"
)
# "Avrora cinema", "al-Tabi'in school", "Zamzam displacement camp", "Kyivskyi district"
_LOWER_SITE_RE = re.compile(
    rf"(?P<proper>{_PROPER}(?:\s+{_PROPER}){{0,3}})\s+(?:(?P<mod>displacement|refugee|fuel|main|"
    rf"central|general|maternity|children's|tent|residential|teaching|bathing|mountain|"
    rf"textile|fish|vegetable|cattle|livestock|grain|fruit|weekly)\s+)?"
    # "Al-Nasr basic school", "Sabreen wholesale market": part of the site's name
    rf"(?P<grade>(?:basic|primary|secondary|high|elementary|middle|girls'|boys'|public|"
    rf"municipal|community|wholesale|open-air)\s+)?"
    rf"(?P<kind>(?:coal|gold|copper)\s+)?"
    rf"(?P<noun>{_LOWER_NOUNS})\b"
)
_NOT_SITE_WORDS = frozenset(
    """The A An In At On Of For And But This That Its Their His Her Our Russian Israeli
    Ukrainian Sudanese Syrian Houthi US U.S. UN Gaza's Across Throughout Outside Inside
    Near""".split()
    # a sentence opening on its count: "Five depot workers were killed"
    + """One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen
    Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Dozens Hundreds
    Thousands Several Many Some All Most""".split()
)
_DEMONYM_RE = re.compile(r"(?:ani|ian|ese|ish|eli|ean)$")
# a camp, a village, an island, a mountain pass or a dam lies outside any city
_STANDS_ALONE = frozenset(
    {"camp", "village", "hamlet", "island", "pass", "dam", "displacement site", "IDP site"}
)
_ALONE_NOUNS = frozenset({"Camp", "Island", "Pass", "Dam"})
# Where victims were taken or counted, not where they were hit.
_RECEIVING_RE = re.compile(
    r"\b(?:taken|brought|rushed|admitted|transferred|received|treated|staff\s+at|doctors?\s+at)\b"
)


# what follows a word of receiving and tells of the event, not of where victims went: "the
# patients it has received following the boiler explosion at the X factory"
_EVENT_AFTER_RE = re.compile(r"\b(?:following|after|since)\b")


def _received_here(before: str) -> bool:
    """Whether the words ``before`` a site say victims were taken or counted there: a word of
    receiving, with no "following" or "after" between it and the site."""
    words = list(_RECEIVING_RE.finditer(before))
    return bool(words) and not _EVENT_AFTER_RE.search(before, words[-1].end())


# "... at the Saudi hospital in X, North Darfur, received 187 wounded": its patients
_RECEIVED_AFTER_RE = re.compile(
    r"[^.;]{0,60}?\b(?:received|treated|admitted)\s+(?:at\s+least\s+|more\s+than\s+|about\s+)?"
    r"(?:\d|[a-z]+\s+(?:wounded|injured|dead|bodies|patients))"
)
# A hospital is where the event happened only when the sentence says it was hit.
_CARE_RE = re.compile(r"(?i)hospital|clinic|medical|morgue|health\s+cent")
_HIT_RE = re.compile(
    r"\b(?:strike|struck|strikes|hit|hits|attack\w*|bomb\w*|shell\w*|raid\w*|drone|missile|"
    r"rocket|courtyard|tents?|near|outside|stormed|inside|fire|blaze|ward|unit|killed\s+at|sheltering\s+at)\b"
)


@dataclass(frozen=True)
class Site:
    start: int
    end: int
    name: str
    alone: bool
    #: the city named as its owner: "Dnipro's Sobornyi district"
    owner: str | None = None
    #: "a Gaza school": a school in Gaza, not one named so
    indefinite: bool = False
    #: "the bus station", "a livestock market": named by what it is, a place only with its town
    generic: bool = False


_VILLAGE_RE = re.compile(
    r"\b(?:village|hamlet|settlement|residents|inhabitants|people)\s+of\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+){0,2})"
    # ("a village of Dogon farmers": the people it is of, no place)
    rf"(?![\w'’-]|{PEOPLE_OF_A_PLACE})"
)
# "the central market of Kadugli": a town's one site, named by what it is
_OF_TOWN_SITE_RE = re.compile(
    r"\bthe\s+(?P<name>(?:central|main|old|grand|city)\s+(?:market|bazaar|square|mosque|"
    r"bus\s+station|railway\s+station|prison)|"
    # "the vegetable market of Manbij": a town's market named by what it sells
    r"(?:vegetable|fish|cattle|livestock|grain|fruit|weekly|wholesale)\s+(?:market|bazaar))"
    r"\s+of\s+(?=[A-Z])"
    r"(?![\w'’-]+(?:\s+[A-Z][\w'’-]*)*\s+(?:camp|village)\b)"  # "of Abu Shouk camp": of a camp
)
# "the main bus station", "a crowded livestock market": a site named by what it is (not "the
# central market", "a petrol station", "a police station": as often a place in passing)
_GENERIC_SITE_RE = re.compile(
    r"\b(?:the|a|an)\s+(?:(?:crowded|busy|packed|weekly|main|city's|town's|only)\s+)*"
    r"(?P<name>(?:bus|railway|train|metro)\s+station|(?:livestock|cattle)\s+market)\b"
)
# a site of the event told by what it is, where the sentence says it was hit: "a drone strike
# hit the main market in Dilling", "gunmen killed six people at a car wash outside Culiacán"
_HIT_SITE_RE = re.compile(
    r"\b(?:(?P<weak>at|on|into|inside|outside|near)|hit|hits|struck|strikes?|targeted|stormed|"
    r"attacked|bombed|shelled|raided)\s+(?:the|a|an)\s+(?P<mods>(?:[a-z][\w'’-]*\s+){0,2}?)"
    r"(?P<head>market|bazaar|mosque|church|school|clinic|bakery|car\s+wash|apartment\s+block|"
    r"block\s+of\s+flats|police\s+station|"
    r"checkpoint|detention\s+cent(?:re|er)|monastery|billiards?\s+hall|bar|care\s+home|"
    r"nursing\s+home|dormitory|bus\s+(?:terminal|stop|station|depot)|(?:railway|train)\s+station|"
    r"cricket\s+ground|football\s+(?:pitch|field|ground)|mine|farmhouse|"
    r"(?:police|army|military|gendarmerie|ranger|border|security)\s+(?:post|base)|"
    r"(?:wedding|banquet)\s+hall|health\s+cent(?:re|er)|nightclub|restaurant|hotel|factory|warehouse|shop|"
    r"mall|tea\s+stall|cafe|café|tower\s+block|shelter|prison|hospital|(?:fuel|oil|ammunition|arms)\s+depot|customs\s+post)\b(?!['’-])"
    r"(?!\s+(?:bus|buses|van|truck|boat|trip|run|day|holiday)\b)"  # "a school bus"
)
# "Khuzdar bus terminal", "Bannu police post": a town's site told by what it is, after the
# town's name (a place only when the gazetteer knows the town)
_TOWN_SITE_RE = re.compile(
    r"(?<![\w'’-])(?P<town>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?P<head>bus\s+(?:terminal|station|"
    r"stop|depot)|(?:railway|train)\s+station|police\s+(?:station|post))\b"
)
_IN_VILLAGE_RE = re.compile(
    r"(?:\s+compound)?\s+(?:in|of)\s+(?:the\s+village\s+of\s+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+village\b)"
)
# what says a site told by "at", "on" or "near" was where people were attacked or died
_ATTACK_BEFORE_RE = re.compile(
    r"\b(?:strikes?|struck|hit|attack\w*|bomb\w*|shell\w*|raid\w*|blast|explo(?:ded|sion|sions)|"
    r"gunmen|fired|fire|killed|killing|kills|died|dead|stormed|burst|collapsed?|drones?|missiles?)\b"
)
_LISTED_RE = re.compile(r"\b(?:and|or|as\s+well\s+as)\s+\Z|,\s+\Z")
_WITHIN_RE = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+['’]s\s+)?")
_NEAR_NAMED_RE = re.compile(r"\s+(?:near\s+(?:the\s+)?[A-Z]|and\s+(?:a|an|the)\s)")
# the words that name a kind of site with its head ("the main market", "a fish market"); any
# other word before the head only describes it ("a crowded market", "a disused mine")
_NAMING = frozenset(
    """main central vegetable fish weekly livestock cattle public covered city old grain fruit
    meat town school college university monastery church mosque general field
    maternity district regional provincial military""".split()
)

# a site named first by what it is, in the language of its place: "Rue Sidi Zaghouani",
# "Souq al-Kabir", "Jamia Masjid Madni", "Calle Digna Ochoa"
_PREFIX_SITE_RE = re.compile(
    rf"\b(?P<name>(?:Rue|Calle|Avenida|Strada|Souq|Souk|Suq|Jamia\s+Masjid|Masjid|Mercado)"
    rf"(?:\s+{_PROPER}){{1,3}})"
)
# "the Malawi College of Health Sciences": a name that goes on past its kind of site
_NAME_GOES_ON_RE = re.compile(r"\s+of\s+[A-Z]")
# "a crowded Shia mosque": a mosque described, not one named
_INDEFINITE_RE = re.compile(r"\b(?:a|an)\s+(?:[a-z-]+\s+)?$")


def find_sites(sentence: str) -> list[Site]:
    """The sites named in a normalised sentence, left to right."""
    out: list[Site] = []
    for m in _CAPITAL_SITE_RE.finditer(sentence):
        words = m.group("name").split()
        while words and words[0] in _NOT_SITE_WORDS:
            words.pop(0)
        if words and words[-1] == "College" and _NAME_GOES_ON_RE.match(sentence, m.end()):
            continue
        if len(words) >= 2 or (words and "No." in m.group("name")):
            name = " ".join(words)
            out.append(Site(m.end() - len(name), m.end(), name, words[-1] in _ALONE_NOUNS))
    for m in _LOWER_SITE_RE.finditer(sentence):
        words = m.group("proper").split()
        while words and words[0] in _NOT_SITE_WORDS:
            words.pop(0)
        # "Dnipro's Sobornyi district" (the city is read in site_places), "Tokuhara Fine
        # Chemicals' Kaisei plant" (an owner that is no place: the site is "Kaisei plant")
        owners = [i for i, w in enumerate(words) if w.endswith(("'s", "’s", "s'", "s’"))]
        owner = None
        if owners:
            owner = re.sub(r"['’]s$|(?<=s)['’]$", "", " ".join(words[: owners[-1] + 1]))
            words = words[owners[-1] + 1 :]
        if words and words[0].endswith(("-held", "-run", "-controlled", "-occupied")):
            continue
        if len(words) == 1 and _DEMONYM_RE.search(words[0]):
            continue  # "the southern Lebanese village of X": the village is X
        if any(s.start <= m.start("noun") < s.end for s in out):
            continue
        if not words and owner and m.group("mod") in ("main", "central"):
            # "Tawila's main market": the town's one market, written with its town
            name = f"{m.group('mod')} {m.group('noun')}, {owner}"
            out.append(Site(m.start("mod"), m.end(), name, True, owner))
            continue
        if not words:
            continue
        proper = " ".join(words)
        noun = m.group("noun")
        start = m.end("proper") - len(proper)
        article = _INDEFINITE_RE.search(sentence, max(0, start - 30), start) is not None
        if noun in ("port", "island") and re.match(
            r"\s+(?:city\s+|town\s+)?of\s+[A-Z]", sentence[m.end() :]
        ):
            continue  # "the Black Sea port of Odesa", "the French island of Mayotte"
        if noun == "area" and not re.match(r"\s+of\s+[A-Z]", sentence[m.end() :]):
            continue  # "the Mawasi area of Khan Younis" is a site; "the Sylhet area" is not
        noun = f"{m.group('grade') or ''}{m.group('kind') or ''}{noun}"  # "Kostenko coal mine"
        name = proper if noun in ("area", "micro-district") else f"{proper} {noun}"
        out.append(Site(start, m.end(), name, noun in _STANDS_ALONE, owner, article))
    for m in _PREFIX_SITE_RE.finditer(sentence) if holds_any(sentence, _PREFIXES) else ():
        if not any(s.start <= m.start() < s.end for s in out):
            out.append(Site(m.start(), m.end(), m.group("name"), False))
    for m in _OF_TOWN_SITE_RE.finditer(sentence):  # "the central market of Kadugli"
        if not any(s.start <= m.start("name") < s.end for s in out):
            # a market named by what it sells is a place only with its town known ("the
            # weekly market of Yaro-Peulh": the village is the place)
            sold = not m.group("name").startswith(("central", "main", "old", "grand", "city"))
            out.append(Site(m.start("name"), m.end("name"), m.group("name"), False, generic=sold))
    for m in _VILLAGE_RE.finditer(sentence):
        if not any(s.start <= m.start("name") < s.end for s in out):
            out.append(Site(m.start("name"), m.end("name"), m.group("name"), True))
    generic = "station" in sentence or "market" in sentence
    for m in _GENERIC_SITE_RE.finditer(sentence) if generic else ():
        start, end = m.start("name"), m.end()
        if not _overlaps(out, start, end):
            out.append(Site(m.start("name"), m.end("name"), m.group("name"), False, generic=True))
    for m in (
        _TOWN_SITE_RE.finditer(sentence)
        if " station" in sentence or " bus " in sentence or " post" in sentence
        else ()
    ):
        start, end = m.start("head"), m.end()
        if m.group("town").split()[0] in _NOT_SITE_WORDS:
            continue
        if not _overlaps(out, start, end):
            name = re.sub(r"\s+", " ", m.group("head"))
            out.append(Site(start, end, name, False, owner=m.group("town"), generic=True))
    for m in _HIT_SITE_RE.finditer(sentence):
        if m.group("weak") and not _attacked_at(sentence, m.start()):
            continue  # "arrested two suspects near the main mosque": no attack there
        if "village" in m.group("mods") or _LISTED_RE.search(sentence, 0, m.start()):
            continue  # "the village mosque": the village is the place; "on homes and on a
            # market": one target of several
        words = [w for w in m.group("mods").split() if w in _NAMING]
        if m.group("head") == "hospital" and not words:
            continue  # "bombed a hospital": which one is not said
        name = " ".join([*words, re.sub(r"\s+", " ", m.group("head"))])
        start, end = m.start("mods") if m.group("mods") else m.start("head"), m.end()
        if _IN_VILLAGE_RE.match(sentence, end):
            continue  # "the weekly market in the village of X": the village is the place
        if _NEAR_NAMED_RE.match(sentence, end):
            continue  # "a restaurant near the Lido beach", "a market and a camp": not one site
        within = _WITHIN_RE.match(sentence, end)
        if within and any(s.start == within.end() for s in out):
            continue  # "a bus stop in Dnipro's Chechelivskyi district": the district, named,
            # is the place; "the basement shelter of School No. 7": the school
        if not _overlaps(out, start, end):
            out.append(Site(start, end, name, False, generic=True))
    out.sort(key=lambda s: s.start)
    return out


def _overlaps(found: list[Site], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps a site already found."""
    return any(s.start <= start < s.end or start <= s.start < end for s in found)


def _attacked_at(sentence: str, at: int) -> bool:
    """Whether the clause before ``at`` ("gunmen killed nine people at ...") tells of an
    attack or of deaths, not only its sentence ("... were killed, and a suspect was
    arrested at a checkpoint")."""
    clause = re.split(r"[,;:]", sentence[max(0, at - 120) : at])[-1]
    return _ATTACK_BEFORE_RE.search(clause) is not None


def site_places(
    sentence: str,
    sites: list[Site],
    places: list[PlaceMention],
    carried: Place | None,
    lookup: Callable[[str], Place | None],
) -> list[PlaceMention]:
    """Each site as a place mention, written "site, city" with the city it lies in."""
    local = [
        p
        for p in places
        if not p.place.is_country and p.place.geo is not None and not is_wide(p.place)
    ]
    out = []
    for site in sites:
        proper = site.name.rsplit(" ", 1)[0]
        town = next((p for p in places if p.start == site.start and p.place.name == proper), None)
        named = sentence[max(0, site.start - 4) : site.start].lower() == "the "
        if site.indefinite and not site.alone:
            continue  # "a Gaza school", "a Catholic church in X": described, not named
        if town is not None and town.place.population >= 50_000 and not named:
            continue  # "Kupiansk district" is a raion
        owner = lookup(site.owner) if site.owner else None
        if site.generic and site.owner and (owner is None or owner.is_country or is_wide(owner)):
            continue  # "Central Bus Station" is no town's; "Pakistan bus station" no site
        if owner is not None and owner.region:
            owner = None  # "Tamil Nadu's Virudhunagar district": a state's, no city's
        if site.owner and owner is None and site.name.endswith(" district"):
            continue  # "Tamil Nadu's Virudhunagar district": a state's district, no city's
        near = owner if owner is not None and not owner.is_country else None
        near = near or _city_of(sentence, site, local, places)
        if near is not None and is_wide(near):
            # "Dilling Teaching Hospital in South Kordofan": the town the site is named for
            near = _inside(site, local) or near
        if (
            near is None
            and site.name.endswith(" district")
            and not (named and town is None and not _named_for_a_town(proper, lookup))
        ):
            continue  # a district not said to lie in a city is a region; "the Zarichnyi
            # district" of the city the report is about is one of its districts, "the
            # Nikopol district" a raion
        usable = carried is not None and carried.geo is not None and not is_wide(carried)
        usable = usable and not (site.generic and places)  # "- El Tarra: ... at a shop"
        city = near or (carried if usable else None) or _inside(site, local)
        if site.generic and (city is None or city.is_country or is_wide(city)):
            continue  # "the bus station" of no town named is no place
        if city is not None and owner is not None and city is owner:
            city = Place(site.owner or owner.name, owner.geo)
        name = site.name
        if not site.alone and city is not None:
            name = f"{name}, {city.name}"
        geo = city.geo if city is not None else None
        before = sentence[max(0, site.start - 60) : site.start]
        care = bool(_CARE_RE.search(site.name))
        receiving = (
            _received_here(before)
            or (care and not _HIT_RE.search(before))
            or (care and bool(_RECEIVED_AFTER_RE.match(sentence, site.end)))
        )
        out.append(
            PlaceMention(site.start, site.end, Place(name, geo, population=-1 if receiving else 0))
        )
    return out


def _named_for_a_town(name: str, lookup: Callable[[str], Place | None]) -> bool:
    """Whether ``name`` is a town's (a district named so is a raion), not an adjective as
    a city's districts are named in English ("Kyivskyi", "Zarichnyi", "Tsentralno-Miskyi";
    GeoNames lists those too)."""
    if name.endswith(("yi", "iy", "yy", "ij")):
        return False
    town = lookup(name)
    return town is not None and not town.region and town.population >= 20_000


def is_receiving(place: Place) -> bool:
    """A hospital or morgue victims were taken to (marked by ``site_places``)."""
    return place.population == -1


def _inside(site: Site, local: list[PlaceMention]) -> Place | None:
    """The town a site's name holds ("Sumy Agrarian College" lies in Sumy), unless the town's
    name is all the name the site has ("the London estate", "Kyiv Street": named after it)."""
    named = site.name.rsplit(" ", 1)[0]
    inside = [p for p in local if site.start <= p.start < site.end and p.place.name != named]
    return inside[0].place if inside else None


def _city_of(
    sentence: str, site: Site, local: list[PlaceMention], places: list[PlaceMention]
) -> Place | None:
    """The city a site is said to lie in: named right after it ("in Deir al-Balah", "of
    Kharkiv", "in the besieged town of X", a town the gazetteer does not know), as its owner
    ("Dnipro's"), or earlier in the sentence."""
    towns = [
        p
        for p in places
        if not p.place.is_country
        and (p.place.geo is not None or not _AREA_END_RE.search(p.place.name))
        and not is_wide(p.place)
    ]
    after = [
        p
        for p in towns
        if p.start >= site.end
        and re.fullmatch(
            # ("in the northeastern Ukrainian city of Sumy")
            r"\s*(?:,|in|of|in\s+the\s+(?:[A-Za-z-]+\s+){0,3}(?:city|town)\s+of|outside|near|"
            # "the El Fortín bar on Avenida Tecnológico in Celaya": the street's town
            r"on\s+(?:[A-Z][\w'’.-]*\s+){1,4}in)?"
            r"\s*(?:the\s+)?"
            r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of\s+)?)?",
            sentence[site.end : p.start],
        )
    ]
    if after:
        return after[0].place
    unknown = _UNKNOWN_TOWN_AFTER_RE.match(sentence, site.end)
    known = next((p for p in places if unknown and p.start == unknown.start("name")), None)
    if known is not None and is_wide(known.place):
        return known.place  # "in South Kordofan": a region the gazetteer knows, no town
    if known is not None and known.place.is_country:
        unknown = None  # "a school in Uganda": a country, not a town
    if (
        unknown is not None
        and unknown.group("name").split()[0] not in _NOT_TOWNS
        and not _AREA_AFTER_RE.match(sentence, unknown.start("name"))
    ):
        return Place(unknown.group("name"), None)  # "the Tlangpi market in Falam"
    possessive = [
        p
        for p in local
        if p.end <= site.start
        and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+)?", sentence[p.end : site.start])
    ]
    if possessive:
        return possessive[-1].place
    before = [p for p in local if p.end <= site.start]
    return before[0].place if before else None


# "the Tlangpi market in Falam": a town the gazetteer does not know, named right after the
# site ("in Falam town", "in the town of Falam"), not a month, a day or a language
_UNKNOWN_TOWN_AFTER_RE = re.compile(
    r"\s+in\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
    r"(?P<name>[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]*)*(?:[ -][A-Z][a-z'’-]+)?)(?=[\s,.;:)]|$)"
)
# "in Liaoning province", "in Rakhine State": a region, not the town
_AREA_AFTER_RE = re.compile(
    r"[\w'’-]+(?:[ -][A-Z][\w'’-]*)?\s+(?:[Pp]rovince|[Rr]egion|[Ss]tate|[Dd]istrict|[Cc]ounty"
    r"|[Oo]blast|[Gg]overnorate|[Pp]refecture|[Dd]epartment)\b"
)
_NOT_TOWNS = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday English Arabic Russian Ukrainian
    French The This That Its Their His Her Our""".split()
)
# "the Daraj neighbourhood": an area, not the town a site lies in
_AREA_END_RE = re.compile(r"(?i)\b(?:camp|valley|neighbou?rhood|upazila|municipality|county|area)$")


#: the words that open a site named first by its kind ("Rue ...", "Souq ...")
_PREFIXES = (
    *("Rue ", "Calle ", "Avenida ", "Strada ", "Mercado "),
    *("Souq ", "Souk ", "Suq ", "Masjid "),
)
_SITE_HINTS = (
    "hospital",
    "clinic",
    "school",
    "cinema",
    "theat",
    "hotel",
    "market",
    "ghat",
    " mall",
    "mosque",
    "church",
    "stadium",
    "station",
    "street",
    "square",
    "avenue",
    "road",
    "camp",
    "port",
    "district",
    "neighbo",
    "no.",
    "barangay",
    "prison",
    "universit",
    "complex",
    "centre",
    "center",
    "cathedral",
    "village",
    "hamlet",
    "settlement",
    "beach",
    "junction",
    "bazaar",
    " mine",
    "monaster",
    "condominium",
    " area of ",
    "residents of",
    "inhabitants of",
    "people of",
    "factory",
    "restaurant",
    " park",
    "plaza",
    "house of culture",
    "club",
    "penitentiar",
    "jail",
    "island",
    " pass ",
    " pass,",
    " dam",
    " plant",
    "compound",
    "warehouse",
    "depot",
    "temple",
    "shrine",
    "pagoda",
    "synagogue",
    "college",
    "bridge",
    "airport",
    "cemetery",
    "embankment",
    "orphanage",
    "hostel",
    "dormitor",
    "barracks",
    "borehole",
    "shaft",
    " ward",
    "displacement site",
    "idp site",
    " estate",
    *(prefix.lower() for prefix in _PREFIXES),
    # the sites ``_HIT_SITE_RE`` tells by what they are
    *("car wash", "bakery", " bar", "care home", "nursing home", "checkpoint", "detention"),
    *("billiard", "terminal", "bus stop", "ground", "farmhouse", " post", " base", "wedding"),
    *(" shop", "tea stall", "cafe", "café", " block", "shelter"),
)


def may_name_site(lower: str) -> bool:
    """Whether any of the site words occurs (substring tests: faster than one alternation)."""
    return holds_any(lower, _SITE_HINTS)
