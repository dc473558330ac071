"""A share of a running total is part of that total, not an event of its own.

"Central department accounts for 21 of the confirmed deaths" and "Grand Gedeh County: 15
deaths" break an outbreak's count for the season down by place; "Eleven of these deaths
were recorded in Podor" does the same for a ministry's count since January. Linked to the
running total they share (``Draft.parent``), such a figure counts over the same period,
whatever the place it names, unless its sentence tells of an event of its own: "19 of
them died in the strike on the market on Tuesday" is one event inside the total, and
stays one (docs/counting.md counts such an event as an incident).
"""

from __future__ import annotations

import re

from tollbook.extract.drafts import Draft, kept_of, value_of
from tollbook.extract.scope import one_event

#: an event told in the share's own sentence: what happened, or the day it happened
_EVENT_RE = re.compile(
    # ("the scene of each attack": no one event)
    r"\b(?:strikes?|struck|(?<!each\s)(?<!every\s)attack\w*|shell\w*|bomb\w*|blast|explosion|raids?|ambush\w*|"
    r"massacre\w*|shooting|shot|gunmen|fire|collapse\w*|crash\w*|capsiz\w*|sank|landslide|"
    # ("hardest hit", "worst hit": where a total fell most, not an event)
    r"flood\w*|quake|earthquake|storm|cyclone|(?<!hardest\s)(?<!worst\s)(?<!badly\s)hit|"
    r"drowned|swept|bodies|\w+ed\s+when|erupted|eruption|"
    # "11 had died during the nine-day crossing": one boat's voyage
    r"(?:during|on)\s+(?:the|their|its)\s+[\w-]+-day\s+(?:crossing|voyage|journey))\b"
)
#: ... or the day it happened (not in a clause about the place: "including 12 in
#: Chilliwack, where the temperature reached 42.3 C on Monday")
_EVENT_DAY_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|"
    r"night|morning|afternoon|evening|today)\b"
)

#: a list item that opens on its day: "- 19 July, El Tarra (Norte de Santander): eight
#: people were killed at a rural shop"
_ITEM_DAY_RE = re.compile(
    r"\W*(?:\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+\d{1,2})\b[^:]{0,60}:"
)


def shares_of_totals(kept: list[Draft]) -> None:
    """A figure linked to a running total it is part of, whose sentence tells of no event,
    counts over the total's period (scope and ``when``). The lines that continue such a
    breakdown ("River Gee County: 8 deaths." after "Grand Gedeh County: 15 deaths") are
    shares of the same total while the shares add up to no more than it."""
    last: Draft | None = None  # the last share made part of a running total
    for d in kept:
        if (
            d.merged_into is not None
            or d.scope != "incident"
            or (_tells_an_event(d.evidence, d.one_event) and not _of_the_deaths(d))
        ):
            continue
        parent = d.parent
        if parent is None and last is not None and _continues(d, last, kept):
            parent = last.parent
        if parent is None:
            continue
        total = kept_of(parent)
        if total.scope != "cumulative" or total.kind == "estimate":
            continue
        d.parent, d.scope = parent, "cumulative"
        if total.when is not None:
            d.when = total.when
        if total.parent is None:  # a share of the whole total, not of another share
            last = d


#: the day something was said ("the ministry said Monday that 15 had been killed"): not
#: the day of an event
_SAID_DAY_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|added|confirmed)\s+(?:on\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b"
)


#: several areas: "in areas of the Donetsk, Kharkiv and Sumy regions, where drones and glide
#: bombs caused most of the harm" tells of a campaign's weapons, not of one event
_AREAS_RE = re.compile(r"\b(?:regions|provinces|oblasts|districts|states|governorates)\b")
_DAY_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|today)\b"
)


#: "ADF rebels were responsible for 141 of the deaths": a share of the count before, told
#: by who killed them, not an event (whatever the sentence says of gunmen or attacks)
_OF_THE_DEATHS_RE = re.compile(r"[\d,]+\s+of\s+(?:the|those|these)\s+(?:deaths|dead|killings)\b")


def _of_the_deaths(d: Draft) -> bool:
    return d.outcome == "killed" and _OF_THE_DEATHS_RE.match(d.evidence, d.position) is not None


def _tells_an_event(evidence: str, already_one_event: bool) -> bool:
    lower = _SAID_DAY_RE.sub("said", evidence.lower())
    if already_one_event or one_event(lower):
        return True
    if _AREAS_RE.search(lower) and not _DAY_RE.search(lower):
        return False
    if _EVENT_RE.search(lower) or _ITEM_DAY_RE.match(lower):
        return True
    return _EVENT_DAY_RE.search(lower.split(", where ", 1)[0]) is not None


def _continues(d: Draft, share: Draft, kept: list[Draft]) -> bool:
    """``d``, in the sentence after ``share``'s or the one after that, adds to the same
    total's breakdown without the shares exceeding it."""
    if d.outcome != share.outcome or not 0 < d.sentence_index - share.sentence_index <= 2:
        return False
    assert share.parent is not None
    total = kept_of(share.parent)
    shares = [o for o in kept if o.parent is not None and kept_of(o.parent) is total]
    return sum(value_of(o) for o in shares) + value_of(d) <= value_of(total)


# a share of a running total told at one site or of one family: "including 14 at a school
# shelter", "nine from one family in Qana", "11 of them in Mawasi tent camp"
_SHARE_AT_SITE_RE = re.compile(
    r"\s+(?:of\s+them\s+|[a-z]+\s+)?(?:at|in|from)\s+(?:a\s+|an\s+|the\s+|one\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:school|shelter|camp|market|hospital|family|home|house|mosque|"
    r"church|building|clinic)\b|"
    # "among them 53 in a single raid on the village of X": one event of the total
    r"\s+(?:of\s+them\s+|[a-z]+\s+)?(?:in|during)\s+(?:a|one)\s+(?:single\s+)?"
    r"(?:[\w'’-]+\s+)?(?:raid|attack|strike|airstrike|bombing|massacre|ambush|assault)\b"
)


def at_one_site(lower: str, end: int) -> bool:
    """Whether the share whose figure ends at ``end`` is told at one site or of one family
    ("strikes kill 52 across Gaza, including 14 at a school shelter"), or in one attack
    ("among them 53 in a single raid"): one event inside the running total, not a share of
    its period."""
    return _SHARE_AT_SITE_RE.match(lower, end) is not None
