"""Dates in report text, resolved against the report's publication date.

"on Tuesday" is the latest Tuesday before publication, "yesterday" the day before,
"on March 3" the latest March 3 not after publication, "since February 24, 2022" a
period ending on the publication date. Without a publication date, relative dates are
unknown (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
_YEAR = r"(?:,?\s+(?P<{0}>(?:19|20)\d\d))?"

DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<since>since\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?)?"
    r"(?:(?:on|last|this|early|late|on\s+the\s+night\s+of)\s+)?(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")(?:\s+(?:night|morning|afternoon|evening))?"
    r"|(?P<rel>yesterday|today|this\s+morning|tonight|last\s+night|overnight|this\s+week|last\s+week|earlier\s+this\s+week)"
    r"|(?P<since2>since\s+)?(?:on\s+)?(?P<md_month>"
    + _MONTH
    + r")\s+(?P<md_day>\d{1,2})(?:st|nd|rd|th)?\b"
    + _YEAR.format("md_year")
    + r"|(?P<since3>since\s+)?(?:on\s+)?(?:the\s+)?(?P<dm_day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>"
    + _MONTH
    + r")"
    + _YEAR.format("dm_year")
    + r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    r")"
)
# Starts of wars that cumulative tolls count from, when the report gives no date.
_WAR_STARTS = (
    (
        re.compile(
            r"since\s+(?:the\s+)?(?:start|beginning|outset)\s+of\s+(?:the\s+)?(?:(?:russian|full-scale|russia's)\s+)?(?:full-scale\s+)?invasion"
        ),
        date(2022, 2, 24),
    ),
    (
        re.compile(
            r"since\s+(?:the\s+)?(?:start\s+of\s+the\s+)?war\s+(?:in\s+gaza\s+)?(?:began|started)\s+on\s+october\s+7|since\s+(?:the\s+)?october\s+7"
        ),
        date(2023, 10, 7),
    ),
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD"
    is_period: bool


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Date expressions in a normalised sentence, each resolved (or None) against ``published``.

    The patterns match lower-cased text; the sentence is lower-cased here.
    """
    sentence = sentence.lower()
    out: list[DateMention] = []
    for m in DATE_RE.finditer(sentence):
        resolved, since = _resolve(m, published)
        if since:
            value = (
                f"{resolved.isoformat()}/{published.isoformat()}"
                if resolved and published
                else None
            )
            out.append(DateMention(m.start(), m.end(), value, True))
        elif resolved is not None or m.group("weekday") or m.group("rel"):
            out.append(
                DateMention(m.start(), m.end(), resolved.isoformat() if resolved else None, False)
            )
        elif m.group("md_month") or m.group("dm_month"):
            out.append(DateMention(m.start(), m.end(), None, False))
    for pattern, start in _WAR_STARTS:
        for m in pattern.finditer(sentence):
            if published is not None and published >= start:
                out.append(
                    DateMention(
                        m.start(), m.end(), f"{start.isoformat()}/{published.isoformat()}", True
                    )
                )
            else:
                out.append(DateMention(m.start(), m.end(), None, True))
    out.sort(key=lambda d: d.start)
    return out


def _resolve(m: re.Match[str], published: date | None) -> tuple[date | None, bool]:
    since = bool(m.group("since") or m.group("since2") or m.group("since3"))
    if m.group("iso"):
        try:
            return date.fromisoformat(m.group("iso")), since
        except ValueError:
            return None, since
    if published is None:
        year_text = m.group("md_year") or m.group("dm_year")
        if year_text:
            return _month_day(m, int(year_text)), since
        return None, since
    if m.group("weekday"):
        target = WEEKDAYS.index(m.group("weekday").lower())
        back = (published.weekday() - target) % 7 or 7
        return published - timedelta(days=back), since
    rel = m.group("rel")
    if rel:
        rel = " ".join(rel.lower().split())
        if rel in ("yesterday", "last night"):
            return published - timedelta(days=1), False
        if rel in ("this week", "last week", "earlier this week"):
            return None, False
        return published, False
    year_text = m.group("md_year") or m.group("dm_year")
    if year_text:
        return _month_day(m, int(year_text)), since
    found = _month_day(m, published.year)
    if found is not None and found > published:
        found = _month_day(m, published.year - 1)
    return found, since


def _month_day(m: re.Match[str], year: int) -> date | None:
    month_text = (m.group("md_month") or m.group("dm_month") or "").lower().rstrip(".")
    day_text = m.group("md_day") or m.group("dm_day")
    if not month_text or not day_text:
        return None
    try:
        return date(year, MONTHS[month_text], int(day_text))
    except (KeyError, ValueError):
        return None
