"""An estimation report whose whole-population figures carry linkage error (pure).

:func:`estimate_linked` estimates the persons as linkage made them (every stratum, as
:func:`~tollbook.estimate.stratified.estimate_strata` does), then re-estimates the whole
population on many clusterings drawn from the scored pairs
(:mod:`tollbook.estimate.linkage_uncertainty`): the log-linear model chosen on the linked
persons is refitted on each and the figures combined by Rubin's rules; LCMCR runs one
chain on every imputed clustering (the draws of its chains shared out among them) and
its draws are mixed. The whole-population figures of
the report become the combined ones (the figure "as linked" is kept in the diagnostics),
and the report says how many pairs wait for review and what the figure would be if all,
or none, of them were links.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from tollbook.domain.text import N_, message_id
from tollbook.estimate.checks import check_table
from tollbook.estimate.clustering_draws import ClusteringSampler
from tollbook.estimate.lcmcr import estimate_lcmcr
from tollbook.estimate.lcmcr_settings import LcmcrSettings
from tollbook.estimate.linkage_uncertainty import (
    DEFAULT_IMPUTATIONS,
    FloatArray,
    IntArray,
    LinkageSpread,
    ScoredLinkage,
    clustered,
    memberships,
    mix_draws,
    rubin,
    tables_of_persons,
)
from tollbook.estimate.loglinear import HETEROGENEITY_CHECK, NotEstimable, ranked_search
from tollbook.estimate.loglinear_fit import fit_model
from tollbook.estimate.loglinear_models import LoglinearModel, parse_model
from tollbook.estimate.missed_link_report import MissedLinkReport
from tollbook.estimate.missed_links import (
    MISSED_LINK_MODES,
    calibration_of,
    candidates,
    merge_missed,
)
from tollbook.estimate.model_range import across_models
from tollbook.estimate.profile_interval import profile_interval
from tollbook.estimate.report import EstimationReport, EstimationSettings
from tollbook.estimate.results import Estimate, JsonValue
from tollbook.estimate.stratified import estimate_strata
from tollbook.estimate.tables import OverlapTable, Stratum, pool, tables_from_memberships

Progress = Callable[[str], None]

#: Draws kept, at least, by the chain LCMCR runs on each drawn clustering.
MIN_DRAWS_PER_CLUSTERING = 50

#: Said of every log-linear figure from linked persons (docs/estimation.md, "Which
#: figure to read"): measured on the simulated sieges of issue 13.
MISSED_LINKS_RAISE_LOGLINEAR = (
    "Log-linear models run high on linked persons: every link that linkage missed makes "
    "one person look like two, each on fewer lists, and the model reads the extra people "
    "on one list as many never listed (on simulated sieges: within 2% of the truth on the "
    "true persons, 9% high at 400,000 people and 35% high at 2,000,000 on the linked "
    "ones, beyond their intervals). Read the range across both models, whose figure is "
    "the latent class (LCMCR) one."
)


def estimate_linked(
    tables: Mapping[Stratum, OverlapTable],
    by: tuple[str, ...],
    linkage: ScoredLinkage,
    settings: EstimationSettings | None = None,
    *,
    imputations: int = DEFAULT_IMPUTATIONS,
    missed_links: str = "draw",
    on_progress: Progress | None = None,
) -> EstimationReport:
    """Estimate ``tables`` (the linked persons) and add linkage uncertainty; with
    ``missed_links="draw"`` each drawn clustering is corrected for the links linkage
    missed (:mod:`tollbook.estimate.missed_links`) before it is estimated, and the
    figures without the correction are reported beside."""
    if missed_links not in MISSED_LINK_MODES:
        raise ValueError(f"missed_links must be one of {', '.join(MISSED_LINK_MODES)}")
    settings = settings or EstimationSettings()
    say = on_progress or (lambda text: None)
    report = estimate_strata(tables, by, settings, on_progress)
    whole = report.pooled if report.stratified else report.strata[0]
    if whole is None or not whole.estimates:
        return report
    lists = whole.table.lists
    keep = check_table(whole.table).table.lists
    rng = np.random.default_rng(np.random.SeedSequence([settings.seed, 13]))
    merge_rng = np.random.default_rng(np.random.SeedSequence([settings.seed, 17]))
    correct = missed_links == "draw"
    calibration = calibration_of(linkage)

    def table_of(labels: IntArray) -> OverlapTable:
        pooled = pool(tables_from_memberships(memberships(linkage, labels), lists).values())
        return pooled.keep_lists(keep) if keep != lists else pooled

    say(f"drawing {imputations} clusterings from {len(linkage.probability):,} scored pairs")
    sampler = ClusteringSampler(linkage, rng)
    drawn: list[OverlapTable] = []
    corrected: list[OverlapTable] = []
    factors: list[float] = []
    merges: list[int] = []
    for number in range(imputations):
        say(f"linkage uncertainty: clustering {number + 1} of {imputations}")
        labels = sampler.draw()
        drawn.append(table_of(labels))
        if correct:
            factor = calibration.draw(merge_rng)
            merged = merge_missed(linkage, labels, candidates(linkage, labels), factor, merge_rng)
            factors.append(factor)
            merges.append(merged.made)
            corrected.append(table_of(merged.labels))
    used = corrected if correct else drawn
    combined: list[Estimate] = []
    plain: dict[str, Estimate] = {}
    model: LoglinearModel | None = None
    for estimate in whole.estimates:
        if estimate.method == "loglinear":
            model = parse_model(estimate.model, keep)
            say(f"re-estimating {imputations} clusterings with the model {estimate.model}")
            without = _loglinear_combined(estimate, drawn, model, settings.level)
            if correct:
                chosen = _model_for_corrected(corrected, model, settings, say)
                fitted = _loglinear_combined(estimate, corrected, chosen, settings.level)
                diagnostics: dict[str, JsonValue] = {
                    **dict(fitted.diagnostics),
                    "model_with_missed_link_correction": chosen.name,
                }
                combined.append(replace(fitted, diagnostics=diagnostics))
            else:
                combined.append(without)
        else:
            say(f"running LCMCR on each of the {len(drawn)} drawn clusterings")
            without = _lcmcr_combined(estimate, drawn, settings)
            if correct:
                say(f"running LCMCR on each of the {len(drawn)} corrected clusterings")
                combined.append(_lcmcr_combined(estimate, corrected, settings))
            else:
                combined.append(without)
        plain[estimate.method] = without
    as_linked_found = candidates(linkage, linkage_labels(linkage))
    missed = MissedLinkReport(
        mode=missed_links,
        candidates=as_linked_found.count,
        candidates_sum=as_linked_found.total,
        calibration=calibration.describe(),
        decisions_confirmed=calibration.confirmed,
        decisions_split=calibration.split,
        sample_confirmed=calibration.sample_confirmed,
        sample_split=calibration.sample_split,
        merges=(float(min(merges)), float(max(merges))) if merges else (math.nan, math.nan),
        merges_mean=float(np.mean(merges)) if merges else math.nan,
        factors=(min(factors), max(factors)) if factors else (math.nan, math.nan),
        persons=(
            (float(min(t.observed for t in used)), float(max(t.observed for t in used)))
            if correct
            else (math.nan, math.nan)
        ),
        with_correction={e.method: _figure(e) for e in combined} if correct else {},
        without_correction={m: _figure(e) for m, e in plain.items()},
    )
    combined = [_with_missed(e, plain[e.method], missed_links) for e in combined]
    combined = _warn_low_visibility(combined)
    both = across_models(combined, settings.level)
    if both is not None:
        combined.insert(0, both)
    spread = _spread(linkage, lists, keep, model, whole.table, drawn, settings, say)
    spread = replace(spread, missed=missed)
    better = replace(whole, estimates=tuple(combined))
    if report.stratified:
        note = (
            "The strata's intervals and their sum do not include linkage error; the "
            "pooled figures do (multiple imputation over clusterings)."
        )
        return replace(
            report, pooled=better, total_notes=(*report.total_notes, note), linkage=spread
        )
    return replace(report, strata=(better,), linkage=spread)


#: Said when LCMCR's figure lies below a log-linear figure whose model has Darroch's
#: heterogeneity term (docs/estimation.md, "Both together").
LOW_VISIBILITY_WARNING = (
    "The latent class (LCMCR) figure, {lcmcr}, is lower than the log-linear figure, "
    "{loglinear}, whose model allows for some of the dead being much less likely than "
    "others to be on any list. When a group of the dead was rarely recorded (buried "
    "with no one present, say), few of them are on two lists and the latent class model "
    "can miss that group: on simulated sieges its interval then fell below the truth. "
    "Read the lower figure as a floor, not as the toll."
)


def _warn_low_visibility(estimates: list[Estimate]) -> list[Estimate]:
    """The LCMCR estimate with :data:`LOW_VISIBILITY_WARNING` when its figure lies below
    the log-linear one and the log-linear model has Darroch's term (both are computed
    only when the user asks for both methods)."""
    done = {e.method: e for e in estimates}
    loglinear, lcmcr = done.get("loglinear"), done.get("lcmcr")
    if loglinear is None or lcmcr is None:
        return estimates
    model = str(loglinear.diagnostics.get("model_with_missed_link_correction", loglinear.model))
    if "Darroch" not in model or not lcmcr.estimate < loglinear.estimate:
        return estimates
    text = LOW_VISIBILITY_WARNING.format(
        lcmcr=f"{lcmcr.estimate:,.0f}", loglinear=f"{loglinear.estimate:,.0f}"
    )
    return [replace(e, warnings=(*e.warnings, text)) if e is lcmcr else e for e in estimates]


def linkage_labels(linkage: ScoredLinkage) -> IntArray:
    """Each record's person as the linkage made them: its own clustering of the links it
    made (the persons stored), not their connected groups, which chain look-alikes."""
    return clustered(linkage, linkage.made())


def _figure(estimate: Estimate) -> tuple[float, float | None, float | None]:
    return (estimate.estimate, estimate.lower, estimate.upper)


def _with_missed(estimate: Estimate, without: Estimate, mode: str) -> Estimate:
    """The estimate with its figure without the correction in its diagnostics."""
    if mode != "draw":
        return replace(
            estimate,
            diagnostics={**dict(estimate.diagnostics), "missed_link_correction": "off"},
        )
    diagnostics: dict[str, JsonValue] = {
        **dict(estimate.diagnostics),
        "missed_link_correction": "drawn in each imputation (f x p merges)",
        "without_missed_link_correction": _as_linked(without),
    }
    return replace(estimate, diagnostics=diagnostics)


def _model_for_corrected(
    corrected: Sequence[OverlapTable],
    linked_model: LoglinearModel,
    settings: EstimationSettings,
    say: Progress,
) -> LoglinearModel:
    """The log-linear model for the corrected clusterings: the one named, or the best on
    their mean table (the terms the missed links put into the linked table should not
    stay in the model) by the search that chose the linked persons' model, Darroch's
    family weighed too (searching without it dropped the family on the corrected tables
    and moved the figure 5% down: docs/estimation.md, "One search for the corrected
    clusterings")."""
    if settings.model is not None:
        return linked_model
    first = corrected[0]
    mean = np.mean([np.asarray(t.counts, dtype=np.float64) for t in corrected], axis=0)
    table = OverlapTable(first.lists, tuple(round(float(c)) for c in mean), first.stratum)
    say("choosing the log-linear model on the mean corrected table")
    try:
        return ranked_search(check_table(table).table, settings.criterion, settings.heterogeneity)[
            0
        ].model
    except NotEstimable:
        return linked_model


def _fixed(table: OverlapTable, model: LoglinearModel, level: float) -> tuple[float, float, float]:
    fit = fit_model(table, model)
    interval = profile_interval(table, fit, level)
    if not math.isfinite(fit.estimate) or interval is None or interval.upper is None:
        raise NotEstimable(f"the model {model.name} gives no finite interval on a clustering")
    return fit.estimate, max(interval.lower, 1.0), interval.upper


def _loglinear_combined(
    estimate: Estimate, drawn: Sequence[OverlapTable], model: LoglinearModel, level: float
) -> Estimate:
    points, lowers, uppers = [], [], []
    failed = 0
    for table in drawn:
        try:
            point, lower, upper = _fixed(table, model, level)
        except NotEstimable:
            failed += 1
            continue
        points.append(point)
        lowers.append(lower)
        uppers.append(upper)
    if len(points) < 2:
        return _with_note(
            estimate,
            "Linkage error could not be added: the model gave no interval on the drawn "
            "clusterings. The interval assumes the linkage is right.",
        )
    c = rubin(points, lowers, uppers, level)
    diagnostics: dict[str, JsonValue] = {
        **dict(estimate.diagnostics),
        "as_linked": _as_linked(estimate),
        "linkage_imputations": c.imputations,
        "linkage_share_of_variance": round(c.linkage_share, 3),
        "imputed_range": [round(min(points), 1), round(max(points), 1)],
        "combined": "multiple imputation over clusterings (Rubin's rules)",
    }
    warnings = [*_still_outside(estimate, c.lower, c.upper), MISSED_LINKS_RAISE_LOGLINEAR]
    if failed:
        warnings.append(
            N_("%(failed)s drawn clusterings gave no interval and were left out.", failed=failed)
        )
    return replace(
        estimate,
        estimate=c.estimate,
        lower=c.lower,
        upper=c.upper,
        interval=f"{level:.0%} profile likelihood, linkage error included "
        f"({c.imputations} imputed clusterings, Rubin's rules)",
        diagnostics=diagnostics,
        warnings=tuple(warnings),
    )


def _still_outside(estimate: Estimate, lower: float, upper: float) -> list[str]:
    """The linked persons' warnings, less the heterogeneity check's when its figure lies
    inside the interval with linkage error (it says "outside this interval")."""
    check = estimate.diagnostics.get("heterogeneity_check")
    figure = check.get("estimate") if isinstance(check, dict) else None
    if not isinstance(figure, int | float) or not lower <= figure <= upper:
        return list(estimate.warnings)
    return [w for w in estimate.warnings if not message_id(w).startswith(HETEROGENEITY_CHECK)]


def lcmcr_chain_draws(settings: LcmcrSettings, clusterings: int) -> int:
    """Draws kept per chain when LCMCR runs one chain on each of ``clusterings`` drawn
    clusterings: the draws of ``settings.chains`` chains shared out, so that the mixed
    posterior is as long as without linkage error (at least MIN_DRAWS_PER_CLUSTERING)."""
    share = math.ceil(settings.chains * settings.draws / max(clusterings, 1))
    return max(min(settings.draws, share), min(MIN_DRAWS_PER_CLUSTERING, settings.draws))


def _lcmcr_combined(
    estimate: Estimate, drawn: Sequence[OverlapTable], settings: EstimationSettings
) -> Estimate:
    """One chain on *every* drawn clusterings (each with its share of the draws), the
    draws mixed: the figure then averages over the linkage error rather than depending
    on which few clusterings the chains happened to run on."""
    per_chain = lcmcr_chain_draws(settings.lcmcr, len(drawn))

    def chain(index: int) -> FloatArray | None:
        one = replace(
            settings.lcmcr,
            chains=1,
            draws=per_chain,
            seed=settings.lcmcr.seed + 1000 * (index + 1),
        )
        return estimate_lcmcr(drawn[index], one).draws

    workers = max(1, min(len(drawn), settings.lcmcr.threads or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as threads:
        results = list(threads.map(chain, range(len(drawn))))
    draws = [d for d in results if d is not None]
    if len(draws) < 2:
        return estimate
    median, lower, upper = mix_draws(draws, settings.level)
    diagnostics: dict[str, JsonValue] = {
        **dict(estimate.diagnostics),
        "as_linked": _as_linked(estimate),
        "linkage_imputations": len(draws),
        "draws_per_clustering": per_chain,
        "combined": "posterior draws mixed over imputed clusterings",
    }
    return replace(
        estimate,
        estimate=median,
        lower=lower,
        upper=upper,
        interval=f"{settings.level:.0%} posterior, linkage error included "
        f"({len(draws)} imputed clusterings, draws mixed)",
        diagnostics=diagnostics,
        draws=np.concatenate(draws),
    )


def _as_linked(estimate: Estimate) -> dict[str, JsonValue]:
    def r(value: float | None) -> float | None:
        return None if value is None or not math.isfinite(value) else round(value, 1)

    return {
        "estimate": r(estimate.estimate),
        "lower": r(estimate.lower),
        "upper": r(estimate.upper),
    }


def _with_note(estimate: Estimate, note: str) -> Estimate:
    return replace(estimate, warnings=(*estimate.warnings, note))


def _spread(
    linkage: ScoredLinkage,
    lists: tuple[str, ...],
    keep: tuple[str, ...],
    model: LoglinearModel | None,
    linked: OverlapTable,
    drawn: Sequence[OverlapTable],
    settings: EstimationSettings,
    say: Progress,
) -> LinkageSpread:
    """How many pairs wait for review, and the figure if all or none are links."""
    say("estimating with every undecided pair linked, and with none")
    # as the linkage clusters (not connected groups, which chain look-alikes together and
    # gave fewer persons "if none are links" than as linked)
    every, none = (
        pool(tables_of_persons(linkage, clustered(linkage, accepted), lists).values())
        for accepted in (linkage.all_undecided_linked(), linkage.no_undecided_linked())
    )
    notes: list[str] = []
    usable = check_table(linked).table
    if model is None:
        try:
            model = ranked_search(usable, settings.criterion, settings.heterogeneity)[0].model
            notes.append(N_("The bounds use the log-linear model chosen on the linked persons."))
        except NotEstimable as exc:
            notes.append(N_("No bounds: %(exc)s", exc=exc))
    bounds: list[float | None] = []
    for table in (every, none, linked):
        try:
            if model is None:
                raise NotEstimable("no model")
            sub = table.keep_lists(keep) if keep != lists else table
            bounds.append(fit_model(sub, model).estimate)
        except (NotEstimable, ValueError):
            bounds.append(None)
    seen = [t.observed for t in drawn]
    return LinkageSpread(
        records=linkage.records,
        pairs=len(linkage.probability),
        undecided=int(linkage.undecided.sum()),
        persons_as_linked=linked.observed,
        persons_all_linked=every.observed,
        persons_none_linked=none.observed,
        estimate_all_linked=bounds[0],
        estimate_none_linked=bounds[1],
        estimate_as_linked=bounds[2],
        imputations=len(drawn),
        persons_imputed=(float(min(seen)), float(max(seen))) if seen else (math.nan, math.nan),
        method="loglinear",
        model=model.name if model is not None else "",
        notes=tuple(notes),
    )
