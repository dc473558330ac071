"""Periods a sentence names by counting back from the day of publication or by a part of a
year: "over the past two weeks", "the past 12 months", "the fourth quarter of 2025", "the
first half of last year". Pure; ``dates.find_dates`` places them among a sentence's dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

#: number words a count of days, weeks, months or years back is written with
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

#: "Over the past week, attacks killed 23", "in the past two weeks", "over the past 12 months"
PAST_SPAN_RE = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
    r"(?P<unit>days|weeks|months|week|month)\b(?!\s+of\b)"
)

#: "the fourth quarter of 2025", "in the first quarter", "the first quarter of last year",
#: "the first half of 2026", "the second half of the year"
PART_OF_YEAR_RE = re.compile(
    r"\b(?P<nth>first|second|third|fourth)\s+(?P<part>quarter|half)\b"
    r"(?:\s+of\s+(?P<year>(?:19|20)\d\d|last\s+year|this\s+year|the\s+year))?"
)
_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def months_back(day: date, n: int) -> tuple[int, int]:
    """The year and month ``n`` months before ``day``'s."""
    year, index = divmod(day.year * 12 + day.month - 1 - n, 12)
    return year, index + 1


def past_span(m: re.Match[str], published: date) -> str | None:
    """The span "the past N days/weeks/months" names, ending on the day of publication."""
    n_text = m.group("n")
    n = 1 if n_text is None else int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
    unit = m.group("unit")
    if (n_text is None) != (not unit.endswith("s")) or n < 1:
        return None  # "the past weeks", "the past one day": no span of its own
    if unit.startswith("month"):
        year, month = months_back(published, n)
        start = date(year, month, min(published.day, 28))
    else:
        start = published - timedelta(days=n * (7 if unit.startswith("week") else 1))
    return f"{start}/{published}"


def part_of_year(m: re.Match[str], published: date) -> str | None:
    """The months a ``PART_OF_YEAR_RE`` match names; without a year, the latest such part
    begun by the day of publication. None for a fourth half."""
    months = 3 if m.group("part") == "quarter" else 6
    index = _NTH[m.group("nth")]
    if index * months >= 12:
        return None
    said = m.group("year")
    if said is None or said == "the year":
        year = published.year
        if date(year, index * months + 1, 1) > published:
            year -= 1
    elif said[0].isdigit():
        year = int(said)
    else:
        year = published.year - (said.startswith("last"))
    start = date(year, index * months + 1, 1)
    end_year, end_month = divmod(index * months + months, 12)
    end = date(year + end_year, end_month + 1, 1) - timedelta(days=1)
    return f"{start}/{end}"


#: "five years ago this week", "a year ago today", "two years ago this month": the same
#: day, week or month that many years or months back, not the week of publication
AGO_NOW_RE = re.compile(r"\s+(?:(?P<day>today)|this\s+(?P<span>week|month))\b")


def ago_now(unit: str, n: int, now: re.Match[str], published: date) -> str | None:
    """The day, week or month "N years (months) ago today / this week / this month" names."""
    if unit not in ("year", "month"):
        return None
    year, month = months_back(published, 12 * n if unit == "year" else n)
    following = date(year + (month == 12), month % 12 + 1, 1)
    if now.group("span") == "month":
        return f"{date(year, month, 1)}/{following - timedelta(days=1)}"
    anchor = date(year, month, min(published.day, (following - timedelta(days=1)).day))
    if now.group("day"):
        return anchor.isoformat()
    return f"{anchor - timedelta(days=6)}/{anchor}"
