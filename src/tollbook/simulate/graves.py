"""Trench graves: burial sites, trenches laid side by side, and bodies in order along them.

Each body has a unique reference ``S<site>-T<trench>-<position>`` (e.g. ``S1-T03-017``),
its place (distance from the trench's marker post, along the trench's bearing), the day it
was buried and the description the burial team wrote, with the truth of who it is kept
apart.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

import numpy as np

from tollbook.domain.description_terms import WRAPPINGS
from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.deaths import Deaths
from tollbook.simulate.descriptions import (
    Description,
    apparent_age,
    observe,
)
from tollbook.simulate.names import name_tables
from tollbook.simulate.noise import typo
from tollbook.simulate.population import Population, rng_for
from tollbook.simulate.records import as_date

SITE_NAMES: tuple[str, ...] = ("Old City Cemetery", "North Cemetery", "Lyman Field")
_METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Site:
    code: str
    name: str
    lat: float
    lon: float
    #: bearing of its trenches, degrees clockwise from north
    bearing: float


@dataclass(frozen=True)
class Trench:
    id: str  # "S1-T03"
    site: str
    number: int
    length_m: float
    bearing: float
    #: the marker post at the trench's start
    marker_lat: float
    marker_lon: float
    opened: date


@dataclass(frozen=True)
class Body:
    ref: str  # "S1-T03-017"
    trench: str
    position: int
    distance_m: float
    buried: date
    found_district: str
    apparent_sex: str  # "M", "F" or "" (could not tell)
    apparent_age: str
    height_cm: str  # "" when not measured
    clothing: str
    marks: str
    effects: str
    wrapped_in: str
    #: a name written on a note or the wrapping, as volunteers wrote it ("" for none)
    label: str
    #: truth: index into the population
    person: int


@dataclass(frozen=True)
class Graves:
    sites: tuple[Site, ...]
    trenches: tuple[Trench, ...]
    bodies: tuple[Body, ...]

    def burials_per_day(self) -> dict[tuple[str, date], int]:
        """How many bodies each site took on each day."""
        out: dict[tuple[str, date], int] = {}
        for b in self.bodies:
            key = (b.ref.split("-")[0], b.buried)
            out[key] = out.get(key, 0) + 1
        return out


def generate_graves(
    config: SiegeConfig,
    people: Population,
    deaths: Deaths,
    descriptions: dict[int, Description],
) -> Graves:
    """Bury a share of the dead in trench graves, in the order they were brought in."""
    np_rng = rng_for(config.seed, "graves")
    rng = random.Random(int(np_rng.integers(0, 2**63 - 1)))
    sites = _sites(config, np_rng)
    m = len(deaths)
    late = (deaths.day - deaths.day.min() if m else deaths.day) / max(1, config.days)
    p = np.clip(config.trench_share * (0.5 + late), 0, 0.95)
    p = np.where(deaths.combatant, p * 0.2, p)
    chosen = np.flatnonzero(np_rng.random(m) < p)
    delay = np_rng.geometric(0.3, size=len(chosen))
    buried_day = deaths.day[chosen] + delay
    site_of_district = np_rng.integers(0, len(sites), size=len(config.districts))
    site = site_of_district[deaths.district[chosen]]
    elsewhere = np_rng.random(len(chosen)) < 0.2
    site = np.where(elsewhere, np_rng.integers(0, len(sites), size=len(chosen)), site)
    trenches: list[Trench] = []
    bodies: list[Body] = []
    for s, info in enumerate(sites):
        mine = np.flatnonzero(site == s)
        order = mine[np.lexsort((chosen[mine], buried_day[mine]))]
        trench: Trench | None = None
        capacity = used = 0
        for j in order.tolist():
            d = int(chosen[j])
            day = as_date(int(buried_day[j]))
            if trench is None or used >= capacity:
                trench = _open_trench(
                    info, len([t for t in trenches if t.site == info.code]), day, rng
                )
                trenches.append(trench)
                capacity = max(1, int(trench.length_m * config.bodies_per_metre))
                used = 0
            used += 1
            bodies.append(_body(config, people, deaths, descriptions, trench, used, d, day, rng))
    return Graves(tuple(sites), tuple(trenches), tuple(bodies))


def _sites(config: SiegeConfig, rng: np.random.Generator) -> list[Site]:
    lat0, lon0 = config.centre
    out = []
    for k, name in enumerate(SITE_NAMES):
        dx, dy = rng.uniform(-4000, 4000, size=2)
        lat = lat0 + dy / _METRES_PER_DEGREE
        lon = lon0 + dx / (_METRES_PER_DEGREE * math.cos(math.radians(lat0)))
        out.append(
            Site(f"S{k + 1}", name, round(lat, 6), round(lon, 6), float(round(rng.uniform(0, 180))))
        )
    return out


def _open_trench(site: Site, existing: int, day: date, rng: random.Random) -> Trench:
    # Trenches are dug side by side, 4 m apart, perpendicular to their bearing.
    offset = 4.0 * existing
    across = math.radians(site.bearing + 90)
    dx, dy = offset * math.sin(across), offset * math.cos(across)
    lat = site.lat + dy / _METRES_PER_DEGREE
    lon = site.lon + dx / (_METRES_PER_DEGREE * math.cos(math.radians(site.lat)))
    number = existing + 1
    return Trench(
        id=f"{site.code}-T{number:02d}",
        site=site.code,
        number=number,
        length_m=float(rng.randrange(20, 41)),
        bearing=site.bearing,
        marker_lat=round(lat, 6),
        marker_lon=round(lon, 6),
        opened=day,
    )


def _body(
    config: SiegeConfig,
    people: Population,
    deaths: Deaths,
    descriptions: dict[int, Description],
    trench: Trench,
    position: int,
    d: int,
    day: date,
    rng: random.Random,
) -> Body:
    person = int(deaths.person[d])
    truth = descriptions[person]
    sex = int(people.sex[person])
    u = rng.random()
    apparent_sex = "" if u < 0.05 else ("M", "F")[sex if u > 0.08 else 1 - sex]
    height = "" if rng.random() < 0.15 else str(truth.height_cm + round(rng.gauss(0, 3)))
    label = ""
    if rng.random() < 0.3:
        t = name_tables()
        family = t.family_uk[sex][int(people.family[person])]
        label = f"{family} {t.given_uk[sex][int(people.given[person])]}"
        if rng.random() < 0.2:
            label = typo(label, rng)
    spacing = 1.0 / config.bodies_per_metre
    distance = max(0.1, (position - 0.5) * spacing + rng.gauss(0, 0.1))
    return Body(
        ref=f"{trench.id}-{position:03d}",
        trench=trench.id,
        position=position,
        distance_m=round(distance, 1),
        buried=day,
        found_district=ukrainian_national(config.districts[int(deaths.district[d])]),
        apparent_sex=apparent_sex,
        apparent_age=apparent_age(int(deaths.age[d]), rng),
        height_cm=height,
        clothing=observe(truth.clothing, 0.85, 0.1, rng),
        marks=observe(truth.marks, 0.7, 0.0, rng),
        effects=observe(truth.effects, 0.8, 0.0, rng),
        wrapped_in=rng.choice(WRAPPINGS),
        label=label,
        person=person,
    )
