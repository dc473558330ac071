"""The dates of a sentence and the date of each figure: named, carried or backfilled."""

from __future__ import annotations

import re
from datetime import date

from tollbook.extract.dates import DateMention, find_dates
from tollbook.extract.drafts import Draft
from tollbook.extract.places import dateline_end

# Whether a sentence with figures may name a date: a digit (one character class, scanned
# fast) or one of the words; the digit is tried first, as most such sentences hold one.
_DIGIT_RE = re.compile(r"\d")
_DATE_HINT_RE = re.compile(
    r"day\b|night|morning|evening|week|month|year|since|january|february|march|april|may\b|"
    r"june|july|august|september|october|november|december|\b(?:jan|feb|mar|apr|jun|jul|aug|"
    r"sept?|oct|nov|dec)\b"
)


_EVENT_DATE_HINT_RE = re.compile(
    r"day\b|night|morning|evening|week|january|february|march|april|may\b|june|july|august|"
    r"september|october|november|december"
)


# The day something was said, not the day of the event: "the railway said on Wednesday",
# "residents said Tuesday", "told reporters on Monday".
_SAID_ON_RE = re.compile(
    r"(?<!\w)(?:said|says|told(?:\s+[\w'-]+){1,3}?|announced|added|confirmed|stated)"
    r"(?:\s+in\s+(?:a|its|their)\s+statement)?\s+(?:(?:late|early)\s+)?(?:on\s+)?$"
)


def dates_in(norm: str, lower: str, published: date | None, has_figures: bool) -> list[DateMention]:
    """Dates of a sentence, without the one in its dateline (the day the report was filed).

    A sentence without figures is read only for the event dates later sentences may
    carry on (a day, a month), which is cheaper to look for."""
    if has_figures:
        if _DIGIT_RE.search(lower) is None and _DATE_HINT_RE.search(lower) is None:
            return []
    elif _EVENT_DATE_HINT_RE.search(lower) is None:
        return []
    skip = dateline_end(norm)
    return [
        d
        for d in find_dates(lower, published)
        if d.start >= skip and not _SAID_ON_RE.search(lower, max(0, d.start - 40), d.start)
    ]


def when_for(
    position: int, dates: list[DateMention], cumulative: bool, lower: str = ""
) -> str | None:
    if not dates:
        return None
    periods = [d for d in dates if d.is_period]
    if cumulative and periods:
        first = periods[0]
        if lower and first.end <= position and _UNDATED_SINCE_RE.search(lower, first.end, position):
            # "42 killed over the past 24 hours, bringing the toll since the war began to
            # 44,100": the total runs from a start the sentence does not date
            return None
        return first.value
    points = [d for d in dates if not d.is_period] or periods
    return min(points, key=lambda d: abs(d.start - position)).value


#: a running total's own start, named but not dated, between a period and its figure
_UNDATED_SINCE_RE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|war|conflict|invasion|siege|"
    r"fighting|offensive|escalation)\b"
)


def carry_when(dates: list[DateMention], current: str | None) -> str | None:
    """The date later sentences are about: the last event date named, not a "since" period."""
    points = [d for d in dates if d.value and not d.is_period]
    if points:
        return points[-1].value
    return current


def backfill_when(drafts: list[Draft], first_when: str | None) -> None:
    """Claims before the first date (a headline, a lead) are about that first event."""
    if first_when is None:
        return
    for d in drafts:
        if d.when is not None:
            break
        if d.scope == "incident" and d.qualifier != "derived":
            d.when = first_when
