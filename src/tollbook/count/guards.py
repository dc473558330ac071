"""The running-total guard: an incident whose figure looks like a running total.

A running total coded as one event ("180 civilians verified killed between 24 February
and 30 March" read as an incident) would add a whole period's dead to the documented
count. An incident *looks like a running total* when its figure (its maximum) is

1. at least the largest running total (a cumulative figure for everyone, official or
   reported, not an estimate) given for the same place and outcome on or before the
   incident's day and within a year of it (any day, for an undated incident), or at least
   ``NEAR`` (nine tenths) of it when that total is ``NEAR_FLOOR`` (100) or more: a headline's
   "more than 94 thousand" beside the count of 94,318 restates the total; or
2. more than ``RATIO`` (10) times the median figure of the place's other incidents of
   that outcome told by other reports (incidents with a figure; at least one other is
   needed), when none of its sentences names a site hit ("theatre", "market"): a figure
   that large for a named site is read as one big event ("about 300 died in the
   theatre"). A report's own smaller figures ("three railway employees are among the
   dead" under "toll rises to 38") are parts of its toll, no measure of it.
3. ``LARGE`` (1,000) or more when none of its sentences names what happened (a quake, a
   flood, a strike, a massacre ...) and no site: "it said in May that 16,650 people had
   been killed" is a war's count, not one event's.

Such an incident is flagged on the toll and in review. While any of its claims is
unreviewed it is *held back*: shown beside the documented count, not added to it. Once
a person confirms its claims it counts (still flagged); if it is a running total, the
reviewer edits its claims' scope to ``cumulative``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from tollbook.domain.incident import Incident, place_key
from tollbook.domain.toll import SeriesPoint

#: An incident more than this many times the median of the place's others is flagged.
RATIO = 10
#: An incident of at least this share of a running total of ``NEAR_FLOOR`` or more is
#: flagged: "more than 94 thousand soldiers killed" beside the count of 94,318 restates it.
NEAR = 0.9
NEAR_FLOOR = 100


def flag_running_totals(
    incidents: Sequence[Incident], points: Sequence[SeriesPoint]
) -> list[Incident]:
    """``incidents`` in the same order, those that look like running totals flagged."""
    totals = _running_totals(points)
    by_place: dict[tuple[str, str], list[int]] = {}
    for index, incident in enumerate(incidents):
        # an incident's maximum is never below its minimum: it is its figure
        if incident.place_key is not None and incident.high > 0:
            by_place.setdefault((incident.place_key, incident.outcome), []).append(index)
    out = list(incidents)
    empty = _Totals()
    for key, members in by_place.items():
        place_totals = totals.get(key, empty)
        if len(members) < 2 and not place_totals.days and not place_totals.best:
            continue  # one incident and no running total: nothing to compare
        values = sorted(incidents[i].high for i in members)
        floor = _floor(values)
        for index in members:
            incident = incidents[index]
            reason = _total_reason(incident, place_totals)
            if reason is None and incident.site is None:
                reason = _ratio_reason(incident, values, floor)
                if reason is not None:  # only against what other reports tell
                    reason = _ratio_reason(incident, *_told_apart(incidents, members, index))
            if reason is not None:
                out[index] = replace(incident, running_total_guard=reason)
    for index, incident in enumerate(out):
        reason = None if incident.running_total_guard else _unnamed_event_reason(incident)
        if reason is not None:
            out[index] = replace(incident, running_total_guard=reason)
    return out


def _told_apart(
    incidents: Sequence[Incident], members: list[int], index: int
) -> tuple[list[int], int | None]:
    """The figures of the place's incidents that share no report with incident ``index``
    (and its own), sorted, with their floor: a report's own smaller figures ("three railway
    employees are among the dead") are parts of its toll, no measure of it."""
    reports = {s.report_id for s in incidents[index].sources}
    values = sorted(
        incidents[i].high
        for i in members
        if i == index or not reports & {s.report_id for s in incidents[i].sources}
    )
    return values, _floor(values)


def _floor(values: list[int]) -> int | None:
    """A value the median of the others is at least (see ``_median_of_others``)."""
    return values[max(0, (len(values) - 1) // 2 - 1)] if len(values) > 1 else None


#: A running total given longer before an incident than this says nothing of it: a count
#: of January 2020 is no measure of a collapse in 2026.
RECENT_DAYS = 365


class _Totals:
    """A place's running totals in date order."""

    def __init__(self) -> None:
        self.days: list[date] = []
        self.values: list[int] = []
        self.closed: list[bool] = []
        self.undated_best = 0
        self.best = 0

    def build(self, dated: list[tuple[date, int, bool]], undated: list[int]) -> _Totals:
        dated.sort()
        self.undated_best = max(undated, default=0)
        self.days = [day for day, _, _ in dated]
        self.values = [value for _, value, _ in dated]
        self.closed = [closed for _, _, closed in dated]
        self.best = max([self.undated_best, *self.values])
        return self

    def by(self, day: date | None) -> int:
        """The largest running total given on or before ``day`` and in the year before it
        (any, if None), or given undated; a past period's count that ended before ``day``
        ("25 in January alone" beside a cyclone's 41 in February) holds none of that
        day's dead and is no measure of its incident."""
        if day is None:
            return self.best
        first = bisect.bisect_left(self.days, day - timedelta(days=RECENT_DAYS))
        last = bisect.bisect_right(self.days, day)
        return max(
            [
                self.undated_best,
                *(
                    self.values[i]
                    for i in range(first, last)
                    if not (self.closed[i] and self.days[i] < day)
                ),
            ]
        )


def _running_totals(points: Sequence[SeriesPoint]) -> dict[tuple[str, str], _Totals]:
    dated: dict[tuple[str, str], list[tuple[date, int, bool]]] = {}
    undated: dict[tuple[str, str], list[int]] = {}
    for point in points:
        if point.series == "estimate" or point.subgroup or point.place is None:
            continue
        value = point.low if point.low is not None else point.high
        if value is None or value <= 0:
            continue
        key = (place_key(point.place) or "", point.outcome)
        if point.date is None:
            undated.setdefault(key, []).append(value)
        else:
            dated.setdefault(key, []).append((point.date, value, point.closed))
    return {
        key: _Totals().build(dated.get(key, []), undated.get(key, []))
        for key in dated.keys() | undated.keys()
    }


#: An incident of at least this many dead whose sentences name no event is flagged.
LARGE = 1000
#: what happened, named in a sentence: the big toll of one quake, flood or strike
_EVENT_WORD_RE = re.compile(
    r"(?i)\b(?:quake|earthquake|tsunami|cyclone|typhoon|hurricane|storm|floods?|flooding|"
    # (one strike, attack or raid: "fatalities from fighting and attacks" are a war's)
    r"landslides?|mudslides?|strike|attack|bomb\w*|blast|explosion|fire|blaze|crash|"
    r"collision|sinking|sank|capsiz\w*|stampede|crush|collapse\w*|massacre|raid|avalanche|"
    r"eruption|derail\w*|tornado|shelling|assault|ambush|shooting|drowned|accident|disaster)\b"
)


def _unnamed_event_reason(incident: Incident) -> str | None:
    """A thousand dead or more in one event that no sentence of it names ("it said in May
    that 16,650 people had been killed"): a war's or a campaign's count read as one event."""
    if incident.high < LARGE:
        return None
    # the sentences of the large figure itself: a village school's strike folded into the
    # incident names neither what killed the thousand nor where
    large = [s for s in incident.sources if max(s.low or 0, s.high or 0) >= LARGE]
    told = large or incident.sources
    site = (incident.site or "").split(",")[0].lower()
    if incident.site is not None and (not large or any(site in s.evidence.lower() for s in told)):
        return None
    if any(_EVENT_WORD_RE.search(s.evidence) for s in told):
        return None
    return f"{incident.high:,} dead in one event, and none of its sentences names what happened"


def _total_reason(incident: Incident, totals: _Totals) -> str | None:
    figure = incident.high
    total = totals.by(incident.date)
    if total and figure >= total:
        return f"{figure:,} is at least the place's largest running total by then ({total:,})"
    if total >= NEAR_FLOOR and figure >= NEAR * total:
        return f"{figure:,} is close to the place's largest running total by then ({total:,})"
    return None


def _ratio_reason(incident: Incident, values: list[int], floor: int | None) -> str | None:
    figure = incident.high
    if floor is None or figure <= RATIO * floor:
        return None
    median = _median_of_others(values, figure)
    if median is not None and figure > RATIO * median:
        return (
            f"{figure:,} is more than {RATIO} times the median of the place's other "
            f"incidents ({median:,g})"
        )
    return None


def _median_of_others(values: list[int], figure: int) -> float | None:
    """The median of sorted ``values`` with one ``figure`` taken out (None if empty)."""
    count = len(values) - 1
    if count < 1:
        return None
    gone = bisect.bisect_left(values, figure)

    def other(k: int) -> int:
        return values[k] if k < gone else values[k + 1]

    middle = count // 2
    if count % 2:
        return float(other(middle))
    return (other(middle - 1) + other(middle)) / 2
