"""The speaker a sentence names itself: the cascade of patterns that find "Name, role,
said", "the ministry said", "according to X", "..., the governor said." and the like, tried in
a fixed order, each only when its cue stands in the sentence (:mod:`attribution` carries
speakers from sentence to sentence; :mod:`speaker_ends` holds the patterns that open or close
a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tollbook.extract.places import default_gazetteer
from tollbook.extract.source_text import RELATIVE_RE as _RELATIVE_RE
from tollbook.extract.source_text import is_headline, tidy_role, tidy_source, without_name_numbers
from tollbook.extract.speaker_counts import HEARD, NAMED_DEAD, body_count
from tollbook.extract.speaker_ends import (
    ACRONYM_BODY_SAID,
    AND_BODY_SAID,
    BODY_STAFF,
    BY_ROLE_NAME,
    CUE_SAID,
    GAVE_FIGURES,
    GIVEN_BY,
    MID_SAID,
    RAISED_TOLL,
    SUPPORTED_STAFF,
    other_cue,
)
from tollbook.extract.speaker_ends import (
    BODY_APPOSITION_SAID as _BODY_APPOSITION_SAID,
)
from tollbook.extract.speaker_ends import DESCRIBED_BODY_NAMED as _DESCRIBED_BODY_NAMED
from tollbook.extract.speaker_ends import INSTITUTION_SAID as _INSTITUTION_SAID
from tollbook.extract.speaker_ends import LOWER_BODY_SAID as _LOWER_BODY_SAID
from tollbook.extract.speaker_ends import NAME as _NAME
from tollbook.extract.speaker_ends import NAMED_BODY_ACTED as _NAMED_BODY_ACTED
from tollbook.extract.speaker_ends import SAID as _SAID
from tollbook.extract.speaker_ends import SAID_BODY_ROLE_NAME as _SAID_BODY_ROLE_NAME
from tollbook.extract.speaker_ends import SAID_THE_END as _SAID_THE_END
from tollbook.extract.speaker_ends import SUBJECT_SAID as _SUBJECT_SAID
from tollbook.extract.speaker_ends import TRAILING_SAID as _TRAILING_SAID
from tollbook.extract.speaker_ends import TRAILING_SOURCE as _TRAILING_SOURCE
from tollbook.extract.speaker_ends import WHO_ASKED_SAID as _WHO_ASKED_SAID

#: words that open a sentence but no speaker's name ("In", "Officials", "Local")
NOT_FIRST = frozenset(
    """In On At The A An After As But And Since When While During For From Near Outside
    Inside Meanwhile Earlier Later Today Yesterday Last This That Residents Officials
    Rescuers If Of By Local""".split()
)

_NAME_ROLE_SAID = re.compile(
    rf"(?P<who>{_NAME}),\s+(?P<role>[^,\"]{{3,90}}?),\s+(?:has\s+|had\s+|also\s+)?{_SAID}\b"
)

#: the words before a name that make it the end of a longer one: "The Syrian Observatory for
#: [Human Rights], a Britain-based monitor, said", "The Executive Unit for Internally
#: [Displaced Persons], a government body, said" (a day may stand before a person's name)
_NAME_GOES_ON_RE = re.compile(
    r"(?:\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:On|In|At|But|And|The|A|An)\b)[A-Z][\w'’.-]*|"
    r"\b(?:for|of|on|to|and))\s$"
)

_ROLE_COMMA_NAME_SAID = re.compile(
    rf"(?:^|,\s+|\b[Tt]he\s+)(?P<role>(?:[A-Za-z][\w'’-]*\s+){{0,6}}?(?i:governor|mayor|minister|"
    rf"spokes(?:man|woman|person)|chief|head|commander|director|official|prosecutor|president|"
    rf"secretary|coordinator|representative|magistrate|commissioner|emir|chairman|chairwoman|"
    rf"doctor|surgeon|physician|officer|superintendent|administrator)"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[\w' -]{{2,60}}?(?:\s+\([A-Z][\w-]{{1,9}}\))?)?),"
    rf"\s+(?P<who>{_NAME}),\s+(?:has\s+|had\s+|also\s+)?{_SAID}\b"
)

_SAID_NAME_ROLE = re.compile(
    # "told X" names who heard it, not who said it
    rf"\b(?:said|says)\s+(?P<role2>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)\s+(?P<who2>{_NAME})"
    rf"(?=,|\.|\s+(?:on|in|at)\b|$)|"
    # ("said Fatou Jallow, IOM's Chief of Mission": a body's officer, capitalised)
    rf"\b(?!told\b){_SAID}\s+(?P<who>{_NAME})(?:,\s+(?P<role>(?:a|an|the)?\s*"
    rf"(?:[a-z]|[A-Z][\w.-]*['’]s\s)[^,.\"]{{2,90}}))?"
    rf"|\b(?!told\b){_SAID}\s+(?P<who1>[A-Z][\w'-]+),\s+(?P<role1>(?:a|an|the)\s+[a-z][^,.\"]{{2,90}})"
)

_ROLE_NAME_SAID = re.compile(
    rf"(?<![\w,])(?P<role>(?:[A-Za-z][\w'-]+\s+){{0,5}}?(?i:governor|mayor|minister|"
    rf"spokes(?:man|woman|person)|chief|head|commander|director|official|officer|administrator|"
    rf"doctor|surgeon|prosecutor|president|secretary|coordinator|representative|envoy|"
    rf"commissioner|ombudsman|medic|paramedic|magistrate|chairman|chairwoman))\s+"
    rf"(?P<who>{_NAME})\s+(?:has\s+|also\s+)?{_SAID}\b"
)

# A body that speaks: "The Syrian Network for Human Rights (SNHR) documented", "Uganda's
# Ministry of Health on Thursday confirmed", "the UN Human Rights Monitoring Mission in
# Ukraine (HRMMU) verified that".
_BODY_WORDS = (
    r"(?:Mission|Ministry|Office|Agency|Authority|Council|Network|Service|Organi[sz]ation|"
    r"Committees?|Centres?|Centers?|Police|Command|Administration|Watch|International|Forces?|"
    r"Crescent|Cross|Department|Directorate|Commission|Programme|Program|Fund|Observatory|Institute|"
    r"Unit|Tribunal|Corps|Association|Federation|Union|Foundation|Coalition|Alliance|Society|"
    r"Syndicate|Collective|[Pp]roject|"
    r"AFAD|NDRRMC|OCHA|UNICEF|WHO|HRMMU|OHCHR|SNHR|IDF|MSF)"
)

_BODY_SAID = re.compile(
    r"(?:^|(?<=[\s,(]))(?:[Tt]he\s+)?(?P<who>(?:[A-Z][\w'’.-]*\s+|and\s+){0,7}?"
    + _BODY_WORDS
    + r"(?:\s+(?:of|for|in|on|and)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,4})*)"
    r"\s*(?:\([A-Z][\w-]{1,9}\))?\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+|"
    r"on\s+\w+day\s+|in\s+a\s+statement\s+|yesterday\s+|today\s+|now\s+)*"
    r"(?:said|says|say|reported|reports|report|verified|documented|recorded|confirmed|announced|"
    r"finds|found|"
    r"counted|estimated|estimates|put|puts|registered|warned)\b"
)

_ACCORDING_NAME_ROLE = re.compile(
    rf"\b(?i:according)\s+to\s+(?P<who>{_NAME}),\s+(?P<role>(?:a|an|the)?\s*[a-z][^,.;\"]{{2,90}})"
)

# (the stops of "U.N." and "U.S." are no end: "according to the U.N. mission")
_ACCORDING_TO = re.compile(
    r"\b(?i:according)\s+to\s+"
    r"(?P<who>(?:[^,.;:\"]|\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.){3,90})"
)

_NAME_OF_ORG_SAID = re.compile(
    rf"(?<!\band\s)(?P<who>{_NAME}\s+of\s+[A-Z][^:,\"]{{2,60}}?)\s+(?:has\s+|also\s+)?{_SAID}\b"
)

_TITLE_NAME = re.compile(
    r"^(?P<who>(?:Mayor|Governor|President|Minister|Dr|General|Gen|Colonel|Col|Commander|Chief|"
    r"Deputy\s+Mayor|Prime\s+Minister|Health\s+Minister|Spokesman|Spokeswoman)\.?\s+"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
)

# "..., said the Emergency Lawyers group." / "..., said the town's mayor, Maribel Albalat."
_SAID_ROLE_NAME_END = re.compile(
    rf",[\"”]?\s+(?:said|says|added|wrote|reported)\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?P<role>(?:[A-Z][\w-]*['’]s\s+)?[a-z][\w'’ -]{{2,60}}?),\s+(?P<who>{_NAME})\W*$"
)

# "The Emir of Mokwa, Alhaji Muhammadu Aliyu, said", "A survivor, Musa Idris, said:"
# ... also "Another witness, X, said", "But a trader who was there, X, told", "Tanganyika
# province's transport minister, X, said", "The UN peacekeeping mission, MONUSCO, says"
_APPOSITION_SAID = re.compile(
    rf"^\W*(?:(?:But|And)\s+(?:the|a|an|another)|The|A|An|Another|"
    rf"[A-Z][\w-]*(?:\s+[\w-]+){{0,4}}?['’]s)\s+"
    rf"(?P<role>[^,\"\d]{{2,60}}?),\s+(?P<who>{_NAME}|[A-Z]{{3,10}}),\s+"
    rf"(?:has\s+|also\s+|later\s+)?(?:said|says|told|added|wrote|confirmed|announced|estimated|"
    rf"gave\s+an?\s+(?:[a-z]+\s+)?(?:toll|figure|count))\b"
)

_ROLE_WORD_RE = re.compile(
    r"governor|mayor|minister|spokes|chief|head|commander|director|official|doctor|surgeon|"
    r"prosecutor|president|secretary|coordinator|representative|magistrate|envoy|commissioner|ombudsman|medic|"
    r"officer|administrator|emir|chairman|chairwoman"
)

_NOT_A_ROLE = re.compile(
    r"\d|^\s*(?:killing|killed|injuring|injured|wounding|wounded|leaving|including|where|when|"
    r"which|who|and|but|as|after|before|while)\b|\b(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens?|hundreds?)\b"
)

_WITH_ROLE = (GIVEN_BY, _ACCORDING_NAME_ROLE, BY_ROLE_NAME)
#: a place as the subject of "recorded" or "reported": "Nairobi county recorded the most
#: deaths, 611", "Zambézia province has reported 96 cases" (the figures are a body's, named
#: elsewhere; "according to the Qalyubia governorate" keeps its article and is a source)
_PLACE_SUBJECT_RE = re.compile(
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:governorate|province|region|district|county|state)$"
)

# Cheap tests that decide whether the patterns that need them are tried at all.
_COUNT_CUE_RE = re.compile(r"\b(?:count|tally|figures|data|statistics|toll)\s")
_COMMA_SAID_RE = re.compile(r",[\"”]?\s+(?:said|says|added|wrote|reported|announced)\s")

_STAFF_RE = re.compile(r"\b(?:staff|[Tt]eams?|doctors|medics|researchers|volunteers)\b")

# A role word right before a capitalised name: where "role Name said" can start.
_ROLE_BEFORE_NAME_RE = re.compile(
    r"(?i:governor|mayor|minister|spokes(?:man|woman|person)|chief|head|commander|director|"
    r"official|officer|administrator|doctor|surgeon|prosecutor|president|secretary|coordinator|"
    r"representative|envoy|commissioner|ombudsman|medic|paramedic|magistrate|chairman|"
    r"chairwoman)\s+[A-Z]"
)

_VERB_RE = re.compile(
    r"\b(?:"
    + _SAID
    + r"|report|recorded|records|documented|verified|registered|counts|counted|"
    + GAVE_FIGURES
    + r"|"
    + RAISED_TOLL
    + r")\b"
)


def _search_before_verb(pattern: re.Pattern[str], sentence: str) -> re.Match[str] | None:
    """``pattern`` (a source that ends in a said-verb) searched from shortly before the
    first said-verb of the sentence, where the speaker stands, up to the end of the last
    said-verb: every match ends at one, so nothing after it need be read."""
    verbs = [m.span() for m in _VERB_RE.finditer(sentence)]
    if not verbs:
        return None
    return pattern.search(sentence, max(0, verbs[0][0] - 100), verbs[-1][1])


def named_source(sentence: str) -> str | None:
    """The source ``sentence`` names itself, or None. A sentence whose speaker stands apart
    from the verb ("Hamidou, 34, whose name has been changed, said", "A member of a rescue
    group who helped to pull bodies out said", "On Tuesday, the administrator put the toll
    at 52") is read again without the asides."""
    found = _named_source(sentence)
    heading = _ITEM_HEADING_RE.match(sentence) if found is None else None
    if heading is not None:  # "Réunion: The prefecture reported five deaths"
        found = _named_source(sentence[heading.end() :])
    if found is None and _ASIDE_CUE_RE.search(sentence):
        reduced = _without_asides(sentence)
        if reduced != sentence:
            found = _named_source(reduced)
    if found is not None and is_place_only(found):
        after = sentence.find(found) + len(found)
        if _REGION_WORD_RE.search(found) or _COUNTED_AFTER_RE.match(sentence, after):
            # "Masvingo has reported 19 deaths", "Ratnapura District recorded ..." (not
            # "according to Rangel, who said", "Moyo said": a surname may be a town's name)
            return None
    return found


#: the word that makes a place a district or region: "Ratnapura District"
_REGION_WORD_RE = re.compile(
    r"\s+(?:district|province|region|county|state|oblast|governorate|department|prefecture|"
    r"municipality|territory)$",
    re.IGNORECASE,
)


#: what a place "does" with its dead: "has reported", "recorded", "registered"
_COUNTED_AFTER_RE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:reported|recorded|registered|counted|"
    r"accounted|saw|logged)\b"
)


def is_place_only(who: str) -> bool:
    """Whether a speaker found is only a town, district or region ("Masvingo has reported 19
    deaths", "Ratnapura District recorded the highest toll with 12 deaths"): the figure's
    place, not its source (round 50). A country may speak for its state ("Israel says")."""
    name = _REGION_WORD_RE.sub("", who.strip().removeprefix("the ").removeprefix("The "))
    if not name[:1].isupper() or "," in name:
        return False
    place = default_gazetteer().lookup(name)
    return place is not None and not place.is_country


#: an item's heading before its first sentence: "Réunion: ", "MADAGASCAR: "
_ITEM_HEADING_RE = re.compile(r"^\W*[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}\s*:\s+(?=[A-Z])")
#: "Local officials in Tabayin township, in Sagaing region, said": the region the town lies in
_IN_REGION = (
    r",\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?:region|province|state|district|county|township|oblast),(?=\s)"
)
_ASIDE_CUE_RE = re.compile(
    r"\b(?:who|whose|which)\s|^\W*(?:But|And|On\s+\w+day)\b|,\s+\d{1,3},|known\s+as\b|"
    r"\s\([A-Z][a-z]+\)\s+[A-Z]|\d\s+(?:kilometres|kilometers|km|miles)\b|" + _IN_REGION
)
_SPEAKER_VERB = (
    r"(?:has\s+|had\s+|also\s+)?(?:said|says|told|put|puts|gave|estimated|confirmed|added)\b"
)
#: what may stand between a speaker and the verb: an opening "But" or day, an age, a clause
_ASIDES = (
    (re.compile(r"^\W*(?:But|And)\s+"), ""),
    (re.compile(r"^\W*On\s+\w+day(?:\s+(?:morning|afternoon|evening|night))?,\s+"), ""),
    (re.compile(r"(?<=[A-Za-z]),\s+\d{1,3},(?=\s)"), ","),
    (re.compile(_IN_REGION), ""),
    # "A doctor at the hospital in Ségou, 90 kilometres away, said": where it lies
    (
        re.compile(
            r",\s+(?:about\s+|some\s+)?\d[\d,.]*\s+(?:kilometres|kilometers|km|miles)\s+"
            r"[^,;:\"\d]{2,40}?,(?=\s)"
        ),
        "",
    ),
    (re.compile(r",\s+(?:also\s+)?known\s+as\s+[^,;:]{2,60},"), ""),  # "..., also known as X,"
    # "Fire Service Director (Operations) Lt Col Tanvir Hossain said": the post's branch
    (re.compile(r"\s+\([A-Z][a-z]+(?:\s+[A-Za-z]+){0,2}\)(?=\s+[A-Z])"), ""),
    (re.compile(rf",\s+(?:who|whose|which)\s+[^,;:\"]{{3,160}}?,(?=\s+{_SPEAKER_VERB})"), ""),
    (re.compile(rf"\s+who\s+[a-z][^,;:\"]{{3,100}}?(?=\s+{_SPEAKER_VERB})"), ""),
)


def _without_asides(sentence: str) -> str:
    for pattern, by in _ASIDES:
        sentence = pattern.sub(by, sentence, count=1)
    return sentence


def _named_source(sentence: str) -> str | None:
    said = CUE_SAID.search(sentence)
    if said is None and not other_cue(sentence):
        return None
    lower = sentence.lower()
    comma_said = _COMMA_SAID_RE.search(sentence) is not None
    if said is not None:
        found = _named_with_said_verb(sentence, lower, said.start(), comma_said)
        if found is not None:
            return found
    return _named_otherwise(sentence, lower, comma_said)


def _named_with_said_verb(sentence: str, lower: str, said_at: int, comma_said: bool) -> str | None:
    """The speaker by the patterns that end in (or open with) a said-verb: a sentence
    without one (``said_at``: where the first stands) is not searched with them."""
    patterns = [_SAID_BODY_ROLE_NAME, _SAID_NAME_ROLE]
    if ", " in sentence:
        patterns[:0] = [_APPOSITION_SAID, _ROLE_COMMA_NAME_SAID, _NAME_ROLE_SAID]
        if comma_said:
            patterns.insert(1, _SAID_ROLE_NAME_END)
    role_at = 0
    role_word = _ROLE_WORD_RE.search(lower)
    if role_word is not None:
        # a role pattern's match starts at most 4 characters before a role word ("medic" in
        # "paramedic"); an ASCII sentence's lower case keeps every position
        named_role = _ROLE_BEFORE_NAME_RE.search(
            sentence, max(0, role_word.start() - 4) if sentence.isascii() else 0
        )
        if named_role is not None:  # the pattern is tried only from near its role word
            patterns.append(_ROLE_NAME_SAID)
            role_at = max(0, named_role.start() - 80)
    if " of " in sentence:
        patterns.append(_NAME_OF_ORG_SAID)
    if " by " in sentence:  # "reported by the head of X, Name,"
        patterns.append(BY_ROLE_NAME)
    for pattern in patterns:
        # a match of ``_SAID_NAME_ROLE`` opens with a said-verb, so none before the first
        start = {
            _SAID_NAME_ROLE: said_at,
            _SAID_BODY_ROLE_NAME: said_at,
            _ROLE_NAME_SAID: role_at,
        }.get(pattern, 0)
        for m in pattern.finditer(sentence, start):
            groups = m.groupdict()
            who = (groups.get("who") or groups.get("who1") or groups.get("who2") or "").rstrip(".")
            if not who or who.split()[0] in NOT_FIRST:
                continue
            if pattern is _NAME_ROLE_SAID and _NAME_GOES_ON_RE.search(sentence, 0, m.start()):
                continue  # "The Syrian Observatory for Human Rights, a ... monitor, said"
            role = groups.get("role") or groups.get("role1") or groups.get("role2")
            if role and pattern is _SAID_NAME_ROLE:  # "said Name, a farmer who lost two sons"
                role = _RELATIVE_RE.split(role)[0]
                role = None if _NOT_A_ROLE.search(without_name_numbers(role)) else role
            # "the spokesman for the Sokola 1 operations, Lt X, said", "X, spokesman of
            # Rescue 1122, said": a unit's number is no figure
            if role and _NOT_A_ROLE.search(without_name_numbers(role)):
                continue  # "west of Khan Younis, killed at least 84 ..., according to"
            role = tidy_role(role) if role else None
            return f"{who}, {role}" if role else who
    return None


def _named_otherwise(sentence: str, lower: str, comma_said: bool) -> str | None:
    """The speaker by the patterns tried after those of :func:`_named_with_said_verb`."""
    tries: list[Callable[[], re.Match[str] | None]] = []
    if sentence.rstrip(" .\"'").endswith(")"):
        tries.append(lambda: _TRAILING_SOURCE.search(sentence))
    if "according" in lower:
        tries.append(lambda: _ACCORDING_NAME_ROLE.search(sentence))
        tries.append(lambda: _ACCORDING_TO.search(sentence))
    tries += [
        lambda: _TRAILING_SAID.search(sentence),
        lambda: MID_SAID.search(sentence),
        lambda: _SAID_THE_END.search(sentence) if comma_said else None,
        lambda: _staff(sentence) if _STAFF_RE.search(sentence) else None,
        lambda: _LOWER_BODY_SAID.search(sentence) if ") " in sentence else None,
        lambda: _search_before_verb(_INSTITUTION_SAID, sentence),
        lambda: _BODY_SAID.search(sentence),
        lambda: ACRONYM_BODY_SAID.match(sentence) if ") " in sentence else None,
        lambda: _TITLE_NAME.match(sentence),
        lambda: body_count(sentence) if _COUNT_CUE_RE.search(sentence) else None,
        lambda: _SUBJECT_SAID.match(sentence),
        lambda: AND_BODY_SAID.search(sentence) if ", and " in sentence else None,
        lambda: _NAMED_BODY_ACTED.match(sentence),
    ]
    if "heard" in sentence or "ourt " in sentence or " jury " in sentence:
        tries.append(lambda: HEARD.search(sentence))
    if " name" in sentence:
        tries.append(lambda: NAMED_DEAD.search(sentence))
    if ", who " in sentence or ", where " in sentence or ", which " in sentence:
        tries.append(lambda: _WHO_ASKED_SAID.match(sentence))
    if sentence.count(", ") >= 2:
        tries.insert(0, lambda: _BODY_APPOSITION_SAID.search(sentence))
    if ", the " in sentence or ", The " in sentence:
        tries.insert(0, lambda: _DESCRIBED_BODY_NAMED.search(sentence))
    if " by " in sentence:  # "given by the ministry's spokesman, Name", "given by Name"
        tries.append(lambda: BY_ROLE_NAME.search(sentence))
        tries.append(lambda: GIVEN_BY.search(sentence))
    for attempt in tries:  # in order, each tried only if those before found nothing
        found = attempt()
        if found is not None and _PLACE_SUBJECT_RE.match(found.group("who")):
            continue  # "Homs governorate recorded the most deaths": a place, no speaker
        if found is not None and found.group(0).endswith("counts") and is_headline(sentence):
            continue  # "UN counts 5,912 killed ...": the body the lead names in full
        if found is not None:
            who = tidy_source(_whole_subject(sentence, found))
            role = found.groupdict().get("role")
            role = tidy_source(role) if role and found.re in _WITH_ROLE else None
            if who:
                return f"{who}, {role}" if role else who
    return None


def _staff(sentence: str) -> re.Match[str] | None:
    """A body by its staff: "MSF staff at Nasser hospital received", "Medical teams supported
    by CareBridge International treated"."""
    return BODY_STAFF.search(sentence) or SUPPORTED_STAFF.search(sentence)


#: a body told by what it does before the name it belongs to: "The forensic medicine
#: directorate of [the Public Ministry] says", "The University of [Mississippi Medical
#: Center] in Jackson said"
_DESCRIBED_BEFORE_RE = re.compile(r"^\W*(?:[Tt]he\s+)?(?:[A-Za-z][\w'’-]*\s+){1,5}$")


def _whole_subject(sentence: str, found: re.Match[str]) -> str:
    """The speaker ``found`` names, with the words that open the sentence before an "of"
    that begins it (a pattern that stops at a body's word finds only the end)."""
    who = found.group("who")
    if not who.startswith(("of ", "for ")):
        return who
    before = sentence[: found.start("who")]
    return before + who if _DESCRIBED_BEFORE_RE.match(before) else who
