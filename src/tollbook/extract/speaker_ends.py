"""Speakers that open or close their sentence: "The ministry said ...", "The X, a local
group, said ...", "..., the regional governor said." (patterns of :mod:`attribution`)."""

from __future__ import annotations

import re

#: "X gave the figures / the toll": a speaker's verb, in these patterns and attribution's
GAVE_FIGURES = (
    r"gave\s+(?:the\s+|these\s+|those\s+|a\s+(?:(?:higher|lower|new|different|revised|"
    r"provisional|separate|final|first|preliminary)\s+)?)?(?:figures?|toll|numbers?)"
)
#: "Civil Protection has just raised the toll", "the ministry had given a toll of 21": a
#: body's verb in :data:`INSTITUTION_SAID` only (an event "raised the toll" too)
RAISED_TOLL = (
    r"(?:given|raised|revised|updated)\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:(?:provisional|preliminary|new|revised|higher|lower|first|death)\s+)*"
    r"(?:figures?|toll|numbers?)"
)

#: the verbs of saying a source stands before or after
SAID = (
    r"(?:said|say|says|told|added|adds|stated|wrote|announced|confirmed|reported|reports|"
    r"estimated|estimates|estimate|believe|believes|warned|explained|tweeted|posted|noted|"
    r"according|put|puts|fears|fear)"
)

#: a person's name: two to four capitalised words ("Oleh Kiper", "Ahmed bin Salem")
# (a rank before it: "Lieutenant Colonel Jomar Tabao Lidasan")
NAME = (
    r"(?:(?:Lieutenant|Colonel|Major|General|Captain|Sergeant|Brigadier|Inspector|"
    r"Superintendent)\s+){0,2}[A-Z][\w'.-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w'.-]+){1,3}"
)

# "said Pahang Fire and Rescue Department director Mohd Razif Hamzah": a body's officer
# named after the said-verb, the body and the role before the name
SAID_BODY_ROLE_NAME = re.compile(
    rf"\b(?!told\b){SAID}\s+(?:the\s+)?(?P<role>(?:[A-Z][\w'’-]+\s+(?:and\s+|of\s+)?){{1,6}}"
    r"(?:director|chief|commander|head|spokes(?:man|woman|person)|coroner|superintendent|"
    r"commissioner|officer|secretary|administrator|governor|mayor|minister)(?:\s+general)?)"
    rf"\s+(?P<who>{NAME})"
)
# "Médecins Sans Frontières (MSF) staff at Nasser hospital received 54 wounded"
BODY_STAFF = re.compile(
    # (not "Search teams recovered", "Rescue teams said": what the teams do, not whose)
    r"(?!(?:Search|Rescue|Medical|Emergency|Relief|Recovery|Forensic|Health|Aid|Diving|Local|"
    r"Hospital|Mortuary|Burial|Police)\s+(?:staff|teams?|doctors|medics|volunteers)\b)"
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:(?:the|of|for|and)\s+)?[A-Z][\w'’.-]*){0,5})\s+"
    r"(?:\([A-Z]{2,8}\)\s+)?"
    r"(?:staff|teams?|doctors|medics|researchers|volunteers)\s+"
    r"(?:(?:at|in)\s+[^,\d]{2,40}?(?:,\s+[A-Z][^,\d]{2,30}?)?,?\s+)?"
    r"(?:said|received|treated|counted|recorded|reported|saw|recovered|retrieved|buried)\b"
)
# "Medical teams supported by CareBridge International treated 73 people", "Teams supported
# by Médecins Sans Frontières (MSF) at the Saudi hospital ... received 187 wounded"
SUPPORTED_STAFF = re.compile(
    r"\b(?:[Mm]edical\s+)?[Tt]eams\s+supported\s+by\s+(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|"
    r"of|for|the|and|du|de|des|la|[Ss]ans))*(?:\s+\([A-Z][A-Za-z]{1,8}\))?)\s+"
    r"(?:(?:at|in)\s+[^\d]{2,80}?\s+)?(?:received|treated|counted|recorded|saw)\b"
)
#: "a toll given by X", "reported by Name, a doctor"
GIVEN_BY = re.compile(
    rf"\b(?:reported|given|provided|released|published|announced|confirmed|stated|issued)"
    rf"(?:\s+on\s+\w+day)?\s+by\s+"
    rf"(?:the\s+)?(?P<who>{NAME}|[A-Z][\w'-]+)(?:,\s+(?P<role>(?:a|an|the)?\s*[a-z][^,.\"]{{2,90}}))?"
)
#: "This was reported by the head of the regional administration, Serhii Horbenko, on ..."
BY_ROLE_NAME = re.compile(
    r"\b(?:reported|announced|stated|confirmed|given|published)\s+by\s+(?:the\s+)?"
    r"(?P<role>(?:[\w'’-]+\s+){0,4}?(?:governor|mayor|minister|spokes(?:man|woman|person)|"
    r"chief|head|commander|director|official|prosecutor|president|secretary|coordinator|"
    r"commissioner|administrator|magistrate|officer)"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[^,\d]{{2,70}}?)?),\s+(?P<who>{NAME})(?=,|\.|\s+on\b|$)"
)
#: "The health ministry said", "UN officials reported": a body or group named by its kind
INSTITUTION_SAID = re.compile(
    # (an acronym before the words: "UN human rights monitoring mission")
    # (not "whose volunteers", "drawn from hospital records": no body's words)
    r"(?<![\w'])(?P<who>(?:[A-Z]{2,6}\s+)?(?:(?!(?:that|whose|drawn|from)\s)[A-Za-z][\w'.-]*\s+){0,3}"
    r"(?:(?i:ministry|officials?|authorities|mayor|governor|police|army|military|"
    r"spokes(?:man|woman|person)|council|administration|prosecutors?|agency|services?|"
    r"doctors?|medics|witnesses|president|minister|commander|chief|head|director|"
    r"coroner|red\s+cross|red\s+crescent|amnesty\s+international|human\s+rights\s+watch|"
    r"mission|monitors|rescuers|hospital|morgue|department|office|kremlin|government|villagers|"
    r"residents|staff|survivors|relatives|activists|volunteers|fishermen|researchers|locals|"
    r"group|partners|coast\s+guard|civil\s+protection|civil\s+defen[cs]e|navy|cent(?:re|er)|"
    r"committee|commission|directorate|bureau|authority|secretariat|command|institute|"
    r"inspectorate)"
    # ("the public prosecutor's office in Čačak": a town's capital need not be ASCII)
    r"|UN|[A-Z]{3,8})(?:\s+in\s+[A-ZÀ-ÞČĆŠŽĐŁŚŹŻŐŰİŞĞ][\w'-]+(?:\s+[A-Z][\w'-]+)?)?)"
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+|now\s+|just\s+)*(?:" + SAID + r"|report|"
    # ("drawn from hospital records.": a noun at the end, not a verb)
    r"recorded|records(?=\s+[\w\"“])|documented|verified|registered|counts|counted|"
    + GAVE_FIGURES
    + r"|"
    + RAISED_TOLL
    + r")\b"
)

#: "the national disaster management institute (INGD) said": a body named in lower case,
#: with its acronym (a name in capitals with its acronym is read whole elsewhere)
LOWER_BODY_SAID = re.compile(
    r"(?<![\w'])(?P<who>the\s+(?:[a-z][\w'-]*\s+){0,4}(?:institute|agency|authority|council|"
    r"commission|cent(?:re|er)|directorate|office|service|committee|department|ministry|unit)"
    r"\s+\([A-Z][\w-]{1,9}\))\s+(?:has\s+|had\s+|also\s+)*(?:" + SAID + r"|reported)\b"
)

#: a body named in full with its acronym as the sentence's subject, however long its name
#: ("The Bureau National de Gestion des Risques et des Catastrophes (BNGRC) reports 33
#: deaths")
ACRONYM_BODY_SAID = re.compile(
    r"^\W*(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,10}?\s+\([A-Z]{2,9}\))\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+)?(?:reports|reported|says|said|recorded|records|"
    r"confirmed|counted|registered|documented)\b"
)
# "X gave a higher toll": another source's figure follows, the line does not attribute the
# one before it
OTHER_TOLL_RE = re.compile(r"\bgave\s+a\s+(?:higher|lower|different|separate|new)\b")

#: a body that said, after ", and": "rescuers had found two more bodies, and the regional
#: administration said the toll had risen to five"
AND_BODY_SAID = re.compile(
    r",\s+and\s+(?P<who>(?:the|a)\s+(?:[a-z][\w'’-]*\s+){0,4}?(?:administration|office|ministry|"
    r"police|council|service|agency|authorities|officials|department|army|military|government|"
    r"governor|mayor|spokes(?:man|woman|person)|commission|mission|directorate))\s+"
    r"(?:said|says|reported|announced|confirmed)\b"
)
SUBJECT_SAID = re.compile(
    # ("At Zinder's national hospital, a doctor on the paediatric ward said 31 ...")
    r"^\W*(?:(?:At|In)\s+[^,\d]{2,50},\s+(?=(?:a|an|the)\s+[a-z]))?"
    r"(?P<who>(?:[A-Z][\w'’.-]*|(?:a|an|the)(?=\s+[a-z]))(?:\s+(?!said\b|says\b|say\b)[\w'’.-]+){0,6}?"
    r"(?:\s+\([A-Z][\w-]{1,9}\))?)\s+"  # "Médecins Sans Frontières (MSF) said"
    # "has said", "also said", "has since said", "had earlier put"
    r"(?:(?:has|have|had)\s+)?(?:(?:also|since|now|later|earlier|previously|already)\s+)?"
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"  # "was confirmed by": passive
    r"(?:said|says|say|told|report|reports|reported|"
    r"confirmed|confirms|announced|announces|estimates|estimated|estimate|saw|counted|put|puts|"
    # "The Fiji Times is reporting 12 deaths"
    r"(?:is|are)\s+(?:now\s+)?reporting|condemns|"
    # "Sudan's Federal Ministry of Health has given a figure of 23,100"
    r"given\s+(?:a|the)\s+(?:[a-z]+\s+)?(?:figure|toll|count)|condemned|deplores|deplored|is\s+appalled|is\s+alarmed|"
    # "Village chiefs fear the real number could be close to 30", "NEMA figures show"
    r"fear|fears|feared|believe|believes|believed|show|shows|showed|"
    r"records|recorded|documented|verified|registered|" + GAVE_FIGURES + r"|"
    # "The Kharkiv Regional Prosecutor's Office has opened a pre-trial investigation into a
    # strike ... which killed four people": the body that investigates gives the figure
    r"(?:opened|launched)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:investigation|case|inquiry))\b"
)
# "CONRED recalls that the landslide ... killed about 280", "The Volunteer Firefighters
# recovered three bodies", "El Obeid Teaching Hospital received 48 of the injured": a body by
# its name (two capitalised words or an acronym), and what it did with the dead
NAMED_BODY_ACTED = re.compile(
    r"^\W*(?:The\s+)?(?P<who>(?:[A-Z]{3,}|[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the))?"
    r"(?:\s+[A-Z][\w'’.-]*)+)(?:\s+\([A-Z][\w-]{1,9}\))?)\s+(?:has\s+|had\s+|also\s+)?"
    r"(?:recalls|recalled|received|recovered|retrieved|found|pulled|buried)\b"
)
# "The Kenya National Commission on Human Rights (KNCHR), a state-funded body, has recorded",
# "The Mbandaka youth council, a local civil society group, said", "The Donetsk regional
# police, who keep their own list, gave": a body, what it is, and what it said
BODY_APPOSITION_SAID = re.compile(
    r"(?:^\W*|,\s+)(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,9}?"
    r"(?:\s+\([A-Z][\w-]{1,9}\))?),\s+"
    # ("The Ombudsman's Office, which sent teams to 19 villages, counts 64 dead": a
    # relative clause may hold a number)
    r"(?:(?:who|whose|which)\s+[^,]{3,80}|"
    # ("The Kivu Security Tracker, run by researchers ..., recorded")
    r"(?:a|an|the|[a-z][\w-]*['’]s|[a-z]+ed|run|led|set\s+up|speaking|"
    # "The government, in a statement read on national television on Monday, put the toll"
    r"in\s+(?:a|an|its)(?=\s+(?:statement|communiqu|release|bulletin|update)))\s+[^,\d]{3,80}),\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|recorded|records|documented|verified|"
    # round 20: "MSF, which supports the unit, estimates that", "JNIM, al-Qaeda's affiliate
    # in the Sahel, claimed the attack"
    r"gave|reported|confirmed|estimated|estimates|claimed|claims|counted|counts|registered|put|puts|"
    r"is\s+(?:alarmed|appalled|concerned)|condemns|condemned)\b"
)
# "A local rights group, the Cauca Peasant Network, said", "according to the group, the
# Artibonite Citizens' Watch": a body told by what it is, then named
DESCRIBED_BODY_NAMED = re.compile(
    # ("A Haitian rights group, the Citizen Network for Justice (RCJ), says")
    r"(?:^\W*|,\s+|\baccording\s+to\s+)(?:[Aa]n?|[Tt]he)\s+(?:[A-Za-z][\w'’-]*\s+){0,4}?"
    r"(?:group|union|federation|network|organi[sz]ation|coalition|association|monitor|charity|"
    r"body|alliance|observatory|committee),\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,8}?(?:\s+\([A-Z][\w-]{1,9}\))?)"
    r"(?:,\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|reported|counted|recorded|"
    r"documented|estimated|estimates|gave|put)\b|\s*[.;]|,\s+(?!the\b|a\b|an\b|which\b|who\b))"
)
WHO_ASKED_SAID = re.compile(
    r"^\W*(?P<who>(?:(?:A|An|The)\s+[a-z]|[A-Z])[\w' -]{2,60}?),\s+(?:who|where|which)\s+"
    r"[^,]{3,60},\s+(?:said|told)\b"
)
# "Eight people died there, Shevchuk said, including a mother and her two sons": a name
# between commas, said, and the sentence goes on about the figure
MID_SAID = re.compile(
    # (and "More than 60 were injured, local sources said, and ...": a group by its kind)
    r",[\"”]?\s+(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}|(?:[a-z]+\s+)?(?:sources|"
    r"officials|police|witnesses|residents|medics|rescuers|authorities))\s+"
    r"(?:said|says|told\s+[A-Z]\w+),\s+"
    r"(?:including|adding|among\s+them|most\s+of|many\s+of|some\s+of|all\s+of|with|and|but)\b"
)
# ", said the regional governor.", "..., said the district medical officer, whose team ..."
SAID_THE_END = re.compile(
    r",[\"”]?\s+(?:said|says|added|reported|announced)\s+(?:the\s+)?(?P<who>[A-Za-z][^,\"\d]{2,70}?)"
    r"(?:\s+(?:on|in)\s+(?:a\s+statement|\w+day(?:\s+(?:morning|afternoon|evening|night))?))?"
    r"(?:,\s+(?:whose|who|which)\s[^\"]*)?\W*$"
)
TRAILING_SAID = re.compile(
    r",[\"”]?\s+(?P<who>(?!(?:have|has|had)\s+been\b|(?:were|was|are|is)\b)[^,\"\d]{3,80}?)\s+"
    r"(?:has\s+|had\s+)?(?:said|says|reported|added|announced|shows|showed|"
    # ("..., Human Rights Watch found at the time.")
    r"confirmed|wrote|told|found(?=\s+at\s+the\s+time\b|\W*$))(?:\s+(?:the\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|reporters|"
    r"journalists|the\s+group|(?:local|state|national)\s+(?:radio|television|tv|media))"
    # "families told Red Cross volunteers", "a doctor told AFP reporters"
    r"(?:\s+(?:volunteers|reporters|journalists|investigators|officials|staff|workers))?)?"
    # "said Thursday morning", "said on Monday", "said late on Friday"
    r"(?:\s+(?:on|in|at|by|from|during|after|late|early|this|last|today|yesterday|"
    r"morning|afternoon|evening|night)\b[^,\"\d]{0,50})?"
    # ("Luni said on Thursday, adding that the toll could rise to 13.")
    r"(?:,\s+(?:asking|speaking|citing|without)\b[^\"\d]{0,80}|,\s+adding\s+that\s[^\"]{0,100}|"
    # ("..., the inspectorate said, a figure that does not include the Abrud dead.", "...,
    # the agency said, up from 30 a week earlier.")
    r",\s+(?:a|the)\s+(?:figure|toll|number|count|tally|total)\s+(?:that|which)\s[^\"]{0,120}|"
    r",\s+(?:up|down)\s+from\s[^\"]{0,80})?"
    r"(?:\W*$|\s*;\s)"
)


#: "... (Kharkiv regional administration).": a source in a parenthesis closing the sentence
TRAILING_SOURCE = re.compile(
    r"\((?P<who>[^()]{0,60}?(?:administration|police|ministry|authorit\w*|service|council|governor|"
    r"army|military|office|department|agency|command|hospital|mission|un|ocha|who))\)\W*$",
    re.IGNORECASE,
)


# Whether a sentence may name a source at all: any of these four finds something. (Four
# tests, each tried only if those before found nothing, instead of one alternation of them:
# the said-verbs open with no ``\b``, so the most common case is found fast, and the whole
# test takes about half the time of the single pattern; the answer is the same.)
_CUE_TRAILING_PAREN = re.compile(r"\)\W*$")
CUE_SAID = re.compile(SAID + r"\b")
_CUE_VERB = re.compile(
    r"\b(?:verified|documented|recorded|records|registered|counted|counts|"
    r"confirms|announces|condemn\w*|deplore\w*|appalled|alarmed|"
    r"given\s+by|staff|teams|opened|launched|(?:figures|data|bulletin|statistics)\s+show(?:s|ed)?|claimed|claims|"
    r"recalls|recalled|received|recovered|retrieved|(?:is|are)\s+(?:now\s+)?reporting|"
    r"supported\s+by|" + GAVE_FIGURES + r"|" + RAISED_TOLL + r")\b|"
    r"\b(?:partners|groups?|officials|agencies|organi[sz]ations|authorities|sources)\s+report\b|"
    # an eyewitness: "An AFP journalist saw at least 15 bodies"
    r"\b(?:journalists?|reporters?|correspondents?|photographers?|witness(?:es)?|residents?|"
    r"doctors?|nurses?|volunteers?|rescuers?)\s+(?:also\s+)?saw\b|"
    # a body's own count, a court's hearing (:mod:`speaker_counts`)
    r"['’]s\s+(?:[a-z]+\s+)?(?:count|tally|figures)\b|\bfigures\s+(?:released|published)\b|"
    r"\b(?:heard|was\s+told)\b|\bfound\s+at\s+the\s+time\b|,\s+[A-Z][^,]{2,60}\s+found\W*$|"
    r"\b[Cc]ourt\s+(?:on\s+\w+day\s+)?(?:accepted|found|ruled|convicted|sentenced)\b|"
    r"\b(?:journalists|activists|researchers|monitors|volunteers|network|group)\s+"
    r"(?:has\s+|have\s+)?names?d?\s"
)
_CUE_OPENING = re.compile(
    r"^\W*(?:According\b|Mayor|Governor|President|Minister|Dr|General|Gen|Colonel|Col|Commander|"
    r"Chief|Deputy|Prime|Health|Spokes)"
)


def any_cue(sentence: str) -> bool:
    """Whether ``sentence`` holds a said-verb, a verb of counting, an opening "According" or
    title, or ends in a parenthesis: without one it names no source."""
    return CUE_SAID.search(sentence) is not None or other_cue(sentence)


def other_cue(sentence: str) -> bool:
    """The cues of :func:`any_cue` other than a said-verb."""
    return bool(
        _CUE_VERB.search(sentence)
        or _CUE_OPENING.match(sentence)
        or (")" in sentence and _CUE_TRAILING_PAREN.search(sentence))
    )
