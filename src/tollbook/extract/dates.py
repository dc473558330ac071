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

from tollbook.extract.date_periods import (
    AGO_NOW_RE,
    NUMBER_WORDS,
    PART_OF_YEAR_RE,
    PAST_SPAN_RE,
    ago_now,
    months_back,
    part_of_year,
    past_span,
)
from tollbook.extract.screens import holds_any
from tollbook.extract.war_starts import WAR_STARTS

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

# ``(?<!\w)``, not ``\b``: the same here (every match opens with a word character), faster
DATE_RE = re.compile(
    r"(?<!\w)(?:"
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


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD"
    is_period: bool
    #: the month or year of one past event ("the 2008 earthquake", "the floods of February
    #: 2023"): when it happened, not a period counted over
    of_event: bool = False
    #: one night, told by its two days ("the night of Sunday to Monday"): the date later
    #: sentences are about, as a single day is
    one_night: bool = False


_MONTH_ALONE_RE = re.compile(
    r"\b(?:in|during|throughout|since|by|early|late|mid-?|(?P<prior>last))\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<month>" + _MONTH + r")(?:\s+(?P<year>(?:19|20)\d\d)|\s+(?P<last>last\s+year))?\b(?!\s+\d)"
)
# "in the first week of March", "the last week of February 2026": seven days of a month
_WEEK_OF_MONTH_RE = re.compile(
    r"\b(?P<nth>first|second|third|fourth|last)\s+week\s+of\s+(?P<month>"
    + _MONTH
    + r")(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
_YEAR_ALONE_RE = re.compile(
    r"\b(?P<prep>in|during|since|of|than|for)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-/]\d)"
    # a past event named by its year: "the 2008 Wenchuan earthquake", "the 1999 floods"
    r"|(?<!since\s)(?<!than\s)\b(?P<the>the|[a-z]+['’]s|raise[sd]|lift(?:s|ed)|revise[sd]|lower(?:s|ed))\s+(?P<year2>(?:19|20)\d\d)\s+(?:[\w'-]+\s+){0,3}?(?:earthquakes?|quakes?|"
    r"floods?|flooding|tsunami|cyclone|hurricane|typhoon|storm|landslide|eruption|(?:bush|wild)?fires?|blazes?|"
    r"stampede|crush|collapse|disaster|accident|crash|attacks?|bombings?|massacre|war|conflict|"
    r"famine|epidemic|outbreak|heatwave|heat\s+wave|monsoons?|rainy\s+season|(?:road\s+|traffic\s+)?toll)\b"
)
# "the earthquakes of February 2023", "the May 2024 floods": a month named with its year after
# "of" or "the"; or a past event's time ("has not forgotten June 2015, when a heatwave ...")
_OF_MONTH_YEAR_RE = re.compile(
    r"(?:(?P<lead>\bof|(?<!since\s)(?<!than\s)\bthe)\s+|\b)(?P<month>" + _MONTH + r")\s+"
    # ("the fires of June and October 2017": the months of one year, first to last)
    r"(?:and\s+(?P<month2>" + _MONTH + r")\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?(lead)|(?=,\s+when\b))"
)
#: a timeline's line opening on a month and year ("- July 2005: three trains collide ...,
#: killing more than 130"): the month of that line's event
_ITEM_MONTH_YEAR_RE = re.compile(
    r"^\W*(?P<month>" + _MONTH + r")\s+(?P<year>(?:19|20)\d\d)\s*(?::|[-\u2013\u2014]\s)"
)
_MONTH_SPAN_RE = re.compile(  # "from March 2025 to May 2026", "between July and September"
    r"\b(?P<lead>from|between|was|were|in|during)\s+(?P<m1>" + _MONTH + r")(?:\s+(?P<y1>"
    r"(?:19|20)\d\d))?\s+(?P<join>to|until|through|and)\s+(?P<m2>" + _MONTH + r")(?:\s+(?P<y2>"
    r"(?:19|20)\d\d))?"
)
_DAY_SPAN_RE = re.compile(  # (and "from 6 to 22 June", not a toll that "rose from 17 to 21 June")
    r"\b(?:between|on|(?<!rose\s)(?<!risen\s)(?<!grew\s)from)\s+(?P<d1>\d{1,2})(?:\s+(?:and|to|until)\s+|"
    r"\s*[-–]\s*)(?P<d2>\d{1,2})\s+(?P<month>" + _MONTH + r")"  # ("on 4 and 5 May", "4-5 May")
    r"(?:\s+(?P<year>(?:19|20)\d\d))?"
)
#: "between 24 February and 30 March [2022]" / "between February 24 and March 30": a
#: period across months; a year given once, at the end, holds for both ends.
_DATE_SPAN_RE = re.compile(
    r"\b(?:between|(?<!rose\s)(?<!risen\s)(?<!grew\s)from)\s+(?:(?P<d1>\d{1,2})\s+(?P<m1>"
    + _MONTH
    + r")|(?P<m1b>"
    + _MONTH
    + r")\s+(?P<d1b>\d{1,2}))(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    r"\s+(?:and|to|until)\s+(?:(?P<d2>\d{1,2})\s+(?P<m2>"
    + _MONTH
    + r")|(?P<m2b>"
    + _MONTH
    + r")\s+(?P<d2b>\d{1,2}))(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
)
#: a day named by its feast: "On Christmas Eve 2023", "on New Year's Day"
_HOLIDAY_RE = re.compile(
    r"\b(?P<name>christmas\s+eve|christmas\s+day|christmas|new\s+year['’]s\s+eve|"
    r"new\s+year['’]s\s+day)(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b"
)
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25)}


def _holiday(m: re.Match[str], published: date | None) -> date | None:
    """The day of a feast: of the year given, else the last one on or before publication."""
    name = " ".join(m.group("name").replace("’", "'").split())
    month, day = _HOLIDAYS.get(name, (12, 31) if "eve" in name else (1, 1))
    if m.group("year"):
        return date(int(m.group("year")), month, day)
    if published is None:
        return None
    found = date(published.year, month, day)
    return found if found <= published else date(published.year - 1, month, day)


_LAST_DAY_RE = re.compile(
    r"\b(?:in\s+the\s+)?(?:past|last|previous)\s+24\s+hours\b|\bin\s+24\s+hours\b|"
    r"\b(?:over|during|in)\s+the\s+(?:past|last|previous)\s+day\b"
)
# "Last year, floods killed 300": the year before publication ("April last year" is read
# with its month; "a report published last year" is not the year of the deaths)
_LAST_YEAR_RE = re.compile(
    r"(?:^\W*|(?<=people\s)|(?<=deaths\s)|(?<=killed\s))last\s+year\b(?!['’]s)"
)
#: a year written out: "2025", "1998"
HAS_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_RANKED_BEFORE_RE = re.compile(r"\b(?:deadliest|worst|largest|biggest|highest|heaviest|first)\b")
# "so far this year", "since the start of the year", "in the year to date": from the first
# of January to the report ("this year's monsoon" names a season, not a period counted)
_THIS_YEAR_RE = re.compile(
    r"\b(?:(?:so\s+far\s+|earlier\s+)?this\s+year|since\s+the\s+(?:start|beginning)\s+of\s+"
    r"(?:the|this)\s+year|(?:in\s+)?the\s+year\s+to\s+date)\b(?!['’]s)"
)
# "a year ago", "three months ago", "a year after the ferry sank": one past event's time
_AGO_RE = re.compile(
    # ("The verdict came two days after gunmen killed five": the news told came after them)
    r"\b(?P<came>(?:came|comes)\s+)?"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?:ago|since(?=\s+(?:the\s+|a\s+|an\s+)?[a-z])|"
    r"(?<=year\s)after|(?<=years\s)after|(?<=year\s)on\s+from|(?(came)after|(?!)))\b"
)
_AGO_WORDS = (" ago", " since ", "r after", "r on from", "came ", "comes ")
# "the 1998-2000 war", "in 2014-15": a span of years (not an ISO date "2026-05-04")
_YEAR_SPAN_RE = re.compile(
    r"\b(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d|\d\d)\b(?![-/]\d)"
)
#: Month names start with these; ``_MONTH_RE``, run only when one occurs, finds the name.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_RE = re.compile(_MONTH)
#: Words one of which every match of ``DATE_RE`` without a month holds (weekdays, "today",
#: "tonight", "this morning", "last week"); an ISO date holds ``_ISO_HINT_RE``.
_DAY_WORDS = ("day", "night", "morning", "week")
_ISO_HINT_RE = re.compile(r"\d\d-\d\d-\d\d")
#: a place or body named after a date: "the September 28 stadium", "1 May Square"
_NAMED_AFTER_DATE_RE = re.compile(
    r"\s+(?:stadium|square|street|avenue|bridge|park|district|neighbou?rhood|school|hospital|"
    r"university|movement|brigade|market|airport|station|camp|road)\b"
)
_SINCE_BEFORE_RE = re.compile(r"\bsince\b[^.;]{0,45}$")
#: a day in a name: "the Ash Wednesday fires", "Black Saturday", "Good Friday"
_NAMED_DAY_RE = re.compile(r"\b(?:black|ash|bloody|good|holy|easter|palm|maundy)\s+$")
# "since the siege began in February", "since the city was liberated in November 2022": the
# month starts the period, which runs to the report (a clause of words only, no figure)
_SINCE_CLAUSE_RE = re.compile(r"\bsince\s+[^.;,:\d\"“”]{3,70}$")


# "the deadliest flood since the Aranayake landslide in May 2016", "the deadliest in Mzuzu
# since March 2019, when Cyclone Idai killed 60": a past event compared, whose month or
# year is its own, not the start of a period
_COMPARED_SINCE_RE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|highest|first|most)\b[^.;,]{0,80}$"
)


#: a month or year followed by the one thing that happened then: "in August 2025, when nine
#: people were killed", "since March 2015, when 34 people drowned" (a past event's date, not
#: a period counted over)
_WHEN_AFTER_RE = re.compile(r",\s+when\b")
#: a figure told before the date is counted since it ("120 civilians have been killed since
#: November 2020, when the ceasefire collapsed"): the date then opens a period
_FIGURE_BEFORE_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?)\b"
)


def _past_event(sentence: str, m: re.Match[str]) -> bool:
    """Whether the month or year matched is the date of one past event whose figure follows
    ("since March 2015, when 34 people drowned")."""
    return (
        _WHEN_AFTER_RE.match(sentence, m.end()) is not None
        and _FIGURE_BEFORE_RE.search(sentence, 0, m.start()) is None
    )


def _compared(sentence: str, since_at: int) -> bool:
    """Whether the "since" at ``since_at`` follows a superlative in its clause."""
    return _COMPARED_SINCE_RE.search(sentence, 0, since_at) is not None


def _since_month(sentence: str, m: re.Match[str]) -> bool:
    if m.group(0).startswith("since"):
        return not _compared(sentence, m.start())
    clause = _SINCE_CLAUSE_RE.search(sentence, max(0, m.start() - 80), m.start())
    return clause is not None and not _compared(sentence, clause.start())


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Date expressions in a normalised sentence, each resolved (or None) against ``published``.

    The patterns match lower-cased text; the sentence is lower-cased here.
    """
    sentence = sentence.lower()
    out: list[DateMention] = []
    # Cheap substring tests first: most sentences name no month and no day, and the
    # patterns below are costly to run over a sentence that cannot match them.
    has_month = holds_any(sentence, _MONTH_STEMS) and bool(_MONTH_RE.search(sentence))
    dated = (
        has_month
        or holds_any(sentence, _DAY_WORDS)
        or ("-" in sentence and _ISO_HINT_RE.search(sentence) is not None)
    )
    spans = has_month and holds_any(sentence, ("between ", "from ", " to ", "on "))
    for m in _MONTH_SPAN_RE.finditer(sentence) if spans else ():
        if m["join"] == "and" and m["lead"] != "between":
            continue  # "in July and September": two months
        y2 = int(m.group("y2") or m.group("y1") or 0) or (published.year if published else 0)
        last = _month_period(m.group("m2"), y2) if y2 else None
        if last and published and not m.group("y2") and last[0] > published:
            last = _month_period(m.group("m2"), y2 - 1)  # (a year ago: "between July and August")
        if last is None:  # (no year given or known, or no month)
            out.append(DateMention(m.start(), m.end(), None, True))
            continue
        first = _month_period(m.group("m1"), int(m.group("y1") or 0) or last[0].year)
        months = f"{first[0]}/{last[1]}" if first and first[0] < last[0] else None
        out.append(DateMention(m.start(), m.end(), months, True))
    for m in _DATE_SPAN_RE.finditer(sentence) if spans else ():
        out.append(DateMention(m.start(), m.end(), _date_span(m, published), True))
    for m in _DAY_SPAN_RE.finditer(sentence) if spans else ():
        if _covered(m.start(), out) or int(m.group("d1")) >= int(m.group("d2")):
            continue
        year = int(m.group("year")) if m.group("year") else (published.year if published else None)
        month = MONTHS.get(m.group("month").rstrip("."))
        value = None
        if year and month:
            try:
                value = f"{date(year, month, int(m.group('d1')))}/{date(year, month, int(m.group('d2')))}"
            except ValueError:
                value = None
        out.append(DateMention(m.start(), m.end(), value, True))
    for m in _NIGHT_SPAN_RE.finditer(sentence) if "night" in sentence else ():
        out.append(DateMention(m.start(), m.end(), _night_span(m, published), True, one_night=True))
    for m in DATE_RE.finditer(sentence) if dated else ():
        if (
            _covered(m.start(), out)
            or _NAMED_AFTER_DATE_RE.match(sentence, m.end())
            or (m.group("weekday") and _NAMED_DAY_RE.search(sentence, m.start() - 9, m.start()))
        ):
            continue  # "the September 28 stadium", "Ash Wednesday fires": a name, not a day
        resolved, since = _resolve(m, published)
        since = since or bool(_SINCE_BEFORE_RE.search(sentence[max(0, m.start() - 50) : m.start()]))
        rel = " ".join((m.group("rel") or "").split())
        if since and resolved is not None and _past_event(sentence, m):
            # "the deadliest since 3 October 2013, when 368 people died": that day's event
            out.append(DateMention(m.start(), m.end(), resolved.isoformat(), False, of_event=True))
        elif since:
            value = f"{resolved}/{published}" if resolved and published else None
            out.append(DateMention(m.start(), m.end(), value, True))
        elif rel in ("last week", "overnight", "this week") and published is not None:
            out.append(DateMention(m.start(), m.end(), _relative_period(rel, published), True))
        elif resolved is not None or m.group("weekday") or rel:
            out.append(
                DateMention(m.start(), m.end(), resolved.isoformat() if resolved else None, False)
            )
        elif m.group("md_month") or m.group("dm_month"):
            out.append(DateMention(m.start(), m.end(), None, False))
    for m in (
        _LAST_DAY_RE.finditer(sentence) if "24 hours" in sentence or " day" in sentence else ()
    ):
        if published is not None and not _covered(m.start(), out):
            value = f"{published - timedelta(days=1)}/{published}"
            out.append(DateMention(m.start(), m.end(), value, True))
    for m in (
        PAST_SPAN_RE.finditer(sentence)
        if "the past" in sentence or "the last" in sentence or "the previous" in sentence
        else ()
    ):
        if published is not None and not _covered(m.start(), out):
            value = past_span(m, published)
            if value is not None:
                out.append(DateMention(m.start(), m.end(), value, True))
    for m in (
        _HOLIDAY_RE.finditer(sentence) if "christmas" in sentence or "new year" in sentence else ()
    ):
        if not _covered(m.start(), out):
            day = _holiday(m, published)
            value = day.isoformat() if day else None
            out.append(
                DateMention(m.start(), m.end(), value, False, of_event=m.group("year") is not None)
            )
    for m in (
        PART_OF_YEAR_RE.finditer(sentence) if "quarter" in sentence or "half" in sentence else ()
    ):
        if published is not None and not _covered(m.start(), out):
            value = part_of_year(m, published)
            out.append(DateMention(m.start(), m.end(), value, True))
    for m in _AGO_RE.finditer(sentence) if any(w in sentence for w in _AGO_WORDS) else ():
        if published is not None and not _covered(m.start(), out):
            value, end = _ago(m, published), m.end()
            now = AGO_NOW_RE.match(sentence, end)
            back = ago_now(m.group("unit"), _ago_count(m), now, published) if now else None
            if back is not None and now is not None:  # "five years ago this week"
                value, end = back, now.end()
                out = [d for d in out if not m.start() <= d.start < end]
            out.append(DateMention(m.start(), end, value, "/" in value, of_event=True))
    for m in _LAST_YEAR_RE.finditer(sentence) if "last year" in sentence else ():
        if published is not None and not _covered(m.start(), out):
            year = published.year - 1
            value = f"{date(year, 1, 1)}/{date(year, 12, 31)}"
            out.append(DateMention(m.start(), m.end(), value, True))
    for m in _THIS_YEAR_RE.finditer(sentence) if " year" in sentence else ():
        if _RANKED_BEFORE_RE.search(sentence, max(0, m.start() - 70), m.start()):
            continue  # "one of the deadliest attacks this year": a rank, not a count's period
        if published is not None and not _covered(m.start(), out):
            value = f"{date(published.year, 1, 1)}/{published}"
            out.append(DateMention(m.start(), m.end(), value, True))
    for m in _WEEK_OF_MONTH_RE.finditer(sentence) if has_month and "week of" in sentence else ():
        # "last week" read on its own is this span's first words
        out = [d for d in out if not m.start() <= d.start < m.end()]
        out.append(DateMention(m.start(), m.end(), _week_of_month(m, published), True))
    for m in _MONTH_ALONE_RE.finditer(sentence) if has_month else ():
        if _covered(m.start("month"), out):
            continue
        year = _year_for_month(m.group("month"), m.group("year"), published)
        if m.group("last") and published is not None:  # "in April last year"
            year = published.year - 1
        elif m["prior"] and published and year and MONTHS.get(m["month"]) == published.month:
            year -= 1  # "last January", told in January: a year before
        span = _month_period(m.group("month"), year) if year else None
        event = _past_event(sentence, m)  # "in August 2025, when nine people were killed"
        if span and published and not event and _since_month(sentence, m):
            span = (span[0], published)
        value = f"{span[0]}/{span[1]}" if span else None
        out.append(DateMention(m.start(), m.end(), value, True, of_event=event))
    has_year = ("19" in sentence or "20" in sentence) and HAS_YEAR_RE.search(sentence)
    item = _ITEM_MONTH_YEAR_RE.match(sentence) if has_year and has_month else None
    for m in (
        (item,) if item else _OF_MONTH_YEAR_RE.finditer(sentence) if has_year and has_month else ()
    ):
        if _covered(m.start("month"), out):
            continue
        span = _month_period(m.group("month"), int(m.group("year")))
        last = (
            _month_period(m.group("month2"), int(m.group("year")))
            if item is None and m.group("month2")
            else span
        )
        value = f"{span[0]}/{last[1]}" if span and last else None
        out.append(DateMention(m.start(), m.end(), value, True, of_event=True))
    for m in _YEAR_SPAN_RE.finditer(sentence) if has_year else ():  # "the 1998-2000 war"
        from_year, to_year = int(m.group("y1")), int(m.group("y2"))
        if to_year < 100:  # "2014-15"
            to_year += from_year - from_year % 100
        if from_year < to_year <= from_year + 30 and not _covered(m.start(), out):
            value = f"{date(from_year, 1, 1)}/{date(to_year, 12, 31)}"
            named = sentence.endswith("the ", 0, m.start())  # "the 1998-2000 war": an event
            out.append(DateMention(m.start(), m.end(), value, True, of_event=named))
    for m in _YEAR_ALONE_RE.finditer(sentence) if has_year else ():
        year_group = "year" if m.group("year") else "year2"
        if _covered(m.start(year_group), out):
            continue
        year = int(m.group(year_group))
        event = _past_event(sentence, m)  # "since 2014, when more than 60 were killed"
        since = m.group("prep") == "since" and not event and not _compared(sentence, m.start())
        if m.group("prep") == "since" and not since and not _WHEN_AFTER_RE.match(sentence, m.end()):
            continue  # "killed six, the worst since 2023": a comparison, not the figure's date
        whole = f"{date(year, 1, 1)}/{date(year, 12, 31)}"
        value = whole if not since else f"{date(year, 1, 1)}/{published}" if published else None
        out.append(
            DateMention(m.start(), m.end(), value, True, of_event=event or bool(m.group("the")))
        )
    for pattern, start in WAR_STARTS if "since" in sentence else ():
        for m in pattern.finditer(sentence):
            if published is not None and published >= start:
                out.append(
                    DateMention(
                        m.start(), m.end(), f"{start.isoformat()}/{published.isoformat()}", True
                    )
                )
            else:
                out.append(DateMention(m.start(), m.end(), None, True))
    events = [d for d in out if d.of_event]
    if events:  # "the 2009 Black Saturday fires": the weekday is part of the event's name
        out = [d for d in out if d.of_event or not _covered(d.start, events)]
    out.sort(key=lambda d: d.start)
    return out


def _date_span(m: re.Match[str], published: date | None) -> str | None:
    """The period of a ``_DATE_SPAN_RE`` match, or None when a day or year is unknown."""
    last_year = int(m.group("y2")) if m.group("y2") else (published.year if published else None)
    first_year = int(m.group("y1")) if m.group("y1") else last_year
    ends = []
    for day, month, year in (
        (m.group("d1") or m.group("d1b"), m.group("m1") or m.group("m1b"), first_year),
        (m.group("d2") or m.group("d2b"), m.group("m2") or m.group("m2b"), last_year),
    ):
        number = MONTHS.get(month.rstrip("."))
        if year is None or number is None:
            return None
        try:
            ends.append(date(year, number, int(day)))
        except ValueError:
            return None
    if ends[0] > ends[1] and not m.group("y1"):  # "between 20 December and 10 January"
        ends[0] = ends[0].replace(year=ends[0].year - 1)
    if ends[0] > ends[1]:
        return None
    return f"{ends[0]}/{ends[1]}"


def _covered(position: int, found: list[DateMention]) -> bool:
    return any(d.start <= position < d.end for d in found)


def _relative_period(rel: str, published: date) -> str:
    if rel == "last week":  # the previous Monday to Sunday
        monday = published - timedelta(days=published.weekday() + 7)
        return f"{monday}/{monday + timedelta(days=6)}"
    if rel == "this week":  # this Monday to the report
        return f"{published - timedelta(days=published.weekday())}/{published}"
    return f"{published - timedelta(days=1)}/{published}"  # overnight


def _year_for_month(month: str, year: str | None, published: date | None) -> int | None:
    if year:
        return int(year)
    if published is None:
        return None
    number = MONTHS.get(month.rstrip("."))
    if number is None:
        return None
    return published.year if number <= published.month else published.year - 1


def _ago_count(m: re.Match[str]) -> int:
    text = m.group("n")
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def _ago(m: re.Match[str], published: date) -> str:
    """The day, week, month or year ``m`` ("two months ago") counts back to."""
    n = _ago_count(m)
    unit = m.group("unit")
    if unit == "day":
        return (published - timedelta(days=n)).isoformat()
    if unit == "week":
        end = published - timedelta(days=7 * (n - 1))
        return f"{end - timedelta(days=13)}/{end - timedelta(days=1)}"
    if unit == "month":
        year, number = months_back(published, n)
        first = date(year, number, 1)
        following = date(year + (number == 12), number % 12 + 1, 1)
        return f"{first}/{following - timedelta(days=1)}"
    return f"{date(published.year - n, 1, 1)}/{date(published.year - n, 12, 31)}"


def _week_of_month(m: re.Match[str], published: date | None) -> str | None:
    """ "the first week of March": its 1st to 7th; "the last week of February": its last
    seven days."""
    year = _year_for_month(m.group("month"), m.group("year"), published)
    span = _month_period(m.group("month"), year) if year else None
    if span is None:
        return None
    nth = m.group("nth")
    if nth == "last":
        start = span[1] - timedelta(days=6)
    else:
        start = span[0] + timedelta(days=7 * ("first", "second", "third", "fourth").index(nth))
    return f"{start}/{start + timedelta(days=6)}"


def _month_period(month: str, year: int) -> tuple[date, date] | None:
    number = MONTHS.get(month.lower().rstrip("."))
    if number is None:
        return None
    first = date(year, number, 1)
    following = date(year + (number == 12), number % 12 + 1, 1)
    return first, following - timedelta(days=1)


#: "during the night of Sunday to Monday", "overnight from Saturday into Sunday": the two days
_NIGHT_SPAN_RE = re.compile(
    r"(?:(?:during|on|in)\s+)?(?:the\s+night\s+(?:of|from)|overnight\s+(?:from\s+)?)\s*"
    rf"(?P<first>{'|'.join(WEEKDAYS)})\s+(?:to|into|and)\s+(?P<second>{'|'.join(WEEKDAYS)})\b"
)


def _night_span(m: re.Match[str], published: date | None) -> str | None:
    """The night's two days, the second the latest such day on or before publication."""
    first = WEEKDAYS.index(m.group("first"))
    second = WEEKDAYS.index(m.group("second"))
    if published is None or (first + 1) % 7 != second:
        return None
    end = published - timedelta(days=(published.weekday() - second) % 7)
    return f"{end - timedelta(days=1)}/{end}"


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
        # the latest such day on or before publication: "said on Wednesday" in a report of
        # a Wednesday is that day; only "last Wednesday" is the week before
        back = (published.weekday() - target) % 7
        if back == 0 and m.group(0).lower().lstrip().startswith("last"):
            back = 7
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
