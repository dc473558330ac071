"""The city's people before the siege, generated column by column (vectorised).

People live in households: a household shares a family name (in its masculine or
feminine form) and a district; its first two members are a couple, and the others are
their children, whose patronymic comes from the father's given name. Everyone else's
father is drawn from the name tables.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES

IntArray = npt.NDArray[np.int64]
SmallArray = npt.NDArray[np.int16]
BoolArray = npt.NDArray[np.bool_]

MALE, FEMALE = 0, 1
#: 1970-01-01 as an ordinal, to turn day numbers into dates
EPOCH_ORDINAL = 719163

_HOUSEHOLD_SIZES = np.array([1, 2, 3, 4, 5])
_HOUSEHOLD_WEIGHTS = np.array([0.26, 0.33, 0.22, 0.13, 0.06])
# Adult ages: a city with many pensioners. (low, high, weight) bands, in years.
_ADULT_AGE_BANDS = np.array(
    [(20, 30, 0.15), (30, 40, 0.18), (40, 50, 0.17), (50, 60, 0.17), (60, 70, 0.16),
     (70, 80, 0.11), (80, 95, 0.06)]
)  # fmt: skip


def rng_for(seed: int, stream: str) -> np.random.Generator:
    """An independent, reproducible random stream per part of the simulation.

    Parts draw from their own streams, so changing how one part draws does not change
    what any other part produces.
    """
    return np.random.default_rng([seed, zlib.crc32(stream.encode("utf-8"))])


@dataclass(frozen=True)
class Population:
    """Every resident, as parallel arrays indexed 0..n-1 (person id = index + 1)."""

    household: IntArray
    sex: SmallArray
    #: birth date as days since 1970-01-01
    birth: IntArray
    #: index into MALE_NAMES or FEMALE_NAMES according to ``sex``
    given: SmallArray
    #: index into MALE_NAMES: the father's given name, which makes the patronymic
    father: SmallArray
    #: index into FAMILY_NAMES (the form follows ``sex``)
    family: SmallArray
    district: SmallArray
    combatant: BoolArray

    def __len__(self) -> int:
        return len(self.sex)

    @property
    def person_id(self) -> IntArray:
        return np.arange(1, len(self) + 1, dtype=np.int64)

    def age_on(self, day: IntArray | int) -> IntArray:
        """Age in whole years on ``day`` (days since 1970-01-01), for every person."""
        return ages_on(self.birth, day)


def ages_on(birth: IntArray, day: IntArray | int) -> IntArray:
    """Whole years between birth days and ``day`` (days since 1970-01-01)."""
    birth_dates = birth.astype("datetime64[D]")
    on = np.asarray(day).astype("datetime64[D]")
    years = on.astype("datetime64[Y]").astype(np.int64) - birth_dates.astype(
        "datetime64[Y]"
    ).astype(np.int64)
    # not yet had this year's birthday: compare (month, day) through day-of-year offsets
    birth_in_year = birth_dates - birth_dates.astype("datetime64[Y]").astype("datetime64[D]")
    on_in_year = on - on.astype("datetime64[Y]").astype("datetime64[D]")
    return np.asarray(years - (on_in_year < birth_in_year), dtype=np.int64)


def day_number(d: object) -> int:
    """Days since 1970-01-01 of a ``date``."""
    from datetime import date

    assert isinstance(d, date)
    return d.toordinal() - EPOCH_ORDINAL


def district_weights(config: SiegeConfig) -> npt.NDArray[np.float64]:
    """How the population is spread over the districts (fixed by the seed)."""
    rng = rng_for(config.seed, "district-weights")
    weights = rng.gamma(4.0, 1.0, size=len(config.districts))
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def generate_population(config: SiegeConfig) -> Population:
    """The residents of the city on the first day of the siege."""
    rng = rng_for(config.seed, "population")
    n = config.people
    sizes = rng.choice(_HOUSEHOLD_SIZES, size=n // 2 + 10, p=_HOUSEHOLD_WEIGHTS)
    ends = np.cumsum(sizes)
    count = int(np.searchsorted(ends, n)) + 1
    sizes = sizes[:count].copy()
    sizes[-1] -= int(ends[count - 1]) - n
    household = np.repeat(np.arange(count, dtype=np.int64), sizes)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    member = np.arange(n, dtype=np.int64) - np.repeat(starts, sizes)

    male_p = _weights(MALE_NAMES)
    female_p = _weights(FEMALE_NAMES)
    family_p = np.array([f.weight for f in FAMILY_NAMES])
    family_p = family_p / family_p.sum()

    # Household-level draws.
    hh_family = rng.choice(len(FAMILY_NAMES), size=count, p=family_p)
    hh_district = rng.choice(len(config.districts), size=count, p=district_weights(config))
    head_sex = rng.integers(0, 2, size=count)
    head_age = _adult_ages(rng, count)
    partner_age = np.clip(head_age + rng.normal(0, 4, size=count), 18, 99)
    # the father of the household's children: the male member of the couple
    hh_father = rng.choice(len(MALE_NAMES), size=count, p=male_p)

    head = member == 0
    partner = member == 1
    child = member >= 2
    hh_of = household
    sex = np.where(head, head_sex[hh_of], np.where(partner, 1 - head_sex[hh_of], 0))
    sex = np.where(child, rng.integers(0, 2, size=n), sex)
    mother_age = np.where(head_sex == FEMALE, head_age, partner_age)
    gap = rng.uniform(19, 42, size=n)
    age = np.where(
        head,
        head_age[hh_of],
        np.where(partner, partner_age[hh_of], np.clip(mother_age[hh_of] - gap, 0, 80)),
    )
    given = np.where(
        sex == MALE,
        rng.choice(len(MALE_NAMES), size=n, p=male_p),
        rng.choice(len(FEMALE_NAMES), size=n, p=female_p),
    )
    # The couple's given names: the man's is the household father name.
    is_father = ((head & (head_sex[hh_of] == MALE)) | (partner & (head_sex[hh_of] == FEMALE))) & (
        sizes[hh_of] >= 2
    )
    given = np.where(is_father, hh_father[hh_of], given)
    father = np.where(child, hh_father[hh_of], rng.choice(len(MALE_NAMES), size=n, p=male_p))
    start_day = day_number(config.start)
    birth = start_day - np.floor(age * 365.25 + rng.uniform(0, 365, size=n)).astype(np.int64)
    age_years = ages_on(birth, start_day)
    combatant = (
        (sex == MALE)
        & (age_years >= 18)
        & (age_years < 60)
        & (rng.random(n) < config.combatant_share)
    )
    return Population(
        household=household,
        sex=sex.astype(np.int16),
        birth=birth.astype(np.int64),
        given=given.astype(np.int16),
        father=father.astype(np.int16),
        family=hh_family[hh_of].astype(np.int16),
        district=hh_district[hh_of].astype(np.int16),
        combatant=combatant,
    )


def _weights(names: tuple[object, ...]) -> npt.NDArray[np.float64]:
    w = np.array([getattr(n, "weight") for n in names], dtype=np.float64)  # noqa: B009
    return np.asarray(w / w.sum(), dtype=np.float64)


def _adult_ages(rng: np.random.Generator, size: int) -> npt.NDArray[np.float64]:
    bands = _ADULT_AGE_BANDS
    which = rng.choice(len(bands), size=size, p=bands[:, 2] / bands[:, 2].sum())
    return np.asarray(rng.uniform(bands[which, 0], bands[which, 1]), dtype=np.float64)
