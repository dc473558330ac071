"""Subgroup figures: claims that count part of the victims of another claim.

"180 civilians, including 11 children" gives two claims; the second is *part of* the
first. A subgroup is never a place's headline, never its latest official figure, and is
never counted on its own beside its larger figure. A claim is a subgroup when

- the extractor linked it to the larger claim (``part_of``, stored since migration
  0009), or
- its victims are a part of a population by age, sex or occupation ("children",
  "women and children", "medics"), as opposed to everyone ("people", "civilians",
  "residents", "soldiers").

A subgroup claim follows the claim it is part of: into that claim's incident, or beside
the toll when that claim is a running total or an estimate. When the extractor gave no
link, the larger claim is found in the same report and evidence sentence: a claim for
everyone, of the same outcome, whose figure is at least the subgroup's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tollbook.domain.claim import Claim, may_be_part_of
from tollbook.domain.incident import SourcedClaim

#: Words for part of a population (singular and plural), by age, sex or occupation.
_SUBGROUP_WORDS = frozenset(
    """child children kid kids minor minors boy boys girl girls baby babies infant infants
    newborn newborns toddler toddlers teenager teenagers adolescent adolescents youth youths
    pupil pupils schoolchild schoolchildren student students woman women man men mother
    mothers elderly pensioner pensioners journalist journalists reporter reporters medic
    medics doctor doctors nurse nurses paramedic paramedics rescuer rescuers firefighter
    firefighters teacher teachers volunteer volunteers policeman policemen staff""".split()
)
#: Words for everyone counted, or a whole population: never a subgroup on their own.
_WHOLE_WORDS = frozenset(
    """people persons person individuals victims dead bodies casualties civilians civilian
    residents inhabitants population soldiers troops servicemen combatants fighters
    militants""".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_CACHE: dict[str, bool] = {}


def is_subgroup_victims(victims: str) -> bool:
    """Whether ``victims`` names part of a population ("children", "women and
    children", "health workers") rather than everyone ("people", "civilians")."""
    found = _CACHE.get(victims)
    if found is None:
        words = set(_WORD.findall(victims.casefold()))
        found = bool(words & _SUBGROUP_WORDS) and not words & _WHOLE_WORDS
        if len(_CACHE) < 10_000:
            _CACHE[victims] = found
    return found


def is_subgroup(sourced: SourcedClaim) -> bool:
    """Linked to a larger claim, or its victims are part of a population."""
    return sourced.part_of is not None or is_subgroup_victims(sourced.claim.victims)


def find_parents(claims: Iterable[SourcedClaim]) -> dict[int, int]:
    """Subgroup claim id -> the id of the claim it is part of, for the claims given.

    The extractor's link when the larger claim is among ``claims`` (not rejected);
    otherwise, for a claim whose victims are a subgroup, the first claim of the same
    report, outcome and evidence sentence that counts everyone and whose figure is at
    least the subgroup's. Links that would form a loop are dropped.
    """
    claims = list(claims)
    linked = [c for c in claims if c.part_of is not None]
    outcome_of = {c.claim_id: c.claim.outcome for c in claims} if linked else {}
    parents: dict[int, int] = {}
    for sourced in linked:
        parent = sourced.part_of
        if (
            parent in outcome_of
            and parent != sourced.claim_id
            and may_be_part_of(outcome_of[parent], sourced.claim.outcome)
        ):
            parents[sourced.claim_id] = parent
    cache = _CACHE
    orphans: list[SourcedClaim] = []
    for sourced in claims:
        if sourced.part_of is None:
            victims = sourced.claim.victims
            subgroup = cache.get(victims)
            if subgroup is None:
                subgroup = is_subgroup_victims(victims)
            if subgroup:
                orphans.append(sourced)
    if orphans:
        wanted = {(o.report_id, o.claim.evidence) for o in orphans}
        whole: dict[tuple[int, str], list[SourcedClaim]] = {}
        for sourced in claims:
            key = (sourced.report_id, sourced.claim.evidence)
            if key in wanted and not is_subgroup_victims(sourced.claim.victims):
                whole.setdefault(key, []).append(sourced)
        for orphan in orphans:
            for candidate in whole.get((orphan.report_id, orphan.claim.evidence), ()):
                if _contains(candidate.claim, orphan.claim):
                    parents[orphan.claim_id] = candidate.claim_id
                    break
    return _without_loops(parents)


def root_of(claim_id: int, parents: dict[int, int]) -> int:
    """The claim at the top of a chain of subgroups ("30 girls" of "70 children" of
    "1,348 civilians"), or ``claim_id`` itself."""
    seen = 0
    while claim_id in parents and seen <= len(parents):
        claim_id = parents[claim_id]
        seen += 1
    return claim_id


def _contains(larger: Claim, part: Claim) -> bool:
    if larger.outcome != part.outcome:
        return False
    big = _figure(larger)
    small = _figure(part)
    return big is not None and small is not None and big >= small


def _figure(claim: Claim) -> int | None:
    values = [v for v in (claim.low, claim.high) if v is not None]
    return max(values) if values else None


def _without_loops(parents: dict[int, int]) -> dict[int, int]:
    out = dict(parents)
    for start in list(out):
        seen = {start}
        node = out.get(start)
        while node is not None:
            if node in seen:
                out.pop(start, None)
                break
            seen.add(node)
            node = out.get(node)
    return out
