"""The dates of a sentence and the date of each figure: named, carried or backfilled."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from tollbook.domain.claim import Claim
from tollbook.domain.incident import days_before, when_bounds
from tollbook.extract.dates import DateMention, find_dates
from tollbook.extract.drafts import Draft
from tollbook.extract.places import AGENCY_NO_DASH, dateline_end
from tollbook.extract.told_again import day_told_again

# Whether a sentence with figures may name a date: a digit (one character class, scanned
# fast) or one of the words; the digit is tried first, as most such sentences hold one.
_DIGIT_RE = re.compile(r"\d")
_DATE_HINT_RE = re.compile(
    r"days?\b|night|morning|evening|week|month|year|since|january|february|march|april|may\b|"
    r"june|july|august|september|october|november|december|\b(?:jan|feb|mar|apr|jun|jul|aug|"
    r"sept?|oct|nov|dec)\b"
)


_EVENT_DATE_HINT_RE = re.compile(
    r"day\b|night|morning|evening|week|january|february|march|april|may\b|june|july|august|"
    r"september|october|november|december"
)


# a day to come, not the figure's: "the search would continue on Wednesday", "funerals
# will be held on Friday"
_FUTURE_BEFORE_RE = re.compile(
    r"\b(?:will|would|shall|expected\s+to|due\s+to|scheduled\s+to)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:on\s+|next\s+|this\s+)?$"
    # "inquiry report due in January"
    r"|\b(?:due|expected|scheduled)\s+(?:(?:in|on|by|for)\s+)?$"
)
# "Earlier on Friday the head of the regional administration said 10 had been killed":
# the day it was said, told before the speaker and the verb
_EARLIER_ON_RE = re.compile(r"^\W*(?:earlier|later)\s+(?:in\s+the\s+day\s+)?")
_SAYING_RE = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|wrote)\b")
_HAD_BEEN_RE = re.compile(r"\bhad\s+been\s+(?:confirmed\s+dead|killed|found\s+dead)\b")


def _day_of_saying(lower: str, d: DateMention) -> bool:
    """Whether ``d`` opens the sentence after "Earlier on", with the verb of saying after
    it and before any figure; or opens it at all when what was said is a toll that "had
    been confirmed" ("On Tuesday the spokesperson said 31 villagers had been confirmed
    dead": the day of the count, not of the killing)."""
    opening = _EARLIER_ON_RE.match(lower)
    if opening is not None:
        start = opening.end()
    elif _HAD_BEEN_RE.search(lower):
        start = 0
    else:
        return False
    if d.start != start or d.is_period:
        return False
    said = _SAYING_RE.search(lower, d.end)
    digit = _DIGIT_RE.search(lower, d.end)
    return said is not None and (digit is None or said.start() < digit.start())


# the toll before a rise, told as where it rose from: its day is the event's
_EARLIER_FIGURE_RE = re.compile(
    r"\b(?:raising|bringing|taking|pushing|rose|risen|climbed|increased)\b[^.;]{0,70}?"
    r"\bfrom\s+(?:at\s+least\s+|about\s+)?$"
)
# The day something was said, not the day of the event: "the railway said on Wednesday",
# "residents said Tuesday", "told reporters on Monday".
_SAID_ON_RE = re.compile(
    r"(?<!\w)(?:said|says|told(?:\s+[\w'-]+){1,3}?|announced|added|confirmed|stated|reported|"
    # a report's day: "the commission's report, which was presented to parliament on Tuesday"
    r"(?:presented|published|released|submitted|tabled|given|issued)(?:\s+to\s+(?:the\s+)?[\w'-]+)?|"
    # "confirmed the killings on Monday": the day the police spoke
    r"confirmed\s+the\s+(?:killings?|deaths?|toll|attack|incident|figures?)|"
    # an inquiry's finding: "... an inquiry found in its final report on Thursday"
    r"found(?=\s+in\s+(?:a|an|its|their)\s)|"
    # a finding's day: "an inquest jury found on Thursday", "the court ruled on Monday",
    # "a coroner's inquiry heard on Tuesday"
    r"(?:(?<=jury\s)|(?<=inquest\s)|(?<=inquiry\s)|(?<=court\s)|(?<=coroner\s)|(?<=judge\s)|"
    r"(?<=panel\s)|(?<=tribunal\s)|(?<=hearing\s))(?:found|ruled|concluded|heard|was\s+told))"
    # ("said in a statement on", "said in a flash update on 1 June", "in its monthly report on")
    r"(?:\s+in\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|update|report|briefing|"
    r"release|bulletin|note))?\s+(?:(?:late|early)\s+)?(?:on\s+)?$"
)


# The day of a sentence, a verdict or a report told after it, not of the deaths it counts:
# "A court in Kharkiv on Thursday sentenced two officers ... over a strike that killed 26"
_TELLING_AFTER_RE = re.compile(
    r"\s*(?:sentenced|jailed|convicted|acquitted|presented|published|handed)\b"
)


# "the number of people killed ... rose to 19 on Wednesday": the day the toll rose, not the
# event's (the collapse "on Monday", told next)
_ROSE_ON_RE = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped)\s+to\s+(?:at\s+least\s+)?[\d,]+"
    r"(?:\s+[a-z]+)?\s+(?:(?:on|by)\s+)?$"
)


# "according to a press conference held by the municipal government on Thursday": the day
# of a briefing, as of saying
_BRIEFING_ON_RE = re.compile(
    r"\b(?:(?:press|news)\s+conference|"
    # "In a statement read on state television on Sunday evening, the army said"
    # ("according to an analysis published on Tuesday": the day of a document)
    r"(?:statement|report|analysis|study|survey|paper|review)\s+"
    r"(?:read|released|issued|published|posted|broadcast))(?:\s+[\w'-]+){0,6}?\s+(?:on\s+)?$"
)


#: a month's name or its abbreviation, capitalised ("June", "Sept.")
MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
#: a day of a month, either way round: "5 June", "June 5"
DAY_OF_MONTH = rf"(?:\d{{1,2}}\s+{MONTH_NAMES}|{MONTH_NAMES}\s+\d{{1,2}})"
#: "Havana, 6 October 2026 - ...", "Lagos, Tuesday 6 October 2026 -", "Geneva/Nairobi, 20
#: June 2025 -": a dateline in title case with its full date, the day the report was filed
_FILED_ON_RE = re.compile(
    # ("(New York, July 16, 2026) - ...": a rights group's release, its dateline in brackets)
    rf"^\(?[A-Z][\w'’.]*(?:[ /-][A-Z][\w'’.]*){{0,3}},\s+"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:\d{{1,2}}\s+{MONTH_NAMES}(?:\s+\d{{4}})?|{MONTH_NAMES}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\)?"
    # ("Dehradun, Jun 11 (PTI) Twelve pilgrims ...": an agency's dateline with no dash)
    rf"(?:\s*(?:\([^)]{{1,40}}\))?\s*[-–—:]\s+|\s+{AGENCY_NO_DASH})"
)


# The day a count stood, or a state held, not the day of the event: "As of yesterday, the
# number confirmed dead stands at 27", "had counted 52 dead civilians by Monday evening",
# "12 were still being treated on Monday", "a village elder who died on Thursday" (one
# person's death told in passing), "the toll today is nine"
_STATUS_ON_RE = re.compile(
    r"(?:\bas\s+of|\bcounted\s+(?:[\w-]+\s+){1,6}?by|"
    r"\bstill\s+(?:being\s+)?[a-z]+(?:\s+in\s+[a-z]+)?\s+(?:on\s+)?|"
    r"\b(?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?\s+who\s+(?:had\s+)?died\s+(?:on\s+)?|"
    # "That is why the toll today is nine": the day the toll stood
    r"\bthe\s+(?:death\s+)?(?:toll|tally)\s+(?:on\s+)?)\s*$"
)


def _status_day(lower: str, d: DateMention) -> bool:
    """Whether ``d`` is a day a count stood or a state held (``_STATUS_ON_RE``); "as of 22
    November", a date in digits, may end a running total's period and is kept."""
    if d.is_period:
        return False
    m = _STATUS_ON_RE.search(lower, max(0, d.start - 70), d.start)
    if m is None:
        return False
    return not (m.group(0).lstrip().startswith("as") and _DIGIT_RE.search(lower, d.start, d.end))


def _filed_on_end(norm: str) -> int:
    m = _FILED_ON_RE.match(norm)
    return m.end() if m else 0


#: "in the first ten months of the year", "the first half of 2026", "the first quarter"
_FIRST_MONTHS_RE = re.compile(
    r"\bthe\s+first\s+(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+"
    r"months|(?P<part>half|quarter))\s+of\s+(?:the|this)\s+year\b"
)
_MONTH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_MONTH_COUNTS |= {"nine": 9, "ten": 10, "eleven": 11, "half": 6, "quarter": 3}


def _with_first_months(lower: str, published: date, raw: list[DateMention]) -> list[DateMention]:
    """``raw`` with the months at the start of the report's year a sentence counts over."""
    m = _FIRST_MONTHS_RE.search(lower)
    if m is None:
        return raw
    word = m.group("n") or m.group("part")
    months = int(word) if word.isdigit() else _MONTH_COUNTS[word]
    if not 1 <= months <= 12:
        return raw
    end = date(published.year + months // 12, months % 12 + 1, 1) - timedelta(days=1)
    mention = DateMention(m.start(), m.end(), f"{published.year}-01-01/{end}", True)
    kept = [d for d in raw if d.end <= m.start() or d.start >= m.end()]
    return sorted([*kept, mention], key=lambda d: d.start)


#: a correction's story ("A report on the floods in Chimanimani (13 August, page 24) said
#: 31 had died"): the day in brackets is the day it was published, not the event's
_STORY_OF_RE = re.compile(
    r"\W*(?:an?|our|the|yesterday['’]s|last\s+week['’]s)\s+(?:[a-z]+\s+)?(?:report|story|article|"
    r"caption|explainer|piece|item|obituary|editorial|interview|graphic|headline|column)\b"
)


#: how long a truce has held is no day of the dead: "said a truce had held since Monday"
_TRUCE_HELD_RE = re.compile(r"\b(?:truce|ceasefire|calm|lull)\s+(?:has|had)\s+held\s+$")


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
    raw = find_dates(lower, published)
    if published is not None and "first " in lower:
        raw = _with_first_months(lower, published, raw)
    found = [
        d
        for d in raw
        if d.start >= skip
        and not _SAID_ON_RE.search(lower, max(0, d.start - 40), d.start)
        and not _TELLING_AFTER_RE.match(lower, d.end)
        and not _BRIEFING_ON_RE.search(lower, max(0, d.start - 70), d.start)
        and not _ROSE_ON_RE.search(lower, max(0, d.start - 50), d.start)
        and not _FUTURE_BEFORE_RE.search(lower, max(0, d.start - 40), d.start)
        and not _status_day(lower, d)
        and not _day_of_saying(lower, d)
        and not (lower[d.start - 1 : d.start] == "(" and _STORY_OF_RE.match(lower))
        and not (" held " in lower and _TRUCE_HELD_RE.search(lower, max(0, d.start - 50), d.start))
    ]
    before = _day_before(lower, raw, found)
    if before is not None:
        found = sorted([*found, before], key=lambda d: d.start)
    filed = 0 if skip else _filed_on_end(norm)
    if filed:
        # the day the report was filed gives way to the day the sentence names ("on Sunday
        # night"), not to a span around it ("overnight")
        rest = [d for d in found if d.start >= filed]
        if any(not d.is_period for d in rest):
            return rest
    return found


#: "said on Sunday that a missile strike ... the previous evening had killed": the day
#: before the day named
_DAY_BEFORE_RE = re.compile(r"\bthe\s+(?:previous|preceding)\s+(?:evening|night|day|afternoon)\b")


def _day_before(lower: str, raw: list[DateMention], found: list[DateMention]) -> DateMention | None:
    """The day before the one day the sentence names, for "the previous evening"."""
    m = _DAY_BEFORE_RE.search(lower) if "previous" in lower or "preceding" in lower else None
    days = [d for d in raw if d.value and not d.is_period and d.start < (m.start() if m else 0)]
    if m is None or len(days) != 1 or any(not d.is_period for d in found if d.start > m.start()):
        return None
    day = date.fromisoformat(days[0].value or "") - timedelta(days=1)
    return DateMention(m.start(), m.end(), day.isoformat(), False)


def _distance(mention: DateMention, position: int) -> int:
    return max(mention.start - position, position - mention.end, 0)


def when_for(
    position: int, dates: list[DateMention], cumulative: bool, lower: str = ""
) -> str | None:
    if not dates:
        return None
    if (
        lower
        and _EARLIER_FIGURE_RE.search(lower, max(0, position - 90), position)
        and not any(0 < d.start - position < 25 for d in dates)  # "from 29 on Tuesday"
    ):
        return None  # "raising the village's toll from 38": the event's figure, not the days
    # "418 died ..., a third fewer deaths than in the same period of 2025, ... hours after
    # nine bodies were recovered": the period compared with dates no figure after it
    periods = [
        d
        for d in dates
        if d.is_period
        and (d.start > position or not _COMPARED_RE.search(lower, max(0, d.start - 40), d.start))
    ]
    if cumulative and periods:
        # the period told with the figure: the first, unless a later one stands nearer
        # ("15 so far this year, against nine in the whole of 2025")
        first = min(periods, key=lambda d: (_distance(d, position), d.start))
        if _distance(periods[0], position) <= 40:
            first = periods[0]
        if lower and first.end <= position and _UNDATED_SINCE_RE.search(lower, first.end, position):
            # "42 killed over the past 24 hours, bringing the toll since the war began to
            # 44,100": the total runs from a start the sentence does not date
            return None
        return first.value
    points = [d for d in dates if not d.is_period] or periods
    if not points:
        return None  # the one date is the period compared with
    if lower and " from " in lower:
        # "46 dead, the institute said, up from 31 on Monday": Monday is the 31's day
        others = [
            d
            for d in points
            if d.start < position
            or not _EARLIER_DAY_RE.search(lower, max(0, d.start - 40), d.start)
        ]
        points = others or periods or points
    nearest = min(points, key=lambda d: abs(d.start - position))
    year = nearest.value[:4] if nearest.value else ""
    told_between = [  # "laid flowers on Thursday where, one year ago, a flood killed 31"
        d
        for d in periods
        if nearest.end <= d.start < position
        and d.value
        # an event's month or year, or a period that ended before the day's year ("raised
        # on Wednesday the number killed in the massacre ... in March 1982 to 187")
        and (d.value < year if d.of_event else d.value.rsplit("/", 1)[-1][:4] < year)
    ]
    if told_between and not nearest.is_period:
        return told_between[-1].value
    past = [d for d in periods if 0 < d.start - position <= 80 and d.value and d.value < year]
    if past and not nearest.is_period:  # (not "the fires of February 2009, which killed
        # 173, and the fires of February 1983": each figure its own event's month)
        # "sentenced on Tuesday ... for the killing of 41 villagers in ... in June 1986": the
        # killing's own month and year, not the day the report tells of
        return past[0].value
    return nearest.value


#: a period a count is compared with: "than in the same period of 2025", "than last year"
_COMPARED_RE = re.compile(r"\bthan\s+(?:in\s+|during\s+|for\s+)?(?:the\s+same\s+[a-z]+\s+)?$")
#: the day an earlier toll was given, told after it: "up from 31 on Monday"
_EARLIER_DAY_RE = re.compile(
    r"\b(?:up|down|rose|risen|revised|raised)\s+from\s+[\w,]+\s+(?:(?:late|early)\s+)?"
    r"(?:on\s+)?$"
)
#: a running total's own start, named but not dated, between a period and its figure
_UNDATED_SINCE_RE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|war|conflict|invasion|siege|"
    r"fighting|offensive|escalation)\b"
)


#: "a year after", "two years since", "a year on from" (read by ``find_dates`` as the year
#: it counts back to)
ANNIVERSARY_RE = re.compile(r"\byears?\s+(?:after|since|on\s+from)$")
#: where the clause such a phrase opens ends: a comma not followed by what the event did
CLAUSE_END_RE = re.compile(r",\s+(?!killing|leaving|claiming|drowning|burying|injuring)|;")


def _counts_back(lower: str, d: DateMention) -> bool:
    """A "year after" phrase whose clause tells the event's figure ("a year after the
    ferry capsized off Kome island, killing 87"), not one a main clause follows with the
    week's news ("A year after the massacre, a new raid kills 10")."""
    if not ANNIVERSARY_RE.search(lower, d.start, d.end):
        return False
    end = CLAUSE_END_RE.search(lower, d.end)
    return _DIGIT_RE.search(lower, d.end, end.start() if end else len(lower)) is not None


def carry_when(dates: list[DateMention], current: str | None, lower: str = "") -> str | None:
    """The date later sentences are about: the last event date named, not a "since" period,
    nor the day of the aftermath of the event told before ("rescuers recovered three more
    bodies on Tuesday", "two of the wounded died in hospital on Wednesday") or of an earlier
    toll of it ("It had put the toll at 11 on Wednesday"): the sentences after it are still
    about the event."""
    back = [d for d in dates if d.value and _counts_back(lower, d)]
    if back:  # "on Thursday, a year after the ferry capsized, killing 87": the event told on
        return back[-1].value
    points = [d for d in dates if d.value and (not d.is_period or d.one_night)]
    if not points:
        return current
    aftermath = _AFTERMATH_RE.search(lower) if lower else None
    if current is None and aftermath is not None:
        # "a strike on Monday night has killed 23, including two patients who died of
        # their wounds on Wednesday": the event's day, told before its aftermath's
        before = [d for d in points if d.end <= aftermath.start()]
        if before:
            return before[-1].value
    # (an earlier toll's day alone: "It had put the toll at 11 on Wednesday evening"; with
    # the event's day beside it, the sentence is read as before)
    earlier = len(points) == 1 and lower and _EARLIER_TOLL_RE.search(lower)
    if current is not None and (aftermath or earlier):
        # (unless the sentence names a day inside the month or year carried: "after the
        # flood of 2 May 2025 ... bodies were pulled from mud" carried "2025")
        start, end = when_bounds(current)
        day = (points[-1].value or "")[:10]
        if start is None or end is None or (end - start).days < 28:
            return current
        if not start.isoformat() <= day <= end.isoformat():
            return current
    return points[-1].value


def event_day(drafts: list[Draft], event: str | None, lower: str) -> None:
    """The dead, wounded and missing of the event told before, counted again on a later day
    of its aftermath ("rescuers recovered three more bodies on Tuesday, bringing the toll to
    12 from 9") or given as an earlier toll ("The toll rose from eight on Wednesday"), keep
    the event's day: the toll and the toll it revises are the event's. Bodies found keep
    the day they were found."""
    if event is None or "/" in event:
        return
    cue = _AFTERMATH_RE.search(lower) or _EARLIER_TOLL_RE.search(lower)
    if cue is None:
        return
    # "On 11 February, 19 people were killed in X, and four more bodies were found the next
    # day, bringing the toll to 23": the sentence opens on its own event and day
    first = min(drafts, key=lambda d: d.position, default=None)
    if (
        first is not None
        and first.when
        and "/" not in first.when
        and _OPENS_ON_DAY_RE.match(lower)
        and _NEW_CLAUSE_RE.search(lower, first.position, cue.start())
    ):
        event = first.when
    for d in drafts:
        if (
            d.scope == "incident"
            and d.outcome in ("killed", "injured", "missing")
            and d.when is not None
            and "/" not in d.when
            and event < d.when <= _days_after(event, 7)
        ):
            d.when = event


class DayToldLater:
    """A lead that tells the event's aftermath before its day ("Rescuers recovered two
    more bodies on Tuesday ..., bringing the toll to nine", then "The mudflow ... swept
    down a gorge late on Sunday"): its dead, wounded and missing are the event's, and take
    the day one of the next two sentences gives it, when that lies in the week before.
    Bodies found keep the day they were found."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.day: str | None = None
        self.at = -1
        self.within = 7  # days

    def watch(self, drafts: list[Draft], event: str | None, lower: str, index: int) -> None:
        if self.day is not None:  # a sentence between the lead and the event's day
            self.drafts += [d for d in drafts if _of_the_event(d) and d.when == self.day]
            return
        # (or a hearing's day: "An inquest into the deaths of seven people ... heard on
        # Thursday", then "... on the night of 17 February", months before)
        hearing = _HEARING_RE.search(lower) is not None
        if (
            event is not None
            or self.at >= 0
            or (_AFTERMATH_RE.search(lower) is None and not hearing)
        ):
            return
        self.within = 3 * 365 if hearing else 7
        self.drafts = [d for d in drafts if _of_the_event(d) and "/" not in (d.when or "/")]
        if self.drafts:
            self.day, self.at = self.drafts[0].when, index

    def settle(self, index: int, dates: list[DateMention], day: str | None) -> str | None:
        """The event's day, once the sentence after the lead dates it (``day``, carried):
        the watched drafts take it, and so does a day carried from the lead."""
        if self.day is None or index <= self.at:
            return None
        if index > self.at + 2:  # (a day told further on is another matter's)
            self.day = None
            return None
        if not any(d.value and not d.is_period for d in dates):
            return None
        told, self.day = self.day, None
        if day is None or "/" in day or not day < told <= _days_after(day, self.within):
            return None
        for d in self.drafts:
            if d.when == told:
                d.when = day
        return told


#: a hearing into deaths: "An inquest into the deaths of seven people"
_HEARING_RE = re.compile(
    r"\b(?:inquest|inquiry|trial|hearing|tribunal)\s+(?:[a-z]+\s+){0,3}?into\s+the\s+"
    r"(?:deaths?|killings?)\s+of\b"
)


def weeks_before(dates: list[DateMention], event: str | None) -> bool:
    """A sentence dates something two weeks or more before the event carried, its year left
    out ("On 2 May, a missile strike on the city's bus station killed 11", in a report of a
    strike on 12 August): a site it names is not the site of the report's figures."""
    return any(
        d.value and not d.is_period and (days_before(d.value, event) or 0) >= 14 for d in dates
    )


def _of_the_event(d: Draft) -> bool:
    return d.scope == "incident" and d.outcome in ("killed", "injured", "missing")


#: a sentence that opens on its day: "On 11 February, ...", "On Tuesday, ..."
_OPENS_ON_DAY_RE = re.compile(
    r"^\W*on\s+(?:\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2}|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b[^,]{0,20},"
)


_NEW_CLAUSE_RE = re.compile(r",\s+and\s|;\s")


def rise_shares_day(drafts: list[Draft], lower: str) -> None:
    """The toll a rise started from ("raising the toll of that attack from five to seven")
    is of the same event as the toll it rose to: it takes that figure's day."""
    if len(drafts) < 2 or " from " not in lower:
        return
    for i, d in enumerate(drafts):
        if d.scope != "incident":
            continue
        if not _EARLIER_FIGURE_RE.search(lower, max(0, d.position - 90), d.position):
            continue
        later = next((x for x in drafts[i + 1 :] if x.outcome == d.outcome), None)
        if later is not None and later.scope == "incident" and later.when is not None:
            d.when = later.when


def _days_after(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


#: "The toll rose from eight on Wednesday", "up from six", "had stood at four on Monday":
#: an earlier toll of the same event, told with the day it was given
_EARLIER_TOLL_RE = re.compile(
    r"\b(?:(?:rose|risen|raised|revised|climbed|increased|up)\s+from|had\s+stood\s+at|"
    # "On Tuesday, the administrator put the toll at 52": the day it was given
    r"(?:earlier|previous)\s+toll\s+of|puts?\s+the\s+(?:death\s+)?toll\s+at|"
    # "The agency had reported 19 deaths on Sunday and 28 on Monday": its earlier tolls
    r"had\s+(?:reported|given|counted|confirmed)\s+[\d,]+\s+(?:deaths|dead)\b)"
)
_AFTERMATH_RE = re.compile(
    r"\b(?:recovered|retrieved|pulled\s+(?:out|from)|exhumed|discharged|had\s+received|"
    # (not what a landslide did: "the landslide that buried part of the settlement")
    r"(?<!that\s)(?<!which\s)buried(?!\s+(?:under|beneath|part|parts|much|most|homes|houses|"
    r"several|dozens|hundreds|alive|a\s+village|the\s+village)\b)|"
    r"found\s+(?:[\w,]+\s+)?(?:more|further|other)\s+bodies|"
    # "died this morning at the Valle del Lili hospital"
    r"died\s+(?:[\w'’-]+\s+){0,3}?(?:in|at)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?(?:hospital|clinic)|"
    r"died\s+of\s+(?:their|his|her)\s+"
    r"(?:wounds|injuries|burns)|"
    # "two more of the injured died at MTRH, raising the toll to 18": the event's toll again
    r"(?:raising|bringing|taking|pushing)\s+the\s+(?:overall\s+|death\s+)?toll|"
    # another source's count of the same dead, given a day or two later
    r"(?:gave|given)\s+a\s+(?:count|toll|tally)\s+of|"
    # "the body of a 71-year-old man ... was found on Sunday": one more of the event's dead
    r"the\s+body\s+of\s+(?:a|an|the)\s+[^,.;]{1,60}?\s+was\s+(?:found|recovered|pulled)|"
    # "died on Tuesday morning and is included in the toll of 14": that toll's dead
    r"(?:is|are|was|were)\s+(?:already\s+)?included\s+in\s+the\s+(?:death\s+)?toll|"
    r"of\s+the\s+(?:injured|wounded)\s+(?:have\s+|had\s+)?died)\b"
)


def backfill_when(drafts: list[Draft], first_when: str | None) -> None:
    """Claims before the first date (a headline, a lead) are about that first event."""
    if first_when is None:
        return
    for d in drafts:
        if d.when is not None:
            break
        if d.scope == "incident" and d.qualifier != "derived":
            d.when = day_told_again(d, drafts, first_when) or first_when


#: a figure of the event the sentence before told of: "The official toll of that disaster
#: was more than 200 dead", after "since September 2011, when the MV Spice Islander sank"
_THAT_EVENT_RE = re.compile(
    r"\b(?:that|this\s+earlier)\s+(?:disaster|attack|quake|earthquake|sinking|tragedy|fire|"
    r"floods?|blast|explosion|bombing|massacre|collapse|crash|storm|cyclone|hurricane|typhoon|"
    r"stampede|crush|accident|shipwreck|landslide|eruption|strike|raid)\b"
)


def that_event(lower: str, named: list[DateMention], current: str | None) -> str | None:
    """The date of the past event the sentence before named, for a figure of "that
    disaster" (None unless that date lies before the date the report is about)."""
    if not named or not named[-1].value or not _THAT_EVENT_RE.search(lower):
        return None
    past = named[-1].value
    return past if current is None or past.split("/")[0] < current.split("/")[0] else None


def claim_until_published(claim: Claim, published: date | None) -> Claim:
    """``claim`` with its period ended on the report's day (``until_published``)."""
    when = until_published(claim.when, published)
    return claim if when == claim.when else replace(claim, when=when)


def until_published(when: str | None, published: date | None) -> str | None:
    """A period running on past the report's day ends on that day: "in 2026 alone" in a
    report of 9 September is 2026-01-01/2026-09-09 (no report counts days to come)."""
    if when is None or published is None or "/" not in when:
        return when
    first, last = when.split("/", 1)
    end = published.isoformat()
    if last <= end or first > end:
        return when
    return first if first == end else f"{first}/{end}"
