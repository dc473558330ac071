"""A small simulated siege, to check that estimates cover the true toll (stand-in for the
project's siege simulator, which will replace it).

A city's dead, spread over districts, are recorded (or not) by four lists: morgue
registers, burial records, hospital lists and families' reports. People differ in how
visible they are: most of the dead were buried in trenches with no one present, and every
list misses them more often (heterogeneity). The lists also depend on each other: a body
that passed through the morgue is more likely to have a burial record (list dependence).
Everything is drawn from a seeded numpy generator, so a seed always gives the same city.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tollbook.estimate.tables import Membership, OverlapTable, Stratum, tables_from_memberships


@dataclass(frozen=True)
class Siege:
    """The simulated city: how many died, how visible they were, and how lists record."""

    deaths: int = 4_000
    lists: tuple[str, ...] = ("morgue", "burials", "hospital", "families")
    #: share of the dead in each visibility group (hidden, in-between, visible)
    groups: tuple[float, ...] = (0.55, 0.30, 0.15)
    #: probability each list records a person of each group (rows: groups)
    capture: tuple[tuple[float, ...], ...] = (
        (0.12, 0.10, 0.05, 0.14),
        (0.30, 0.25, 0.20, 0.22),
        (0.55, 0.45, 0.50, 0.30),
    )
    #: burial records are this much more likely for someone in the morgue register
    morgue_to_burials: float = 1.8
    districts: tuple[str, ...] = ("north", "centre", "south")
    district_shares: tuple[float, ...] = (0.3, 0.45, 0.25)
    #: every list records people in each district this much (the south is cut off)
    district_reach: tuple[float, ...] = (1.1, 1.0, 0.7)


@dataclass(frozen=True)
class Outcome:
    """One simulated siege: the people listed, and the truth to compare with."""

    people: list[Membership]
    deaths: int
    deaths_by_district: dict[str, int] = field(default_factory=dict)

    def table(self, lists: tuple[str, ...]) -> OverlapTable:
        """The overlap table of the whole city."""
        return tables_from_memberships(self.people, lists)[()]

    def tables_by_district(self, lists: tuple[str, ...]) -> dict[Stratum, OverlapTable]:
        return tables_from_memberships(self.people, lists, ("district",))


#: The default siege: hidden dead (strong heterogeneity), a cut-off district, and burial
#: records that follow the morgue's (list dependence). Hard for every method.
SIEGE = Siege()
#: Milder: two visibility groups, two to three times apart.
MILD = Siege(
    groups=(0.5, 0.5),
    capture=((0.18, 0.15, 0.10, 0.20), (0.40, 0.35, 0.30, 0.30)),
    district_reach=(1.1, 1.0, 0.8),
)
#: Everyone equally visible everywhere; only the morgue and burial lists depend on each
#: other. Log-linear models can describe this exactly.
DEPENDENT_LISTS = Siege(
    groups=(1.0,), capture=((0.30, 0.25, 0.20, 0.25),), district_reach=(1.0, 1.0, 1.0)
)
SCENARIOS = {"siege": SIEGE, "mild": MILD, "dependent-lists": DEPENDENT_LISTS}


def simulate(seed: int, siege: Siege | None = None) -> Outcome:
    """Draw one siege from ``seed``."""
    siege = siege or Siege()
    rng = np.random.default_rng(seed)
    n = siege.deaths
    group = rng.choice(len(siege.groups), size=n, p=np.array(siege.groups))
    district = rng.choice(len(siege.districts), size=n, p=np.array(siege.district_shares))
    probability = np.array(siege.capture)[group] * np.array(siege.district_reach)[district, None]
    on = rng.random((n, len(siege.lists))) < np.clip(probability, 0.0, 0.95)
    burials = siege.lists.index("burials")
    morgue = siege.lists.index("morgue")
    boosted = np.clip(probability[:, burials] * siege.morgue_to_burials, 0.0, 0.95)
    redraw = rng.random(n) < boosted
    on[:, burials] = np.where(on[:, morgue], redraw, on[:, burials])
    people: list[Membership] = []
    for i in np.flatnonzero(on.any(axis=1)):
        names = frozenset(siege.lists[j] for j in np.flatnonzero(on[i]))
        people.append((names, {"district": siege.districts[district[i]]}))
    by_district = {name: int(np.sum(district == d)) for d, name in enumerate(siege.districts)}
    return Outcome(people, n, by_district)
