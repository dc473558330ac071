"""An incident's minimum and maximum from its claims' floors and ceilings.

The rule (docs/counting.md, "Minimum and maximum"):

1. A ceiling is *superseded* when a claim from the same report, or from a report
   published later, gives a higher floor: the toll rose, the old figure no longer caps it
   (in one report, not an official figure under an unofficial one with no revision word).
2. Each floor is capped by every remaining ceiling that applies to it (a figure for
   everyone caps all figures; a figure for a group, such as children, caps that group's).
3. The minimum is the highest capped floor: when sources agree it is simply the highest
   credible minimum (IBC-style), and when they contradict it is the lowest total a
   source stands behind. The maximum is the highest figure any claim gives.
4. The incident is *contested* when some floor exceeds a remaining ceiling that applies
   to it, after widening "about" figures by the tolerance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.count.facts import ClaimFacts, disagree
from tollbook.count.subgroups import is_subgroup_victims
from tollbook.count.wording import strikers_own_count


@dataclass(frozen=True)
class Figures:
    low: int
    high: int
    contested: bool
    superseded: frozenset[int]
    vague_only: bool


#: victims that are the attack's own perpetrators, killed in it or by the forces that
#: answered it: dead beside the victims, never among them ("the toll of 11 policemen" and
#: "four attackers were killed" are 15 dead)
_PERPETRATORS = re.compile(
    r"\b(?:attackers?|assailants?|gunm[ae]n|(?:suicide )?bombers?|militants?|insurgents?|"
    r"jihadists?|raiders?|hijackers?|kidnappers?|hostage[- ]takers?|terrorists?|bandits?)\b"
)


def incident_figures(members: list[ClaimFacts]) -> Figures:
    """The incident's figures; its perpetrators' dead, when it names them apart from its
    victims, are counted apart and added (not when the one who struck names the dead
    so: ``strikers_own_count``)."""
    perpetrators = [
        f
        for f in members
        if f.sourced.part_of is None
        and _PERPETRATORS.search(f.victims)
        and not strikers_own_count(f.victims, f.sourced.claim.evidence)
    ]
    if not perpetrators or len(perpetrators) == len(members):
        return _figures(members)
    others = [f for f in members if f not in perpetrators]
    if _holds_attackers(others, perpetrators):
        # the victims told beside the attackers are then a part of that figure, no total
        return _figures(others, frozenset(f.sourced.claim.evidence for f in perpetrators))
    victims = _figures(others)
    attackers = _figures(perpetrators)
    return Figures(
        victims.low + attackers.low,
        victims.high + attackers.high,
        victims.contested or attackers.contested,
        victims.superseded | attackers.superseded,
        victims.vague_only and attackers.vague_only,
    )


def _holds_attackers(victims: list[ClaimFacts], perpetrators: list[ClaimFacts]) -> bool:
    """Whether a figure for everyone already holds the attackers: it is the sum of a group
    of victims and the attackers told together in another sentence ("29 of them in a
    single attack" beside the police's "26 recruits and instructors and three attackers
    were killed")."""
    together = {
        group.floor + attackers.floor
        for group in victims
        if not group.everyone and group.sourced.part_of is None and group.floor is not None
        for attackers in perpetrators
        if attackers.floor is not None
        and attackers.sourced.claim.evidence == group.sourced.claim.evidence
    }
    return any(
        f.everyone and f.floor in together and f.sourced.claim.evidence != evidence
        for f in victims
        for evidence in {p.sourced.claim.evidence for p in perpetrators}
    )


def _stands_lower(a: ClaimFacts, b: ClaimFacts, floor: int) -> bool:
    """Whether ``a`` is a total of the same report as ``b`` ("at least 17", "13 gold miners")
    from a source that disagrees with ``b``'s higher figure, and caps it no other way: the
    lower total a source stands behind is the minimum (TOLLS.md rule 5)."""
    return (
        a is not b
        and a.floor is not None
        and a.floor < floor
        and a.report_id == b.report_id
        and not a.attached  # (a part of the toll is no total of its own)
        # (a figure that caps ``b`` is one of the cappers already; "13 gold miners" from the
        # police does not cap "15 people" by its victims, yet it is the police's total)
        and (a.ceiling is None or not a.caps(b))
        and (a.caps(b) or not is_subgroup_victims(a.victims))
        and disagree(a, b)
    )


def _figures(members: list[ClaimFacts], beside: frozenset[str] = frozenset()) -> Figures:
    """The figures of ``members``; ``beside`` are the sentences that also count attackers a
    total already holds ("16 cadets and three gunmen were killed" beside "19 of them in
    one raid"): their victims' figure is no source's total."""
    if len(members) == 1:
        only = members[0]
        low = only.floor or 0
        high = max(low, only.ceiling or 0)
        return Figures(low, high, False, frozenset(), only.sourced.claim.qualifier == "vague")
    superseded = frozenset(
        a.claim_id
        for a in members
        if a.ceiling is not None and any(a.revised_by(b) for b in members if b is not a)
    )
    cappers = [
        a
        for a in members
        if a.ceiling is not None and a.claim_id not in superseded and not a.partial
    ]
    low = 0
    contested = False
    for b in members:
        if b.floor is None:
            continue
        floor = b.floor
        for a in cappers:
            if a is b or not a.caps(b):
                continue
            assert a.ceiling is not None
            floor = min(floor, a.ceiling)
            contested = contested or a.exceeded_by(b)
        for a in members:  # "at least 17" from the authorities, 22 from community leaders
            if _stands_lower(a, b, floor) and a.sourced.claim.evidence not in beside:
                assert a.floor is not None
                floor, contested = a.floor, True
        low = max(low, floor)
    figures = [v for f in members for v in (f.floor, f.ceiling) if v is not None]
    high = max([low, *figures])
    vague_only = all(f.sourced.claim.qualifier == "vague" for f in members)
    return Figures(low, high, contested, superseded, vague_only)
