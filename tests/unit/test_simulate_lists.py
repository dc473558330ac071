"""The lists of the dead: coverage, dependence and heterogeneity as configured; truth."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy as np
import pytest

from tollbook.names.transliteration import is_cyrillic
from tollbook.simulate import Dependence, SiegeConfig, select_lists, simulate_siege
from tollbook.simulate.captures import draw_captures, solve_intercept
from tollbook.simulate.config import DEFAULT_DEPENDENCES
from tollbook.simulate.deaths import generate_deaths
from tollbook.simulate.population import generate_population
from tollbook.simulate.records import RECORD_COLUMNS
from tollbook.simulate.siege import Siege

PEOPLE = 80_000  # about 2,400 dead: coverage is known to about +-0.01


@lru_cache(maxsize=4)
def _siege(seed: int = 11) -> Siege:
    return simulate_siege(SiegeConfig(people=PEOPLE, seed=seed))


def _odds_ratio(a: np.ndarray, b: np.ndarray) -> float:
    both = np.sum(a & b) + 0.5
    only_a = np.sum(a & ~b) + 0.5
    only_b = np.sum(~a & b) + 0.5
    neither = np.sum(~a & ~b) + 0.5
    return float(both * neither / (only_a * only_b))


def test_coverage_of_each_list_is_what_was_asked() -> None:
    siege = _siege()
    for k, spec in enumerate(siege.config.lists):
        coverage = siege.captured[k].mean()
        assert coverage == pytest.approx(spec.coverage, abs=0.04), spec.name


def test_a_chosen_coverage_is_kept() -> None:
    config = SiegeConfig(people=PEOPLE, seed=3)
    morgue = replace(config.lists[0], coverage=0.7)
    config = replace(config, lists=(morgue, *config.lists[1:]))
    siege = simulate_siege(config)
    assert siege.captured[0].mean() == pytest.approx(0.7, abs=0.04)


def test_solve_intercept_hits_the_coverage() -> None:
    logits = np.random.default_rng(0).normal(0, 2, size=10_000)
    a = solve_intercept(logits, 0.3)
    assert np.mean(1 / (1 + np.exp(-(a + logits)))) == pytest.approx(0.3, abs=1e-6)


def test_morgue_and_hospital_overlap_more_than_independence() -> None:
    siege = _siege()
    names = siege.config.list_names()
    morgue = siege.captured[names.index("morgue")]
    hospital = siege.captured[names.index("hospital")]
    assert _odds_ratio(morgue, hospital) > 1.5


def test_configured_dependence_shows_up_against_none() -> None:
    config = SiegeConfig(people=PEOPLE, seed=5)
    people = generate_population(config)
    deaths = generate_deaths(config, people)
    names = config.list_names()
    m, h, b = names.index("morgue"), names.index("hospital"), names.index("burial")
    with_deps = draw_captures(config, deaths)
    without = draw_captures(replace(config, dependences=()), deaths)
    assert _odds_ratio(with_deps[m], with_deps[h]) > 1.5 * _odds_ratio(without[m], without[h])
    # hospital <-> burial is configured negative
    assert _odds_ratio(with_deps[h], with_deps[b]) < _odds_ratio(without[h], without[b])


def test_heterogeneity_makes_lists_overlap_even_without_dependence() -> None:
    config = replace(SiegeConfig(people=PEOPLE, seed=6), dependences=())
    people = generate_population(config)
    deaths = generate_deaths(config, people)
    captured = draw_captures(config, deaths)
    flat = draw_captures(
        replace(config, lists=tuple(replace(s, heterogeneity=0.0, incident_effect=0.0,
                                            combatant_effect=0.0) for s in config.lists)),
        deaths,
    )  # fmt: skip
    assert _odds_ratio(captured[0], captured[3]) > 1.3
    assert _odds_ratio(flat[0], flat[3]) == pytest.approx(1.0, abs=0.25)


def test_news_list_favours_victims_of_large_incidents() -> None:
    siege = _siege()
    news = siege.captured[siege.config.list_names().index("news")]
    in_incident = siege.deaths.incident >= 0
    assert news[in_incident].mean() > 2 * news[~in_incident].mean()


def test_truth_maps_every_record_to_a_dead_person_on_that_list() -> None:
    siege = _siege()
    dead_index = {int(p): j for j, p in enumerate(siege.deaths.person)}
    for k, records in enumerate(siege.lists):
        assert len(records.rows) == len(records.person)
        assert all(len(row) == len(RECORD_COLUMNS) for row in records.rows)
        ids = [row[0] for row in records.rows]
        assert len(set(ids)) == len(ids)
        people = {int(p) for p in records.person}
        captured = {int(siege.deaths.person[j]) for j in np.flatnonzero(siege.captured[k])}
        assert people == captured
        assert all(siege.captured[k][dead_index[p]] for p in people)
        # some people appear twice (duplicates), never more
        assert len(records) >= len(people)


def test_records_carry_the_noise_of_their_source() -> None:
    siege = _siege()
    by_name = {r.spec.name: r for r in siege.lists}
    news = by_name["news"].rows
    latin = sum(not is_cyrillic(row[1] + row[2]) for row in news) / len(news)
    assert latin == pytest.approx(0.9, abs=0.07)
    assert all(row[4] == "" and row[8] == "" for row in news)  # no sex, no district
    morgue = by_name["morgue"].rows
    upper = sum(row[1].isupper() and row[2].isupper() for row in morgue) / len(morgue)
    assert upper == pytest.approx(0.3, abs=0.06)
    with_age = sum(row[6] != "" for row in morgue) / len(morgue)
    assert with_age == pytest.approx(0.15, abs=0.05)
    burial = by_name["burial"].rows
    assert all(row[8] == "" for row in burial)


def test_records_differ_from_the_truth_but_mostly_agree() -> None:
    siege = _siege()
    deaths = siege.deaths
    day_of = {int(p): int(d) for p, d in zip(deaths.person, deaths.day, strict=True)}
    hospital = next(r for r in siege.lists if r.spec.name == "hospital")
    exact = 0
    dated = 0
    for row, person in zip(hospital.rows, hospital.person, strict=True):
        if row[7]:
            dated += 1
            true_day = np.datetime64(day_of[int(person)], "D")
            exact += str(true_day) == row[7]
    assert 0.85 < exact / dated < 1.0


def test_choosing_lists_keeps_the_draws_of_the_others() -> None:
    config = SiegeConfig(people=20_000, seed=8)
    full = simulate_siege(config)
    fewer = simulate_siege(select_lists(config, ["morgue", "hospital", "family"]))
    names = full.config.list_names()
    for k, name in enumerate(fewer.config.list_names()):
        assert np.array_equal(fewer.captured[k], full.captured[names.index(name)])
        assert fewer.lists[k].rows == full.lists[names.index(name)].rows


def test_six_lists_with_the_monitor() -> None:
    config = select_lists(
        SiegeConfig(people=20_000, seed=2),
        ["morgue", "burial", "hospital", "family", "news", "monitor"],
    )
    assert {d.first for d in DEFAULT_DEPENDENCES} <= set(config.list_names())
    siege = simulate_siege(config)
    assert len(siege.lists) == 6
    assert isinstance(config.dependences[0], Dependence)
