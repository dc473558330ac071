"""Tolls: what casualty recorders publish for a place and a period.

A toll sets the *documented* count (the sum of incident minimums and maximums) beside
the *reported cumulative* figures (official or not) and the *estimates*, each a time
series of sourced figures. The cumulative figures are never added to the documented
count: a "1,200 since the invasion" already contains the incidents it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from tollbook.domain.incident import Incident, ReviewStatus

#: Which series a figure belongs to: an authority's running total, anyone else's
#: running total, or an estimate (``kind`` estimate or a ``derived`` figure).
SeriesName = Literal["official", "reported", "estimate"]
SERIES_NAMES: tuple[str, ...] = get_args(SeriesName)


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included; ``None`` leaves that side open."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def contains(self, day: date | None) -> bool:
        """Whether ``day`` is in the period; an unknown day is only in an unbounded one."""
        if day is None:
            return not self.bounded
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day > self.end)


@dataclass(frozen=True)
class SeriesPoint:
    """One sourced figure of a time series: a cumulative total or an estimate.

    ``date`` is the day the figure is "as of": the end of its ``when`` period, else its
    report's publication date (None if neither is known). ``subgroup``: it counts part
    of the victims ("11 children"), so it is listed beside the toll but is never its
    latest official or reported figure; ``part_of`` names the claim it is part of.
    """

    series: SeriesName
    date: date | None
    place: str | None
    outcome: str
    low: int | None
    high: int | None
    qualifier: str
    scope: str
    kind: str
    claim_id: int
    report_id: int
    article: str
    publisher: str | None
    attributed_to: str | None
    when: str | None
    evidence: str
    review_status: ReviewStatus
    subgroup: bool = False
    part_of: int | None = None
    victims: str = "people"
    #: its period ended before its report was told ("in January alone", in February): a
    #: past period's count, not a running total up to the telling
    closed: bool = False


@dataclass(frozen=True)
class DocumentedPoint:
    """The documented count up to and including ``date``: running sums of incidents."""

    date: date
    low: int
    high: int
    incidents: int


@dataclass(frozen=True)
class NamedAlike:
    """Incidents at a place a toll does not count though the place is named after the
    toll's ("Malatya province" beside a toll of the city of Malatya): listed so that a toll
    counting little or nothing is not read as few or no deaths."""

    place: str
    low: int
    high: int
    incidents: int


@dataclass(frozen=True)
class PlacePart:
    """The part of a wider incident a report places in the toll's place ("112 killed
    across Pakistan, including 45 in Sindh province": 45 for a toll of Sindh).

    ``low``/``high`` are the part's figure; ``added_low``/``added_high`` what it adds to
    the toll beyond the toll's own incidents in the same place and days (the part is at
    least their sum). ``incident_*`` describe the wider incident it is part of.
    """

    place: str
    low: int
    high: int
    added_low: int
    added_high: int
    date: date | None
    claim_id: int
    reviewed: bool
    incident_id: int | None
    incident_place: str | None
    incident_low: int
    incident_high: int


@dataclass(frozen=True)
class Toll:
    """A place's toll for one outcome over a period.

    ``incidents`` are the incidents counted, in date order (undated last).
    ``low``/``high`` sum their minimums and maximums; ``reviewed_low`` and
    ``reviewed_high`` sum only the incidents whose every claim a person confirmed or
    edited. ``documented`` is the running sum over dated incidents; incidents with no
    date count in the totals (when the period is open) but not in the series.

    ``held_back`` are the place's incidents in the period whose figure looks like a
    running total and that no person confirmed (see ``count.guards``): listed beside
    the documented count, never in it. ``official``, ``reported`` and ``estimates``
    hold figures for all the victims; figures for part of them ("11 children") are in
    ``subgroups``, beside the rest, and are never the latest official figure.
    """

    place: str
    outcome: str
    period: Period
    low: int
    high: int
    incidents: tuple[Incident, ...]
    reviewed_low: int
    reviewed_high: int
    unreviewed_incidents: int
    undated_incidents: int
    contested_incidents: int
    documented: tuple[DocumentedPoint, ...]
    official: tuple[SeriesPoint, ...]
    reported: tuple[SeriesPoint, ...]
    estimates: tuple[SeriesPoint, ...]
    vague_rule: str
    held_back: tuple[Incident, ...] = ()
    subgroups: tuple[SeriesPoint, ...] = ()
    #: areas named after the place, whose incidents this toll does not count
    named_alike: tuple[NamedAlike, ...] = ()
    #: parts of wider incidents placed in the place, counted in ``low`` and ``high``
    parts: tuple[PlacePart, ...] = ()

    @property
    def held_back_low(self) -> int:
        return sum(i.low for i in self.held_back)

    @property
    def held_back_high(self) -> int:
        return sum(i.high for i in self.held_back)

    @property
    def doubtful(self) -> tuple[Incident, ...]:
        """Counted, unreviewed incidents that are a smaller event of a report telling a
        larger one: perhaps the same event told again (see ``count.report_events``)."""
        return tuple(i for i in self.incidents if i.doubtful)

    @property
    def doubtful_low(self) -> int:
        return sum(i.low for i in self.doubtful)

    @property
    def doubtful_high(self) -> int:
        return sum(i.high for i in self.doubtful)

    @property
    def flagged_incidents(self) -> tuple[Incident, ...]:
        """Counted incidents that look like running totals but a person confirmed."""
        return tuple(i for i in self.incidents if i.looks_cumulative)

    @property
    def latest_official(self) -> SeriesPoint | None:
        """The official cumulative figure with the latest date (the last if none dated)."""
        return _latest(self.official)

    @property
    def latest_reported(self) -> SeriesPoint | None:
        return _latest(self.reported)


def _latest(points: tuple[SeriesPoint, ...]) -> SeriesPoint | None:
    points = tuple(p for p in points if not p.subgroup)
    dated = [p for p in points if p.date is not None]
    if dated:
        return max(dated, key=lambda p: (p.date, p.claim_id))
    return points[-1] if points else None
