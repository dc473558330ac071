"""The records of each named list, written as that source writes them, with the truth
mapping every record to the person it is about."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate.config import ListSpec, SiegeConfig
from tollbook.simulate.deaths import Deaths
from tollbook.simulate.names import NameTables, name_tables
from tollbook.simulate.noise import drop_yo, garble_birth_date, romanize, shift_date, typo
from tollbook.simulate.population import EPOCH_ORDINAL, Population, rng_for

#: The columns of every list file, in order.
RECORD_COLUMNS: tuple[str, ...] = (
    "record_id",
    "family_name",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "age",
    "death_date",
    "district",
)


@dataclass(frozen=True)
class ListRecords:
    """One list's records (rows of strings, in RECORD_COLUMNS order) and their truth."""

    spec: ListSpec
    rows: list[tuple[str, ...]]
    #: index into the population of the person each row is about
    person: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.rows)


def as_date(day: int) -> date:
    """A day number (days since 1970-01-01) as a date."""
    return date.fromordinal(int(day) + EPOCH_ORDINAL)


def generate_records(
    config: SiegeConfig,
    people: Population,
    deaths: Deaths,
    captured: npt.NDArray[np.bool_],
) -> tuple[ListRecords, ...]:
    """Every list's records, in the order the source would keep them (by date entered)."""
    tables = name_tables()
    districts_latin = tuple(ukrainian_national(d) for d in config.districts)
    out = []
    for k, spec in enumerate(config.lists):
        seed_rng = rng_for(config.seed, f"records:{spec.name}")
        rng = random.Random(int(seed_rng.integers(0, 2**63 - 1)))
        rows_of = np.flatnonzero(captured[k])
        twice = rows_of[seed_rng.random(len(rows_of)) < spec.duplicates]
        which = np.concatenate((rows_of, twice))
        # entered some days after death; sorted by entry, as a register is kept
        entered = deaths.day[which] + seed_rng.geometric(0.35, size=len(which)) - 1
        order = np.lexsort((which, entered))
        which = which[order]
        rows: list[tuple[str, ...]] = []
        for number, d in enumerate(which.tolist(), start=1):
            person = int(deaths.person[d])
            fields = _render(spec, tables, districts_latin, config, people, deaths, person, d, rng)
            rows.append((f"{spec.name}-{number:06d}", *fields))
        out.append(ListRecords(spec, rows, deaths.person[which].astype(np.int64)))
    return tuple(out)


def _render(
    spec: ListSpec,
    tables: NameTables,
    districts_latin: tuple[str, ...],
    config: SiegeConfig,
    people: Population,
    deaths: Deaths,
    person: int,
    d: int,
    rng: random.Random,
) -> tuple[str, ...]:
    sex = int(people.sex[person])
    russian = rng.random() < spec.russian_forms
    given_t = tables.given_ru if russian else tables.given_uk
    family_t = tables.family_ru if russian else tables.family_uk
    patronymic_t = tables.patronymic_ru if russian else tables.patronymic_uk
    given = given_t[sex][int(people.given[person])]
    family = family_t[sex][int(people.family[person])]
    patronymic = patronymic_t[sex][int(people.father[person])]
    if rng.random() < spec.patronymic_missing:
        patronymic = ""
    names = [family, given, patronymic]
    if russian and rng.random() < 0.7:
        names = [drop_yo(n) for n in names]
    latin = rng.random() < spec.latin
    if latin:
        names = [romanize(n, russian, rng) if n else "" for n in names]
    names = [typo(n, rng) if n and rng.random() < spec.typo_rate else n for n in names]
    if rng.random() < spec.swap_order:
        names[0], names[1] = names[1], names[0]
    if rng.random() < spec.upper_case:
        names = [n.upper() for n in names]

    death_day = as_date(int(deaths.day[d]))
    birth = as_date(int(people.birth[person]))
    birth_text = age_text = ""
    u = rng.random()
    if u < spec.birth_missing:
        pass
    elif u < spec.birth_missing + spec.age_instead_of_birth:
        age = int(deaths.age[d])
        if rng.random() < 0.2:
            age = max(0, age + rng.choice((-1, 1)))
        age_text = str(age)
    else:
        if rng.random() < 0.04:
            birth = garble_birth_date(birth, rng)
        birth_text = birth.isoformat()

    u = rng.random()
    if u < spec.death_date_missing:
        death_text = ""
    elif u < spec.death_date_missing + spec.date_error:
        death_text = shift_date(death_day, spec.date_error_days, rng).isoformat()
    else:
        death_text = death_day.isoformat()

    sex_text = ("M", "F")[sex] if spec.sex_recorded else ""
    district_text = ""
    if spec.district_recorded:
        district = int(deaths.district[d])
        district_text = districts_latin[district] if latin else config.districts[district]
    return (*names, sex_text, birth_text, age_text, death_text, district_text)
