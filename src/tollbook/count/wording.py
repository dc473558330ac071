"""What a claim's evidence sentence says about its event: the site hit, the kind of attack,
whether the figure revises an earlier one, and whether its victims are everyone or a group.

Sites decide grouping: two claims that name different sites ("market" and "bus depot")
are different incidents; two that name the same site are one even if their figures
differ. Attack words only label the incident ("airstrike on hospital").

The sentence is read word by word against a vocabulary of phrases (singular or plural),
so reading 100,000 sentences takes about a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: canonical site <- the phrases that name it (comma-separated, singular)
_SITES: dict[str, str] = {
    "hospital": "hospital, clinic, maternity ward, maternity home, medical centre, medical center",
    "market": "market, marketplace, bazaar, hypermarket, supermarket, shopping centre, "
    "shopping center, shopping mall, mall, shop, store",
    "school": "school, kindergarten, university, college, classroom",
    "station": "station",
    "depot": "depot",
    "theatre": "theatre, theater",
    "shelter": "shelter, bunker, basement",
    "place of worship": "mosque, church, cathedral, monastery, synagogue, temple, pagoda",
    "camp": "camp, encampment",
    "bread queue": "bakery, bread queue, bread line, queue for bread, line for bread",
    "residential building": "apartment block, apartment building, residential building, "
    "residential block, residential tower, residential complex, block of flats, high-rise, "
    "tower block",
    "aid site": "aid site, aid convoy, aid distribution, aid point, aid centre, aid center, "
    "aid hub, food distribution",
    "cemetery": "cemetery, graveyard",
    "burial site": "mass grave, burial site",
    "factory": "factory, plant, warehouse",
    "hotel": "hotel, restaurant, cafe, café",
    "gathering": "wedding, funeral, ceremony, graduation",
    "port": "port, harbour, harbor, dock",
    "airport": "airport, airfield",
    "bridge": "bridge",
    "checkpoint": "checkpoint",
}

#: canonical attack <- its phrases; when several are named, the first listed labels it
_ATTACKS: dict[str, str] = {
    "airstrike": "airstrike, air strike, air-strike, air raid, warplane, jet, aerial bomb, "
    "glide bomb, guided bomb, guided aerial bomb, bombing, bombed, bombardment, barrel bomb",
    "missile strike": "missile, rocket, ballistic",
    "shelling": "shelling, shelled, shell, artillery, mortar",
    "drone strike": "drone",
    "explosion": "explosion, blast, car bomb, explosive, ied, landmine, mine",
    "shooting": "shooting, gunfire, gunman, gunmen, shot dead, opened fire, sniper",
    "flood": "flood, flooding, flash flood, dam breach, dam collapse",
    "earthquake": "earthquake, quake, tremor",
    "strike": "strike, struck, attack, attacked, hit",
}

# a site word that says where the wounded went or who spoke, not what was hit
_NOT_TARGETS = re.compile(
    r"\b(?:taken|rushed|brought|admitted|transferred|sent|evacuated|treated)\s+"
    r"(?:to|in|at)\s+(?:a\s+|the\s+|local\s+|nearby\s+|several\s+)*hospitals?\b"
    r"|\bin\s+hospitals?\b|\bto\s+hospitals?\b"
    # "died overnight at the University of Maiduguri Teaching Hospital": where, not a school
    r"|\b(?:died|succumbed|taken|rushed|admitted|treated)\s+(?:[\w'-]+\s+){0,3}?(?:at|in|to)\s+"
    r"(?:the\s+)?(?!(?:the|a|an|same|local|nearby)\s)(?:[\w'-]+\s+){1,5}?(?:hospital|clinic)s?\b"
    r"|\bhospitals?\s+(?:officials?|staff|directors?|sources?|chiefs?|doctors?|workers?"
    r"|spokes\w+|authorities|administrators?|records?)\b"
    r"|\bport\s+city\b|\bpower\s+plants?\s+operators?\b"
    # a source's title: "a church leader in Dekai said", "the camp committee's chairman"
    r"|\b(?:church|mosque|temple|school|market|camp)\s+(?:leaders?|officials?|spokes\w+|"
    r"principals?|chairm[ae]n|committees?|elders?|pastors?|imams?|administrators?|managers?)\b"
    # where the dead were laid to rest, not what was hit: "were buried in a mass grave"
    r"|\b(?:buried|laid\s+to\s+rest)\s+(?:together\s+)?in\s+(?:a|the|one)\s+(?:common\s+|mass\s+)?"
    r"(?:grave|cemetery|graveyard)\b",
    re.IGNORECASE,
)
_NOT_TARGET_HINT = re.compile(
    "hospital|port city|operator|buried|laid to rest|leader|official|spokes|principal|chairm|"
    "committee|elder|pastor|imam|administrator|manager"
)

#: a hospital (or clinic) is the site hit only when the sentence says it was hit; else it
#: is where the dead and wounded were taken, counted or died ("the hospital had received
#: 27 bodies", "died on the way to the clinic", "an AFP reporter at the hospital saw")
_HOSPITAL_HIT = re.compile(
    r"(?:strikes?|\bstruck|\bhits?|\battack\w*|\bshell\w*|bomb\w*|raids?|\bfire|blast|"
    r"\bexplosion|\bcollapse\w*|\bstorm\w*)\W+(?:\w+\W+){0,5}?"
    r"(?:hospital|clinic|maternity|medical)"
    r"|\b(?:hospital|clinic|medical cent(?:re|er))s?\W+(?:\w+\W+){0,3}?"
    r"(?:was|were|had been|has been|came under)\s+(?:\w+\s+)?"
    r"(?:hit|struck|attacked|shelled|bombed|destroyed|damaged|stormed|fire)\b"
)

#: (words are read in the singular: "climbs" is "climb"; not "mounted" nor "reached":
#: "gunmen mounted an attack", "when the troops reached the camp")
_REVISION_WORDS = frozenset(
    """earlier previous previously initial initially rose rise rises risen rising revised update
    updated climbed climb climbing increased increase jumped jump raised soared soar corrected
    lowered""".split()
)

_REVISION_PHRASE = re.compile(
    r"up from|had (?:been )?put|had stood at|now stands|now stood|has reached"
    r"|\bfirst\s+(?:reported|gave|put|counted)\b"  # "The Civil Defence first reported 15 dead"
    r"|\bnow\s+(?:puts?|gives?|says|reports?|numbers?|totals?)\b"
    # "so the number of dead brought to this hospital is now 25": the toll as it stands
    r"|\b(?:toll|number|count|total|tally)\b[^.;]{0,50}?\b(?:is|are)\s+now\b"
    # the toll as it now stands: "загиблих уже троє", "погибших уже пятеро"
    r"|(?:загиблих|погибших|жертв)\s+(?:уже|вже)\s"
    # Ukrainian and Russian: "кількість загиблих зросла до 13", "число погибших выросло до 13"
    r"|(?:зросл[аои]|зріс|збільшил[аио]ся|збільшилась|вирос(?:ла|ло)?|выросл[аои]|вырос|"
    r"увеличил[аои]сь|увеличился|достигл[аои]|досягл[аои]|сягнул[аои])\s+(?:до|з|с)\b"
    r"|\b(?:bringing|raising|taking|pushing|lifting)\b[^.;]*?\b(?:to|from)\b"
    # "which would bring the toll to 31", "brought the death toll to 12"
    r"|\b(?:bring|brings|brought|raise|raises|raised|take|takes|took)\s+the\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:toll|total|tally|number|count)\b"
    # an earlier toll, or one corrected since: "Ранее в МЧС сообщали о девяти погибших",
    # "в первые часы ... называл число 45 погибших, позднее МЧС уточнило данные"
    r"|(?<!\w)(?:раніше|ранее|спочатку|сначала|первоначальн\w*|початков\w*|уточнил\w*|"
    r"уточнил[аио]|уточнен\w*|уточнен[оі]|в\s+первые\s+часы|у\s+перші\s+години)(?!\w)"
)

#: the words one of ``_REVISION_PHRASE``'s English phrases needs (in the singular, as
#: ``_read_words`` gives them): a sentence in Latin letters without any needs no search
_REVISION_PHRASE_WORDS = frozenset(
    """up had now has first bringing raising taking pushing lifting bring brought raise
    raised take took""".split()
)

#: a figure of more dead beside those already counted: "30 more", "another strike",
#: "two of the wounded died", "three of them later died", "five others died later"
_ADDS = re.compile(
    r"\bmore\b(?!\s+than\b)(?!\s+(?:and|or)\s+(?:more|less)\b)"
    # ("dozens more are missing", "40 more were injured": not more dead)
    r"(?!\s+(?:(?:people|are|were|remain|remained|still|being)\s+){0,3}"
    r"(?:missing|injured|wounded|hurt|unaccounted|trapped|in\s+hospital)\b)"
    r"|\banother\b|\bseparate\b|\bothers\b"
    # (not "a leader of the victims' clan, Peter Andaka, said 24 of his people had died")
    # (nor "killed 15 of the attackers and that about 20 civilians had died": a figure of
    # its own between)
    r"|\b(?:of|among)\s+(?:the|them|those|whom)\b(?:(?!\bsaid\b|\d(?![\d,]*-year))[^.;]){0,60}?\b(?:died|succumbed)\b"
    r"|\b(?:later|subsequently)\s+(?:died|succumbed)\b|\bdied\s+later\b"
    r"|\bsuccumbed\b|\bdied\s+of\s+(?:their|his|her)\s+(?:wounds|injuries)\b"
    r"|\bdied\s+(?:on\s+the\s+way|overnight|during\s+the\s+night|in\s+(?:the\s+)?hospital)\b",
    re.IGNORECASE,
)

#: one set of dead told two ways: "74 people who were killed during the attack or died of
#: their wounds in the days that followed" (no more dead than the 74)
_KILLED_OR_DIED = re.compile(r"\bkilled\b[^.;]{0,60}?\bor\s+(?:later\s+)?(?:died|succumbed)\b")

#: another source's total of the same dead, told as such: "gave a higher figure of 11 dead,
#: saying an elderly man had died of his injuries" is the event's toll, not more dead
_HIGHER_TOTAL = re.compile(
    r"\b(?:a|its|his|her|their)\s+(?:own\s+)?(?:higher|lower|different)\s+"
    r"(?:death\s+)?(?:figure|toll|count|number|tally|total)\b"
)

#: a sentence that gives the toll the later dead make: "gave a toll of 26 in a statement,
#: saying three of the wounded had died" tells of no dead beyond its 26
_GIVES_TOLL = re.compile(
    r"\b(?:gave|gives|give|put|puts|raised|raises|set|sets)\s+(?:a|the|its|their)\s+"
    r"(?:new\s+|revised\s+|final\s+)?(?:death\s+)?toll\s+(?:of|at)\s+\d"
)

#: the rest of a set already counted: "Nine of the eleven were brought out of the rubble;
#: the other two died in hospital" tells of none beyond the eleven
_THE_REST = re.compile(
    r"\bthe\s+other\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    # "the directorate had counted 12 dead; the others were found during the day": the rest
    # of the toll told
    r"|\bthe\s+others\s+(?:were|had\s+been|have\s+been)\s+(?:found|recovered|identified)\b"
)

#: a toll said to hold the later dead: "put the toll at 52 dead, including those who died in
#: hospital" tells of no dead beyond it
_HOLDS_LATER_DEAD = re.compile(
    r"\b(?:including|includes|which\s+includes|among\s+them)\s+(?:those|the\s+[a-z]+|[a-z]+)"
    r"(?:\s+[a-z]+)?\s+who\s+(?:had\s+|have\s+)?(?:later\s+|since\s+)?(?:died|succumbed)"
    # "died on Tuesday morning and is included in the toll of 14"
    r"|\b(?:is|are|was|were)\s+(?:already\s+)?(?:included|counted)\s+in\s+the\s+"
    r"(?:death\s+)?(?:toll|count|figure|total)\b"
)

#: Victims that mean everyone counted: their upper figure caps the whole incident.
_EVERYONE = frozenset("""people persons individuals victims dead bodies casualties""".split())

_SINGULARS: dict[str, str] = {}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

Phrase = tuple[str, ...]


def _vocabulary() -> dict[str, list[tuple[Phrase, str, str]]]:
    """First word -> (phrase words, "site" or "attack", canonical name)."""
    index: dict[str, list[tuple[Phrase, str, str]]] = {}
    for kind, table in (("site", _SITES), ("attack", _ATTACKS)):
        for name, phrases in table.items():
            for phrase in phrases.split(","):
                words = tuple(_singular(w) for w in phrase.split())
                index.setdefault(words[0], []).append((words, kind, name))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))  # longest phrase first
    return index


#: "a woman wounded in the blast had died at a hospital in Cali": where she died, though a
#: word of attack stands before it
_DIED_AT_HOSPITAL = re.compile(
    r"\b(?:died|succumbed)\s+(?:\w+\s+){0,3}?(?:at|in)\s+(?:a|the)\s+(?:\w+\s+){0,3}?hospital"
)
#: a site the one who struck names in quotation marks, its own label ("said it had struck a
#: \"terrorist training camp\""): the dead of a monastery are not another event's for it
_LABELLED_SITE = re.compile(
    r"\b(?:struck|hit|targeted|destroyed|bombed)\s+(?:(?:a|an|the)\s+)?[\"“'‘][^\"”'’]{1,60}[\"”'’]"
)


@dataclass(frozen=True)
class Wording:
    """What the evidence sentence tells about the event."""

    sites: frozenset[str]
    attack: str | None
    revises: bool
    #: the sentence tells of dead beyond a figure already given ("30 more", "two of the
    #: wounded died later"): its figure adds to the event's, unless the sentence also
    #: gives the resulting toll (``revises``)
    adds: bool = False


def read_wording(evidence: str) -> Wording:
    """Sites, attack and revision cues of one evidence sentence."""
    lower, spans, words = _read_words(evidence.lower())
    labels = [m.span() for m in _LABELLED_SITE.finditer(lower)]
    sites = {
        name
        for at, kind, name in spans
        if kind == "site" and not any(a <= at < b for a, b in labels)
    }
    attacks = {name for _, kind, name in spans if kind == "attack"}
    if "hospital" in sites and (
        _HOSPITAL_HIT.search(lower) is None or _DIED_AT_HOSPITAL.search(lower) is not None
    ):
        sites.discard("hospital")
    revises = not _REVISION_WORDS.isdisjoint(words) or (
        (not lower.isascii() or not _REVISION_PHRASE_WORDS.isdisjoint(words))
        and _REVISION_PHRASE.search(lower) is not None
    )
    attack = min(attacks, key=_ATTACK_ORDER.__getitem__) if attacks else None
    adds = (
        _ADDS.search(evidence) is not None
        and _HIGHER_TOTAL.search(lower) is None
        and _THE_REST.search(lower) is None
        and _HOLDS_LATER_DEAD.search(lower) is None
        and _GIVES_TOLL.search(lower) is None
        and _KILLED_OR_DIED.search(lower) is None
    )
    return Wording(sites=frozenset(sites), attack=attack, revises=revises, adds=adds)


def site_positions(evidence: str, sites: frozenset[str]) -> list[tuple[int, str]]:
    """Where in ``evidence`` each of ``sites`` (as ``read_wording`` read them) is named."""
    _, spans, _ = _read_words(evidence.lower())
    return [(at, name) for at, kind, name in spans if kind == "site" and name in sites]


def _read_words(lower: str) -> tuple[str, list[tuple[int, str, str]], list[str]]:
    """A lower-cased sentence with the site words that are not targets blanked, the phrases
    of the vocabulary in it as (position, "site" or "attack", canonical name), and its words
    in the singular."""
    if _NOT_TARGET_HINT.search(lower):
        lower = _NOT_TARGETS.sub(lambda m: " " * len(m.group(0)), lower)  # same positions
    cache = _SINGULARS
    words = [cache.get(w) or _remember(w) for w in _WORD.findall(lower)]
    spans: list[tuple[int, str, str]] = []
    if _VOCABULARY.keys().isdisjoint(words):
        return lower, spans, words
    starts = [m.start() for m in _WORD.finditer(lower)]
    for i, word in enumerate(words):
        for phrase, kind, name in _VOCABULARY.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                spans.append((starts[i], kind, name))
                break
    return lower, spans, words


def _remember(word: str) -> str:
    singular = _SINGULARS[word] = _singular(word)
    return singular


def _singular(word: str) -> str:
    """A crude singular, the same for the text and the vocabulary: "hospitals" ->
    "hospital", "cemeteries" -> "cemetery", "churches" -> "church"."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


_VOCABULARY = _vocabulary()
_ATTACK_ORDER = {name: rank for rank, name in enumerate(_ATTACKS)}


def victims_key(victims: str) -> str:
    """Victims folded for comparison: "Civilians" and "civilians" are one group."""
    return " ".join(victims.casefold().split())


def counts_everyone(victims: str) -> bool:
    """Whether the figure counts all victims ("people"), not a group ("children")."""
    key = victims_key(victims)
    return not key or key in _EVERYONE


def event_label(sites: list[str], attacks: list[str]) -> str | None:
    """ "airstrike on hospital", "shelling", "market": the most named attack and site."""
    site = most_common(sites)
    attack = most_common([a for a in attacks if a != "strike"]) or most_common(attacks)
    if attack and site:
        return f"{attack} on {site}"
    return attack or site


def most_common(values: list[str]) -> str | None:
    """The value named most often (the first named, on a tie), or None."""
    if not values:
        return None
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda value: (counts[value], -values.index(value)))


#: the one who struck says what it struck and whom it killed: "the military said it had
#: struck a camp and killed 40 'terrorists'": its own count of the event's dead, under its
#: own name for them (TOLLS.md rule 8: a perpetrator's claim is a source's total like any
#: other). Not the forces that answered an attack: "the army said it killed 20 terrorists"
_OWN_KILLING = re.compile(
    r"\b(?:said|says|claimed|claims|announced)\b[^.;]{0,80}?\b(?:it|they|its\s+[a-z]+|their\s+[a-z]+|"
    r"the\s+(?:air\s+force|army|military|strike|air\s+strike|drones?|jets?|aircraft))\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:struck|hit|targeted|bombed|destroyed|carried\s+out\s+(?:a|an)\s+"
    r"[^.;]{0,30}?strike)\b"
    # "the army said ... that an operation near Kossogo-Peulh ... had \"neutralised 42
    # terrorists\"": its own operation, not an answer to an attack
    r"|\b(?:said|says|claimed|claims|announced)\b[^.;]{0,80}?\b(?:an|the|its|their)\s+"
    r"(?:military\s+|air\s+|army\s+)?operation\b[^.;]{0,60}?\b(?:killed|neutrali[sz]ed)\b",
    re.IGNORECASE,
)
#: ... unless it answered an attack: "while repelling the attack", "troops responding"
_ANSWERED = re.compile(r"\b(?:repel\w*|respon\w*|pursu\w*|fought\s+off|counter-?attack\w*)")


#: a name the one who struck may give its dead, not the event's attackers ("assailants")
_NAMED_BY_STRIKER = re.compile(r"\b(?:militants?|insurgents?|jihadists?|terrorists?|bandits?)\b")


def strikers_own_count(victims: str, evidence: str) -> bool:
    """The one who struck counts the dead under its own name for them ("the military said
    it had struck a camp and killed 40 'terrorists'"): a source's total of the event's
    dead, neither perpetrators to add nor a toll that rose."""
    return bool(
        _NAMED_BY_STRIKER.search(victims)
        and _OWN_KILLING.search(evidence)
        and not _ANSWERED.search(evidence)
    )
