"""The day of a figure told by a court's verdict (pure).

A report on a trial tells the old event at length (a strike, a poisoning, a massacre a
year or more before) and ends on the news of the day: "Hours before the verdict, a Russian
drone hit a minibus on the outskirts of Lozova, killing three passengers", "The verdict
came a week after four men died after drinking a brew sold in sachets". Read sentence by
sentence, such a figure takes the old event's day, carried from the sentences before, and
falls out of the report's news. It is dated by the verdict instead: the day the report's
first sentence about the court names ("A court in Kharkiv on Thursday sentenced ..."),
less the time the sentence counts back from it. (Every date the sentence names is read, the
day a court spoke too: ``when.dates_in`` leaves out such days of saying.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from tollbook.extract.dates import find_dates
from tollbook.extract.drafts import Draft
from tollbook.extract.numbers import parse_number
from tollbook.extract.scope import is_cumulative
from tollbook.extract.when import dates_in

#: a court's decision told in a sentence ("sentenced", "convicted", "the verdict")
_COURT_RE = re.compile(
    r"\b(?:sentence[sd]|convict(?:s|ed)|acquit(?:s|ted)|jail(?:s|ed)|found\s+guilty|verdict|ruling)\b"
)
_DECISION = r"(?:verdict|ruling|sentencing|sentence|judgment|judgement|conviction)"
_SPAN = (
    r"(?:(?P<hours>hours|minutes|an\s+hour)|(?P<day>a|one|the)\s+day|"
    r"(?P<days>two|three|four|five|six|[2-6])\s+days|(?P<week>a|one)\s+week)"
)
#: "hours before the verdict", "a week before the ruling"
_BEFORE_RE = re.compile(rf"\b{_SPAN}\s+before\s+the\s+{_DECISION}\b")
#: "the verdict came a week after four men died"
_CAME_AFTER_RE = re.compile(rf"\bthe\s+{_DECISION}\s+(?:came|was\s+given)\s+{_SPAN}\s+after\b")


def verdict_days(
    drafts: Sequence[Draft],
    norms: Sequence[str],
    lowers: Sequence[str],
    published: date | None,
) -> None:
    """Date each one-event figure of a sentence that counts back from the verdict (see the
    module's text) by the verdict's day; nothing when no sentence before it names one."""
    told = [i for i, lower in enumerate(lowers) if "before the" in lower or " came " in lower]
    if not told:
        return
    back = {}
    for i in told:
        m = _BEFORE_RE.search(lowers[i]) or _CAME_AFTER_RE.search(lowers[i])
        if m is not None:
            back[i] = _days_of(m)
    if not back:
        return
    day = _verdict_day(norms, lowers, published, min(back))
    if day is None:
        return
    own = {i: dates_in(norms[i], lowers[i], published, True) for i in back}
    for d in drafts:
        i = d.sentence_index
        if i not in back or d.subgroup is not None:
            continue
        if any(m.value and not m.is_period for m in own[i]):
            continue  # "... collapsed on Saturday morning": the sentence's own day stands
        if d.scope != "incident" and is_cumulative(lowers[i], own[i]):
            continue  # "a week before the verdict, the ministry said 1,200 had died since"
        d.scope = "incident"  # (a period carried from the old event made it a count)
        d.one_event = True  # never a share of the old event's or the country's count
        d.when = (day - timedelta(days=back[i])).isoformat()


def _days_of(m: re.Match[str]) -> int:
    if m.group("hours"):
        return 0
    if m.group("day"):
        return 1
    if m.group("week"):
        return 7
    return parse_number(m.group("days")) or 0  # ("two" to "six", "2" to "6": never 0)


def _verdict_day(
    norms: Sequence[str], lowers: Sequence[str], published: date | None, before: int
) -> date | None:
    """The first day a sentence about the court (before sentence ``before``) names."""
    for i in range(before):
        if _COURT_RE.search(lowers[i]):
            for mention in find_dates(norms[i], published):
                if mention.value and not mention.is_period:
                    return date.fromisoformat(mention.value[:10])
    return None
