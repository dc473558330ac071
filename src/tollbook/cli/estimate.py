"""``tollbook estimate``: how many died who are on no list (multiple systems estimation)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from tollbook.cli.common import EXIT_PROBLEMS, fail

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from tollbook.estimate.report import EstimationReport
    from tollbook.estimate.results import Method
    from tollbook.exchange.overlap_tables import OverlapFile

CHART_FORMATS = (".svg", ".png", ".pdf")
HETEROGENEITY_CHOICES = ("none", "chao", "darroch", "poisson2", "gamma3.5")


def _linked_source(ctx: click.Context, by: tuple[str, ...]) -> OverlapFile:
    """The overlap tables of the linked persons in the database (``--from-db``)."""
    from tollbook.cli.common import open_store
    from tollbook.exchange.overlap_tables import OverlapFile
    from tollbook.services.estimation import NoLinkedPersons, linked_overlap_tables

    if ctx.obj is None:  # run as `python -m tollbook.cli.estimate`, outside `tollbook`
        from tollbook.store.database import database_url

        ctx.obj = {"url": database_url()}
    uow = open_store(ctx)
    try:
        lists, tables = linked_overlap_tables(uow, by)
    except NoLinkedPersons as exc:
        fail(f"{NO_LINKED_PERSONS}: {exc}")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--by") from None
    finally:
        uow.dispose()
    return OverlapFile("linked persons in the database", lists, by, tables)


NO_LINKED_PERSONS = "cannot estimate from the database"


def _chart_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in CHART_FORMATS:
        raise click.BadParameter(
            f"{value}: the file name must end in {', '.join(CHART_FORMATS)}", ctx, param
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
    default="all",
    show_default=True,
    help="Log-linear models (Rcapture), the latent class model (LCMCR), or both.",
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
@click.option("--json", "as_json", is_flag=True, help="JSON for tools instead of a table.")
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
    method: str,
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
    as_json: bool,
    chart_overlaps: Path | None,
    chart_estimates: Path | None,
) -> None:
    """Estimate how many people are on no list, from how the lists overlap.

    TABLE is a CSV with one 0/1 column per list and a `count` column (how many people are
    on exactly that combination of lists), and optionally stratum columns such as
    `district`. Prints, per stratum and summed: the number seen, the estimate, its 95%
    interval, the model, diagnostics and warnings.
    """
    from tollbook.estimate.lcmcr import LcmcrSettings
    from tollbook.estimate.loglinear_models import parse_heterogeneity, parse_model
    from tollbook.estimate.report import EstimationSettings
    from tollbook.estimate.results import METHODS
    from tollbook.estimate.stratified import estimate_strata
    from tollbook.exchange.overlap_tables import TableErrors, read_overlap_csv

    if from_db:
        if table is not None:
            raise click.UsageError("give either TABLE or --from-db, not both")
        source = _linked_source(ctx, by)
    elif table is None:
        raise click.UsageError("give a TABLE.csv of list overlaps (or --from-db)")
    else:
        try:
            source = read_overlap_csv(table, by or None)
        except TableErrors as exc:
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_PROBLEMS)
    if model is not None:
        if method == "lcmcr":
            raise click.UsageError("--model names a log-linear model: use --method loglinear")
        try:
            parse_model(model, source.lists)
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
    many = len(source.tables) > 1

    def progress(message: str) -> None:
        if many:
            click.echo(f"... {message}", err=True)

    report = estimate_strata(source.tables, source.by, settings, progress)
    if as_json:
        click.echo(
            json.dumps({"source": source.path, **report.to_dict()}, ensure_ascii=False, indent=2)
        )
    else:
        from tollbook.estimate.text_report import render_report

        click.echo(render_report(report, source.path))
    _charts(report, table.name if table else "linked persons", chart_overlaps, chart_estimates)
    if not report.anything_estimated:
        for stratum in report.strata:
            where = source.path + (f": {stratum.label}" if report.stratified else "")
            for why in stratum.refusals:
                click.echo(f"error: {where}: {why}", err=True)
            for name, why in stratum.failures:
                click.echo(f"error: {where}: {name}: {why}", err=True)
        sys.exit(EXIT_PROBLEMS)


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
        _save(overlap_chart(pooled, title), overlaps)
    if estimates is not None:
        _save(estimates_chart(report, title), estimates)


def _save(figure: Figure, path: Path) -> None:
    try:
        figure.savefig(path)
    except OSError as exc:
        fail(f"{path}: cannot write the chart: {exc.strerror or exc}")
    click.echo(f"chart written to {path}", err=True)


if __name__ == "__main__":  # python -m tollbook.cli.estimate, until it is registered
    estimate()
