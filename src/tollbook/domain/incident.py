"""Incidents: claims from several reports about one event, with a minimum and a maximum.

These are the plain types the count layer reads and writes (see ``docs/counting.md``
for the rules that fill them). Nothing here touches the database.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from tollbook.domain.claim import Claim, GeoPoint, Outcome

#: Where a claim stands in human review. ``edited`` claims carry the reviewer's values.
ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected"]
REVIEW_STATUSES: tuple[str, ...] = get_args(ReviewStatus)

#: How well an incident's figure is sourced (after Airwars' and IBC's gradings):
#: one source; two or more independent sources that agree; sources that contradict.
Grade = Literal["single_source", "corroborated", "contested"]
GRADES: tuple[str, ...] = get_args(Grade)

#: What a human did to an incident grouping; see :class:`GroupingOverride`.
OverrideAction = Literal["merge", "split", "ungroup", "confirm", "grade"]
OVERRIDE_ACTIONS: tuple[str, ...] = get_args(OverrideAction)


def place_key(place: str | None) -> str | None:
    """A place name folded for case-insensitive exact matching, in any script."""
    if place is None:
        return None
    return unicodedata.normalize("NFKC", place).strip().casefold()


def when_bounds(when: str | None) -> tuple[date | None, date | None]:
    """First and last day of a claim's ``when`` (``YYYY-MM-DD`` or ``A/B``).

    Anything else, or a period that ends before it starts, gives ``(None, None)``.
    """
    if not when:
        return None, None
    first, slash, last = when.strip().partition("/")
    try:
        start = date.fromisoformat(first)
        end = date.fromisoformat(last) if slash else start
    except ValueError:
        return None, None
    if end < start:
        return None, None
    return start, end


def days_before(when: str | None, later: str | None) -> int | None:
    """How many days the first day of ``when`` lies before the first day of ``later``
    (negative when after it; None when either is undated)."""
    first, later_first = when_bounds(when)[0], when_bounds(later)[0]
    return None if first is None or later_first is None else (later_first - first).days


@dataclass(frozen=True)
class SourcedClaim:
    """A stored claim as the count layer needs it: values as reviewed, with provenance.

    ``publisher`` names who published the report (an outlet or an agency); reports with
    no known publisher are each treated as a source of their own. ``published`` is the
    report's publication date.
    """

    claim_id: int
    report_id: int
    claim: Claim
    review_status: ReviewStatus = "unreviewed"
    publisher: str | None = None
    published: date | None = None
    #: the stored id of the larger claim this one is part of ("including 11 children"),
    #: as the extractor linked them (migration 0009); None when not linked
    part_of: int | None = None

    @property
    def reviewed(self) -> bool:
        """Confirmed or edited by a person (rejected claims never reach the count)."""
        return self.review_status in ("confirmed", "edited")


@dataclass(frozen=True)
class GroupingOverride:
    """A human decision about which claims form an incident, applied in ``id`` order.

    - ``merge``: the incidents holding these claims are one incident.
    - ``split``: these claims leave their incident and form a new one together.
    - ``ungroup``: each of these claims is an incident of its own (a rejected grouping).
    - ``confirm``: these claims are one incident, as a person checked it.
    - ``grade``: the incident holding all these claims has grade ``grade``.
    """

    id: int
    action: OverrideAction
    claim_ids: frozenset[int]
    grade: Grade | None = None
    actor: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class IncidentSource:
    """One claim behind an incident, with where it came from and how it was used.

    ``superseded``: its upper figure was overtaken by a higher figure from the same
    report or a later one (a toll that rose), so it does not cap the incident.
    ``subgroup``: it counts part of the victims ("including six children"), so it can
    raise the incident's minimum but never caps it.
    ``part_of``: the claim it is part of (linked by the extractor or, failing that,
    found by counting: see ``count.subgroups``), if any.
    """

    claim_id: int
    report_id: int
    article: str
    source_key: str
    publisher: str | None
    published: date | None
    attributed_to: str | None
    kind: str
    qualifier: str
    low: int | None
    high: int | None
    victims: str
    when: str | None
    evidence: str
    review_status: ReviewStatus
    superseded: bool = False
    subgroup: bool = False
    vague_floor: int | None = None
    part_of: int | None = None
    #: the claim's own place ("Sindh province" in an incident at "Pakistan")
    place: str | None = None


@dataclass(frozen=True)
class Incident:
    """One event's toll for one outcome, as the reports give it.

    ``low`` is the documented minimum and ``high`` the maximum (see docs/counting.md).
    ``date`` is the day the incident is counted on (its first reported day); ``start``
    and ``end`` span every date its claims give. ``anchor`` is its lowest claim id;
    ``id`` is its stored id, set once the grouping has been saved.

    ``running_total_guard`` says why the incident's figure looks like a running total
    rather than one event (see ``count.guards``), or None. ``several_events_guard`` says
    why it may be a smaller event read from a report that tells a larger one (see
    ``count.report_events``), or None. While any of its claims is unreviewed an incident
    that looks like a running total is *held back*: shown beside the documented count,
    not added to it, until a person confirms it or recodes its claims; a smaller event is
    counted but flagged (``doubtful``).
    """

    anchor: int
    place: str | None
    place_key: str | None
    outcome: Outcome
    start: date | None
    end: date | None
    date: date | None
    low: int
    high: int
    grade: Grade
    computed_grade: Grade
    sources: tuple[IncidentSource, ...]
    event: str | None = None
    geo: GeoPoint | None = None
    grade_set_by: str | None = None
    grouping_confirmed: bool = False
    vague_only: bool = False
    id: int | None = None
    running_total_guard: str | None = None
    several_events_guard: str | None = None
    #: the site hit, as its claims' sentences name it ("hospital", "market"), if any
    site: str | None = None

    @property
    def claim_ids(self) -> tuple[int, ...]:
        return tuple(source.claim_id for source in self.sources)

    @property
    def source_keys(self) -> tuple[str, ...]:
        """The independent sources, each once, in first-seen order."""
        return tuple(dict.fromkeys(source.source_key for source in self.sources))

    @property
    def unreviewed_claims(self) -> int:
        return sum(1 for source in self.sources if source.review_status == "unreviewed")

    @property
    def reviewed(self) -> bool:
        """Every claim behind the incident was confirmed or edited by a person."""
        return self.unreviewed_claims == 0

    @property
    def looks_cumulative(self) -> bool:
        """Its figure looks like a running total (see ``running_total_guard``)."""
        return self.running_total_guard is not None

    @property
    def held_back(self) -> bool:
        """Looks like a running total and no person has confirmed it: not counted."""
        return self.running_total_guard is not None and not self.reviewed

    @property
    def doubtful(self) -> bool:
        """A smaller event of a report that tells a larger one, and no person has
        confirmed it: counted, but flagged as perhaps the same event told again."""
        return self.several_events_guard is not None and not self.reviewed
