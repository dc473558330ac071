"""One group of claims -> one :class:`Incident`: figures, grade, sources, place, days."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from tollbook.count.facts import ClaimFacts
from tollbook.count.figures import incident_figures
from tollbook.count.wording import event_label, most_common
from tollbook.domain.incident import (
    Grade,
    GroupingOverride,
    Incident,
    IncidentSource,
    place_key,
)


def build_incident(
    members: list[ClaimFacts],
    grades: Sequence[GroupingOverride] = (),
    confirmations: Sequence[GroupingOverride] = (),
    counted: frozenset[int] | None = None,
) -> Incident:
    """The incident of ``members``, with the latest grade and confirmation that apply.

    ``counted`` is every claim id in the reconciliation: an override's claims that are
    no longer counted are left out when matching it to the incident.
    """
    members = sorted(members, key=lambda f: f.claim_id)
    ids = frozenset(f.claim_id for f in members)
    figures = incident_figures(members)
    computed = _grade(members, figures.contested)
    grade: Grade = computed
    grade_set_by: str | None = None
    for override in sorted(grades, key=lambda o: o.id):
        if override.grade is not None and _holds(override, ids, counted, subset=True):
            grade, grade_set_by = override.grade, override.actor or "unknown"
    confirmed = any(_holds(o, ids, counted, subset=False) for o in confirmations)
    first = members[0]
    claim = first.sourced.claim
    # the days of the claims on top, not of a part of the victims told over a longer time
    # ("four of the dead were patients", said with the council's count since January)
    timed = [f for f in members if not f.attached] or members
    starts = [date.fromordinal(f.first_day) for f in timed if f.dated and f.first_day is not None]
    ends = [date.fromordinal(f.last_day) for f in timed if f.dated and f.last_day is not None]
    published = [f.sourced.published for f in members if f.sourced.published is not None]
    start = min(starts) if starts else None
    day = start if start is not None else (min(published) if published else None)
    place = _most_common_place(members)
    sites = [s for f in members for s in sorted(f.wording.sites)]
    return Incident(
        anchor=first.claim_id,
        place=place,
        place_key=place_key(place),
        outcome=claim.outcome,
        date=day,
        start=start,
        end=max(ends) if ends else None,
        low=figures.low,
        high=figures.high,
        grade=grade,
        computed_grade=computed,
        sources=tuple(_source(f, f.claim_id in figures.superseded) for f in members),
        event=event_label(sites, [f.wording.attack for f in members if f.wording.attack]),
        site=most_common(sites),
        geo=next((f.sourced.claim.geo for f in members if f.sourced.claim.geo), None),
        grade_set_by=grade_set_by,
        grouping_confirmed=confirmed,
        vague_only=figures.vague_only,
    )


def _grade(members: list[ClaimFacts], contested: bool) -> Grade:
    if contested:
        return "contested"
    if len({f.source_key for f in members}) >= 2:
        return "corroborated"
    return "single_source"


def _holds(
    override: GroupingOverride, ids: frozenset[int], counted: frozenset[int] | None, subset: bool
) -> bool:
    claims = override.claim_ids if counted is None else override.claim_ids & counted
    if not claims:
        return False
    return claims <= ids if subset else claims == ids


def _most_common_place(members: list[ClaimFacts]) -> str | None:
    own = [f for f in members if not f.wider] or members
    places = [f.sourced.claim.place for f in own if f.sourced.claim.place]
    if not places:
        return None
    counts = Counter(places)
    return max(places, key=lambda p: (counts[p], -places.index(p)))


def _source(facts: ClaimFacts, superseded: bool) -> IncidentSource:
    sourced = facts.sourced
    claim = sourced.claim
    return IncidentSource(
        claim_id=sourced.claim_id,
        report_id=sourced.report_id,
        article=claim.article,
        source_key=facts.source_key,
        publisher=sourced.publisher,
        published=sourced.published,
        attributed_to=claim.attributed_to,
        kind=claim.kind,
        qualifier=claim.qualifier,
        low=claim.low,
        high=claim.high,
        victims=claim.victims,
        when=claim.when,
        evidence=claim.evidence,
        review_status=sourced.review_status,
        superseded=superseded,
        subgroup=not facts.everyone,
        vague_floor=facts.vague_floor,
        part_of=sourced.part_of,
        place=claim.place,
    )
