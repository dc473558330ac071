"""How a source is written down once found: without the words that only joined it to the
sentence, an article, a relative clause or a figure ("the city's officials who" ->
"city's officials"); and whether a line is a headline (:mod:`tollbook.extract.attribution`
finds the speakers)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_COMMON_OPENERS = frozenset(
    """officials residents witnesses rescuers doctors medics police authorities hospital
    volunteers survivors relatives families locals villagers activists monitors paramedics
    humanitarian health local regional city state military the a an one two""".split()
)
#: people who give figures, named by how many: "Two military sources", "one security source"
_SOURCE_NOUNS_RE = re.compile(r"\b(?:sources?|officials|witnesses|residents|survivors)$")
_NUMBER_WORD_RE = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|another|all|"
    r"most|many|some)\b"
)
_NOT_SOURCES = frozenset(
    "the a an report statement figures data figure toll deaths dead casualties fatalities "
    # ("according to the revised figures": the figures' adjective, once they are taken off)
    "killings victims revised latest final updated provisional preliminary".split()
)
_FUNCTION_WORDS = frozenset(
    "on in at as by for from with and but though while when after before our its their earlier "
    "among or "
    "later preliminary so yesterday today".split()
)
_PRONOUNS = frozenset("he she it they we i you this that there him them his same based".split())
#: a source cut before its noun: "Heat blamed for an (estimated 1,180 deaths)"
_DANGLING = frozenset("a an the of for to by with from".split())


def is_headline(sentence: str) -> bool:
    """A title line: no full stop, question or quote at its end, and short."""
    text = sentence.strip()
    return 0 < len(text) <= 160 and text[-1] not in ".?!\"'"


RELATIVE_RE = re.compile(r"\s+(?:who|whose|which|that|where|when|after|asking)\b")
ROLE_LEAD_RE = re.compile(r"^(?:(?:though|but|and|while|as|its|his|her|their|the|a|an)\s+)+", re.I)


def named_in_full(surname: str, named: str, earlier: Iterable[str | None]) -> str | None:
    """The first of the sources ``earlier`` (nearest first) that names in full the person
    ``named`` by ``surname`` alone ("Kiper", "Mr Jha", "Бондар"): its name ends in the
    surname ("Oleh Kiper, governor")."""
    for other in earlier:
        if other and other != named and other.split(",")[0].split()[-1] == surname:
            return other
    return None


def tidy_role(role: str) -> str | None:
    """A role without the words that only joined it to the sentence ("though its spokesman")."""
    return tidy_source(ROLE_LEAD_RE.sub("", role.strip()))


_FIGURES_OF_RE = re.compile(
    r"^(?:(?:latest|official|new|updated|preliminary|provisional|final|initial|revised)\s+)*"
    r"(?:figures|data|statistics|count|tally|numbers|toll|death\s+toll)\s+"
    r"(?:(?:released|published|compiled|issued|given|provided|kept|collected|documented|"
    r"recorded|gathered)\s+)?"
    r"(?:from|by|of)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


_BODY_FROM_RE = re.compile(
    r"^(?P<body>[A-Z][\w'’-]{2,30})\s+from\s+(?:the|its|their|local)\s+[a-z].*$"
)

_NUMBER_OF_DEAD_RE = re.compile(
    r"(?:number|toll|tally|count)\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|"
    r"casualties|people\s+killed)\b\s*(?P<rest>.*)",
    re.IGNORECASE,
)
_SIZE_LEFT_RE = re.compile(r"^(?:bed|storey|story|strong|member)\s+(?=[a-z])")
_ITS_PAPER_RE = re.compile(r"(?<=\S)\s+(?:statement|report|bulletin|release|communiqu\w+)$")


#: A number that is part of a body's name, not a figure: "Rescue 1122", "ISOC Region 4",
#: "the Sokola 1 operations", "the 6th Infantry Division" (not a month's day: "March 4")
NAME_NUMBER_RE = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)(?P<unit>[A-Z][a-z]{2,20})\s\d{1,4}\b(?![,.]\d)"
    r"|\b\d{1,2}(?:st|nd|rd|th)\s+(?=[A-Z][a-z])"
)


def without_name_numbers(text: str) -> str:
    """``text`` with the numbers that belong to a body's name taken out."""
    return (
        NAME_NUMBER_RE.sub(lambda m: m.group("unit") or "", text)
        if any(ch.isdigit() for ch in text)
        else text
    )


#: words read as a source that name none: a custom ("buried according to Islamic rites"),
#: or the figure itself ("The claim could not be independently verified")
_NO_SOURCE_RE = re.compile(
    r"(?i)(?:(?:islamic|muslim|christian|jewish|religious|local|traditional)\s+)?"
    r"(?:rites|customs?|traditions?)$|"
    r"(?:the\s+)?(?:claims?|figures?|tolls?|numbers?)\s+(?:could|can|was|were|has|have)\s+not\b"
)

#: a document told only by what it is and when it came out, with no body's name: "according
#: to an analysis published on Tuesday" (its author is named elsewhere)
_UNSIGNED_PAPER_RE = re.compile(
    r"(?:(?:an?|the|new)\s+)*(?:analysis|study|survey|paper|review)\s+(?:published|released|"
    r"issued)(?:\s+(?:on|this|last)\s+[A-Za-z]+)?$"
)


#: a subject, what it did, and "and" before the verb of saying
_ACTED_AND_RE = re.compile(
    r"(?P<who>[A-Za-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:recovered|found|pulled|retrieved|"
    r"counted|buried|received|rescued|evacuated)\b.*\sand$"
)


def tidy_source(who: str) -> str | None:
    """A source as a recorder writes it: no leading article, no relative clause, and a
    common noun that only began the sentence in lower case ("Officials" -> "officials")."""
    who = who.strip(" ,.;:\"'")
    # "On Monday the regional police said", "Earlier on Friday the head of ...": the day is
    # not the speaker
    who = re.sub(
        r"^(?:(?:earlier|later)\s+)?(?:on\s+|(?:in\s+)?the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
        r"yesterday|meanwhile|later|earlier|morning|afternoon|evening|night|overnight)"
        r"(?:\s+(?:morning|afternoon|evening|night))?"
        r"\s*,?\s+(?=(?:the|a|an)\s)",
        "",
        who,
        flags=re.IGNORECASE,
    )
    # "By noon the regional administration said": the hour is no speaker
    who = re.sub(
        r"^(?:(?:by|at|around|before|until)\s+)?(?:noon|dawn|midnight|nightfall|midday|daybreak|"
        r"sunrise|sunset|then)\s+(?=the\s)|"
        # "By Sunday evening the public prosecutor's office in Čačak said"
        r"^(?:by|until)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?=the\s)",
        "",
        who,
        flags=re.IGNORECASE,
    )
    # "In the first hours after the strike the mayor's office said": the event is no speaker
    who = re.sub(
        r"^(?:strike|attack|blast|explosion|raid|fire|collapse|quake|earthquake|flood|"
        r"shelling|bombing|crash|landslide)\s+(?=the\s)",
        "",
        who,
    )
    if _NO_SOURCE_RE.match(who) or _UNSIGNED_PAPER_RE.match(who):
        return None  # "according to Islamic rites", "The claim could not be verified"
    # "In the same period last year the authority recorded": the year is no speaker
    who = re.sub(
        r"^(?:(?:in\s+)?the\s+same\s+(?:period|months?|quarter)\s+)?(?:last|this)\s+year\s+(?=the\s)",
        "",
        who,
        flags=re.IGNORECASE,
    )
    if re.fullmatch(r"(?:the\s+)?(?:verdict|ruling|judg(?:e)?ment)", who, flags=re.IGNORECASE):
        return "court"  # "According to the verdict, 27 people died at the scene"
    who = re.sub(r"^(?:where|whom)\s+", "", who)  # "a forest, where local residents say"
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:its|their)\s+(?=[a-z])", "", who)  # ", its director said."
    # "according to the latest figures from AFAD", "a tally by the Associated Press": the
    # body whose figures they are
    who = _FIGURES_OF_RE.sub("", who)
    if re.match(r"(?:said\s+)?(?:her|his|your|our)\s", who, flags=re.IGNORECASE):
        return None  # "figures compiled by her office": hers, whom the sentence names
    # "(confirmed by the district health office)": the office
    who = re.sub(
        r"^(?:confirmed|reported|verified|given|released|provided|issued)\s+by\s+(?:the\s+)?",
        "",
        who,
        flags=re.IGNORECASE,
    )
    who = re.split(r"\s+(?:who|which|that|where)\s+", who)[0]
    # "data compiled by the Authority from the district emergency operation centres": the
    # body, not where it took its figures from
    who = _BODY_FROM_RE.sub(r"\g<body>", who)
    # "The number of dead confirmed by the prefecture", "the number of deaths IOM has
    # recorded": the figure is no speaker; a body named right after it is
    counted = _NUMBER_OF_DEAD_RE.match(who)
    if counted is not None:
        who = counted.group("rest")
        if not who[:1].isupper():
            return None
    who = _SIZE_LEFT_RE.sub("", who)  # "Doctors at the 200-bed hospital": "bed" is no word of it
    # "according to the Polisario statement": the body whose statement it is
    if re.search(r"\b[A-Z]", who):
        who = _ITS_PAPER_RE.sub("", who)
    if (
        not who
        or who.split()[0].lower() in _PRONOUNS
        or any(ch.isdigit() for ch in without_name_numbers(who))
    ):
        return None
    if who.split()[0].lower() in _FUNCTION_WORDS:
        return None  # "on Thursday", "As Ukrinform reported", "and officials say"
    acted = _ACTED_AND_RE.match(who)
    if acted is not None:  # "Police recovered eight bodies and say ...": the police
        who = acted.group("who")
    if who.split()[-1].lower() in _DANGLING:
        return None
    who = re.sub(  # ("The police had first said": the police)
        r"(?:\s+(?:figures|data|statistics|count|tally|later|also|earlier|initially|previously|"
        r"first|now|again|separately|themselves|had|has|have))+$",
        "",
        who,
    )
    who = re.sub(
        r"['’]s(?:\s+(?:latest|daily|weekly|new|epidemiological|situation|final|first|official|"
        r"provisional|preliminary|own))*"
        # ("the PDMA's daily situation report": its "report" taken off before; "the
        # administration's final figures": its "figures")
        r"(?:\s+(?:records|figures|data|count|tally|statistics|bulletin|report|update|situation))?$",
        "",
        who,
    )
    if who.lower() in _NOT_SOURCES or re.match(r"(?:group|report|organi[sz]ation)'s\b", who):
        return None
    counted = _NUMBER_WORD_RE.match(who.lower())
    if (
        counted is not None
        and _SOURCE_NOUNS_RE.search(who)
        and not who[counted.end() :].startswith(" of ")
    ):
        who = who[counted.end() :].strip()  # "Two military sources told us": military sources
    elif counted is not None:
        return None  # "Six health workers are among the confirmed dead"
    words = who.split()
    first = words[0]
    proper = len(words) > 1 and words[1][:1].isupper()  # "Health Ministry", "State Emergency"
    if not proper and (
        first.lower() in _COMMON_OPENERS or first.lower().startswith(("city", "town"))
    ):
        who = who[0].lower() + who[1:]
    return who
