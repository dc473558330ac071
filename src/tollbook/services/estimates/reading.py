"""Reading saved estimates: list them, get one, and read back its tables, its report and
its headline figures."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, cast

from tollbook.domain.text import N_
from tollbook.estimate.tables import WHOLE, OverlapTable, Stratum, pool
from tollbook.services.estimates.options import EstimateError, EstimateNotFound
from tollbook.store.estimate_repository import SavedEstimate
from tollbook.store.estimate_tables import ESTIMATE_STATUSES
from tollbook.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from tollbook.estimate.report import EstimationReport, StratumResult
    from tollbook.estimate.results import Estimate


def list_estimates(
    uow: UnitOfWork, *, status: str | None = None, limit: int | None = 50, offset: int = 0
) -> list[SavedEstimate]:
    """Saved estimates, newest first, optionally only those with ``status``."""
    if status is not None and status not in ESTIMATE_STATUSES:
        raise EstimateError(
            N_(
                "status: %(status)s is not one of %(items)s",
                status=repr(status),
                items=", ".join(ESTIMATE_STATUSES),
            )
        )
    if (limit is not None and limit < 0) or offset < 0:
        raise EstimateError(N_("limit and offset must not be negative"))
    with uow:
        return uow.estimates.page(status=status, limit=limit, offset=offset)


def get_estimate(uow: UnitOfWork, estimate_id: int) -> SavedEstimate:
    with uow:
        found = uow.estimates.get(estimate_id)
    if found is None:
        raise EstimateNotFound(N_("no estimate %(estimate_id)s", estimate_id=estimate_id))
    return found


def headline(saved: SavedEstimate) -> list[dict[str, Any]]:
    """The figures to show first, one per method: the whole population's estimate, or
    with strata the sum of the strata (or, failing that, the pooled table's)."""
    body = saved.report
    if body.get("strata_columns"):
        sums = list(body.get("sum_of_strata") or [])
        done = {e["method"] for e in sums}
        pooled = body.get("pooled") or {}
        rest = [e for e in pooled.get("estimates", []) if e["method"] not in done]
        found = [(e, "sum of strata") for e in sums] + [(e, "all strata pooled") for e in rest]
    else:
        strata = body.get("strata") or [{}]
        found = [(e, "all") for e in strata[0].get("estimates", [])]
    return [
        {
            "method": e["method"],
            "basis": basis,
            "observed": e["observed"],
            "estimate": e["estimate"],
            "missed": e["missed"],
            "lower": e["lower"],
            "upper": e["upper"],
            "interval": e["interval"],
            "model": e["model"],
        }
        for e, basis in found
    ]


def tables_of(saved: SavedEstimate) -> dict[Stratum, OverlapTable]:
    """The overlap tables the estimate was run on, per stratum."""
    out: dict[Stratum, OverlapTable] = {}
    for item in saved.tables:
        stratum: Stratum = tuple((str(c), str(v)) for c, v in item["stratum"])
        out[stratum] = OverlapTable(saved.lists, tuple(int(n) for n in item["counts"]), stratum)
    return out


def report_of(saved: SavedEstimate) -> EstimationReport:
    """The saved report as an :class:`EstimationReport` (without posterior or bootstrap
    draws), for charts and the text report."""
    from tollbook.estimate.report import EstimationReport

    tables = tables_of(saved)
    body = saved.report
    strata = tuple(_stratum_result(item, tables, saved.strata) for item in body["strata"])
    pooled_body = body.get("pooled")
    pooled = None
    if pooled_body:
        pooled = _stratum_result(pooled_body, {WHOLE: pool(tables.values())}, ())
    from tollbook.estimate.linkage_uncertainty import LinkageSpread

    linkage = body.get("linkage")
    return EstimationReport(
        lists=saved.lists,
        by=saved.strata,
        strata=strata,
        totals=tuple(_estimate(e) for e in body.get("sum_of_strata") or []),
        total_notes=tuple(body.get("sum_notes") or []),
        pooled=pooled,
        linkage=LinkageSpread.from_dict(linkage) if linkage else None,
    )


def _stratum_result(
    item: dict[str, Any], tables: dict[Stratum, OverlapTable], columns: tuple[str, ...]
) -> StratumResult:
    from tollbook.estimate.report import StratumResult

    values = dict(item.get("stratum") or {})
    stratum: Stratum = tuple((c, str(values.get(c, ""))) for c in columns)
    table = tables.get(stratum)
    if table is None:
        raise EstimateError(
            N_("the saved estimate has no table for %(value)s", value=item.get("label"))
        )
    return StratumResult(
        stratum=stratum,
        table=table,
        estimates=tuple(_estimate(e) for e in item.get("estimates", [])),
        refusals=tuple(item.get("refused", [])),
        failures=tuple((cast(Any, m), str(w)) for m, w in dict(item.get("failed", {})).items()),
        warnings=tuple(item.get("warnings", [])),
    )


def _estimate(item: dict[str, Any]) -> Estimate:
    from tollbook.estimate.results import Estimate

    def number(value: Any) -> float | None:
        return None if value is None else float(value)

    point = number(item.get("estimate"))
    return Estimate(
        method=item["method"],
        observed=int(item["observed"]),
        estimate=math.nan if point is None else point,
        lower=number(item.get("lower")),
        upper=number(item.get("upper")),
        interval=str(item.get("interval", "")),
        model=str(item.get("model", "")),
        diagnostics=dict(item.get("diagnostics") or {}),
        warnings=tuple(item.get("warnings") or ()),
    )
