"""Who dies, when and where: shelling waves over time and districts, and a few large
incidents. The result is the ground truth every list, report and grave is measured by.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.population import (
    FEMALE,
    IntArray,
    Population,
    SmallArray,
    ages_on,
    day_number,
    rng_for,
)

FloatArray = npt.NDArray[np.float64]

#: How people died, indexed by ``Deaths.cause``.
CAUSES: tuple[str, ...] = ("shelling", "airstrike", "gunfire", "lack of care", "missile")
_CAUSE_WEIGHTS = np.array([0.55, 0.15, 0.12, 0.18, 0.0])
#: Where people died, indexed by ``Deaths.place``.
PLACES: tuple[str, ...] = ("home", "street", "shelter", "hospital", "front line")
_PLACE_WEIGHTS = np.array([0.38, 0.3, 0.2, 0.12, 0.0])
#: Age groups used as strata.
AGE_GROUPS: tuple[str, ...] = ("0-17", "18-39", "40-59", "60+")


@dataclass(frozen=True)
class IncidentKind:
    """A kind of large incident, with the words the news uses for it."""

    code: str
    target: str  # "the drama theatre"
    weapon: str  # "An airstrike"
    cause: int  # index into CAUSES
    sheltering: bool  # people were sheltering there (a distractor figure for the news)


INCIDENT_KINDS: tuple[IncidentKind, ...] = (
    IncidentKind("theatre", "the drama theatre", "An airstrike", 1, True),
    IncidentKind("maternity", "a maternity hospital", "An airstrike", 1, False),
    IncidentKind("bread-queue", "a bread queue", "Shelling", 0, False),
    IncidentKind("market", "the central market", "A missile", 4, False),
    IncidentKind("dormitory", "a college dormitory", "A missile", 4, True),
    IncidentKind("school", "a school used as a shelter", "An airstrike", 1, True),
    IncidentKind("bus-station", "the bus station", "Shelling", 0, False),
    IncidentKind("water-point", "a water distribution point", "Shelling", 0, False),
    IncidentKind("apartment", "a nine-storey apartment block", "A missile", 4, True),
    IncidentKind("pharmacy", "a queue outside a pharmacy", "Shelling", 0, False),
)


@dataclass(frozen=True)
class SimulatedIncident:
    """A large incident: one strike that killed many at one place on one day."""

    id: str
    kind: IncidentKind
    day: int  # days since 1970-01-01
    district: int
    killed: int
    injured: int
    #: people still missing after it (true count of victims not found for days)
    missing: int


@dataclass(frozen=True)
class Deaths:
    """The true list of the dead, as arrays parallel to each other.

    ``person`` indexes the population (person id = person + 1); ``incident`` is an index
    into ``incidents`` or -1.
    """

    person: IntArray
    day: IntArray
    district: SmallArray
    cause: SmallArray
    place: SmallArray
    incident: SmallArray
    combatant: npt.NDArray[np.bool_]
    age: IntArray
    incidents: tuple[SimulatedIncident, ...]
    #: daily intensity of shelling per district, shape (districts, days)
    intensity: FloatArray

    def __len__(self) -> int:
        return len(self.person)

    @property
    def age_group(self) -> SmallArray:
        return np.asarray(np.digitize(self.age, [18, 40, 60]), dtype=np.int16)

    def period(self, start_day: int, period_days: int) -> SmallArray:
        """Period index (0-based) of each death, in blocks of ``period_days``."""
        return np.asarray((self.day - start_day) // period_days, dtype=np.int16)


def shelling_intensity(config: SiegeConfig) -> FloatArray:
    """Relative daily intensity of shelling per district: waves that each hit some
    districts hardest, over a low background. Shape (districts, days)."""
    rng = rng_for(config.seed, "waves")
    days = np.arange(config.days, dtype=np.float64)
    k = len(config.districts)
    intensity = np.full((k, config.days), 0.15)
    for _ in range(config.waves):
        centre = rng.uniform(0.05, 0.95) * config.days
        width = rng.uniform(2.5, 9.0)
        height = rng.gamma(3.0, 0.5)
        focus = rng.dirichlet(np.full(k, 0.6)) * k
        intensity += height * focus[:, None] * np.exp(-0.5 * ((days - centre) / width) ** 2)
    # the siege tightens: later days are worse on average
    intensity *= np.linspace(0.7, 1.3, config.days)[None, :]
    return np.asarray(intensity, dtype=np.float64)


def generate_deaths(config: SiegeConfig, people: Population) -> Deaths:
    """Draw the dead: victims of the large incidents first, then the daily toll."""
    rng = rng_for(config.seed, "deaths")
    n = len(people)
    start_day = day_number(config.start)
    intensity = shelling_intensity(config)
    target = max(1, round(config.death_rate * n))
    age = people.age_on(start_day)

    dead = np.zeros(n, dtype=bool)
    incident_of = np.full(n, -1, dtype=np.int16)
    day_of = np.zeros(n, dtype=np.int64)
    incidents = _incidents(config, rng, people, intensity, target, dead, incident_of, day_of)

    # Everyone else: risk by age, sex, fighting and how hard their district is shelled.
    risk = np.where(age < 18, 0.6, np.where(age >= 75, 2.2, np.where(age >= 60, 1.6, 1.0)))
    risk = risk * np.where(people.sex == FEMALE, 0.85, 1.15)
    risk = risk * np.where(people.combatant, config.combatant_risk, 1.0)
    district_load = intensity.sum(axis=1)
    risk = risk * (district_load / district_load.mean())[people.district]
    risk[dead] = 0.0
    remaining = max(0, target - int(dead.sum()))
    scale = remaining / risk.sum() if risk.sum() > 0 else 0.0
    p = np.clip(risk * scale, 0.0, 0.9)
    background = (rng.random(n) < p) & ~dead
    # Death days follow the district's intensity over time.
    cdf = np.cumsum(intensity, axis=1)
    cdf /= cdf[:, -1:]
    idx = np.flatnonzero(background)
    u = rng.random(len(idx))
    district = people.district[idx]
    offsets = np.empty(len(idx), dtype=np.int64)
    for d in range(len(config.districts)):
        sel = district == d
        offsets[sel] = np.searchsorted(cdf[d], u[sel])
    day_of[idx] = start_day + np.minimum(offsets, config.days - 1)
    dead |= background

    person = np.flatnonzero(dead).astype(np.int64)
    order = np.lexsort((person, day_of[person]))
    person = person[order]
    m = len(person)
    combatant = people.combatant[person]
    in_incident = incident_of[person] >= 0
    cause = rng.choice(len(CAUSES), size=m, p=_CAUSE_WEIGHTS / _CAUSE_WEIGHTS.sum())
    cause = np.where(combatant, 2, cause)
    incident_cause = np.array([i.kind.cause for i in incidents] or [0], dtype=np.int64)
    cause = np.where(in_incident, incident_cause[np.maximum(incident_of[person], 0)], cause)
    place = rng.choice(len(PLACES), size=m, p=_PLACE_WEIGHTS / _PLACE_WEIGHTS.sum())
    place = np.where(combatant, 4, np.where(in_incident, 1, place))
    moved = (rng.random(m) < 0.1) & ~in_incident
    where = np.where(moved, rng.integers(0, len(config.districts), size=m), people.district[person])
    incident_district = np.array([i.district for i in incidents] or [0], dtype=np.int64)
    where = np.where(in_incident, incident_district[np.maximum(incident_of[person], 0)], where)
    return Deaths(
        person=person,
        day=day_of[person],
        district=where.astype(np.int16),
        cause=cause.astype(np.int16),
        place=place.astype(np.int16),
        incident=incident_of[person],
        combatant=combatant,
        age=ages_on(people.birth[person], day_of[person]),
        incidents=incidents,
        intensity=intensity,
    )


def _incidents(
    config: SiegeConfig,
    rng: np.random.Generator,
    people: Population,
    intensity: FloatArray,
    target: int,
    dead: npt.NDArray[np.bool_],
    incident_of: SmallArray,
    day_of: IntArray,
) -> tuple[SimulatedIncident, ...]:
    count = min(config.incidents, len(INCIDENT_KINDS))
    # large incidents stay large in a small city: at least 12 dead each, at most half the toll
    total = min(max(round(config.incident_share * target), 12 * count), target // 2)
    if count == 0 or total < 3 * count:
        return ()
    start_day = day_number(config.start)
    kinds = rng.permutation(len(INCIDENT_KINDS))[:count]
    sizes = np.maximum(3, np.round(rng.dirichlet(np.full(count, 1.5)) * total)).astype(int)
    overall = intensity.sum(axis=0)
    days = np.sort(
        rng.choice(
            np.arange(3, config.days), size=count, replace=False, p=overall[3:] / overall[3:].sum()
        )
    )
    out: list[SimulatedIncident] = []
    civilians = ~people.combatant
    for k in range(count):
        district = int(
            rng.choice(len(config.districts), p=intensity[:, days[k]] / intensity[:, days[k]].sum())
        )
        pool = np.flatnonzero((people.district == district) & civilians & ~dead)
        size = int(min(sizes[k], len(pool)))
        victims = rng.choice(pool, size=size, replace=False)
        dead[victims] = True
        incident_of[victims] = k
        day_of[victims] = start_day + int(days[k])
        injured = round(size * rng.uniform(1.5, 3.0))
        missing = int(rng.binomial(size, 0.3))
        out.append(
            SimulatedIncident(
                id=f"I{k + 1:02d}",
                kind=INCIDENT_KINDS[int(kinds[k])],
                day=start_day + int(days[k]),
                district=district,
                killed=size,
                injured=injured,
                missing=missing,
            )
        )
    return tuple(out)
