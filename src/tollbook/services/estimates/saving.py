"""Running an estimate and saving it as a draft: from the linked persons in the database
(:func:`run_estimate`) or from an overlap-table file (:func:`save_file_estimate`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tollbook.domain.text import N_
from tollbook.estimate.list_choice import ListChoice
from tollbook.estimate.tables import OverlapTable, Stratum
from tollbook.services.estimates.options import (
    DEFAULT_DB_METHOD,
    EstimateError,
    EstimateOptions,
    actor_name,
)
from tollbook.services.estimates.reading import headline
from tollbook.services.linked_tables import STRATA, linked_source
from tollbook.store.estimate_repository import NewEstimate, SavedEstimate
from tollbook.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from tollbook.estimate.report import EstimationReport, EstimationSettings


def _now() -> datetime:
    return datetime.now(UTC)


Progress = Callable[[str], None]


def run_estimate(
    uow: UnitOfWork,
    *,
    by: Sequence[str] = (),
    method: str = DEFAULT_DB_METHOD,
    actor: str,
    options: EstimateOptions | None = None,
    on_progress: Progress | None = None,
    on_estimated: Callable[[EstimationReport], None] | None = None,
) -> SavedEstimate:
    """Estimate from the linked persons in the database and save it as a draft
    (``on_estimated`` is given the report as computed, e.g. to print it).

    Raises :class:`~tollbook.services.linked_tables.NoLinkedPersons` when nothing is linked,
    and :class:`EstimateError` for bad options or when nothing could be estimated.
    """
    who = actor_name(actor)
    unknown = [name for name in by if name not in STRATA]
    if unknown:
        raise EstimateError(
            N_(
                "by: cannot divide persons by %(unknown)s; one of %(items)s",
                unknown=unknown,
                items=", ".join(STRATA),
            )
        )
    if len(set(by)) != len(by):
        raise EstimateError(N_("by: a stratum column is named twice"))
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
    method: str = DEFAULT_DB_METHOD,
    options: EstimateOptions | None = None,
    on_progress: Progress | None = None,
) -> tuple[EstimationReport, tuple[str, ...], dict[Stratum, OverlapTable], int | None]:
    """Estimate from the linked persons, with linkage error carried into the
    whole-population figures (multiple imputation over clusterings, each corrected for
    missed links unless ``options.missed_links`` is ``"off"``); returns the report,
    the lists, the tables as linked and the linkage run they came from."""
    from tollbook.estimate.linkage_estimates import estimate_linked

    options = options or EstimateOptions()
    unknown = [name for name in by if name not in STRATA]
    if unknown:
        raise EstimateError(
            N_(
                "by: cannot divide persons by %(unknown)s; one of %(items)s",
                unknown=unknown,
                items=", ".join(STRATA),
            )
        )
    say = on_progress or (lambda text: None)
    with uow:
        link_run = uow.estimates.latest_link_run()
    say("reading the linked persons and their scored pairs")
    try:
        source = linked_source(uow, by, options.lists)
    except ValueError as exc:
        if type(exc) is not ValueError:
            raise
        raise EstimateError(str(exc)) from None
    with uow:
        if uow.estimates.latest_link_run() != link_run:
            raise EstimateError(
                N_(
                    "a linkage run finished while the persons were read: run the "
                    "estimate again, so that it names the run its persons come "
                    "from"
                )
            )
    settings = options.settings(method, source.lists)
    report = estimate_linked(
        source.tables,
        by,
        source.linkage,
        settings,
        imputations=options.imputations,
        missed_links=options.missed_links,
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

    who = actor_name(actor)
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
    with uow:
        saved = uow.estimates.add(new)
        uow.audit.append(
            at=new.created_at,
            actor=actor,
            action="estimate",
            entity="estimate",
            entity_id=saved.id,
            after={**_provenance(saved), "headline": headline(saved)},
        )
        uow.commit()
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
