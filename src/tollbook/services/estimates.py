"""Saved multiple systems estimates: run, save, list, publish, withdraw.

One function per use case, for the CLI and the web app. An estimate is run from the
linked persons in the database (:func:`run_estimate`, which keeps the linkage run they
came from) or from an overlap-table file (:func:`save_file_estimate`, which keeps the
file's name and SHA-256), and saved as a ``draft`` with its tables, its report and its
warnings. A person publishes a draft (:func:`publish_estimate`; when it has warnings, only
after saying they read them) or withdraws an estimate (:func:`withdraw_estimate`, with a
reason). Every save and change is written to the audit log in the same transaction.

Estimates are aggregates: counts of people per combination of lists, never names.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tollbook.estimate.list_choice import ListChoice
from tollbook.estimate.tables import WHOLE, OverlapTable, Stratum, pool
from tollbook.services.estimation import STRATA, linked_source
from tollbook.store.estimate_repository import EstimateStore, NewEstimate, SavedEstimate
from tollbook.store.estimate_tables import ESTIMATE_METHODS, ESTIMATE_STATUSES
from tollbook.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from tollbook.estimate.report import EstimationReport, EstimationSettings, StratumResult
    from tollbook.estimate.results import Estimate

__all__ = [
    "METHOD_CHOICES",
    "STRATA",
    "EstimateError",
    "EstimateOptions",
    "SavedEstimate",
    "get_estimate",
    "headline",
    "list_estimates",
    "publish_estimate",
    "report_of",
    "run_estimate",
    "save_file_estimate",
    "tables_of",
    "withdraw_estimate",
]

METHOD_CHOICES: tuple[str, ...] = ESTIMATE_METHODS
CRITERIA: tuple[str, ...] = ("bic", "aic")
Progress = Callable[[str], None]


class EstimateError(ValueError):
    """An estimate that cannot be run, found, published or withdrawn, and why."""


@dataclass(frozen=True)
class EstimateOptions:
    """How to estimate, beyond the method and the strata (the CLI's options)."""

    model: str | None = None
    criterion: str = "bic"
    heterogeneity: str | None = None
    classes: int = 10
    chains: int = 4
    draws: int = 2_500
    burn_in: int = 10_000
    thin: int = 50
    bootstrap: int = 1_000
    seed: int = 1
    #: clusterings drawn to carry linkage error (estimates from the database)
    imputations: int = 20
    lists: ListChoice = field(default_factory=ListChoice)

    def to_json(self) -> dict[str, Any]:
        return {
            "imputations": self.imputations,
            "lists": self.lists.to_json(),
            "model": self.model,
            "criterion": self.criterion,
            "heterogeneity": self.heterogeneity,
            "lcmcr": {
                "classes": self.classes,
                "chains": self.chains,
                "draws": self.draws,
                "burn_in": self.burn_in,
                "thin": self.thin,
            },
            "bootstrap": self.bootstrap,
            "seed": self.seed,
        }

    def settings(self, method: str, lists: Sequence[str]) -> EstimationSettings:
        """The estimation settings, or :class:`EstimateError` saying which option is wrong."""
        from tollbook.estimate.ceilings import ceiling_problem
        from tollbook.estimate.lcmcr import LcmcrSettings
        from tollbook.estimate.loglinear_models import parse_heterogeneity, parse_model
        from tollbook.estimate.report import EstimationSettings
        from tollbook.estimate.results import METHODS, Method

        if method not in METHOD_CHOICES:
            raise EstimateError(f"method: {method!r} is not one of {', '.join(METHOD_CHOICES)}")
        if self.criterion not in CRITERIA:
            raise EstimateError(f"criterion: {self.criterion!r} is not one of bic, aic")
        if self.model is not None:
            if method == "lcmcr":
                raise EstimateError("model: names a log-linear model; use method loglinear")
            try:
                parse_model(self.model, tuple(lists))
            except ValueError as exc:
                raise EstimateError(f"model: {exc}") from None
        try:
            heterogeneity = parse_heterogeneity(self.heterogeneity) if self.heterogeneity else None
            lcmcr = LcmcrSettings(
                classes=self.classes,
                chains=self.chains,
                draws=self.draws,
                burn_in=self.burn_in,
                thin=self.thin,
                seed=self.seed,
            )
        except ValueError as exc:
            raise EstimateError(f"options: {exc}") from None
        if self.bootstrap < 0:
            raise EstimateError("bootstrap: must not be negative")
        too_much = ceiling_problem(
            chains=self.chains,
            draws=self.draws,
            burn_in=self.burn_in,
            thin=self.thin,
            classes=self.classes,
            bootstrap=self.bootstrap,
        )
        if too_much is not None:
            raise EstimateError(too_much)
        if not 2 <= self.imputations <= 1_000:
            raise EstimateError("imputations: must be between 2 and 1000")
        return EstimationSettings(
            methods=METHODS if method == "all" else (cast("Method", method),),
            model=self.model,
            criterion="aic" if self.criterion == "aic" else "bic",
            heterogeneity=heterogeneity,
            lcmcr=lcmcr,
            bootstrap=self.bootstrap,
            seed=self.seed,
        )


def _now() -> datetime:
    return datetime.now(UTC)


def _who(actor: str) -> str:
    who = actor.strip()
    if not who:
        raise EstimateError("actor: say who is doing this")
    return who


# --- running and saving -------------------------------------------------------------


def run_estimate(
    uow: UnitOfWork,
    *,
    by: Sequence[str] = (),
    method: str = "loglinear",
    actor: str,
    options: EstimateOptions | None = None,
    on_progress: Progress | None = None,
    on_estimated: Callable[[EstimationReport], None] | None = None,
) -> SavedEstimate:
    """Estimate from the linked persons in the database and save it as a draft
    (``on_estimated`` is given the report as computed, e.g. to print it).

    Raises :class:`~tollbook.services.estimation.NoLinkedPersons` when nothing is linked,
    and :class:`EstimateError` for bad options or when nothing could be estimated.
    """
    who = _who(actor)
    unknown = [name for name in by if name not in STRATA]
    if unknown:
        raise EstimateError(f"by: cannot divide persons by {unknown}; one of {', '.join(STRATA)}")
    if len(set(by)) != len(by):
        raise EstimateError("by: a stratum column is named twice")
    options = options or EstimateOptions()
    report, lists, tables, link_run = estimate_from_db(
        uow, by=tuple(by), method=method, options=options, on_progress=on_progress
    )
    return _save(
        uow,
        report,
        tables,
        tuple(by),
        lists,
        method=method,
        options=options,
        actor=who,
        provenance={"source": "database", "link_run_id": link_run},
        on_estimated=on_estimated,
    )


def estimate_from_db(
    uow: UnitOfWork,
    *,
    by: tuple[str, ...] = (),
    method: str = "loglinear",
    options: EstimateOptions | None = None,
    on_progress: Progress | None = None,
) -> tuple[EstimationReport, tuple[str, ...], dict[Stratum, OverlapTable], int | None]:
    """Estimate from the linked persons, with linkage error carried into the
    whole-population figures (multiple imputation over clusterings); returns the report,
    the lists, the tables as linked and the linkage run they came from."""
    from tollbook.estimate.linkage_estimates import estimate_linked

    options = options or EstimateOptions()
    unknown = [name for name in by if name not in STRATA]
    if unknown:
        raise EstimateError(f"by: cannot divide persons by {unknown}; one of {', '.join(STRATA)}")
    say = on_progress or (lambda text: None)
    with EstimateStore(uow.engine) as store:
        link_run = store.estimates.latest_link_run()
    say("reading the linked persons and their scored pairs")
    try:
        source = linked_source(uow, by, options.lists)
    except ValueError as exc:
        if type(exc) is not ValueError:
            raise
        raise EstimateError(str(exc)) from None
    with EstimateStore(uow.engine) as store:
        if store.estimates.latest_link_run() != link_run:
            raise EstimateError(
                "a linkage run finished while the persons were read: run the estimate again, "
                "so that it names the run its persons come from"
            )
    settings = options.settings(method, source.lists)
    report = estimate_linked(
        source.tables,
        by,
        source.linkage,
        settings,
        imputations=options.imputations,
        on_progress=on_progress,
    )
    if not report.anything_estimated:
        raise EstimateError(
            "nothing could be estimated: " + (" ".join(_refusals(report)) or "every method failed")
        )
    return report, source.lists, source.tables, link_run


def save_file_estimate(
    uow: UnitOfWork,
    path: Path,
    *,
    by: Sequence[str] | None = None,
    method: str = "loglinear",
    actor: str,
    options: EstimateOptions | None = None,
    on_progress: Progress | None = None,
    on_estimated: Callable[[EstimationReport], None] | None = None,
) -> SavedEstimate:
    """Estimate from an overlap-table CSV file and save it as a draft, with the file's
    name and SHA-256. A bad file raises :class:`~tollbook.exchange.overlap_tables.TableErrors`
    (every problem with its line)."""
    from tollbook.exchange.overlap_tables import read_overlap_csv

    who = _who(actor)
    options = options or EstimateOptions()
    source = read_overlap_csv(path, by)
    tables = prepare_file_tables(source.tables, options.lists)
    lists = next(iter(tables.values())).lists
    settings = options.settings(method, lists)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return _estimate_and_save(
        uow,
        tables,
        source.by,
        lists,
        settings,
        method=method,
        options=options,
        actor=who,
        provenance={"source": "file", "file_name": path.name, "file_sha256": digest},
        on_progress=on_progress,
        on_estimated=on_estimated,
    )


def prepare_file_tables(
    tables: dict[Stratum, OverlapTable], choice: ListChoice
) -> dict[Stratum, OverlapTable]:
    """A file's tables with one stratum value per place however it is spelt, and the
    lists chosen, dropped or merged (:class:`EstimateError` naming a bad choice)."""
    from tollbook.estimate.stratum_values import unify_strata

    try:
        chosen = choice.apply_all(tables) if not choice.empty else dict(tables)
    except ValueError as exc:
        raise EstimateError(str(exc)) from None
    return unify_strata(chosen)


def _estimate_and_save(
    uow: UnitOfWork,
    tables: dict[Stratum, OverlapTable],
    by: tuple[str, ...],
    lists: tuple[str, ...],
    settings: EstimationSettings,
    *,
    method: str,
    options: EstimateOptions,
    actor: str,
    provenance: dict[str, Any],
    on_progress: Progress | None,
    on_estimated: Callable[[EstimationReport], None] | None,
) -> SavedEstimate:
    from tollbook.estimate.stratified import estimate_strata

    report = estimate_strata(tables, by, settings, on_progress)
    if not report.anything_estimated:
        reasons = _refusals(report)
        raise EstimateError(
            "nothing could be estimated: " + (" ".join(reasons) or "every method failed")
        )
    return _save(
        uow,
        report,
        tables,
        by,
        lists,
        method=method,
        options=options,
        actor=actor,
        provenance=provenance,
        on_estimated=on_estimated,
    )


def _save(
    uow: UnitOfWork,
    report: EstimationReport,
    tables: dict[Stratum, OverlapTable],
    by: tuple[str, ...],
    lists: tuple[str, ...],
    *,
    method: str,
    options: EstimateOptions,
    actor: str,
    provenance: dict[str, Any],
    on_estimated: Callable[[EstimationReport], None] | None,
) -> SavedEstimate:
    if on_estimated is not None:
        on_estimated(report)  # the report with full precision and draws, before it is saved
    body = report.to_dict()
    new = NewEstimate(
        created_at=_now(),
        actor=actor,
        source=str(provenance["source"]),
        file_name=provenance.get("file_name"),
        file_sha256=provenance.get("file_sha256"),
        link_run_id=provenance.get("link_run_id"),
        lists=lists,
        strata=by,
        method=method,
        options=options.to_json(),
        tables=[_table_json(stratum, table) for stratum, table in sorted(tables.items())],
        report=body,
        warnings=tuple(_warnings(body)),
        observed=report.observed,
    )
    with EstimateStore(uow.engine) as store:
        saved = store.estimates.add(new)
        store.audit.append(
            at=new.created_at,
            actor=actor,
            action="estimate",
            entity="estimate",
            entity_id=saved.id,
            after={**_provenance(saved), "headline": headline(saved)},
        )
        store.commit()
    return saved


def _table_json(stratum: Stratum, table: OverlapTable) -> dict[str, Any]:
    return {"stratum": [[c, v] for c, v in stratum], "counts": list(table.counts)}


def _provenance(saved: SavedEstimate) -> dict[str, Any]:
    return {
        "source": saved.source,
        "file_name": saved.file_name,
        "file_sha256": saved.file_sha256,
        "link_run_id": saved.link_run_id,
        "lists": list(saved.lists),
        "strata": list(saved.strata),
        "method": saved.method,
        "observed": saved.observed,
        "status": saved.status,
    }


def _refusals(report: EstimationReport) -> list[str]:
    out: list[str] = []
    for stratum in report.strata:
        where = f"{stratum.label}: " if report.stratified else ""
        out.extend(where + why for why in stratum.refusals)
        out.extend(f"{where}{name}: {why}" for name, why in stratum.failures)
    return out


def _warnings(body: dict[str, Any]) -> list[str]:
    """Every warning of a report, each once, saying which stratum it is about."""
    stratified = bool(body.get("strata_columns"))
    found: list[str] = []

    def add(where: str, message: str) -> None:
        text = f"{where}: {message}" if where else message
        if text not in found:
            found.append(text)

    results = list(body.get("strata", []))
    if body.get("pooled"):
        results.append(body["pooled"])
    for result in results:
        where = str(result.get("label", "")) if stratified else ""
        if result is body.get("pooled"):
            where = "all strata pooled"
        for message in result.get("refused", []):
            add(where, "not estimated: " + str(message))
        for method, why in dict(result.get("failed", {})).items():
            add(where, f"no {method} estimate: {why}")
        for message in result.get("warnings", []):
            add(where, str(message))
        for estimate in result.get("estimates", []):
            for message in estimate.get("warnings", []):
                add(where, f"{estimate['method']}: {message}")
    for message in body.get("sum_notes", []):
        add("sum of strata", str(message))
    linkage = body.get("linkage") or {}
    if linkage.get("undecided_pairs"):
        add("", str(linkage.get("statement", "")))
    for estimate in body.get("sum_of_strata", []):
        for message in estimate.get("warnings", []):
            add("sum of strata", f"{estimate['method']}: {message}")
    return found


# --- reading ------------------------------------------------------------------------


def list_estimates(
    uow: UnitOfWork, *, status: str | None = None, limit: int | None = 50, offset: int = 0
) -> list[SavedEstimate]:
    """Saved estimates, newest first, optionally only those with ``status``."""
    if status is not None and status not in ESTIMATE_STATUSES:
        raise EstimateError(f"status: {status!r} is not one of {', '.join(ESTIMATE_STATUSES)}")
    if (limit is not None and limit < 0) or offset < 0:
        raise EstimateError("limit and offset must not be negative")
    with EstimateStore(uow.engine) as store:
        return store.estimates.page(status=status, limit=limit, offset=offset)


def get_estimate(uow: UnitOfWork, estimate_id: int) -> SavedEstimate:
    with EstimateStore(uow.engine) as store:
        found = store.estimates.get(estimate_id)
    if found is None:
        raise EstimateError(f"no estimate {estimate_id}")
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
        raise EstimateError(f"the saved estimate has no table for {item.get('label')}")
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


# --- publishing ---------------------------------------------------------------------


def publish_estimate(
    uow: UnitOfWork, estimate_id: int, *, actor: str, warnings_read: bool = False
) -> SavedEstimate:
    """A person publishes a draft. An estimate with warnings is published only when they
    say they read them (``warnings_read``): the warnings travel with the figure."""
    who = _who(actor)
    now = _now()
    with EstimateStore(uow.engine) as store:
        found = store.estimates.get(estimate_id)
        if found is None:
            raise EstimateError(f"no estimate {estimate_id}")
        if found.status != "draft":
            raise EstimateError(
                f"estimate {estimate_id} is {found.status}: only a draft can be published"
            )
        if found.warnings and not warnings_read:
            raise EstimateError(
                f"estimate {estimate_id} has {len(found.warnings)} warning(s): read them and "
                "say so (warnings_read) before publishing"
            )
        done = store.estimates.publish(estimate_id, at=now, by=who)
        if done is None:
            raise EstimateError(f"estimate {estimate_id} was changed meanwhile: reload it")
        store.audit.append(
            at=now,
            actor=who,
            action="publish",
            entity="estimate",
            entity_id=estimate_id,
            before={"status": found.status},
            after={
                "status": done.status,
                "headline": headline(done),
                "warnings": list(done.warnings),
            },
        )
        store.commit()
    return done


def withdraw_estimate(
    uow: UnitOfWork, estimate_id: int, *, actor: str, reason: str
) -> SavedEstimate:
    """Withdraw a draft or a published estimate, saying why (kept, never deleted)."""
    who = _who(actor)
    why = reason.strip()
    if not why:
        raise EstimateError("reason: say why the estimate is withdrawn")
    now = _now()
    with EstimateStore(uow.engine) as store:
        found = store.estimates.get(estimate_id)
        if found is None:
            raise EstimateError(f"no estimate {estimate_id}")
        if found.status == "withdrawn":
            raise EstimateError(f"estimate {estimate_id} is withdrawn already")
        done = store.estimates.withdraw(estimate_id, at=now, by=who, reason=why)
        if done is None:
            raise EstimateError(f"estimate {estimate_id} was changed meanwhile: reload it")
        store.audit.append(
            at=now,
            actor=who,
            action="withdraw",
            entity="estimate",
            entity_id=estimate_id,
            before={"status": found.status},
            after={"status": done.status, "reason": why},
        )
        store.commit()
    return done
