"""Claims -> incidents and tolls, without counting the same dead twice (pure code).

``reconcile`` groups claims from different reports into incidents with a minimum, a
maximum, their sources and a grade, and turns running totals and estimates into series;
``place_toll`` sums a place's incidents over a period and sets the official and
estimated figures beside them. The rules are in ``docs/counting.md``.
"""

from tollbook.count.reconcile import Reconciliation, collector_paused, reconcile
from tollbook.count.rules import DEFAULT_RULES, DEFAULT_VAGUE_FLOORS, CountRules, VagueFloors
from tollbook.count.tolls import documented_series, place_incidents, place_toll

__all__ = [
    "DEFAULT_RULES",
    "DEFAULT_VAGUE_FLOORS",
    "CountRules",
    "Reconciliation",
    "VagueFloors",
    "collector_paused",
    "documented_series",
    "place_incidents",
    "place_toll",
    "reconcile",
]
