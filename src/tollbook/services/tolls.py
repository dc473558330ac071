"""A place's toll: the documented count beside the official figures and the estimates."""

from __future__ import annotations

from datetime import date

from tollbook.count import CountRules, Reconciliation
from tollbook.count import place_toll as count_place_toll
from tollbook.domain.claim import OUTCOMES
from tollbook.domain.text import N_
from tollbook.domain.toll import Toll
from tollbook.gazetteer import load_gazetteer
from tollbook.services.claims import InvalidQuery
from tollbook.services.incidents import period_of, read_reconciliation
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["InvalidQuery", "Toll", "place_toll"]


def place_toll(
    uow: UnitOfWork,
    place: str,
    outcome: str = "killed",
    start: date | None = None,
    end: date | None = None,
    rules: CountRules | None = None,
    reconciliation: Reconciliation | None = None,
) -> Toll:
    """The toll of ``place`` for ``outcome``, over the days from ``start`` to ``end``
    (both optional, both included). ``place`` is any of the place's names, in any script
    or letter case, and the places in it count too (a city's districts, a region's towns:
    :mod:`tollbook.count.place_scope`).

    The documented count sums the incidents counted in the period; the cumulative
    official and reported figures and the estimates dated in the period are listed
    beside it, never added. ``uow`` must not be inside a ``with`` block; ``reconciliation``
    as for :func:`tollbook.services.incidents.list_incidents`.
    """
    if not place.strip():
        raise InvalidQuery(N_("a place is needed"))
    if outcome not in OUTCOMES:
        raise InvalidQuery(
            N_(
                "unknown outcome %(outcome)s; expected one of %(items)s",
                outcome=repr(outcome),
                items=", ".join(OUTCOMES),
            )
        )
    period = period_of(start, end)
    found = reconciliation or read_reconciliation(uow, rules)
    return count_place_toll(found, place, outcome, period, load_gazetteer())
