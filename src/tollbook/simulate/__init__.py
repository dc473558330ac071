"""A synthetic siege with known truth: demo, test and benchmark data at any scale.

Pure generation, given a :class:`SiegeConfig` (seed included): a population with
registry names, deaths over time and districts, named lists of the dead with coverage,
dependence, heterogeneity and noise, trench graves with bodies, families' missing-person
reports, and English news reports with gold claims. Files are written by
``tollbook.cli.simulate.files``; docs/simulator.md describes them.

    >>> from tollbook.simulate import SiegeConfig, simulate_siege
    >>> siege = simulate_siege(SiegeConfig(people=2_000, seed=7))
"""

from tollbook.simulate.config import (
    DEFAULT_LIST_NAMES,
    KNOWN_LISTS,
    ConfigError,
    Dependence,
    ListSpec,
    SiegeConfig,
    load_config,
    select_lists,
)
from tollbook.simulate.siege import Siege, simulate_siege, summary

__all__ = [
    "DEFAULT_LIST_NAMES",
    "KNOWN_LISTS",
    "ConfigError",
    "Dependence",
    "ListSpec",
    "Siege",
    "SiegeConfig",
    "load_config",
    "select_lists",
    "simulate_siege",
    "summary",
]
