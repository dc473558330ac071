"""Who said a figure: named speakers with roles, institutions, "according to", pronouns.

A sentence that opens a quote without naming its speaker inherits the speaker of the
quote chain before it ("He added: ..." then "“I mean it's three to four times more”").
"""

from __future__ import annotations

import re

_SAID = (
    r"(?:said|say|says|told|added|adds|stated|wrote|announced|confirmed|reported|reports|"
    r"estimated|estimates|estimate|believe|believes|warned|explained|tweeted|posted|noted|"
    r"according)"
)
_NAME = r"[A-Z][\w'.-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w'.-]+){1,3}"
_NOT_FIRST = frozenset(
    """In On At The A An After As But And Since When While During For From Near Outside
    Inside Meanwhile Earlier Later Today Yesterday Last This That Residents Officials
    Rescuers If Of By Local""".split()
)
_NAME_ROLE_SAID = re.compile(
    rf"(?P<who>{_NAME}),\s+(?P<role>[^,\"]{{3,90}}?),\s+(?:has\s+|had\s+|also\s+)?{_SAID}\b"
)
_SAID_NAME_ROLE = re.compile(
    rf"\b{_SAID}\s+(?P<who>{_NAME})(?:,\s+(?P<role>(?:a|an|the)?\s*[a-z][^,.\"]{{2,90}}))?"
    rf"|\b{_SAID}\s+(?P<who1>[A-Z][\w'-]+),\s+(?P<role1>(?:a|an|the)\s+[a-z][^,.\"]{{2,90}})"
)
_ROLE_NAME_SAID = re.compile(
    rf"(?<![\w,])(?P<role>(?:[a-z][\w'-]+\s+){{1,3}}?(?:governor|mayor|minister|spokes(?:man|woman|person)|"
    rf"chief|head|commander|director|official|doctor|surgeon|prosecutor|president|secretary|"
    rf"coordinator|representative|envoy|commissioner|ombudsman|medic|paramedic))\s+"
    rf"(?P<who>{_NAME})\s+(?:has\s+|also\s+)?{_SAID}\b"
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:\"]{3,90})")
_INSTITUTION_SAID = re.compile(
    r"(?<![\w'])(?P<who>(?:[A-Za-z][\w'.-]*\s+){0,3}"
    r"(?:(?i:ministry|officials?|authorities|mayor|governor|police|army|military|"
    r"spokes(?:man|woman|person)|council|administration|prosecutors?|agency|services?|"
    r"doctors?|medics|witnesses|president|minister|commander|chief|head|director|"
    r"coroner|red\s+cross|red\s+crescent|amnesty\s+international|human\s+rights\s+watch|"
    r"mission|monitors|rescuers|hospital|morgue|department|office|kremlin|government)"
    r"|UN|OCHA|WHO|UNICEF|ICRC|MSF|IDF|UNHCR|OHCHR|HRMMU))"
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+)?" + _SAID + r"\b"
)
_NAME_OF_ORG_SAID = re.compile(
    rf"(?P<who>{_NAME}\s+of\s+[A-Z][^:,\"]{{2,60}}?)\s+(?:has\s+|also\s+)?{_SAID}\b"
)
_TITLE_NAME = re.compile(
    r"^(?P<who>(?:Mayor|Governor|President|Minister|Dr|General|Gen|Colonel|Col|Commander|Chief|"
    r"Deputy\s+Mayor|Prime\s+Minister|Health\s+Minister|Spokesman|Spokeswoman)\.?\s+"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
)
_PRONOUN = re.compile(  # over lower-cased text
    rf"\b(?:he|she|they|it)\s+(?:also\s+)?{_SAID}\b|\b{_SAID}\s+(?:he|she|it)\b"
)
_SUBJECT_SAID = re.compile(
    r"^\W*(?P<who>(?:[A-Z][\w'’.-]*)(?:\s+(?!said\b|says\b|say\b)[\w'’.-]+){0,6}?)\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|say|told|report|reports|reported|"
    r"confirmed|announced|estimates|estimated|saw|counted)\b"
)
_TRAILING_SAID = re.compile(
    r",\s+(?P<who>[^,\"]{3,80}?)\s+(?:has\s+|had\s+)?(?:said|says|reported|added|announced|"
    r"confirmed)(?:\s+on\s+\w+|\s+in\s+a\s+statement)?\W*$"
)
_COMMON_OPENERS = frozenset(
    """officials residents witnesses rescuers doctors medics police authorities hospital
    volunteers survivors relatives families locals villagers activists monitors paramedics
    humanitarian health local regional city state military the a an one two""".split()
)
_PRONOUNS = frozenset("he she it they we i you this that there".split())


class Speakers:
    """Who speaks in each sentence of a report, worked out only for the sentences asked about.

    A sentence names its source, or says "he said" (the last source named before it), or
    opens a quote that goes on from a sentence with a source; otherwise it has none.
    """

    def __init__(self, sentences: list[str]) -> None:
        self._sentences = sentences
        self._named: dict[int, str | None] = {}

    def source(self, index: int) -> str | None:
        """The source of the figures of sentence ``index``."""
        named = self._named_source(index)
        if named is not None:
            return named
        if _PRONOUN.search(self._sentences[index].lower()):
            return self._last_named_before(index)
        if self._sentences[index].lstrip().startswith('"'):
            return self._chain_before(index)
        return None

    def _named_source(self, index: int) -> str | None:
        if index not in self._named:
            self._named[index] = _named_source(self._sentences[index])
        return self._named[index]

    def _last_named_before(self, index: int) -> str | None:
        for i in range(index - 1, -1, -1):
            named = self._named_source(i)
            if named is not None:
                return named
        return None

    def _chain_before(self, index: int) -> str | None:
        """The source a quote continues: that of the sentence before, if it had one."""
        i = index - 1
        while i >= 0:
            named = self._named_source(i)
            if named is not None:
                return named
            if _PRONOUN.search(self._sentences[i].lower()):
                return self._last_named_before(i)
            if not self._sentences[i].lstrip().startswith('"'):
                return None
            i -= 1
        return None


_TRAILING_SOURCE = re.compile(
    r"\((?P<who>[^()]{0,60}?(?:administration|police|ministry|authorit\w*|service|council|governor|"
    r"army|military|office|department|agency|command|hospital|mission|un|ocha|who))\)\W*$",
    re.IGNORECASE,
)
_ROLE_WORD_RE = re.compile(
    r"governor|mayor|minister|spokes|chief|head|commander|director|official|doctor|surgeon|"
    r"prosecutor|president|secretary|coordinator|representative|envoy|commissioner|ombudsman|medic"
)
_ANY_CUE = re.compile(
    r"\)\W*$|"
    + _SAID
    + r"\b|^\W*(?:Mayor|Governor|President|Minister|Dr|General|Gen|Colonel|Col|Commander|"
    r"Chief|Deputy|Prime|Health|Spokes)"
)


def _named_source(sentence: str) -> str | None:
    if not _ANY_CUE.search(sentence):
        return None
    lower = sentence.lower()
    patterns = [_SAID_NAME_ROLE]
    if ", " in sentence:
        patterns.insert(0, _NAME_ROLE_SAID)
    if _ROLE_WORD_RE.search(lower):
        patterns.append(_ROLE_NAME_SAID)
    if " of " in sentence:
        patterns.append(_NAME_OF_ORG_SAID)
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            groups = m.groupdict()
            who = groups.get("who") or groups.get("who1") or ""
            if not who or who.split()[0] in _NOT_FIRST:
                continue
            role = groups.get("role") or groups.get("role1")
            role = tidy_source(role) if role else None
            return f"{who}, {role}" if role else who
    for found in (
        _TRAILING_SOURCE.search(sentence) if sentence.rstrip(" .\"'").endswith(")") else None,
        _ACCORDING_TO.search(sentence) if "according" in lower else None,
        _TRAILING_SAID.search(sentence),
        _INSTITUTION_SAID.search(sentence),
        _TITLE_NAME.match(sentence),
        _SUBJECT_SAID.match(sentence),
    ):
        if found is not None:
            who = tidy_source(found.group("who"))
            if who:
                return who
    return None


def tidy_source(who: str) -> str | None:
    """A source as a recorder writes it: no leading article, no relative clause, and a
    common noun that only began the sentence in lower case ("Officials" -> "officials")."""
    who = who.strip(" ,.;:\"'")
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    who = re.split(r"\s+(?:who|which|that|where)\s+", who)[0]
    if not who or who.lower() in _PRONOUNS or any(ch.isdigit() for ch in who):
        return None
    first = who.split()[0]
    if first.lower() in _COMMON_OPENERS or first.lower().startswith(("city", "town")):
        who = who[0].lower() + who[1:]
    return who
