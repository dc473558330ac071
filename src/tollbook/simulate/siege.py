"""A whole simulated siege: people, deaths, lists, graves, missing-person reports and news,
all drawn from one :class:`SiegeConfig` (seed included), and a summary of its truth."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate.captures import draw_captures
from tollbook.simulate.config import SiegeConfig, config_to_mapping
from tollbook.simulate.deaths import AGE_GROUPS, Deaths, generate_deaths
from tollbook.simulate.descriptions import Description, true_description
from tollbook.simulate.graves import Graves, generate_graves
from tollbook.simulate.missing import SimulatedMissingReport, alive_reported, generate_missing
from tollbook.simulate.news import News
from tollbook.simulate.news_writer import generate_news
from tollbook.simulate.population import (
    Population,
    ages_on,
    day_number,
    generate_population,
    rng_for,
)
from tollbook.simulate.records import ListRecords, generate_records


@dataclass(frozen=True)
class Siege:
    """Everything one simulation made; the files are written from this."""

    config: SiegeConfig
    people: Population
    deaths: Deaths
    #: whether list k holds dead person j, shape (lists, dead)
    captured: npt.NDArray[np.bool_]
    lists: tuple[ListRecords, ...]
    graves: Graves
    missing: tuple[SimulatedMissingReport, ...]
    news: News

    @property
    def city_latin(self) -> str:
        return ukrainian_national(self.config.city)

    def period_label(self, index: int) -> str:
        return f"P{index + 1}"


def simulate_siege(config: SiegeConfig) -> Siege:
    """Run the whole simulation. Pure: the same config gives the same siege."""
    people = generate_population(config)
    deaths = generate_deaths(config, people)
    captured = draw_captures(config, deaths)
    lists = generate_records(config, people, deaths, captured)
    alive = alive_reported(config, people, deaths)
    descriptions = describe(config, people, deaths, alive)
    graves = generate_graves(config, people, deaths, descriptions)
    missing = generate_missing(config, people, deaths, graves, descriptions, alive)
    news = generate_news(config, deaths, graves)
    return Siege(config, people, deaths, captured, lists, graves, missing, news)


def describe(
    config: SiegeConfig, people: Population, deaths: Deaths, alive: list[int]
) -> dict[int, Description]:
    """The true description of everyone who died or was reported missing."""
    rng = random.Random(int(rng_for(config.seed, "descriptions").integers(0, 2**63 - 1)))
    start = day_number(config.start)
    ages = dict(zip(deaths.person.tolist(), deaths.age.tolist(), strict=True))
    out: dict[int, Description] = {}
    for person in sorted((*deaths.person.tolist(), *alive)):
        age = ages.get(person)
        if age is None:
            age = int(ages_on(people.birth[person : person + 1], start)[0])
        out[person] = true_description(int(people.sex[person]), age, rng)
    return out


def summary(siege: Siege) -> dict[str, Any]:
    """The siege's truth in numbers: what the files hold and what estimates should find."""
    config, deaths = siege.config, siege.deaths
    start = day_number(config.start)
    periods = deaths.period(start, config.period_days)
    lists: dict[str, Any] = {}
    for k, records in enumerate(siege.lists):
        covered = int(siege.captured[k].sum())
        lists[records.spec.name] = {
            "label": records.spec.label,
            "records": len(records),
            "people": covered,
            "coverage_configured": records.spec.coverage,
            "coverage": round(covered / max(1, len(deaths)), 4),
        }
    names = config.list_names()
    overlaps: dict[str, int] = {}
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            both = int((siege.captured[a] & siege.captured[b]).sum())
            overlaps[f"{names[a]}&{names[b]}"] = both
    on_any = int(siege.captured.any(axis=0).sum()) if len(names) else 0
    districts = [ukrainian_national(d) for d in config.districts]
    return {
        "seed": config.seed,
        "city": ukrainian_national(config.city),
        "people": len(siege.people),
        "dead": len(deaths),
        "dead_civilians": int((~deaths.combatant).sum()),
        "dead_combatants": int(deaths.combatant.sum()),
        "dead_on_no_list": len(deaths) - on_any,
        "dead_by_period": _counts(periods, [f"P{i + 1}" for i in range(_n_periods(config))]),
        "dead_by_district": _counts(deaths.district, districts),
        "dead_by_sex": _counts(siege.people.sex[deaths.person], ["M", "F"]),
        "dead_by_age_group": _counts(deaths.age_group, list(AGE_GROUPS)),
        "incidents": [
            {"id": i.id, "kind": i.kind.code, "killed": i.killed, "injured": i.injured}
            for i in deaths.incidents
        ],
        "lists": lists,
        "overlaps": overlaps,
        "bodies": len(siege.graves.bodies),
        "trenches": len(siege.graves.trenches),
        "missing_reports": len(siege.missing),
        "news_reports": len(siege.news.reports),
        "gold_claims": len(siege.news.gold),
        "config": config_to_mapping(config),
    }


def _n_periods(config: SiegeConfig) -> int:
    return -(-config.days // config.period_days)


def _counts(values: npt.NDArray[Any], labels: list[str]) -> dict[str, int]:
    counts = np.bincount(values.astype(np.int64), minlength=len(labels))
    return {label: int(c) for label, c in zip(labels, counts, strict=False)}
