"""A place's toll over a period, from a reconciliation.

The documented count sums the minimums and maximums of the place's incidents counted in
the period (by the incident's first day); the cumulative figures and the estimates are
listed beside it and never added to it, and so are the incidents held back because
their figure looks like a running total that no person confirmed (``count.guards``).
Figures for part of the victims ("11 children") are listed apart, as subgroups.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from tollbook.count.place_parts import figure_of, place_parts, placed_elsewhere
from tollbook.count.place_scope import PlaceScope
from tollbook.count.reconcile import Reconciliation
from tollbook.domain.incident import Incident
from tollbook.domain.toll import DocumentedPoint, NamedAlike, Period, PlacePart, SeriesPoint, Toll
from tollbook.gazetteer import Gazetteer


def place_incidents(
    reconciliation: Reconciliation,
    place: str | None = None,
    outcome: str | None = None,
    period: Period | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Incident]:
    """Incidents at ``place`` or in it (``count.place_scope``), of ``outcome``, counted
    in ``period``."""
    scope = PlaceScope(place, gazetteer) if place is not None else None
    return _incidents_in(reconciliation, scope, outcome, period or Period())


def _incidents_in(
    reconciliation: Reconciliation,
    scope: PlaceScope | None,
    outcome: str | None,
    period: Period,
) -> list[Incident]:
    return [
        incident
        for incident in reconciliation.incidents
        if (scope is None or scope.includes(incident.place))
        and (outcome is None or incident.outcome == outcome)
        and period.contains(incident.date)
    ]


def place_toll(
    reconciliation: Reconciliation,
    place: str,
    outcome: str = "killed",
    period: Period | None = None,
    gazetteer: Gazetteer | None = None,
) -> Toll:
    """The toll of ``place``: its incidents and those of the places in it (a city's
    districts, a region's towns), beside the running totals and estimates of the place
    itself. With a ``gazetteer`` the place may be named in any script or spelling."""
    period = period or Period()
    scope = PlaceScope(place, gazetteer)
    found = _incidents_in(reconciliation, scope, outcome, period)
    incidents = [i for i in found if not i.held_back]
    held_back = [i for i in found if i.held_back]
    points = [
        point
        for point in reconciliation.series
        if scope.is_same(point.place) and point.outcome == outcome and period.contains(point.date)
    ]
    reviewed = [i for i in incidents if i.reviewed]
    parts = place_parts(reconciliation, scope, outcome, period, incidents)
    reviewed_parts = [p for p in parts if p.reviewed]
    names = [i.place for i in found if scope.is_same(i.place)] + [p.place for p in points]
    return Toll(
        place=next((n for n in names if n), place.strip()),
        outcome=outcome,
        period=period,
        low=sum(i.low for i in incidents) + sum(p.added_low for p in parts),
        high=sum(i.high for i in incidents) + sum(p.added_high for p in parts),
        incidents=tuple(incidents),
        reviewed_low=sum(i.low for i in reviewed) + sum(p.added_low for p in reviewed_parts),
        reviewed_high=sum(i.high for i in reviewed) + sum(p.added_high for p in reviewed_parts),
        unreviewed_incidents=len(incidents) - len(reviewed) + len(parts) - len(reviewed_parts),
        undated_incidents=sum(1 for i in incidents if i.date is None)
        + sum(1 for p in parts if p.date is None),
        contested_incidents=sum(1 for i in incidents if i.grade == "contested"),
        documented=documented_series(incidents, parts),
        official=_of(points, "official"),
        reported=_of(points, "reported"),
        estimates=_of(points, "estimate"),
        vague_rule=reconciliation.rules.vague.describe(),
        held_back=tuple(held_back),
        subgroups=tuple(p for p in points if p.subgroup),
        named_alike=_named_alike(reconciliation, scope, outcome, period),
        parts=parts,
    )


def _named_alike(
    reconciliation: Reconciliation, scope: PlaceScope, outcome: str, period: Period
) -> tuple[NamedAlike, ...]:
    """The areas named after the place ("Malatya province"), with what they count: their
    incidents, and the largest part of each wider incident placed there ("including 45
    in Sindh province")."""
    by_place: dict[str, list[tuple[int, int]]] = {}
    for incident in reconciliation.incidents:
        if incident.outcome != outcome or incident.held_back or not period.contains(incident.date):
            continue
        if scope.named_alike(incident.place):
            by_place.setdefault(incident.place or "", []).append((incident.low, incident.high))
            continue
        parts: dict[str, tuple[int, int]] = {}
        for source in placed_elsewhere(incident):
            if source.place is not None and scope.named_alike(source.place):
                parts[source.place] = max(parts.get(source.place, (0, 0)), figure_of(source))
        for name, figure in parts.items():
            by_place.setdefault(name, []).append(figure)
    return tuple(
        NamedAlike(place, sum(lo for lo, _ in found), sum(hi for _, hi in found), len(found))
        for place, found in sorted(by_place.items())
    )


def documented_series(
    incidents: Iterable[Incident], parts: Iterable[PlacePart] = ()
) -> tuple[DocumentedPoint, ...]:
    """Running sums of minimums and maximums, one point per day with incidents (and with
    parts of wider incidents, by what each adds: ``count.place_parts``)."""
    counted = [(i.date, i.low, i.high) for i in incidents] + [
        (p.date, p.added_low, p.added_high) for p in parts
    ]
    dated = sorted((c for c in counted if c[0] is not None), key=lambda c: c[0] or 0)
    out: list[DocumentedPoint] = []
    low = high = count = 0
    for day, same_day in groupby(dated, key=lambda c: c[0]):
        for _day, its_low, its_high in same_day:
            low += its_low
            high += its_high
            count += 1
        assert day is not None
        out.append(DocumentedPoint(day, low, high, count))
    return tuple(out)


def _of(points: list[SeriesPoint], series: str) -> tuple[SeriesPoint, ...]:
    return tuple(p for p in points if p.series == series and not p.subgroup)
