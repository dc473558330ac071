"""Which of the dead each list records: coverage, heterogeneity and dependence.

Every dead person has a latent *visibility* ``v`` (standard normal) shared by all lists:
a well-known person is likelier to be on every list (heterogeneity). Each configured
:class:`~tollbook.simulate.config.Dependence` adds a per-person normal shared by two lists
(with the same or opposite sign), so those two overlap more or less than the others. Each
list's intercept is solved so that its expected coverage of the dead is the configured one.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.deaths import Deaths
from tollbook.simulate.population import rng_for

BoolMatrix = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


def capture_logits(config: SiegeConfig, deaths: Deaths) -> FloatArray:
    """Each list's logit for each dead person, before the intercept. Shape (lists, dead)."""
    rng = rng_for(config.seed, "captures")
    m = len(deaths)
    names = config.list_names()
    visibility = rng.standard_normal(m)
    in_incident = (deaths.incident >= 0).astype(np.float64)
    combatant = deaths.combatant.astype(np.float64)
    logits = np.zeros((len(names), m))
    for k, spec in enumerate(config.lists):
        logits[k] = (
            spec.heterogeneity * visibility
            + spec.incident_effect * in_incident
            + spec.combatant_effect * combatant
        )
    for dep in config.dependences:
        # Drawn and added whether or not the partner list is chosen: a list's records do
        # not depend on which other lists are made (a subset of lists is the same data).
        shared = rng.standard_normal(m)
        if dep.first in names:
            logits[names.index(dep.first)] += dep.strength * shared
        if dep.second in names:
            sign = -1.0 if dep.negative else 1.0
            logits[names.index(dep.second)] += sign * dep.strength * shared
    return logits


def solve_intercept(logits: FloatArray, coverage: float) -> float:
    """The intercept ``a`` with mean(sigmoid(a + logits)) == coverage (by bisection)."""
    low, high = -30.0, 30.0
    for _ in range(80):
        mid = (low + high) / 2
        if _sigmoid(mid + logits).mean() < coverage:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def draw_captures(config: SiegeConfig, deaths: Deaths) -> BoolMatrix:
    """Whether each list holds each dead person. Shape (lists, dead)."""
    logits = capture_logits(config, deaths)
    captured = np.zeros(logits.shape, dtype=bool)
    for k, spec in enumerate(config.lists):
        if len(deaths) == 0:
            continue
        rng = rng_for(config.seed, f"capture-draws:{spec.name}")
        a = solve_intercept(logits[k], spec.coverage)
        captured[k] = rng.random(len(deaths)) < _sigmoid(a + logits[k])
    return captured


def _sigmoid(x: FloatArray) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=np.float64)
