"""The parts of wider incidents that the reports place inside a toll's place.

"Floods killed 112 across Pakistan, including 45 in Sindh province" gives an incident at
Pakistan with a subgroup at Sindh. The incident is Pakistan's; the 45 are Sindh's too,
and a toll of Sindh that left them out said "documented: 0". A toll therefore also counts,
from each wider incident it does not count (not at the place or in it), the subgroups
placed in the place:

- parts whose places lie one inside the other (45 in Sindh, 8 in Dadu, a town of Sindh)
  are one count, the largest; parts in places apart (Sindh, Punjab) add up;
- a part is at least what it holds: when the toll already counts incidents at the part's
  place (or in it) on the wider incident's days (give or take a day), the part adds only
  what it counts beyond them, so the same dead are not counted twice.
"""

from __future__ import annotations

from datetime import timedelta

from tollbook.count.place_scope import PlaceScope
from tollbook.count.reconcile import Reconciliation
from tollbook.domain.incident import Incident, IncidentSource, place_key
from tollbook.domain.toll import Period, PlacePart


def place_parts(
    reconciliation: Reconciliation,
    scope: PlaceScope,
    outcome: str,
    period: Period,
    counted: list[Incident],
) -> tuple[PlacePart, ...]:
    """The parts of wider incidents of ``outcome`` in ``period`` placed in ``scope``,
    with what each adds to the ``counted`` incidents."""
    out: list[PlacePart] = []
    for wider in reconciliation.incidents:
        if (
            wider.outcome != outcome
            or wider.held_back
            or not period.contains(wider.date)
            or scope.includes(wider.place)
        ):
            continue
        for source in _disjoint(_candidates(wider, scope), scope):
            low, high = figure_of(source)
            same = [i for i in counted if _inside(source, i, scope) and _meets(i, wider)]
            added_low = max(0, low - sum(i.low for i in same))
            added_high = max(0, high - sum(i.high for i in same))
            if added_high <= 0:
                continue
            out.append(
                PlacePart(
                    place=source.place or "",
                    low=low,
                    high=high,
                    added_low=added_low,
                    added_high=added_high,
                    date=wider.date,
                    claim_id=source.claim_id,
                    reviewed=source.review_status in ("confirmed", "edited"),
                    incident_id=wider.id,
                    incident_place=wider.place,
                    incident_low=wider.low,
                    incident_high=wider.high,
                )
            )
    return tuple(out)


def placed_elsewhere(incident: Incident) -> list[IncidentSource]:
    """The incident's subgroups placed at another place than its own ("45 in Sindh
    province" of a flood at Pakistan)."""
    own = place_key(incident.place)
    return [
        s
        for s in incident.sources
        if (s.subgroup or s.part_of is not None)
        and s.place is not None
        and place_key(s.place) != own
    ]


def figure_of(source: IncidentSource) -> tuple[int, int]:
    """A part's minimum and maximum (an open maximum taken as the minimum)."""
    low = source.low if source.low is not None else 0
    return low, source.high if source.high is not None else low


def _candidates(wider: Incident, scope: PlaceScope) -> list[IncidentSource]:
    """The wider incident's subgroups placed in the toll's place, with a figure."""
    return [
        s
        for s in placed_elsewhere(wider)
        if (s.low is not None or s.high is not None) and scope.includes(s.place)
    ]


def _disjoint(candidates: list[IncidentSource], scope: PlaceScope) -> list[IncidentSource]:
    """The largest part of each group of nested places; parts in places apart."""
    kept: list[IncidentSource] = []
    for source in sorted(candidates, key=lambda s: -(s.low or s.high or 0)):
        here = PlaceScope(source.place or "", scope.gazetteer)
        if not any(
            here.includes(k.place)
            or PlaceScope(k.place or "", scope.gazetteer).includes(source.place)
            for k in kept
        ):
            kept.append(source)
    return kept


def _inside(source: IncidentSource, incident: Incident, scope: PlaceScope) -> bool:
    return PlaceScope(source.place or "", scope.gazetteer).includes(incident.place)


def _meets(incident: Incident, wider: Incident) -> bool:
    """Whether the incident's days meet the wider incident's, give or take a day."""
    if incident.date is None or wider.start is None or wider.end is None:
        return incident.date is None and wider.date is None
    day = timedelta(days=1)
    return wider.start - day <= incident.date <= wider.end + day
