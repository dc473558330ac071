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

from tollbook.count.facts import ClaimFacts
from tollbook.count.place_scope import PlaceScope
from tollbook.gazetteer import Gazetteer

Group = list[ClaimFacts]


def fold_wider(groups: list[Group], gazetteer: Gazetteer | None, tolerance: int) -> list[Group]:
    """``groups`` with each group told at a wider place joined to the one group inside it
    that holds all its figures (see the module's text)."""
    if gazetteer is None or len(groups) < 2:
        return groups
    by_figure: dict[tuple[str, int], list[int]] = {}
    for index, group in enumerate(groups):
        for facts in group:
            if facts.floor is not None:
                key = (facts.sourced.claim.outcome, facts.floor)
                by_figure.setdefault(key, []).append(index)
    scopes: dict[str, PlaceScope] = {}
    into: dict[int, int] = {}
    for index, group in enumerate(groups):
        place = _one_place(group)
        first = group[0]
        if place is None or first.floor is None:
            continue
        scope = scopes.get(place)
        if scope is None:
            scope = scopes[place] = PlaceScope(place, gazetteer)
        options = {
            j
            for j in by_figure.get((first.sourced.claim.outcome, first.floor), ())
            if j != index and j not in into
        }
        named = {  # "Garissa County" and the group at "Garissa", whatever their figures
            j
            for j, other in enumerate(groups)
            if j != index and j not in into and _named_after(place, _one_place(other))
        }
        fits = [
            j
            for j in sorted(options | named)
            if _fits(group, groups[j], scope, tolerance, raised=j in named)
        ]
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


def _one_place(group: Group) -> str | None:
    places = {f.sourced.claim.place for f in group}
    if len(places) != 1:
        return None
    return next(iter(places))


def _fits(
    wider: Group, inner: Group, scope: PlaceScope, tolerance: int, raised: bool = False
) -> bool:
    """Whether ``wider`` joins ``inner``; ``raised`` when the wider place is an area named
    after the inner's town, whose later report may raise the toll in words that say so."""
    outcome = wider[0].sourced.claim.outcome
    if any(f.sourced.claim.outcome != outcome for f in inner):
        return False
    places = {f.sourced.claim.place for f in inner}
    if not raised and any(p is None or not scope.includes(p) or scope.is_same(p) for p in places):
        return False
    figures = {f.floor for f in inner}
    top = max((f for f in figures if f is not None), default=None)
    return all(
        f.floor in figures
        or (raised and f.wording.revises and top is not None and (f.floor or 0) > top)
        for f in wider
    ) and all(a.days_meet(b, tolerance) for a in wider for b in inner)


def _named_after(area: str, town: str | None) -> bool:
    """Whether ``area`` is named after ``town`` ("Garissa County" after "Garissa")."""
    return town is not None and PlaceScope(town).named_alike(area)
