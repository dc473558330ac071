"""The places a sentence says things happened in: not those inside the words naming its
source ("governor of the Kharkiv region"), where the source spoke ("told reporters in
Geneva"), where victims were taken, a breakdown's places, nor a region that only says where
the town before it lies."""

from __future__ import annotations

import re

from tollbook.extract.carried import CAME_FROM_RE
from tollbook.extract.places import Place, PlaceMention

# Place names that say where a source spoke, or name a thing: "told reporters in Geneva",
# "the Sudan strain of Ebola".
_NOT_HERE_BEFORE_RE = re.compile(
    r"(?:reporters|journalists|briefing|conference|statement|speaking|visit)\s+in\s+(?:the\s+)?$"
)
# Where the wounded were taken: "flown by helicopter to the military hospital in Parakou",
# "carried nine of the wounded to the regional hospital in Dnipro", "admitted to the New
# Civil Hospital in Surat" (a hospital's name keeps its capitals). Tried only when a word
# of care stands in the words before the place (``_CARE_WORDS``).
_TAKEN_TO_CARE_RE = re.compile(
    # ("receiving treatment at the Bokkos cottage hospital and in Jos", "took them by boat to
    # the hospital in Metetí")
    r"\b(?:taken|treated|admitted|transferred|rushed|brought|arrived|flown|evacuated|carried|"
    r"treatment|took|"
    # ("One of the wounded officers died of his injuries at the University Clinical Centre in
    # Prishtina": where he died, not where he was hit)
    r"shifted|airlifted|moved|referred|sent|driven|died|succumbed)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:to|at)\s+"
    r"(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?(?:hospitals?|clinics?|morgue|mortuary|infirmary|"
    r"(?:health|clinical|trauma)\s+cent(?:re|er)|medical\s+(?:cent(?:re|er)|college)|"
    # "died overnight at the national burn institute in Dhaka"
    r"burns?\s+(?:institute|cent(?:re|er)|unit))\s+"
    r"(?:[\w'’&-]+\s+){0,4}?"
    r"in\s+(?:the\s+)?$|"
    # the next item of a breakdown by hospital: "nine at the regional hospital in Gliwice and
    # six at the burns centre in Katowice"
    r"(?:,|\band)\s+(?:[\w-]+\s+)?(?:at|to)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:hospitals?|clinics?|burns?\s+(?:cent(?:re|er)|unit))\s+in\s+(?:the\s+)?$|"
    # "a man who died in a private clinic in Cotabato City"
    r"\b(?:died|succumbed)\s+(?:[\w'’-]+\s+){0,3}?in\s+(?:(?:a|the)\s+(?:[\w'’-]+\s+){0,2}?)?"
    r"(?:hospital|clinic)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A town naming the hospital someone was taken to or died at: "died this morning at the
# Valle del Lili hospital in Cali"
_CARED_AT_RE = re.compile(
    r"\b(?:taken|treated|admitted|transferred|rushed|brought|flown|evacuated|died|succumbed)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:to|at|in)\s+(?:the|a)\s+$",
    re.IGNORECASE,
)
_HOSPITAL_AFTER_RE = re.compile(
    r"\s+(?:(?:university|general|regional|district|city|state|teaching)\s+)?(?:hospital|clinic)\b",
    re.IGNORECASE,
)
_CARE_WORDS = ("ospital", "linic", "orgue", "ortuary", "nfirmary", "ealth cent", "edical", "burn")
# A breakdown of the figure, not its place ("351 killed in X, most of them in Y district"),
# unless the sentence names no other place.
_BREAKDOWN_RE = re.compile(
    r"\b(?:(?:most|many|the\s+majority|nearly\s+all)\s+of\s+them|mostly|mainly|largely)"
    r"\s+in\s+(?:the\s+)?$"
)
# Where victims or witnesses went, not where they were hit: "fled to Dori", "flown with
# spinal injuries to Herat", "evacuated to the town of X", "who reached the town of Tawila".
_GONE_TO_RE = re.compile(
    r"\b(?:fled|flown|flew|airlifted|evacuated|taken|brought|transferred|shifted|rushed|moved|"
    r"driven|referred|carried)\s+(?:[\w-]+\s+){0,6}?to\s+(?:the\s+)?(?:(?:town|city|capital)\s+of\s+)?$|"
    r"\breached\s+(?:the\s+)?(?:town|city|village|camp)\s+of\s+$|"
    # "the forensic medical service in the city of Zacatecas had received 17 bodies": where
    # the dead were taken
    r"\b(?:morgue|mortuary|forensic\s+(?:[\w-]+\s+){0,2}?service)\s+in\s+(?:the\s+)?"
    r"(?:(?:town|city|capital)\s+of\s+)?$"
)
# "gunmen from a gang based in the Artibonite valley": the gang's base, not where it killed
_BASED_IN_RE = re.compile(
    r"\b(?:based|headquartered|stationed|garrisoned)\s+in\s+(?:the\s+)?$", re.IGNORECASE
)
# "Residents of the nearby town of Bol told Radio Meridian ...": the witnesses' town, near
# the event and not it
_NEARBY_HOME_RE = re.compile(
    r"\b(?:residents|villagers|witnesses)\s+of\s+the\s+(?:nearby|neighbou?ring)\s+"
    r"(?:town|village|city)\s+of\s+$",
    re.IGNORECASE,
)
# "on the banks of the Ganga": a river says where the place lies, it is not the place
_RIVER_BANK_RE = re.compile(r"\bbanks?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# where a bus or a boat was going or came from: "a bus travelling from Dar es Salaam to
# Dodoma collided near Mikese", "a ferry bound for Goma"
_TRAVEL_RE = re.compile(
    r"\b(?:travell?ing|bound|heading|en\s+route|sailing|flying|driving|headed)\s+(?:from|to|for)\s+"
    r"(?:[^,.;]{0,40}?\s(?:to|for)\s+)?(?:the\s+)?$|"
    # "had left the Mbokie landing for Shenge", "fled the site towards Mueda town"
    r"\b(?:left|departed|set\s+(?:off|out|sail))\s+(?:[^,.;]{0,40}?\s)?for\s+(?:the\s+)?$|"
    # "the boat that capsized south of Lampedusa had left Sfax": where it sailed from
    r"\b(?:had|has|have)\s+(?:left|departed(?:\s+from)?|sailed\s+from)\s+(?:the\s+)?$|"
    r"\b(?:fled|flee|fleeing|moved|moving|headed|heading)\s+(?:[^,.;]{0,40}?\s)?towards?\s+"
    r"(?:the\s+)?$|"
    # "members of two families from Namangan region": where the victims came from
    r"\b(?:famil(?:y|ies)|residents?|natives?|passengers|migrants|pilgrims|workers|villagers|"
    r"people|students|fans|tourists)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the hurricane had killed 14 since it made landfall near Bilwi": where a storm came ashore,
# not where its dead died
_LANDFALL_RE = re.compile(
    r"\b(?:made|making|makes|make)\s+landfall\s+(?:near|in|at|over|on|close\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TRAVEL_ENDS = (" from ", " to ", " for ", " the ", " towards ", " toward ", " left ", " departed ")
_GONE_TO_ENDS = (" to ", " to the ", " of ", " in ", " in the ")
_NOT_HERE_AFTER_RE = re.compile(
    r"^\s+(?:strain|variant|virus|authorities|officials|government|(?:health\s+)?ministry)\b"
)


# "the National Police of Ukraine", "the Mission in Ukraine", "coordinator for Sudan"
_OF_RE = re.compile(r"\b(?:of|in|for) $")
# "in Bhiwandi, near Mumbai": the second place only says where the first lies.
_LOCATES_RE = re.compile(
    r",\s+(?:(?:just|about|some)\s+)?(?:near|outside|\d+\s*(?:km|kilometres|kilometers|miles)\s+from|"
    r"(?:\d+\s*(?:km|kilometres|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+(?:city|town)\s+of\s+)?"
)


# "in Komanda, in Ituri province", "in Mrauk-U, Rakhine state": the region only says where
# the town lies
_IN_REGION_RE = re.compile(r",\s+(?:in\s+)?(?:the\s+)?")
_REGION_NAME_RE = re.compile(r"\b(?:province|region|state|oblast|governorate|county)$")
_BARE_IN_RE = re.compile(r"\s+in\s+(?:the\s+)?(?:neighbou?ring\s+)?")


def _region(place: Place) -> bool:
    """A region: of the gazetteer ("North Kordofan"), or named so ("Ituri province")."""
    return place.region or _REGION_NAME_RE.search(place.name) is not None


def source_spans(norm: str, source: str | None) -> list[tuple[int, int]]:
    """Where the words naming the source stand in the sentence, with a role given after the
    name ("said Hana Kareem, MSF's medical coordinator in Gaza")."""
    spans: list[tuple[int, int]] = []
    if source:
        for part in (source, source.split(", ", 1)[-1]):
            at = _where_named(norm, part)
            if at >= 0 and len(part) > 3:
                end = at + len(part)
                role = _ROLE_AFTER_RE.match(norm, end)
                spans.append((at, role.end() if role else end))
    return spans


def _where_named(norm: str, part: str) -> int:
    """Where ``part`` names the source in ``norm``: its first occurrence, or the one a
    verb of saying follows when the words stand more than once ("attacked a police post
    ..., police said": the police who said it, not the post)."""
    at = norm.find(part)
    if at < 0 or norm.find(part, at + 1) < 0:
        return at
    for m in re.finditer(re.escape(part), norm):
        if _SAID_AFTER_RE.match(norm, m.end()):
            return m.start()
    return at


_SAID_AFTER_RE = re.compile(r"\s+(?:have\s+|has\s+|had\s+)?(?:said|says|say|told|reported)\b")


# A role in apposition after a speaker's name: ", MSF's medical coordinator in Gaza"
_ROLE_AFTER_RE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,6}?(?:coordinator|director|head|chief|"
    r"spokes(?:man|woman|person)|official|officer|governor|mayor|minister|commander|"
    r"representative|doctor|manager|president|chair(?:man|woman)?|secretary|administrator|"
    r"leader|superintendent|commissioner)\b[^,.;\"“”]*"
)


def located(norm: str, places: list[PlaceMention], source: str | None) -> list[PlaceMention]:
    """The places a sentence says things happened in: not those inside the words naming
    its source ("governor of the Kharkiv region") nor where the source spoke."""
    spans = source_spans(norm, source)
    places = _joined(norm, places, spans)
    # "among them 19 traders from Niger": where the dead came from, not where they died
    places = [p for p in places if not CAME_FROM_RE.search(norm, max(0, p.start - 30), p.start)]
    places = [
        p
        for i, p in enumerate(places)
        if not (i and _LOCATES_RE.fullmatch(norm, places[i - 1].end, p.start))
        and not (
            i
            and _region(p.place)
            and not places[i - 1].place.is_country
            and not _region(places[i - 1].place)
            and (
                _IN_REGION_RE.fullmatch(norm, places[i - 1].end, p.start)
                # "the town of Bara in North Kordofan": a region of the gazetteer
                or (p.place.region and _BARE_IN_RE.fullmatch(norm, places[i - 1].end, p.start))
            )
        )
    ]
    own = [
        p
        for p in places
        if "in" not in norm[max(0, p.start - 40) : p.start]  # every breakdown ends "in (the)"
        or not _BREAKDOWN_RE.search(norm, max(0, p.start - 40), p.start)
    ]
    return [
        p
        for p in own or places
        if not any(
            a <= p.start < b
            and (
                not p.place.is_country
                or _OF_RE.search(norm, max(0, p.start - 4), p.start)
                # "the Uganda Police Force": a body's name, not where its figure is
                or _BODY_NAMED_AFTER_RE.match(norm, p.end)
            )
            for a, b in spans
        )
        and not (
            norm.endswith((" in ", " in the "), 0, p.start)
            and _not_here_before(norm[max(0, p.start - 130) : p.start])
        )
        and not (
            norm.endswith(_GONE_TO_ENDS, 0, p.start)
            and _GONE_TO_RE.search(norm[max(0, p.start - 90) : p.start])
        )
        and not _NOT_HERE_AFTER_RE.match(norm[p.end : p.end + 24])
        and not (
            _HOSPITAL_AFTER_RE.match(norm, p.end)
            and _CARED_AT_RE.search(norm, max(0, p.start - 70), p.start)
        )
        and not _RIVER_BANK_RE.search(norm, max(0, p.start - 24), p.start)
        and not _NEARBY_HOME_RE.search(norm, max(0, p.start - 70), p.start)
        and not _BASED_IN_RE.search(norm, max(0, p.start - 20), p.start)
        and not (
            norm.endswith(_TRAVEL_ENDS, 0, p.start)
            and _TRAVEL_RE.search(norm, max(0, p.start - 70), p.start)
        )
        and not ("landfall" in norm and _LANDFALL_RE.search(norm, max(0, p.start - 40), p.start))
        and not _other_speakers_title(norm, p.start, source)
    ]


#: the name of a national body after its country's name: "Uganda Police Force", "Nepal Army"
_BODY_NAMED_AFTER_RE = re.compile(
    r"\s+(?:National\s+)?(?:Police|Army|Armed\s+Forces|Defence\s+Force|People's\s+Defence\s+Force)\b"
)


def _other_speakers_title(norm: str, start: int, source: str | None) -> bool:
    """The place at ``start`` is in the title of a speaker other than the sentence's source
    ("Chadian authorities gave a toll of 14, while the governor of Ouaddai province said")."""
    if not norm.endswith((" of ", " of the "), 0, start):
        return False
    role = _ROLE_OF_RE.search(norm, max(0, start - 40), start)
    return role is not None and (source is None or role.group(1).lower() not in source.lower())


#: the place in another speaker's title: "while the governor of Ouaddai province said"
_ROLE_OF_RE = re.compile(
    r"\b(governor|mayor|prefect|sub-prefect|administrator|commissioner|police\s+chief)\s+"
    r"of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "Kharkiv regional governor": the town names a role, not where a place lies
_ROLE_WORD_AFTER_RE = re.compile(r"\s+(?:regional|region|city|oblast|provincial|district|state)\b")


def _joined(
    norm: str, places: list[PlaceMention], spans: list[tuple[int, int]]
) -> list[PlaceMention]:
    """ "collapsed in Kisenyi, Kampala": a place the gazetteer does not know, then the town
    it lies in, is one place written "Kisenyi, Kampala"."""
    out: list[PlaceMention] = []
    for p in places:
        last = out[-1] if out else None
        if (
            last is not None
            and last.place.geo is None
            and ", " not in last.place.name
            and not last.place.is_country
            and p.place.geo is not None
            and not p.place.is_country
            and not _region(p.place)
            and norm[last.end : p.start] == ", "
            and not any(a <= p.start < b for a, b in spans)
            and not _ROLE_WORD_AFTER_RE.match(norm, p.end)
        ):
            out[-1] = PlaceMention(
                last.start, p.end, Place(f"{last.place.name}, {p.place.name}", p.place.geo)
            )
            continue
        out.append(p)
    return out


def _not_here_before(before: str) -> bool:
    """Whether the words before a place say a source spoke there or victims were taken
    there."""
    if _NOT_HERE_BEFORE_RE.search(before, max(0, len(before) - 70)):
        return True
    return any(w in before for w in _CARE_WORDS) and _TAKEN_TO_CARE_RE.search(before) is not None
