"""``tollbook estimate``: how many died who are on no list (multiple systems estimation)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

import click

from tollbook.cli.common import ACTOR_ENV, EXIT_PROBLEMS, default_actor, fail
from tollbook.cli.language import _
from tollbook.cli.progress import Progress

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from tollbook.estimate.report import EstimationReport
    from tollbook.estimate.results import Method
    from tollbook.services.estimates import EstimateOptions

CHART_FORMATS = (".svg", ".png", ".pdf")
HETEROGENEITY_CHOICES = ("none", "chao", "darroch", "poisson2", "gamma3.5")


NO_LINKED_PERSONS = "cannot estimate from the database"


def _chart_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in CHART_FORMATS:
        raise click.BadParameter(
            _(
                "%(value)s: the file name must end in %(items)s",
                value=value,
                items=", ".join(CHART_FORMATS),
            ),
            ctx,
            param,
        )
    return value


@click.command()
@click.pass_context
@click.argument("table", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--from-db",
    "from_db",
    is_flag=True,
    help="Count the linked persons in the database instead of reading a table.",
)
@click.option(
    "--method",
    type=click.Choice(["loglinear", "lcmcr", "all"]),
    default=None,
    help="Log-linear models (Rcapture), the latent class model (LCMCR), or both. "
    "Default: both, and for --from-db also the range across them (method 'models': "
    "LCMCR's figure, the interval running over both; the models miss on opposite sides "
    "when linkage misses links); log-linear if --model is named.",
)
@click.option(
    "--by",
    "by",
    multiple=True,
    metavar="COLUMN",
    help="Estimate per stratum of this column (repeat for several). Default: every column "
    "that is not 0/1 and not the count.",
)
@click.option(
    "--model",
    metavar="MODEL",
    help="A log-linear model instead of the search, e.g. '[12,3,4]', 'EXH*ABA,OSCE,HRW', "
    "'independence', 'Mth Chao', '[12,3,4] + Darroch'.",
)
@click.option(
    "--criterion",
    type=click.Choice(["bic", "aic"]),
    default="bic",
    show_default=True,
    help="How the log-linear search ranks models.",
)
@click.option(
    "--heterogeneity",
    type=click.Choice(HETEROGENEITY_CHOICES),
    default="none",
    show_default=True,
    help="Add heterogeneity terms to every model of the log-linear search.",
)
@click.option(
    "--draws",
    type=click.IntRange(min=10),
    default=2_500,
    show_default=True,
    help="LCMCR draws kept per chain.",
)
@click.option("--chains", type=click.IntRange(min=1, max=64), default=4, show_default=True)
@click.option(
    "--burn-in",
    "burn_in",
    type=click.IntRange(min=0),
    default=10_000,
    show_default=True,
    help="LCMCR sweeps discarded at the start of each chain.",
)
@click.option(
    "--thin",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="LCMCR keeps one sweep in THIN.",
)
@click.option(
    "--classes",
    type=click.IntRange(min=2, max=100),
    default=10,
    show_default=True,
    help="LCMCR's most latent classes (K*).",
)
@click.option(
    "--bootstrap",
    type=click.IntRange(min=0),
    default=1_000,
    show_default=True,
    help="Bootstrap replicates per stratum to add log-linear strata up.",
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Random seed: the same seed gives the same figures.",
)
@click.option(
    "--lists",
    "keep_lists",
    multiple=True,
    metavar="A,B,C",
    help="Estimate from these lists only (names after --merge; comma-separated or repeated).",
)
@click.option("--drop", multiple=True, metavar="LIST", help="Leave this list out (repeatable).")
@click.option(
    "--merge",
    multiple=True,
    metavar="A+B=C",
    help="Count lists A and B as one list C (a person on either is on C; repeatable).",
)
@click.option(
    "--imputations",
    type=click.IntRange(min=2, max=1_000),
    default=20,
    show_default=True,
    help="With --from-db: clusterings drawn from the pairs' match probabilities, to carry "
    "linkage error into the interval.",
)
@click.option(
    "--missed-links",
    "missed_links",
    type=click.Choice(["draw", "off"]),
    default="draw",
    show_default=True,
    help="With --from-db: in each imputation, merge the pairs of persons a stored pair "
    "joins with probability f x p (f a calibration factor drawn from its Beta posterior), "
    "to correct for links linkage missed; 'off' estimates the drawn clusterings as they are.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON for tools instead of a table.")
@click.option(
    "--save",
    is_flag=True,
    help="Save the estimate in the database as a draft, with where its tables came from "
    "(the linkage run, or the file and its SHA-256), and print its id.",
)
@click.option(
    "--actor",
    default=default_actor,
    show_default=f"${ACTOR_ENV}, else the OS user",
    help="Who is saving the estimate (written to the audit log; with --save).",
)
@click.option(
    "--chart-overlaps",
    type=click.Path(path_type=Path, dir_okay=False),
    callback=_chart_path,
    metavar="FILE",
    help="Draw how the lists overlap (UpSet-style) to FILE (.svg, .png, .pdf).",
)
@click.option(
    "--chart-estimates",
    type=click.Path(path_type=Path, dir_okay=False),
    callback=_chart_path,
    metavar="FILE",
    help="Draw seen against estimated, per stratum, to FILE (.svg, .png, .pdf).",
)
def estimate(
    ctx: click.Context,
    table: Path | None,
    from_db: bool,
    method: str | None,
    by: tuple[str, ...],
    model: str | None,
    criterion: str,
    heterogeneity: str,
    draws: int,
    chains: int,
    burn_in: int,
    thin: int,
    classes: int,
    bootstrap: int,
    seed: int,
    keep_lists: tuple[str, ...],
    drop: tuple[str, ...],
    merge: tuple[str, ...],
    imputations: int,
    missed_links: str,
    as_json: bool,
    save: bool,
    actor: str | None,
    chart_overlaps: Path | None,
    chart_estimates: Path | None,
) -> None:
    """Estimate how many people are on no list, from how the lists overlap.

    TABLE is a CSV with one 0/1 column per list and a `count` column (how many people are
    on exactly that combination of lists), and optionally stratum columns such as
    `district`. Prints, per stratum and summed: the number seen, the estimate, its 95%
    interval, the model, diagnostics and warnings.
    """
    from tollbook.estimate.ceilings import ceiling_problem
    from tollbook.estimate.lcmcr_settings import LcmcrSettings
    from tollbook.estimate.loglinear_models import parse_heterogeneity, parse_model
    from tollbook.estimate.report import EstimationSettings
    from tollbook.estimate.results import METHODS
    from tollbook.estimate.stratified import estimate_strata
    from tollbook.exchange.overlap_tables import TableErrors, read_overlap_csv

    if from_db and table is not None:
        raise click.UsageError(_("give either TABLE or --from-db, not both"))
    if not from_db and table is None:
        raise click.UsageError(_("give a TABLE.csv of list overlaps (or --from-db)"))
    if model is not None and method == "lcmcr":
        raise click.UsageError(_("--model names a log-linear model: use --method loglinear"))
    from tollbook.services.estimates.options import method_for

    method = method_for(method, from_db=from_db, model=model)
    too_much = ceiling_problem(
        chains=chains,
        draws=draws,
        burn_in=burn_in,
        thin=thin,
        classes=classes,
        bootstrap=bootstrap,
    )
    if too_much is not None:
        name, _sep, why = too_much.partition(": ")
        raise click.BadParameter(why, param_hint=f"--{name.replace('_', '-')}")
    from tollbook.estimate.list_choice import choice_of

    try:
        choice = choice_of(keep_lists, drop, merge)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--merge") from None
    from tollbook.services.estimates import EstimateOptions

    options = EstimateOptions(
        model=model,
        criterion=criterion,
        heterogeneity=None if heterogeneity == "none" else heterogeneity,
        classes=classes,
        chains=chains,
        draws=draws,
        burn_in=burn_in,
        thin=thin,
        bootstrap=bootstrap,
        seed=seed,
        imputations=imputations,
        lists=choice,
        missed_links=missed_links,
    )
    if save:
        _save_and_show(ctx, table, by, method, options, actor, as_json)
        _charts_of_saved(ctx, table, chart_overlaps, chart_estimates)
        return
    if from_db:
        report = _from_db(ctx, by, method, options)
        _show(report, "linked persons in the database", as_json)
        _charts(report, "linked persons", chart_overlaps, chart_estimates)
        return
    from tollbook.services.estimates import EstimateError, prepare_file_tables

    assert table is not None
    try:
        source = read_overlap_csv(table, by or None)
        tables = prepare_file_tables(source.tables, choice)
    except TableErrors as exc:
        for problem in exc.problems:
            click.echo(_("error: %(message)s", message=problem), err=True)
        sys.exit(EXIT_PROBLEMS)
    except EstimateError as exc:
        raise click.BadParameter(str(exc), param_hint="--lists/--drop/--merge") from None
    lists = next(iter(tables.values())).lists
    if model is not None:
        try:
            parse_model(model, lists)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--model") from None
    settings = EstimationSettings(
        methods=METHODS if method == "all" else (cast("Method", method),),
        model=model,
        criterion="aic" if criterion == "aic" else "bic",
        heterogeneity=None if heterogeneity == "none" else parse_heterogeneity(heterogeneity),
        lcmcr=LcmcrSettings(
            classes=classes, chains=chains, draws=draws, burn_in=burn_in, thin=thin, seed=seed
        ),
        bootstrap=bootstrap,
        seed=seed,
    )
    many = len(tables) > 1
    with Progress("estimate", plain="... " if many else None) as progress:
        report = estimate_strata(tables, source.by, settings, progress.step)
    _show(report, source.path, as_json)
    _charts(report, table.name if table else "linked persons", chart_overlaps, chart_estimates)
    if not report.anything_estimated:
        for stratum in report.strata:
            where = source.path + (f": {stratum.label}" if report.stratified else "")
            for why in stratum.refusals:
                said = f"{where}: {why}"
                click.echo(_("error: %(message)s", message=said), err=True)
            for name, why in stratum.failures:
                said = f"{where}: {name}: {why}"
                click.echo(_("error: %(message)s", message=said), err=True)
        sys.exit(EXIT_PROBLEMS)


def _from_db(
    ctx: click.Context, by: tuple[str, ...], method: str, options: EstimateOptions
) -> EstimationReport:
    """``--from-db``: the linked persons' estimate, with linkage error, not saved."""
    from tollbook.cli.common import open_store
    from tollbook.services.estimates import EstimateError, estimate_from_db
    from tollbook.services.linked_tables import NoLinkedPersons

    if ctx.obj is None:  # run as `python -m tollbook.cli.estimate`, outside `tollbook`
        from tollbook.store.database import database_url

        ctx.obj = {"url": database_url()}
    uow = open_store(ctx)
    try:
        with Progress("estimate", plain="... ") as progress:
            report, *_rest = estimate_from_db(
                uow, by=by, method=method, options=options, on_progress=progress.step
            )
    except NoLinkedPersons as exc:
        fail(f"{NO_LINKED_PERSONS}: {exc}")
    except EstimateError as exc:
        _refused(exc)
    finally:
        uow.dispose()
    return report


def _refused(exc: Exception) -> NoReturn:
    message = str(exc)
    field, _sep, rest = message.partition(": ")
    if field in OPTION_OF_FIELD and rest:
        raise click.BadParameter(rest, param_hint=OPTION_OF_FIELD[field]) from None
    fail(message)


def _show(report: EstimationReport, label: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"source": label, **report.to_dict()}, ensure_ascii=False, indent=2))
    else:
        from tollbook.estimate.text_report import render_report

        click.echo(render_report(report, label, _))


def _save_and_show(
    ctx: click.Context,
    table: Path | None,
    by: tuple[str, ...],
    method: str,
    options: EstimateOptions,
    actor: str | None,
    as_json: bool,
) -> None:
    """``--save``: estimate through the service that stores it, print it and its id."""
    from tollbook.cli.common import open_store
    from tollbook.estimate.text_report import render_report
    from tollbook.exchange.overlap_tables import TableErrors
    from tollbook.services.estimates import (
        EstimateError,
        report_of,
        run_estimate,
        save_file_estimate,
    )
    from tollbook.services.linked_tables import NoLinkedPersons

    if not actor:
        raise click.UsageError(
            _(
                "say who is saving the estimate: --actor NAME (or $%(actor_env)s)",
                actor_env=ACTOR_ENV,
            )
        )
    if ctx.obj is None:  # run as `python -m tollbook.cli.estimate`, outside `tollbook`
        from tollbook.store.database import database_url

        ctx.obj = {"url": database_url()}

    computed: list[EstimationReport] = []
    uow = open_store(ctx)
    bar = Progress("estimate", plain="... " if by or table is None else None).__enter__()
    progress = bar.step
    try:
        if table is None:
            saved = run_estimate(
                uow,
                by=by,
                method=method,
                actor=actor,
                options=options,
                on_progress=progress,
                on_estimated=computed.append,
            )
        else:
            saved = save_file_estimate(
                uow,
                table,
                by=by or None,
                method=method,
                actor=actor,
                options=options,
                on_progress=progress,
                on_estimated=computed.append,
            )
    except NoLinkedPersons as exc:
        fail(f"{NO_LINKED_PERSONS}: {exc}")
    except TableErrors as exc:
        for problem in exc.problems:
            click.echo(_("error: %(message)s", message=problem), err=True)
        sys.exit(EXIT_PROBLEMS)
    except EstimateError as exc:
        _refused(exc)
    finally:
        bar.__exit__(None, None, None)
        uow.dispose()
    report = computed[0] if computed else report_of(saved)
    ctx.meta["tollbook_estimate_report"] = report
    label = table.name if table is not None else "linked persons in the database"
    if as_json:
        body = {"source": label, **saved.report, "saved_id": saved.id, "status": saved.status}
        click.echo(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, label, _))
        click.echo(_("\nsaved as estimate %(id)s (%(status)s)", id=saved.id, status=saved.status))


#: The option named by the field of a refused estimate's message.
OPTION_OF_FIELD = {
    "model": "--model",
    "by": "--by",
    "criterion": "--criterion",
    "lists": "--lists",
    "drop": "--drop",
    "merge": "--merge",
    "missed_links": "--missed-links",
}


def _charts_of_saved(
    ctx: click.Context, table: Path | None, overlaps: Path | None, estimates: Path | None
) -> None:
    title = table.name if table else "linked persons"
    _charts(ctx.meta["tollbook_estimate_report"], title, overlaps, estimates)


def _charts(
    report: EstimationReport, title: str, overlaps: Path | None, estimates: Path | None
) -> None:
    if overlaps is None and estimates is None:
        return
    import matplotlib

    matplotlib.use("Agg")
    from tollbook.estimate.charts import estimates_chart, overlap_chart
    from tollbook.estimate.tables import pool

    if overlaps is not None:
        pooled = pool(s.table for s in report.strata)
        _save(overlap_chart(pooled, title, _), overlaps)
    if estimates is not None:
        _save(estimates_chart(report, title, _), estimates)


def _save(figure: Figure, path: Path) -> None:
    try:
        figure.savefig(path)
    except OSError as exc:
        fail(_("%(path)s: cannot write the chart: %(value)s", path=path, value=exc.strerror or exc))
    click.echo(_("chart written to %(path)s", path=path), err=True)


if __name__ == "__main__":  # python -m tollbook.cli.estimate, until it is registered
    estimate()
