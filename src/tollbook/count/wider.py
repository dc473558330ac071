"""An event told at a wider place joins the event told at its own place.

A headline says "Libya shipwreck toll rises to 52" while the text, and other reports, place
the 52 off Zuwara; a region's statement gives the 7 killed in one of its towns. Grouped by
place, the figure told at the country or region is an incident of its own, and a toll of
the country or region counts the dead twice. So a group of claims all placed at one wider
place (a country, a region: any place whose toll would count the other's) joins a group
inside it when every figure of the wider group is a figure of that group (the same
minimum), of the same outcome, on days that meet; and only when exactly one group inside
fits, so that two events of one country are never joined by guess. The incident keeps the
place of its own claims (:attr:`ClaimFacts.wider`).

An area named after a town ("Garissa County", "Malatya province") lies around that town
though no gazetteer may say so. A group told there joins the one group at the town also
when its figures are a later toll that says it rose ("Garissa flood toll rises to 15" after
"9 dead" at Garissa), on days that meet: the same event told again, not a second one.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.count.facts import ClaimFacts
from tollbook.count.place_scope import PlaceScope, town_of_area
from tollbook.gazetteer import Gazetteer, latin_key

Group = list[ClaimFacts]


def fold_wider(groups: list[Group], gazetteer: Gazetteer | None, tolerance: int) -> list[Group]:
    """``groups`` with each group told at a wider place joined to the one group inside it
    that holds all its figures (see the module's text)."""
    if gazetteer is None or len(groups) < 2:
        return groups
    by_figure: dict[tuple[str, int], list[int]] = {}
    by_town: dict[str, list[int]] = {}  # the groups at one place, by its key
    shapes = [_Shape.of(group) for group in groups]
    for index, group in enumerate(groups):
        for facts in group:
            if facts.floor is not None:
                key = (facts.sourced.claim.outcome, facts.floor)
                by_figure.setdefault(key, []).append(index)
        place = shapes[index].place
        if place is not None and "," not in place:
            by_town.setdefault(latin_key(place), []).append(index)
    scopes: dict[str, PlaceScope] = {}
    inside: dict[tuple[str, str | None], bool] = {}  # (wider place, place): lies inside it
    into: dict[int, int] = {}
    for index, group in enumerate(groups):
        place = shapes[index].place
        first = group[0]
        if place is None or first.floor is None:
            continue
        outcome = first.sourced.claim.outcome
        town = town_of_area(place)  # "Garissa County" and the group at "Garissa"
        named = set(by_town.get(town, ())) if town else set()
        fits = []
        candidates = set(by_figure.get((outcome, first.floor), ())) | named
        holds = _holds_others(group)
        if holds:  # "now counts 14 deaths ..., including three evacuees" holds the town's 11
            reports = {f.report_id for f in group}
            candidates |= {
                j for j, g in enumerate(groups) if any(f.report_id in reports for f in g)
            }
        for j in sorted(candidates):
            shape = shapes[j]
            if j == index or j in into or shape.outcomes != {outcome}:
                continue
            raised = j in named
            if not raised:
                if place not in scopes:
                    scopes[place] = PlaceScope(place, gazetteer)
                if not all(_inside(scopes[place], p, inside) for p in shape.places):
                    continue
            if _fits(group, groups[j], shape.floors, tolerance, raised=raised) or (
                holds and _holds(group, groups[j], tolerance)
            ):
                fits.append(j)
        if len(fits) == 1:
            into[index] = fits[0]
    if not into:
        return groups
    kept: dict[int, Group] = {i: list(g) for i, g in enumerate(groups) if i not in into}
    for index, target in into.items():
        while target in into:  # a region's group into a town's that joined a district's
            target = into[target]
        for facts in groups[index]:
            facts.wider = True
        kept[target].extend(groups[index])
    return list(kept.values())


@dataclass(frozen=True)
class _Shape:
    """What the fold asks of a group, read once: its outcomes, places and figures."""

    outcomes: frozenset[str]
    places: frozenset[str | None]
    floors: frozenset[int | None]

    @property
    def place(self) -> str | None:
        return next(iter(self.places)) if len(self.places) == 1 else None

    @staticmethod
    def of(group: Group) -> _Shape:
        return _Shape(
            frozenset(f.sourced.claim.outcome for f in group),
            frozenset(f.sourced.claim.place for f in group),
            frozenset(f.floor for f in group),
        )


def _inside(scope: PlaceScope, place: str | None, seen: dict[tuple[str, str | None], bool]) -> bool:
    """Whether ``place`` lies inside the scope's place and is not that place itself."""
    key = (scope.query, place)
    found = seen.get(key)
    if found is None:
        found = seen[key] = place is not None and scope.includes(place) and not scope.is_same(place)
    return found


def _fits(
    wider: Group, inner: Group, figures: frozenset[int | None], tolerance: int, raised: bool
) -> bool:
    """Whether ``wider`` joins ``inner`` (of one outcome, inside the wider place, as the
    caller has checked): its figures are the inner's, or, when ``raised`` (the wider place
    is an area named after the inner's town), a later toll that says it rose; and their
    days meet."""
    top = max((f for f in figures if f is not None), default=None)
    return all(
        f.floor in figures
        or (raised and f.wording.revises and top is not None and (f.floor or 0) > top)
        for f in wider
    ) and all(a.days_meet(b, tolerance) for a in wider for b in inner)


#: a wider place's toll that says it holds other dead: "now counts 14 deaths linked to the
#: eruption, including three evacuees", "21 people had died in Narok County since
#: Saturday, including four"
_HOLDING = ("including", "among them", "in all", "in total", "altogether")


def _holds_others(group: Group) -> bool:
    return any(
        f.sourced.part_of is None and any(w in f.sourced.claim.evidence for w in _HOLDING)
        for f in group
    )


def _holds(wider: Group, inner: Group, tolerance: int) -> bool:
    """``wider``, told in the same report as ``inner`` and at a place around it, gives a toll
    at least as large as every figure of ``inner``, on days that meet: the area's toll holds
    the town's event (round 33 of docs/extraction.md: 11 at La Castellana and 14 across
    Negros Island "including three evacuees" are 14, not 25)."""
    reports = {f.report_id for f in wider}
    if not all(f.report_id in reports for f in inner):
        return False
    low = min((f.floor for f in wider if f.sourced.part_of is None and f.floor), default=None)
    top = max((v for f in inner for v in (f.floor, f.ceiling) if v is not None), default=None)
    return (
        low is not None
        and top is not None
        and low >= top
        and all(a.days_meet(b, tolerance) for a in wider for b in inner)
    )
