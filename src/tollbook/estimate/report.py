"""The result of estimating one table or a table per stratum, ready to show or serialise."""

from __future__ import annotations

from dataclasses import dataclass, field

from tollbook.estimate.lcmcr_settings import LcmcrSettings
from tollbook.estimate.linkage_uncertainty import LinkageSpread
from tollbook.estimate.loglinear import Criterion
from tollbook.estimate.loglinear_models import Heterogeneity
from tollbook.estimate.results import METHODS, Estimate, JsonValue, Method
from tollbook.estimate.tables import OverlapTable, Stratum, stratum_label


@dataclass(frozen=True)
class EstimationSettings:
    """What to run. ``model`` names a log-linear model (e.g. ``[12,3,4]``) instead of the
    search; ``bootstrap`` replicates are drawn per stratum to add log-linear strata up."""

    methods: tuple[Method, ...] = METHODS
    model: str | None = None
    criterion: Criterion = "bic"
    heterogeneity: Heterogeneity | None = None
    lcmcr: LcmcrSettings = field(default_factory=LcmcrSettings)
    bootstrap: int = 1_000
    seed: int = 1
    level: float = 0.95


@dataclass(frozen=True)
class StratumResult:
    """The estimates for one table, or why there are none.

    ``refusals`` say why the table could not be estimated at all; ``failures`` why one
    method could not; ``warnings`` are about the table or about the methods together
    (each estimate carries its own warnings too).
    """

    stratum: Stratum
    table: OverlapTable
    estimates: tuple[Estimate, ...] = ()
    refusals: tuple[str, ...] = ()
    failures: tuple[tuple[Method, str], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return stratum_label(self.stratum)

    def estimate(self, method: Method) -> Estimate | None:
        return next((e for e in self.estimates if e.method == method), None)

    def to_dict(self) -> dict[str, JsonValue]:
        return {
            "stratum": {column: value for column, value in self.stratum},
            "label": self.label,
            "observed": self.table.observed,
            "list_sizes": dict(self.table.list_sizes()),
            "estimates": [e.to_dict() for e in self.estimates],
            "refused": list(self.refusals),
            "failed": {method: why for method, why in self.failures},
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class EstimationReport:
    """Everything estimated from a set of tables: per stratum, their sums, and the pooled
    table (all strata together, for comparison) when there are strata."""

    lists: tuple[str, ...]
    by: tuple[str, ...]
    strata: tuple[StratumResult, ...]
    totals: tuple[Estimate, ...] = ()
    total_notes: tuple[str, ...] = ()
    pooled: StratumResult | None = None
    #: from linked persons: what linkage error does to the figure (None from a table)
    linkage: LinkageSpread | None = None

    @property
    def stratified(self) -> bool:
        return bool(self.by)

    @property
    def observed(self) -> int:
        return sum(s.table.observed for s in self.strata)

    @property
    def anything_estimated(self) -> bool:
        return any(s.estimates for s in self.strata) or (
            self.pooled is not None and bool(self.pooled.estimates)
        )

    def to_dict(self) -> dict[str, JsonValue]:
        out: dict[str, JsonValue] = {
            "lists": list(self.lists),
            "strata_columns": list(self.by),
            "observed": self.observed,
            "strata": [s.to_dict() for s in self.strata],
        }
        if self.stratified:
            out["sum_of_strata"] = [e.to_dict() for e in self.totals]
            out["sum_notes"] = list(self.total_notes)
            out["pooled"] = self.pooled.to_dict() if self.pooled is not None else None
        if self.linkage is not None:
            out["linkage"] = self.linkage.to_dict()
        return out
