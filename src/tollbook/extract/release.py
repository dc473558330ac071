"""The body that issues a release, bulletin or situation report, named at its top.

A UN agency's outbreak news, a disaster office's situation report or a civil protection
bulletin speaks in the issuing body's own voice: its lines that name no source are that
body's figures ("The number of confirmed deaths has risen to 12"), as a monitor codes them.
The body is named in the first lines: "National Disaster Management Office: Situation
Report 4, ...", "National Office of Civil Protection, Monday 9 March 2026", "Disease
Outbreak News, 9 October 2026" (the WHO's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from tollbook.domain.incident import when_bounds
from tollbook.extract.cues import OFFICIAL_RE
from tollbook.extract.drafts import Draft

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
#: "<Body>: Situation Report 4", "<Body>, Monday 9 March 2026", "<Body> bulletin: ..."
_ISSUER_RE = re.compile(
    rf"^\W*(?P<body>[A-Z][\w'’()\- ]{{4,80}}?)\s*(?::\s+(?:situation\s+report|flash\s+update|"
    # (a town may stand before the day: "National Disaster Management Office (NDMO), Suva, 3
    # March 2026, 18:00")
    rf"bulletin|daily\s+report|press\s+release|statement|update)\b|"
    rf",\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+)?(?:{_WEEKDAY}\b|"
    rf"\d{{1,2}}\s+{_MONTH}\b|{_MONTH}\s+\d)|\s+bulletin\b)",
    re.IGNORECASE,
)
#: the WHO's outbreak reports name their series, not the body
_WHO_SERIES_RE = re.compile(r"^\W*Disease\s+Outbreak\s+News\b")
#: "Official statement.", "Press release": a line that says the one above it is a release
RELEASE_LINE_RE = re.compile(
    r"\s*(?:official\s+|joint\s+)?(?:statement|press\s+release|news\s+release|communiqu\w+)"
    r"\.?\s*$",
    re.IGNORECASE,
)
#: a statement's own voice: "Our teams treated 34 wounded", "the deadliest strike we documented"
WE_RE = re.compile(r"\b(?:we|our|We|Our)\b")
#: how many lines at the top may name the issuer
TOP_LINES = 3


def issuing_body(sentences: Sequence[str]) -> str | None:
    """The body a release names as its issuer in its first lines, or None: a public body
    by its heading, or any body that opens its statement ("The Sahel Relief Alliance (SRA)
    condemns ...")."""
    for number, line in enumerate(sentences[:TOP_LINES]):
        if _WHO_SERIES_RE.match(line):
            return "WHO"
        m = _ISSUER_RE.match(line) or _RELEASE_OF_RE.match(line)
        if m is not None:
            body = m.group("body").strip()
            if OFFICIAL_RE.search(body.lower()) or _BODY_WORD_RE.search(body):
                return body
        m = _CONDEMNS_RE.match(line)
        if m is not None:
            return m.group("body").strip()
        m = _PIPE_ISSUER_RE.match(line)
        if m is not None and (
            m["release"]
            or OFFICIAL_RE.search(m["body"].lower())
            or _BODY_WORD_RE.search(m["body"])
            or _NGO_WORD_RE.search(m["body"])
        ):
            return m["body"].strip()  # "World Health Organization, Chad office | N'Djamena, ..."
        m = _ISSUED_BY_RE.match(line)
        if m is not None:  # "Issued by Dr Name, medical director of X, on 17 February 2026"
            return f"{m['name']}, {m['role']}" if m["role"] else m["name"]
        m = _SPOKESPERSON_LINE_RE.match(line)
        if m is not None:  # a press briefing's speaker, who speaks for the body throughout
            role = m.group("role").strip()
            return f"{m.group('name')}, {role[0].lower()}{role[1:]}"
        m = _TITLED_RE.match(line) or _UPDATES_RE.match(line)
        if m is None and (number > 0 or not _HEADLINE_WORD_RE.search(line)):
            m = _BODY_LINE_RE.match(line)  # a headline in title case is no issuer's name
        if m is not None:
            body = m.group("body").strip()
            if OFFICIAL_RE.search(body.lower()) or _BODY_WORD_RE.search(body):
                return body
    return None


#: a release's line of issue, in lower case: "amnesty international | public statement, 14
#: july 2026", "press release, 3 june": the day it was issued, no event's
ISSUE_LINE_RE = re.compile(
    r"\s\|\s|(?:statement|release),\s+\d|"
    # "Statement by Red Solidaria del Darién, Panama City, 12 March 2026"
    r"^\W*(?:press\s+|joint\s+)?(?:statement|release)\s+(?:by|from|of)\s[^.]{3,120}?\d{4}\W*$"
)
#: what a release calls itself in its heading line: "Press release", "Press briefing notes"
_RELEASE_WORDS = (
    r"(?i:press\s+release|news\s+release|press\s+statement|statement|press\s+briefing\s+notes?|"
    r"briefing\s+notes?)"
)
#: a release's heading line, its issuer before a bar: "UN Office for the Coordination of
#: Humanitarian Affairs (OCHA) | Maputo, 12 November 2026", "Press release | UNICEF | Kinshasa,
#: 15 October 2026"; a body named before "| Press release |" is the issuer whatever its name
#: ("Fiscalía General de la Nación | Press release | Bogotá, 21 April 2026")
_PIPE_ISSUER_RE = re.compile(
    rf"^\W*(?:{_RELEASE_WORDS}\s+\|\s+)?(?P<body>[A-Z][^|:]{{3,100}}?)\s+\|\s+"
    rf"(?:(?P<release>{_RELEASE_WORDS})\s+\|\s+)?\S"
)
_NGO_WORD_RE = re.compile(r"\b(?:Organi[sz]ation|International|Cross|Crescent|Watch|Fund)\b")
#: a press briefing's heading line: "Spokesperson for the UN High Commissioner for Human
#: Rights: Amira Haddad | Geneva, 3 February 2026", after "Press briefing notes | " or not
_SPOKESPERSON_LINE_RE = re.compile(
    rf"^\W*(?:{_RELEASE_WORDS}\s+\|\s+)?"
    r"(?P<role>Spokes(?:person|man|woman)\s+for\s+(?:the\s+)?[A-Z][^:|]{3,90}?):\s+"
    r"(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\b"
)
#: a statement's line of issue that names its author: "Issued by Dr Amna Eltayeb, medical
#: director of Kosti Teaching Hospital, White Nile state, on 17 February 2026"
_ISSUED_BY_RE = re.compile(
    r"^\W*(?i:issued|released|signed)\s+by\s+(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})(?:,\s+(?P<role>[a-z][^,]{3,90}))?"
    r"(?:,[^,]{2,40})?,?\s+on\s+\d"
)
#: "Kosovo Police statement on the armed attack in ...": a title that names its issuer
_TITLED_RE = re.compile(
    # (its name in capitalised words: not "The UN mission published its monthly update on")
    r"^\W*(?P<body>[A-Z][\w'’()\-]*(?:\s+(?:[A-Z][\w'’()\-]*|of|and|for|the|in)){0,8}?)\s+"
    r"(?:statement|press\s+release|communiqu\w+|"
    r"bulletin|update|situation\s+report)\s+(?:on|about|regarding|concerning)\b"
)
#: "The Uganda Police Force wishes to update the public ...", "The General Inspectorate for
#: Emergency Situations (IGSU) updates the consequences of ...": a body opening its release
_UPDATES_RE = re.compile(
    r"^\W*The\s+(?P<body>[A-Z][\w'’()\- ]{3,90}?)(?:,[^.;]{0,120}?,)?\s+(?:wishes\s+to\s+"
    r"(?:update|inform)|updates|informs|(?:gives|provides|issues)\s+the\s+following|"
    r"regrets\s+to\s+announce|"
    r"would\s+like\s+to\s+inform)\b"
)
#: words of a headline written in title case ("Ministry Says Toll Rises")
_HEADLINE_WORD_RE = re.compile(
    r"\b(?:Says?|Kills?|Killed|Rises?|Dies?|Died|Dead|Hits?|Toll|Attacks?|Strikes?|Warns?|"
    r"Confirms?|Reports?)\b"
)
#: a line that is the issuer's name alone ("Ministry of Natural Resources"), or its name
#: before the report's series ("National Public Health Institute of Liberia (NPHIL) | Week 7")
#: or its unit ("Ministry of Water – Flood Warning Centre": the ministry is the issuer).
#: A word is one class under one star: two stars over the same letters made a line that is
#: no issuer's name cost 0.1-0.3 ms of backtracking.
_BODY_LINE_RE = re.compile(
    r"^\W*(?P<body>[A-Z][^\W\d]*(?:\s+(?:[A-Z][\w'’()\-]*|of|and|for|the|on)){1,9})"
    r"(?:\s+\([A-Z]{2,10}\))?\s*(?:\||$|[–—]\s+[A-Z][^\W\d]*(?:\s+[A-Z][\w'’()\-]*){0,5}\s*$)"
)


#: "Communique of the Ministry of Security and Civil Protection on the attacks in ...",
#: "Press briefing notes of the UN Human Rights Office (OHCHR)"
_RELEASE_OF_RE = re.compile(
    r"^\W*(?:communiqu\w+|statement|press\s+release|(?:press\s+)?briefing(?:\s+notes)?)\s+"
    r"(?:of|by|from)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][^,:;]{3,80}?)(?:\s+(?:on|about|regarding|concerning)\b|\s*$)",
    re.IGNORECASE,
)
#: "The Sahel Relief Alliance (SRA) condemns in the strongest terms ...": the statement's
#: author, who speaks as "we" and "our teams" in it
_CONDEMNS_RE = re.compile(
    r"^\W*(?:[A-Z][\w'’. -]{1,40}?(?:\s+-|:)\s+)?(?:The\s+)?(?P<body>[A-Z][\w'’()\- ]{3,80}?)\s+"
    r"(?:condemns|deplores|strongly\s+condemns|is\s+(?:alarmed|appalled|deeply\s+concerned))\b"
)


# the words of a public body's name that the official cues may lack
_BODY_WORD_RE = re.compile(
    r"\b(?:Office|Agency|Ministry|Authority|Directorate|Department|Commission|Civil\s+Protection|"
    r"Civil\s+Defen[cs]e|Inspectorate|Institute|Service)\b"
)


#: a source in the release's own voice: "information gathered by our Office", "our team"
_OUR_RE = re.compile(r"\b(?:our|we)\b", re.IGNORECASE)


def in_own_voice(kept: Sequence[Draft], sentences: Sequence[str], published: date | None) -> None:
    """A figure of a release that names no source, or whose source is the release's own
    voice ("according to information gathered by our Office"), has the release's issuer as
    its source, an official count when the issuer is a public body. Not a past event's
    figure named for comparison ("an epidemic in 1987 killed more than 200")."""
    body: str | None = None
    for d in kept:
        if d.attributed_to is not None and not _OUR_RE.search(d.attributed_to):
            continue
        if _long_before(d.when, published):
            continue
        body = body or issuing_body(sentences)
        if body is None:
            return
        d.attributed_to = body
        if d.kind == "reported" and OFFICIAL_RE.search(body.lower()):
            d.kind = "official"


def _long_before(when: str | None, published: date | None) -> bool:
    """A figure whose days ended more than two months before the report: a past event's."""
    last = when_bounds(when)[1]
    return last is not None and published is not None and (published - last).days > 60
