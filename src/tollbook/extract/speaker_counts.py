"""Speakers told by their count or their hearing rather than a said-verb: "The Defence
Ministry's final count is 41 dead", "Police Scotland figures released on Tuesday show",
"..., the court heard." (patterns of :mod:`speaker_cascade`)."""

from __future__ import annotations

import re

#: a body's name: the words of a ministry, an office, a police force or an acronym
_BODY_WORD_RE = re.compile(
    r"\b(?:[A-Z]{3,}|(?i:ministry|office|police|agency|authority|department|service|"
    r"cent(?:re|er)|commission|committee|council|mission|directorate|institute|observatory|"
    r"monitor|network|bureau|secretariat|command|coastguard|coast\s+guard))\b"
)

#: "The Defence Ministry's final count is 41 dead", "The Central Emergency Operation
#: Center's first figures, released at 7 am on 21 April 2025, listed six dead", "Police
#: Scotland figures released on Tuesday show": the body whose count it is
BODY_COUNT = re.compile(
    r"^\W*(?:[Tt]he\s+)?(?P<who>[A-Z][\w.-]*(?:\s+(?:of|for|and|on|[A-Z][\w.-]*)){0,7}?)"
    r"(?:['’]s)?\s+(?:(?:latest|final|first|new|own|official|provisional|preliminary|daily|"
    r"weekly|monthly|updated)\s+)*(?:count|tally|figures|data|statistics|toll)"
    r"(?:,\s+(?:released|published|issued)\s+[^,\d]{0,20}[^,]{0,40},|"
    r"\s+(?:released|published|issued)\s+[^,\"]{0,40}?)?"
    r"\s+(?:is|was|stands|stood|shows?|showed|listed|lists|puts|put|gave|gives|"
    r"rose|reached|records|recorded)\b"
)

#: "The court heard that 38 people were admitted", "..., the jury heard.", "the court
#: accepted that three of them had died", "Peru's National Superior Criminal Court on
#: Thursday convicted four retired officers of the killing of 41 villagers": a court or an
#: inquest, from its hearing
HEARD = re.compile(
    r"(?:^\W*|,\s+|\bbut\s+)(?:[Tt]he\s+)?(?P<who>(?:[a-z]+\s+|(?:[A-Z][\w'’]*\s+){1,5})?"
    r"(?i:court|jury|inquest|tribunal|"
    r"inquiry|hearing|trial))\s+(?:on\s+\w+day\s+)?(?:heard|was\s+told|accepted|found|ruled|"
    r"convicted|sentenced)\b"
)

#: "Sudanese journalists name 71 killed", "A network of Sudanese journalists has named 71
#: people killed": a group that names the dead it counts
NAMED_DEAD = re.compile(
    r"(?P<who>(?:[A-Z][\w'’-]*\s+){0,3}(?:journalists|activists|researchers|monitors|volunteers|"
    r"network|group))\s+(?:has\s+|have\s+)?(?:name|names|named)\s+(?=\d|the\s)"
)


def body_count(sentence: str) -> re.Match[str] | None:
    """The body whose own count ``sentence`` tells, if its name reads as a body's."""
    found = BODY_COUNT.match(sentence)
    if found is None or not _BODY_WORD_RE.search(found.group("who")):
        return None  # "Kharkiv's toll rose to 12": a place's toll, told by no one
    return found
