"""Claims -> incidents and series: the whole reconciliation, pure and repeatable.

Rejected claims are left out; edited claims count with their edited values (the caller
passes claims as reviewed). A subgroup claim ("including 11 children") follows the
claim it is part of (``count.subgroups``). Incident claims are grouped automatically,
then the human overrides are applied in the order they were made, then each group's
figures and grade are worked out. Running totals and estimates become series points.
Last, incidents whose figure looks like a running total are flagged (``count.guards``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from tollbook.count.facts import ClaimFacts, FactReader
from tollbook.count.grouping import Group, group_claims
from tollbook.count.guards import flag_running_totals
from tollbook.count.incidents import build_incident
from tollbook.count.overrides import apply_overrides
from tollbook.count.report_events import flag_smaller_events
from tollbook.count.rules import DEFAULT_RULES, CountRules
from tollbook.count.series import questioned_elsewhere, series_of, series_point
from tollbook.count.subgroups import find_parents, is_subgroup, is_subgroup_victims, root_of
from tollbook.domain.claim import Claim
from tollbook.domain.incident import GroupingOverride, Incident, SourcedClaim, place_key
from tollbook.domain.toll import SeriesPoint


@dataclass(frozen=True)
class Reconciliation:
    """Every incident (in date order, undated last) and every series point."""

    incidents: tuple[Incident, ...]
    series: tuple[SeriesPoint, ...]
    rules: CountRules = field(default=DEFAULT_RULES)

    def flagged_claims(self) -> dict[int, str]:
        """Claim id -> why its incident looks like a running total, for every claim of
        such an incident (see ``count.guards``)."""
        return {
            claim_id: incident.running_total_guard
            for incident in self.incidents
            if incident.running_total_guard is not None
            for claim_id in incident.claim_ids
        }

    def smaller_event_claims(self) -> dict[int, str]:
        """Claim id -> why its incident may be a smaller event told again, for every claim
        of such an incident not yet reviewed (see ``count.report_events``)."""
        return {
            claim_id: incident.several_events_guard
            for incident in self.incidents
            if incident.several_events_guard is not None and incident.doubtful
            for claim_id in incident.claim_ids
        }

    def incident_of(self, claim_id: int) -> Incident | None:
        """The incident a claim is counted in, if any."""
        for incident in self.incidents:
            if claim_id in incident.claim_ids:
                return incident
        return None


def _place_part(part: Claim, whole: Claim) -> bool:
    """A part of a running total that is a place's own figure: everyone counted at a
    place other than the whole's ("31 in Nampula" of a national total), not a part of the
    victims ("of them 11 children")."""
    return (
        part.place is not None
        and place_key(part.place) != place_key(whole.place)
        and not is_subgroup_victims(part.victims)
    )


def reconcile(
    claims: Iterable[SourcedClaim],
    overrides: Sequence[GroupingOverride] = (),
    rules: CountRules = DEFAULT_RULES,
) -> Reconciliation:
    """Group the claims into incidents and series, applying ``overrides`` in id order."""
    with collector_paused():
        return _reconcile(claims, overrides, rules)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the many small objects are built: they hold
    no cycles (reference counting frees them), and the collector's repeated passes over
    them would otherwise double the time of a large reconciliation."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _reconcile(
    claims: Iterable[SourcedClaim],
    overrides: Sequence[GroupingOverride],
    rules: CountRules,
) -> Reconciliation:
    reader = FactReader(rules)
    kept = [sourced for sourced in claims if sourced.review_status != "rejected"]
    parents = find_parents(kept)
    by_id = {s.claim_id: s for s in kept} if parents else {}
    apart: frozenset[int] = frozenset()
    if parents:
        linked = parents
        parents = _events_inside_totals_apart(parents, by_id)
        apart = frozenset(linked) - frozenset(parents)
    incident_claims: list[ClaimFacts] = []
    # subgroup claims of incident claims: they join the incident of the claim on top
    attached: list[tuple[ClaimFacts, int]] = []
    points: list[SeriesPoint] = []
    questioned = questioned_elsewhere(kept)
    for sourced in kept:
        root = sourced.claim_id
        if parents and sourced.claim_id in parents:
            root = root_of(sourced.claim_id, parents)
            if sourced.part_of != parents[sourced.claim_id]:
                sourced = replace(sourced, part_of=parents[sourced.claim_id])
        series = series_of(by_id[root].claim if root != sourced.claim_id else sourced.claim)
        if series is None and root in questioned:
            series = "estimate"
        if series is None:
            facts = reader.read(sourced)
            if sourced.claim_id in apart and facts.wording.adds:
                # "another 74 deaths, 29 of them in a single attack": the word of more dead
                # is the total's; the event inside it gives its own toll
                facts.wording = replace(facts.wording, adds=False)
            if root == sourced.claim_id:
                incident_claims.append(facts)
            else:
                facts.attached = True
                attached.append((facts, root))
        else:
            subgroup = (
                is_subgroup(sourced)
                if root == sourced.claim_id
                else not _place_part(sourced.claim, by_id[root].claim)
            )
            points.append(series_point(sourced, series, subgroup, sourced.part_of))
    grouped = _attach(group_claims(incident_claims, rules, attached), attached)
    incident_claims.extend(facts for facts, _ in attached)
    regrouped = apply_overrides(grouped, overrides)
    counted = frozenset(f.claim_id for f in incident_claims)
    decisions: dict[int, list[GroupingOverride]] = {}
    for override in [*regrouped.grades, *regrouped.confirmations]:
        for claim_id in override.claim_ids:
            decisions.setdefault(claim_id, []).append(override)
    incidents = []
    for group in regrouped.groups:
        if not decisions:  # no grade or confirmation anywhere: nothing to look up
            incidents.append(build_incident(group, counted=counted))
            continue
        relevant = {o.id: o for f in group for o in decisions.get(f.claim_id, ())}
        incidents.append(
            build_incident(
                group,
                grades=[o for o in relevant.values() if o.action == "grade"],
                confirmations=[o for o in relevant.values() if o.action == "confirm"],
                counted=counted,
            )
        )
    incidents.sort(key=lambda i: (i.date or date.max, i.anchor))
    points.sort(key=lambda p: (p.date or date.max, p.claim_id))
    flagged = flag_smaller_events(flag_running_totals(incidents, points))
    return Reconciliation(tuple(flagged), tuple(points), rules)


def _events_inside_totals_apart(
    parents: dict[int, int], by_id: dict[int, SourcedClaim]
) -> dict[int, int]:
    """``parents`` without the links of one event inside a running total or an estimate
    ("the deadliest strike of the month, on 14 October, killed 19" in a month's 148; a
    school basement's eight dead linked to "2,000 to 2,500 may have died"): the event is an
    incident of its own, counted, while the total stands beside the count. A part of the
    victims ("including 58 children") still follows its total."""
    out = {}
    for child, parent in parents.items():
        claim, whole = by_id[child].claim, by_id[parent].claim
        if (
            series_of(claim) is None
            and (
                (whole.scope == "cumulative" and series_of(whole) != "estimate")
                or _other_event_in_estimate(claim, whole)
            )
            and not _part_of_its_victims(claim, whole)
        ):
            continue
        out[child] = parent
    return out


def _part_of_its_victims(claim: Claim, whole: Claim) -> bool:
    """Whether ``claim`` counts part of the victims of ``whole``: a subgroup told in the
    total's sentence ("180 civilians since the war began, including 58 children") or at
    its place ("Eleven were minors."). Two men killed in a village, told in a sentence of
    their own, are an event of the region's day, not a part of its victims."""
    return is_subgroup_victims(claim.victims) and (
        claim.evidence == whole.evidence or place_key(claim.place) == place_key(whole.place)
    )


def _other_event_in_estimate(claim: Claim, whole: Claim) -> bool:
    """Whether ``claim`` tells an event of its own inside the estimate ``whole`` (another
    day or place: "a bomb hit a school basement on Tuesday, killing eight" beside "2,000
    to 2,500 may have died"), not a part of the same event's dead ("all 19 on board feared
    dead", "the dead included 12 foreign trekkers")."""
    return series_of(whole) == "estimate" and (
        claim.when != whole.when or claim.place != whole.place
    )


def _attach(groups: list[Group], attached: list[tuple[ClaimFacts, int]]) -> list[Group]:
    """Put each subgroup claim in the group of the claim it is part of."""
    if not attached:
        return groups
    wanted = {root for _, root in attached}
    group_of: dict[int, Group] = {}
    for group in groups:
        for facts in group:
            if facts.claim_id in wanted:
                group_of[facts.claim_id] = group
    for facts, root in attached:
        group_of[root].append(facts)
    return groups
