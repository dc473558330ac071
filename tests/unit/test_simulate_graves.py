"""Trench graves, bodies and missing-person reports, against the truth."""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import numpy as np

from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.simulate.siege import Siege


@lru_cache(maxsize=1)
def _siege() -> Siege:
    return simulate_siege(SiegeConfig(people=40_000, seed=9))


def test_bodies_lie_in_order_along_their_trench() -> None:
    graves = _siege().graves
    assert graves.bodies
    refs = [b.ref for b in graves.bodies]
    assert len(set(refs)) == len(refs)
    by_trench: dict[str, list[float]] = {}
    for b in graves.bodies:
        assert b.ref == f"{b.trench}-{b.position:03d}"
        by_trench.setdefault(b.trench, []).append(b.distance_m)
    lengths = {t.id: t.length_m for t in graves.trenches}
    for trench, distances in by_trench.items():
        assert len(distances) <= lengths[trench] * 1.4 + 1
        # positions a metre apart stay in order despite the measuring noise
        assert all(b > a - 0.6 for a, b in itertools.pairwise(distances))


def test_trenches_are_near_their_site() -> None:
    graves = _siege().graves
    sites = {s.code: s for s in graves.sites}
    for t in graves.trenches:
        site = sites[t.site]
        dy = (t.marker_lat - site.lat) * 111_320
        dx = (t.marker_lon - site.lon) * 111_320 * math.cos(math.radians(site.lat))
        assert math.hypot(dx, dy) <= 4.0 * (t.number - 1) + 1


def test_bodies_are_of_the_dead_and_buried_after_death() -> None:
    siege = _siege()
    died = {int(p): int(d) for p, d in zip(siege.deaths.person, siege.deaths.day, strict=True)}
    for b in siege.graves.bodies:
        assert b.person in died
        assert np.datetime64(b.buried, "D").astype(int) > died[b.person]


def test_body_descriptions_mostly_match_the_person() -> None:
    siege = _siege()
    sex = siege.people.sex
    seen = [b for b in siege.graves.bodies if b.apparent_sex]
    right = sum(b.apparent_sex == ("M", "F")[int(sex[b.person])] for b in seen)
    assert 0.9 < right / len(seen) < 1.0


def test_missing_reports_about_the_dead_and_the_living() -> None:
    siege = _siege()
    dead = set(siege.deaths.person.tolist())
    fates = {m.fate for m in siege.missing}
    assert fates == {"dead", "alive"}
    in_graves = {b.person: b.ref for b in siege.graves.bodies}
    for m in siege.missing:
        assert (m.person in dead) == (m.fate == "dead")
        assert m.body_ref == in_graves.get(m.person, "")
        assert m.reported_on > m.last_seen
    assert any(m.body_ref for m in siege.missing)
