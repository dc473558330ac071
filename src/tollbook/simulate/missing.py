"""Families' reports of the missing: who, last seen when and where, and what they wore.

Most reports are about people who died (some of them lie in the trench graves); some are
about people who are alive (fled, detained, cut off). The truth says which.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import numpy as np

from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.deaths import Deaths
from tollbook.simulate.descriptions import Description, observe
from tollbook.simulate.family_words import district_words, family_words
from tollbook.simulate.graves import Graves
from tollbook.simulate.names import name_tables
from tollbook.simulate.noise import romanize, typo
from tollbook.simulate.population import Population, day_number, rng_for
from tollbook.simulate.records import as_date

RELATIONS: tuple[str, ...] = (
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "sister",
    "brother",
    "neighbour",
    "niece",
    "grandson",
)


@dataclass(frozen=True)
class SimulatedMissingReport:
    id: str  # "M000001"
    reported_on: date
    relation: str
    family_name: str
    given_name: str
    patronymic: str
    sex: str
    birth_date: str
    age: str
    last_seen: date
    last_seen_district: str
    height_cm: str
    clothing: str
    marks: str
    effects: str
    #: what the family wrote, in their own words (the items above, as they remember them)
    description: str
    #: truth
    person: int
    fate: str  # "dead" or "alive"
    body_ref: str  # where the body lies, if in a trench grave


def alive_reported(config: SiegeConfig, people: Population, deaths: Deaths) -> list[int]:
    """The living people whose families report them missing (population indexes)."""
    rng = rng_for(config.seed, "missing-alive")
    count = round(config.missing_reported * len(deaths) * config.missing_alive_ratio)
    dead = np.zeros(len(people), dtype=bool)
    dead[deaths.person] = True
    alive = np.flatnonzero(~dead)
    count = min(count, len(alive))
    return sorted(int(i) for i in rng.choice(alive, size=count, replace=False))


def generate_missing(
    config: SiegeConfig,
    people: Population,
    deaths: Deaths,
    graves: Graves,
    descriptions: dict[int, Description],
    alive: list[int],
) -> tuple[SimulatedMissingReport, ...]:
    """Missing-person reports, in the order they were filed."""
    np_rng = rng_for(config.seed, "missing")
    rng = random.Random(int(np_rng.integers(0, 2**63 - 1)))
    body_of = {b.person: b.ref for b in graves.bodies}
    reported_dead = np.flatnonzero(np_rng.random(len(deaths)) < config.missing_reported)
    start = day_number(config.start)
    drafts: list[tuple[int, int, int, str]] = []  # (reported day, person, last seen, fate)
    for d in reported_dead.tolist():
        died = int(deaths.day[d])
        last_seen = max(start, died - rng.choice((0, 0, 0, 1, 2, 3)))
        drafts.append((last_seen + rng.randint(1, 30), int(deaths.person[d]), last_seen, "dead"))
    for person in alive:
        last_seen = start + rng.randrange(config.days)
        drafts.append((last_seen + rng.randint(1, 30), person, last_seen, "alive"))
    drafts.sort()
    death_index = {int(p): i for i, p in enumerate(deaths.person.tolist())}
    out = []
    for number, (reported, person, last_seen, fate) in enumerate(drafts, start=1):
        where = death_index.get(person)
        district = int(people.district[person] if where is None else deaths.district[where])
        if rng.random() < 0.25:
            district = rng.randrange(len(config.districts))
        out.append(
            _report(
                number,
                people,
                person,
                as_date(reported),
                as_date(last_seen),
                fate,
                body_of.get(person, ""),
                descriptions[person],
                config.districts[district],
                rng,
            )
        )
    return tuple(out)


def _report(
    number: int,
    people: Population,
    person: int,
    reported: date,
    last_seen: date,
    fate: str,
    body_ref: str,
    truth: Description,
    district: str,
    rng: random.Random,
) -> SimulatedMissingReport:
    t = name_tables()
    sex = int(people.sex[person])
    russian = rng.random() < 0.1
    abroad = rng.random() < 0.12  # relatives abroad write in Latin letters
    language = "en" if abroad else "ru" if russian or rng.random() < 0.15 else "uk"
    given_t = t.given_ru if russian else t.given_uk
    family_t = t.family_ru if russian else t.family_uk
    patronymic_t = t.patronymic_ru if russian else t.patronymic_uk
    names = [
        family_t[sex][int(people.family[person])],
        given_t[sex][int(people.given[person])],
        "" if rng.random() < 0.2 else patronymic_t[sex][int(people.father[person])],
    ]
    if abroad:
        names = [romanize(n, russian, rng) if n else "" for n in names]
    names = [typo(n, rng) if n and rng.random() < 0.02 else n for n in names]
    birth = as_date(int(people.birth[person]))
    birth_text = age_text = ""
    if rng.random() < 0.3:
        age = years_between(birth, last_seen)
        age_text = str(age + rng.choice((0, 0, 0, -1, 1)))
    else:
        birth_text = birth.isoformat()
    height = "" if rng.random() < 0.2 else str(5 * round((truth.height_cm + rng.gauss(0, 4)) / 5))
    clothing = observe(truth.clothing, 0.7, 0.05, rng)
    if rng.random() < 0.2:
        clothing = "; ".join(filter(None, (clothing, "jacket:black")))
    marks = observe(truth.marks, 0.8, 0.0, rng)
    effects = observe(truth.effects, 0.5, 0.0, rng)
    description = family_words(
        [i for i in clothing.split("; ") if i],
        [i for i in marks.split("; ") if i],
        [i for i in effects.split("; ") if i],
        sex,
        rng,
        language,
    )
    return SimulatedMissingReport(
        id=f"M{number:06d}",
        reported_on=reported,
        relation=rng.choice([r for r in RELATIONS if r != ("wife", "husband")[sex]]),
        family_name=names[0],
        given_name=names[1],
        patronymic=names[2],
        sex=("M", "F")[sex],
        birth_date=birth_text,
        age=age_text,
        last_seen=last_seen,
        last_seen_district=district_words(district, language, rng),
        height_cm=height,
        clothing=clothing,
        marks=marks,
        effects=effects,
        description=description,
        person=person,
        fate=fate,
        body_ref=body_ref,
    )


def years_between(birth: date, on: date) -> int:
    """Age in whole years on ``on`` of someone born on ``birth``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
