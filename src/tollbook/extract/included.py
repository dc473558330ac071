"""Later deaths a report says its toll already holds (pure).

"One of the injured, a man of 70, died in Zenica hospital in the afternoon; his death is
included in the toll of 14", "three of them later died. Those three are included in the
toll of nine": the later deaths are told as a figure of their own, often on another day and
at the hospital's town, and counted as one more event they are added to the toll they are
part of (tests/data/TOLLS.md, rule 6: later deaths are added *unless* the report gives a
total that holds them). So a figure whose sentence, or the short sentence after it, says it
is included in (counted in) a toll is made part of that toll: the one whose figure the
sentence names ("the toll of 14", "the 12 deaths reported"), else the report's largest of
its outcome. "Not included", "without saying whether they were counted" leave it apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tollbook.domain.incident import days_before
from tollbook.extract.drafts import Draft, kept_of, value_of
from tollbook.extract.numbers import parse_number

#: "is included in the toll", "are counted in the agency's toll", "was already included in
#: the police toll", "are included in the 12 deaths reported", "in the 11 I gave you"
_INCLUDED_RE = re.compile(
    r"\b(?:is|are|was|were|be)\s+(?:already\s+|also\s+)?(?:included|counted)\s+in\s+"
    r"(?:the|this|that|its|his|her|their|[a-z]+['’]s)\s+(?:[a-z'’-]+\s+){0,2}?"
    r"(?:(?:toll|figure|count|total|tally)(?:\s+of\s+(?P<of>[\w,]+))?\b|(?P<n>[\d,]+)\s+(?:deaths|dead)"
    # "Those two are included in the 11 I gave you"
    r"|(?P<given>[\d,]+)(?=\s+(?:i|we|they)\s+(?:gave|announced|reported)\b|\s*[.;]|$))"
    # "Her body is among the 14 at the mortuary"
    r"|\b(?:is|are|was|were)\s+(?:already\s+|also\s+)?among\s+the\s+(?P<among>[\d,]+|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[a-z]+teen|twenty|thirty|forty|fifty)(?:-[a-z]+)?)\b"
    # "11 of whom later died; the network's list includes them" (not "The UN said its figure
    # included them": which toll is its own is not known here, and the largest may be
    # another's)
    r"|\b[a-z]+['’]s\s+(?:toll|list|count|figure|tally|total)\s+(?:already\s+|also\s+)?"
    r"(?:includes|included)\s+"
    r"(?:them|those|these|him|her|both)\b"
)
_NOT_RE = re.compile(r"\b(?:not|whether|if)\s+(?:\w+\s+){0,3}$")
#: the short sentence after a figure that only says so: "Those three are included in the
#: toll of nine", "Both are included in the administrator's toll", "She said the three ...",
#: "Dorvil said the two were already included in his group's count"
_ABOUT_THEM_RE = re.compile(
    r"^\W*(?:(?:she|he|they|[a-z][\w'’-]+)\s+said\s+)?(?:those|these|both|they|the\s+\w+|he|she|his|her|"
    r"their)\b",
    re.IGNORECASE,
)


def included_in_tolls(kept: Sequence[Draft], norms: Sequence[str]) -> None:
    """Make each later death a report says its toll holds part of that toll (see the
    module's text). ``kept``: ``merge_repeats``'s drafts, none merged into another."""
    for d in kept:
        if d.outcome != "killed" or d.scope != "incident":
            continue
        if d.parent is not None and kept_of(d.parent).outcome == "killed":
            continue
        said = _said_included(d, norms)
        if said is None:
            continue
        toll = _the_toll(d, kept, said)
        if toll is not None:
            d.parent = toll


def _said_included(d: Draft, norms: Sequence[str]) -> re.Match[str] | None:
    """What says ``d`` is included in a toll: its own sentence after the figure, else the
    short sentence after it; None when neither does, or the one that speaks denies it."""
    texts = [norms[d.sentence_index][d.position :].lower()]
    after = d.sentence_index + 1
    if after < len(norms) and _ABOUT_THEM_RE.match(norms[after]):
        texts.append(norms[after].lower())
    for text in texts:
        m = _INCLUDED_RE.search(text)
        if m is not None:
            return None if _NOT_RE.search(text[: m.start()]) else m
    return None


def _the_toll(d: Draft, kept: Sequence[Draft], said: re.Match[str]) -> Draft | None:
    """The toll the sentence names by its figure, else the report's largest of ``d``'s
    outcome (larger than ``d``)."""
    named = said.group("of") or said.group("n") or said.group("given") or said.group("among")
    figure = parse_number(named) if named else None
    tolls = [
        t
        for t in kept
        if t is not d
        and t.outcome == d.outcome
        and t.scope == "incident"
        and t.kind != "estimate"
        and value_of(t) > value_of(d)
        and not _long_before(t, d)
    ]
    if figure is not None:
        exact = [t for t in tolls if value_of(t) == figure]
        if exact:
            return exact[0]
        if named and named[0].isdigit():
            return None  # "the 12 deaths" names a toll the report does not give
    return max(tolls, key=value_of, default=None)


def _long_before(toll: Draft, d: Draft) -> bool:
    """A toll of an event more than a month before ``d``'s ("In October 2024, gang members
    killed more than 100 people" in a report on this week's raid) does not hold it."""
    days = days_before(toll.when, d.when)
    return days is not None and days > 31
