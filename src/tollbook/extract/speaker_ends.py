"""Speakers that open or close their sentence: "The ministry said ...", "The X, a local
group, said ...", "..., the regional governor said." (patterns of :mod:`attribution`)."""

from __future__ import annotations

import re

#: "X gave the figures / the toll": a speaker's verb, in these patterns and attribution's
GAVE_FIGURES = (
    r"gave\s+(?:the\s+|these\s+|those\s+|a\s+(?:higher|lower|new|different|revised|"
    r"provisional|separate)\s+)?(?:figures?|toll|numbers?)"
)

# "X gave a higher toll": another source's figure follows, the line does not attribute the
# one before it
OTHER_TOLL_RE = re.compile(r"\bgave\s+a\s+(?:higher|lower|different|separate|new)\b")

SUBJECT_SAID = re.compile(
    r"^\W*(?P<who>(?:[A-Z][\w'’.-]*)(?:\s+(?!said\b|says\b|say\b)[\w'’.-]+){0,6}?)\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+)?"
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"  # "was confirmed by": passive
    r"(?:said|says|say|told|report|reports|reported|"
    r"confirmed|confirms|announced|announces|estimates|estimated|saw|counted|put|puts|"
    r"condemns|condemned|deplores|deplored|is\s+appalled|is\s+alarmed|"
    r"records|recorded|documented|verified|registered|" + GAVE_FIGURES + r"|"
    # "The Kharkiv Regional Prosecutor's Office has opened a pre-trial investigation into a
    # strike ... which killed four people": the body that investigates gives the figure
    r"(?:opened|launched)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:investigation|case|inquiry))\b"
)
# "The Kenya National Commission on Human Rights (KNCHR), a state-funded body, has recorded",
# "The Mbandaka youth council, a local civil society group, said", "The Donetsk regional
# police, who keep their own list, gave": a body, what it is, and what it said
BODY_APPOSITION_SAID = re.compile(
    r"(?:^\W*|,\s+)(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,9}?"
    r"(?:\s+\([A-Z][\w-]{1,9}\))?),\s+(?:a|an|the|who|which)\s+[^,\d]{3,80},\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|recorded|records|documented|verified|"
    r"gave|reported|confirmed|estimated|counted|registered)\b"
)
WHO_ASKED_SAID = re.compile(
    r"^\W*(?P<who>(?:(?:A|An|The)\s+[a-z]|[A-Z])[\w' -]{2,60}?),\s+(?:who|where|which)\s+"
    r"[^,]{3,60},\s+(?:said|told)\b"
)
# "Eight people died there, Shevchuk said, including a mother and her two sons": a name
# between commas, said, and the sentence goes on about the figure
MID_SAID = re.compile(
    r",[\"”]?\s+(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:said|says|told\s+[A-Z]\w+),\s+"
    r"(?:including|adding|among\s+them|most\s+of|many\s+of|some\s+of|all\s+of|with)\b"
)
# ", said the regional governor.", "..., said the district medical officer, whose team ..."
SAID_THE_END = re.compile(
    r",[\"”]?\s+(?:said|says|added|reported|announced)\s+(?:the\s+)?(?P<who>[A-Za-z][^,\"\d]{2,70}?)"
    r"(?:\s+(?:on|in)\s+(?:a\s+statement|\w+day))?(?:,\s+(?:whose|who|which)\s[^\"]*)?\W*$"
)
TRAILING_SAID = re.compile(
    r",[\"”]?\s+(?P<who>(?!(?:have|has|had)\s+been\b|(?:were|was|are|is)\b)[^,\"\d]{3,80}?)\s+"
    r"(?:has\s+|had\s+)?(?:said|says|reported|added|announced|"
    r"confirmed|wrote|told)(?:\s+(?:the\s+)?(?:[A-Z][\w.]*|reporters|journalists|the\s+group))?"
    r"(?:\s+(?:on|in|at|by|from|during|after|late|early|this|last|today|yesterday)\b[^,\"\d]{0,50})?"
    r"(?:,\s+(?:asking|speaking|adding|citing)\b[^\"\d]{0,60})?\W*$"
)
