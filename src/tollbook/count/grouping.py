"""Automatic grouping of incident claims into incidents.

Claims are one incident when they share a place (any letter case; a claim placed at a town
may join one placed inside it, "Saltivskyi district, Kharkiv", in a part of it, "central
Myanmar", or at a facility named after it, "Nansio port", but two places inside one town
stay apart) and an outcome, their
days meet (within ``date_tolerance_days``, also within one report),
their sites do not differ, and either they name the same site ("hospital") or their
figures do not contradict each other. Within one report, two different complete figures
for the same victims are two events ("Forty bodies on Tuesday, 30 more on Wednesday")
unless the sentence speaks of a revision ("earlier put the toll at 33").

Claims are taken in date order and each joins the best open incident it fits (same
site first, then one that holds its figure, then the nearest in time), so the work is close
to linear in the claims. A sentence that names two sites and gives two figures gives each
figure the site nearest to it (``figure_sites``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tollbook.count.facts import ClaimFacts
from tollbook.count.figure_sites import sites_by_figure
from tollbook.count.rules import CountRules
from tollbook.count.wider import fold_wider
from tollbook.count.wording import site_positions
from tollbook.gazetteer.world import PART_OF_RE

Group = list[ClaimFacts]


@dataclass(slots=True)
class _Open:
    """An incident being built: its claims, days and sites so far."""

    members: Group
    first_day: int | None
    last_day: int | None
    anchor: int
    sites: set[str] = field(default_factory=set)
    #: the place inside the town its claims name ("saltivskyi district, kharkiv"), if any
    within: str | None = None
    #: the sites inside the town its claims tell by what they are ("market, kharkiv")
    told: set[str] = field(default_factory=set)

    @classmethod
    def start(cls, facts: ClaimFacts) -> _Open:
        told = _told(facts)
        return cls(
            [facts],
            facts.first_day,
            facts.last_day,
            facts.claim_id,
            set(facts.wording.sites),
            None if told else _within(facts.place_key),
            {told} if told else set(),
        )

    def add(self, facts: ClaimFacts) -> None:
        self.members.append(facts)
        self.sites.update(facts.wording.sites)
        told = _told(facts)
        if told:
            self.told.add(told)
        else:
            self.within = self.within or _within(facts.place_key)
        self.anchor = min(self.anchor, facts.claim_id)
        if facts.first_day is not None and self.first_day is not None:
            self.first_day = min(self.first_day, facts.first_day)
        if facts.last_day is not None and self.last_day is not None:
            self.last_day = max(self.last_day, facts.last_day)


def group_claims(
    claims: list[ClaimFacts], rules: CountRules, parts: Sequence[tuple[ClaimFacts, int]] = ()
) -> list[Group]:
    """Incident claims -> groups, one per incident. Claims with no place stand alone.
    ``parts`` are the claims that are parts of them, each with the id of its whole ("12
    died at the scene" of the 14): grouped with their whole later, here they only help
    recognise a whole that holds more dead ("and two more died at the hospital")."""
    _note_sums(claims, parts)
    _note_figure_sites(claims)
    buckets: dict[tuple[str, str], list[ClaimFacts]] = {}
    groups: list[Group] = []
    for facts in claims:
        if facts.place_key is None:
            groups.append([facts])
            continue
        buckets.setdefault((_town(facts.place_key), facts.sourced.claim.outcome), []).append(facts)
    for bucket in buckets.values():
        groups.extend(_group_bucket(bucket, rules.date_tolerance_days))
    return fold_wider(groups, rules.places, rules.date_tolerance_days)


#: outcomes whose figures count the dead
_DEAD = frozenset({"killed", "bodies_found", "buried"})


def _note_sums(claims: list[ClaimFacts], parts: Sequence[tuple[ClaimFacts, int]]) -> None:
    """Each figure of more dead learns the tolls it would make with the other figures of
    the dead in its report, so that a toll which already holds it is recognised; and
    whether it makes up a whole with one of that whole's parts ("14 dead": "12 died at the
    scene, and two more at the hospital")."""
    adds = [f for f in claims if f.wording.adds and f.floor is not None]
    if not adds:
        return
    figures: dict[int, set[int]] = {}  # of the dead, by report
    totals: dict[tuple[int, str], set[int]] = {}  # by report and outcome
    for f in claims:
        if f.floor is None:
            continue
        outcome = f.sourced.claim.outcome
        if outcome in _DEAD:
            figures.setdefault(f.report_id, set()).add(f.floor)
        totals.setdefault((f.report_id, outcome), set()).add(f.floor)
    wholes = {f.claim_id: f.floor for f in claims}
    # (report, a part's figure, its whole's): the rest of the whole is more dead it holds
    rests = {
        (part.report_id, whole - part.floor)
        for part, root in parts
        if part.floor is not None
        and part.sourced.claim.outcome in _DEAD
        and (whole := wholes.get(root)) is not None
    }
    for f in adds:
        assert f.floor is not None
        f.sums = frozenset(x + f.floor for x in figures.get(f.report_id, ()) if x != f.floor)
        same = totals.get((f.report_id, f.sourced.claim.outcome), set())
        f.held_in_report = not f.sums.isdisjoint(same) or (f.report_id, f.floor) in rests


def _note_figure_sites(claims: list[ClaimFacts]) -> None:
    """A sentence that names two sites and gives two figures ("strike on railway station
    kills four, shelling of market kills seven") tells of two events: each figure keeps the
    sites nearest to it (``figure_sites``), so that the two are not one incident."""
    sentences: dict[tuple[int, str], list[ClaimFacts]] = {}
    for f in claims:
        if len(f.wording.sites) > 1:
            sentences.setdefault((f.report_id, f.sourced.claim.evidence), []).append(f)
    for (_, evidence), members in sentences.items():
        if len(members) < 2:
            continue
        figures = [(f.sourced.claim.low, f.sourced.claim.high) for f in members]
        positions = site_positions(evidence, members[0].wording.sites)
        found = sites_by_figure(evidence, figures, positions)
        if found is None:
            continue
        for f, sites in zip(members, found, strict=True):
            f.wording = replace(f.wording, sites=sites)


def _held(more: ClaimFacts, totals: list[ClaimFacts]) -> bool:
    """A figure of more dead that one of ``totals`` already holds: its figure is another
    figure of the dead in the report plus this one's ("at least 21": 17 bodies and the
    four injured who died)."""
    return more.wording.adds and (
        more.held_in_report
        or any(t is not more and (t.floor in more.sums or t.ceiling in more.sums) for t in totals)
    )


def _group_bucket(bucket: list[ClaimFacts], tolerance: int) -> list[Group]:
    dated = sorted(
        (f for f in bucket if f.first_day is not None),
        key=lambda f: (f.first_day, f.claim_id),
    )
    undated = sorted((f for f in bucket if f.first_day is None), key=lambda f: f.claim_id)
    done: list[Group] = []
    active: list[_Open] = []
    for facts in dated:
        day = facts.first_day
        assert day is not None
        if active and any(_closed(o, day, tolerance) for o in active):
            done.extend(o.members for o in active if _closed(o, day, tolerance))
            active = [o for o in active if not _closed(o, day, tolerance)]
        _place(facts, active, tolerance)
    done.extend(o.members for o in active)
    timeless: list[_Open] = []
    for facts in undated:
        _place(facts, timeless, tolerance)
    done.extend(o.members for o in timeless)
    return done


def _closed(incident: _Open, day: int, tolerance: int) -> bool:
    return incident.last_day is not None and incident.last_day + tolerance < day


def _place(facts: ClaimFacts, candidates: list[_Open], tolerance: int) -> None:
    best: _Open | None = None
    best_score: tuple[int, int, int, int] | None = None
    for incident in candidates:
        score = _fit(incident, facts, tolerance)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = incident, score
    if best is None:
        candidates.append(_Open.start(facts))
    else:
        best.add(facts)


def _fit(incident: _Open, facts: ClaimFacts, tolerance: int) -> tuple[int, int, int, int] | None:
    """How well ``facts`` fits the open incident (higher is better), None if it cannot."""
    sites = facts.wording.sites
    if (
        sites
        and incident.sites
        and sites.isdisjoint(incident.sites)
        and not _one_site(incident, facts)
    ):
        return None
    told = _told(facts)
    within = None if told else _within(facts.place_key)
    if within is not None and incident.within is not None and within != incident.within:
        return None  # two places in one town ("Avrora cinema, X" and "Tsentralnyi district, X")
    if told and incident.told and told not in incident.told:
        return None  # two sites told by what they are ("market, X" and "school, X")
    # (a site told by what it is may lie in a named one: "an apartment block" in the
    # "Tsentralnyi district" of the same town)
    shared_site = bool(sites) and not sites.isdisjoint(incident.sites)
    # a report that gives the risen toll has counted its later dead in it
    same = [m for m in incident.members if m.report_id == facts.report_id]
    risen = facts.wording.revises or any(m.wording.revises for m in same)
    for member in incident.members:
        same_report = member.report_id == facts.report_id
        if not member.days_meet(facts, tolerance):
            return None
        if same_report:
            if (
                not risen
                and _distinct_figures(member, facts)
                and not _held(member, [*same, facts])
                and not _held(facts, same)
            ):
                return None
        elif (
            not shared_site
            and _contradict(member, facts)
            and not _superseded(member, [*incident.members, facts])
            and not _superseded(facts, incident.members)
        ):
            return None
    gap = 0
    if facts.first_day is not None and incident.first_day is not None:
        gap = abs(facts.first_day - incident.first_day)
    # of two incidents it fits, the one that already holds its figure ("nine killed" in
    # Ukrainian joins the market's nine, not the station's four of the same day)
    agrees = any((m.floor, m.ceiling) == (facts.floor, facts.ceiling) for m in incident.members)
    return (1 if shared_site else 0, 1 if agrees else 0, -gap, -incident.anchor)


def _one_site(incident: _Open, facts: ClaimFacts) -> bool:
    """Whether one report places the claims at one site ("aid point, Kostiantynivka") though
    their sentences name the site in other words ("bread queue", "aid point", "shop wall")."""
    key = facts.place_key
    return (
        key is not None
        and ", " in key
        and all(m.report_id == facts.report_id and m.place_key == key for m in incident.members)
    )


def _told(facts: ClaimFacts) -> str | None:
    """The place key of a claim placed at a site told by what it is ("apartment block,
    Mykolaiv": its first part in lower case), else None."""
    place = facts.sourced.claim.place
    if place is None or ", " not in place or not place[:1].isascii() or not place[:1].islower():
        return None
    return facts.place_key


def _within(key: str | None) -> str | None:
    """The place key when it names a place inside a town or a part of a place ("x street,
    kharkiv", "central myanmar", "nansio port"), else None."""
    if key is None:
        return None
    return key if ", " in key or PART_OF_RE.match(key) or _FACILITY_RE.search(key) else None


#: a town's facility named after it: "nansio port", "kherson railway station"
_FACILITY_RE = re.compile(
    r"(?<=\w) (?:(?:river |sea |ferry |fishing |railway |bus |train )?(?:port|harbou?r|pier|"
    r"jetty|docks?|station|terminal)|airport)$"
)


def _town(key: str) -> str:
    """The town or place a key lies in: "x street, kharkiv" -> "kharkiv", "central myanmar"
    -> "myanmar", "nansio port" -> "nansio"."""
    town = key.rsplit(", ", 1)[-1]
    part = PART_OF_RE.match(town)
    town = town[part.end() :] if part else town
    facility = _FACILITY_RE.search(town) if " " in town else None
    return town[: facility.start()] if facility else town


def _distinct_figures(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two different figures of one report are two events only when one tells of more
    dead ("followed by 30 more", "two of the wounded died later") and neither gives the
    resulting toll ("rose to 14"). Otherwise they are one event told twice: a hospital's
    or a witness's count beside the toll, an earlier toll beside the latest."""
    if (a.floor, a.ceiling) == (b.floor, b.ceiling) or a.wording.revises or b.wording.revises:
        return False
    # dead told of as more ("two of the wounded died") stand apart from every figure,
    # whoever its victims ("at least 19 refugees"); other figures are the same dead
    return a.wording.adds or b.wording.adds


def _contradict(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Figures from two reports that cannot both be right about one event, unless the
    later one revises the earlier: for the very same day, or in words that say the toll
    rose ("the death toll ... has risen to 131") on days that meet. A figure of more dead
    beside a toll ("two of the wounded died overnight"), or a count of the dead seen in one
    place, is exceeded by the toll without contradicting it."""
    same_day = a.dated and b.dated and a.when == b.when
    # a figure of more dead ("two of the wounded died") or a count of those seen in one
    # place ("the hospital has received 27 bodies") is a part of the toll, not the toll: a
    # larger figure does not contradict it
    if (
        a.exceeded_by(b)
        and not a.partial
        and not ((same_day or b.wording.revises) and a.revised_by(b))
    ):
        return True
    return (
        b.exceeded_by(a)
        and not b.partial
        and not ((same_day or a.wording.revises) and b.revised_by(a))
    )


def _superseded(facts: ClaimFacts, others: list[ClaimFacts]) -> bool:
    """Whether one of ``others`` says the toll rose past ``facts``' figure ("зросла до семи"
    after "загинули 4"): a figure so revised no longer contradicts the later ones."""
    return any(o is not facts and o.wording.revises and facts.revised_by(o) for o in others)
