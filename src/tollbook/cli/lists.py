"""Named lists and linkage: ``lists import|show|queue|confirm|split``, ``link``, ``persons``.

Registered in ``tollbook.cli`` as ``lists`` (a group), ``link`` and ``persons``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import click

from tollbook.cli.common import (
    ACTOR_ENV,
    default_actor,
    fail,
    open_store,
    problem_text,
    refused,
)
from tollbook.cli.language import N_, _, number
from tollbook.cli.list_records import explanation_lines, record_json, record_line, table
from tollbook.cli.progress import Progress
from tollbook.domain.refusals import Refusal
from tollbook.exchange.errors import InputProblem
from tollbook.link.engine import ENGINES, EngineUnavailable
from tollbook.store.unit_of_work import UnitOfWork

T = TypeVar("T")
_MAP_HELP = (
    "COLUMN=FIELD, repeatable: which column holds which field (record_id, family_name, "
    "given_name, patronymic, sex, birth_date, age, death_date, district, address, postcode, "
    "region). Columns named like a field map to it by themselves."
)


_actor_option = click.option(
    "--actor",
    default=default_actor,
    show_default=f"${ACTOR_ENV}, else the OS user",
    help="Who is doing this (written to the audit log).",
)


def _run(ctx: click.Context, use: Callable[[UnitOfWork], T]) -> T:
    """Open the store, run one service, turn its refusals into ``error: ...`` and exit 1."""
    uow = open_store(ctx)
    try:
        return use(uow)
    except EngineUnavailable as error:
        fail(str(error))
    except Refusal as error:
        refused(error)
    finally:
        uow.dispose()


def _report_problems(problems: Sequence[InputProblem], label: str, shown: int = 50) -> None:
    for problem in problems[:shown]:
        click.echo(f"{_(label)}: {problem_text(problem)}", err=True)
    if len(problems) > shown:
        more = _("... and %(n)s more", n=number(len(problems) - shown))
        click.echo(f"{_(label)}: {more}", err=True)


# --- lists --------------------------------------------------------------------------


@click.group()
def lists() -> None:
    """Named lists of the dead: import them, and review the pairs linkage is unsure of."""


@lists.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--source", required=True, help="The list's name (morgue, burial, family ...).")
@click.option("--map", "mapping", multiple=True, metavar="COLUMN=FIELD", help=_MAP_HELP)
@click.option("--sheet", help="The XLSX sheet to read (default: the first).")
@click.option(
    "--lenient",
    is_flag=True,
    help="Keep rows with a value that cannot be read, without that value (reported).",
)
@click.option(
    "--has-duplicates/--no-duplicates",
    "has_duplicates",
    default=None,
    help="Whether the list may name one person twice: only then are its records linked "
    "to each other (default: a new list does not; an existing list keeps what it said).",
)
@click.option(
    "--replaces",
    type=int,
    help="The import this file corrects: its records the file no longer has are taken out.",
)
@_actor_option
@click.pass_context
def import_(
    ctx: click.Context,
    file: Path,
    source: str,
    mapping: tuple[str, ...],
    sheet: str | None,
    lenient: bool,
    has_duplicates: bool | None,
    replaces: int | None,
    actor: str | None,
) -> None:
    """Import a CSV or XLSX list of the dead into the list called SOURCE.

    Columns named like a field, or with a known English, Ukrainian or Russian name for
    one (surname, date_of_death, прізвище, дата смерти ...), map themselves; columns left
    unused are named in a warning. Every record keeps its list, row and original values.
    Rows that cannot be read are reported by row and field and left out; the others are
    imported in one transaction. A row the list holds already (the same id, else the same
    content) updates its record or is left alone. The exit status is 1 when any row was
    left out.
    """
    from tollbook.services.lists import import_list

    with Progress(f"importing {file.name} into {source!r}"):
        result = _run(
            ctx,
            lambda uow: import_list(
                uow,
                file,
                source,
                mapping,
                actor=actor,
                lenient=lenient,
                sheet=sheet,
                has_duplicates=has_duplicates,
                replaces=replaces,
            ),
        )
    _report_problems(result.problems, N_("error"))
    _report_problems(result.warnings, N_("warning"))
    if result.unused_warning:
        unused = f"{file}: {result.unused_warning}"
        click.echo(_("warning: %(message)s", message=unused), err=True)
    line = _(
        "imported %(imported)s of %(rows)s rows into list %(name)s",
        imported=number(result.imported),
        rows=number(result.rows),
        name=repr(result.list_name),
    )
    if result.new_list:
        line += _(" (new list)")
    if result.has_duplicates:
        line += _("; the list may hold duplicates")
    if result.rejected:
        line += _("; %(n)s rows left out", n=number(result.rejected))
    if result.import_id is not None:
        line += _(" (import %(id)s)", id=result.import_id)
    click.echo(line)
    if result.updated or result.unchanged or result.removed:
        click.echo(
            _(
                "%(added)s added, %(updated)s updated, %(unchanged)s unchanged, "
                "%(removed)s removed",
                added=number(result.added),
                updated=number(result.updated),
                unchanged=number(result.unchanged),
                removed=number(result.removed),
            )
        )
    if result.problems:
        ctx.exit(1)


@lists.command("show")
@click.pass_context
def show(ctx: click.Context) -> None:
    """The named lists, with their records and imports."""
    from tollbook.services.lists import list_summaries

    found = _run(ctx, list_summaries)
    if not found:
        click.echo(_("no lists: import one with `tollbook lists import FILE --source NAME`"))
        return
    rows = [
        (
            s.name,
            f"{s.records:,}",
            s.imports,
            "yes" if s.has_duplicates else "no",
            s.created_at.date(),
        )
        for s in found
    ]
    click.echo(table(("list", "records", "imports", "duplicates", "since"), rows))


@lists.command("queue")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one pair per line.")
@click.option(
    "--calibration", is_flag=True, help="Only the pairs of a calibration sample (review-sample)."
)
@_actor_option
@click.pass_context
def queue(
    ctx: click.Context, limit: int, as_json: bool, calibration: bool, actor: str | None
) -> None:
    """Pairs of records the linkage is unsure of, the most uncertain first, with each
    field's match weight. Decide with `tollbook lists confirm|split A B`."""
    from tollbook.services.linkage import review_queue

    found = _run(
        ctx,
        lambda uow: review_queue(
            uow, limit=limit, viewer=actor or "cli", calibration_only=calibration
        ),
    )
    if as_json:
        for item in found:
            click.echo(
                json.dumps(
                    {
                        "record_a": record_json(item.first),
                        "record_b": record_json(item.second),
                        "probability": item.review.probability,
                        "explanation": item.review.explanation,
                        "calibration": item.review.calibration,
                    },
                    ensure_ascii=False,
                )
            )
        return
    if not found:
        click.echo(_("no pairs are waiting for review"))
        return
    for item in found:
        probability = item.review.probability
        mark = _(" (calibration sample)") if item.review.calibration else ""
        click.echo(
            f"pair {item.first.id} {item.second.id}: probability {probability:.3f}{mark}"
            if probability is not None
            else "pair"
        )
        click.echo(f"  {record_line(item.first)}")
        click.echo(f"  {record_line(item.second)}")
        for line in explanation_lines(item.review.explanation):
            click.echo(f"    {line}")


def _decide(
    ctx: click.Context, a: int, b: int, decision: str, actor: str | None, reason: str | None
) -> None:
    from tollbook.services.linkage import decide_pair

    if not actor:
        raise click.UsageError(
            _("say who you are: --actor NAME (or set $%(actor_env)s)", actor_env=ACTOR_ENV)
        )
    decided = _run(
        ctx,
        lambda uow: decide_pair(uow, a, b, decision, actor=actor, reason=reason),  # type: ignore[arg-type]
    )
    word = _("the same person") if decided.status == "confirmed" else _("two people")
    said = _("records %(a)s and %(b)s:", a=decided.record_a, b=decided.record_b)
    click.echo(f"{said} {word} ({decided.status})")


@lists.command("confirm")
@click.argument("record_a", type=int)
@click.argument("record_b", type=int)
@click.option("--note", help="Why (kept with the decision).")
@_actor_option
@click.pass_context
def confirm(
    ctx: click.Context, record_a: int, record_b: int, note: str | None, actor: str | None
) -> None:
    """Records RECORD_A and RECORD_B are the same person: always link them."""
    _decide(ctx, record_a, record_b, "confirm", actor, note)


@lists.command("split")
@click.argument("record_a", type=int)
@click.argument("record_b", type=int)
@click.option("--reason", required=True, help="Why they are two people.")
@_actor_option
@click.pass_context
def split(ctx: click.Context, record_a: int, record_b: int, reason: str, actor: str | None) -> None:
    """Records RECORD_A and RECORD_B are two people: never link them, even through others."""
    _decide(ctx, record_a, record_b, "split", actor, reason)


@lists.command("review-sample")
@click.option(
    "--pairs", type=click.IntRange(min=1), default=100, show_default=True, help="Pairs to draw."
)
@click.option("--seed", type=int, help="For a repeatable sample.")
@click.option(
    "--drawn",
    is_flag=True,
    help="Sample the pairs kept apart in a clustering drawn as the estimate draws them.",
)
@_actor_option
@click.pass_context
def review_sample(
    ctx: click.Context, pairs: int, seed: int | None, drawn: bool, actor: str | None
) -> None:
    """Queue a random sample of the pairs of persons the linkage kept apart though a
    stored pair joins them, marked as calibration pairs: confirming or splitting them
    (`tollbook lists queue --calibration`) calibrates the correction for missed links."""
    from tollbook.services.calibration_sample import queue_calibration_sample

    if not actor:
        raise click.UsageError(
            _("say who you are: --actor NAME (or set $%(actor_env)s)", actor_env=ACTOR_ENV)
        )
    done = _run(
        ctx, lambda uow: queue_calibration_sample(uow, pairs, actor=actor, seed=seed, drawn=drawn)
    )
    click.echo(
        _(
            "%(queued)s calibration pairs queued (%(drawn)s drawn at random from %(candidates)s "
            "pairs of persons kept apart); review them with tollbook lists queue --calibration",
            queued=number(done.queued),
            drawn=number(done.drawn),
            candidates=number(done.candidates),
        )
    )


# --- link ---------------------------------------------------------------------------


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--engine", type=click.Choice(ENGINES), default="duckdb", show_default=True)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.5,
    show_default=True,
    help="Pairs at least this probable may join records into one person.",
)
@click.option(
    "--review",
    "review",
    nargs=2,
    type=click.FloatRange(0, 1),
    default=(0.2, 0.8),
    show_default=True,
    metavar="LOW HIGH",
    help="Pairs with a probability from LOW up to HIGH go to the review queue.",
)
@click.option("--retrain", is_flag=True, help="Train a new model instead of reusing the last.")
@click.option("--map", "mapping", multiple=True, metavar="COLUMN=FIELD", help=_MAP_HELP)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With FILES: write each record's id and cluster id to this CSV.",
)
@click.option("--link-only", is_flag=True, help="With several FILES: no duplicates within one.")
@click.option(
    "--model",
    "model_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With FILES: reuse this trained model (JSON), or save the new one here.",
)
@click.option("--lenient", is_flag=True, help="With FILES: keep rows with unreadable values.")
@click.option(
    "--spark-conf",
    "spark_conf",
    multiple=True,
    metavar="KEY=VALUE",
    help="With --engine spark: a Spark setting over Tollbook's choice (repeatable; docs/spark.md).",
)
@_actor_option
@click.pass_context
def link(
    ctx: click.Context,
    files: tuple[Path, ...],
    engine: str,
    threshold: float,
    review: tuple[float, float],
    retrain: bool,
    mapping: tuple[str, ...],
    out: Path | None,
    link_only: bool,
    model_path: Path | None,
    lenient: bool,
    spark_conf: tuple[str, ...],
    actor: str | None,
) -> None:
    """Find the records that are the same person, and group them into persons.

    Without FILES: links every list record in the database, keeps the persons it found
    before where it can, queues uncertain pairs for review and keeps human decisions.
    With FILES (CSV or XLSX): links their records without the database and writes
    FILE, ROW, RECORD_ID and CLUSTER_ID to --out.
    """
    with _spark_overrides(engine, spark_conf):
        if files:
            _link_files(
                files, engine, threshold, mapping, out, link_only, model_path, retrain, lenient
            )
            return
        for name, value in (("--out", out), ("--model", model_path), ("--map", mapping)):
            if value:
                raise click.UsageError(
                    _("%(name)s goes with FILES; the database's lists are mapped", name=name)
                )
        from tollbook.services.jobs import REFUSALS, run_now
        from tollbook.services.linkage import LinkReport, link_records

        made: list[LinkReport] = []

        progress = Progress("link", plain="link: ")

        def work(uow: UnitOfWork, step: Callable[[str], None]) -> dict[str, Any]:
            def say(text: str) -> None:
                progress.step(text)
                step(text)

            report = link_records(
                uow,
                engine=engine,  # type: ignore[arg-type]
                threshold=threshold,
                review=review,
                retrain=retrain,
                actor=actor,
                on_progress=say,
            )
            made.append(report)
            return {"link_run_id": report.run_id}

        settings = {"engine": engine, "threshold": threshold, "review": list(review)}
        with progress:
            _run(
                ctx,
                lambda uow: run_now(
                    uow,
                    "linkage",
                    actor=actor or "cli",
                    params={**settings, "retrain": retrain},
                    work=work,
                    refusals=(*REFUSALS, EngineUnavailable),
                ),
            )
        report = made[0]
        model = "trained" if report.trained else "reused"
        if report.model_note:
            click.echo(_("note: %(message)s", message=report.model_note), err=True)
        linked = _(
            "linked %(records)s records into %(persons)s persons (%(several)s on more than one "
            "record) with %(engine)s in %(seconds)s s",
            records=number(report.records),
            persons=number(report.persons),
            several=number(report.persons_with_several_records),
            engine=report.engine,
            seconds=number(round(report.seconds, 1)),
        )
        click.echo(linked)
        scored = _(
            "model %(model)s (%(how)s); %(pairs)s pairs scored, %(links)s at or above "
            "%(threshold)s",
            model=report.model_id,
            how=_(model),
            pairs=number(report.pairs),
            links=number(report.links),
            threshold=threshold,
        )
        click.echo(f"  {scored}")
        persons = _(
            "persons: %(created)s new, %(kept)s kept, %(retired)s retired; %(queued)s pairs "
            "queued for review (tollbook lists queue)",
            created=number(report.created),
            kept=number(report.kept),
            retired=number(report.retired),
            queued=number(report.queued),
        )
        click.echo(f"  {persons}")
        for a, b in report.conflicts:
            click.echo(
                _(
                    "warning: confirmed pair %(a)s %(b)s is kept apart by a split decision",
                    a=a,
                    b=b,
                ),
                err=True,
            )


def _spark_overrides(engine: str, spark_conf: tuple[str, ...]) -> ExitStack:
    """With ``--spark-conf``: the Spark session opened with those settings, for the
    engine to find and use (closed on leaving); without: nothing to enter."""
    stack = ExitStack()
    if not spark_conf:
        return stack
    if engine != "spark":
        raise click.UsageError(_("--spark-conf goes with --engine spark"))
    from tollbook.link.spark_conf import parse_spark_conf
    from tollbook.link.spark_engine import spark_session

    try:
        conf = parse_spark_conf(spark_conf)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    try:
        stack.enter_context(spark_session(overrides=conf))
    except EngineUnavailable as error:
        fail(str(error))
    return stack


def _link_files(
    files: tuple[Path, ...],
    engine: str,
    threshold: float,
    mapping: tuple[str, ...],
    out: Path | None,
    link_only: bool,
    model_path: Path | None,
    retrain: bool,
    lenient: bool,
) -> None:
    from tollbook.services.file_linkage import link_files

    if out is None:
        raise click.UsageError(_("linking FILES needs --out CLUSTERS.csv"))
    try:
        result = link_files(
            list(files),
            out,
            mapping,
            engine=engine,  # type: ignore[arg-type]
            threshold=threshold,
            link_only=link_only,
            model_path=model_path,
            retrain=retrain,
            lenient=lenient,
        )
    except EngineUnavailable as error:
        fail(str(error))
    except Refusal as error:
        refused(error)
    _report_problems(result.problems, "error")
    _report_problems(result.warnings, "warning")
    if result.model_note:
        click.echo(_("note: %(message)s", message=result.model_note), err=True)
    seconds = result.seconds
    click.echo(
        _(
            "linked %(records)s records into %(clusters)s clusters "
            "(%(clusters_with_several_records)s with more than one "
            "record), %(pairs)s pairs scored, in %(seconds)s s; wrote "
            "%(out)s",
            records=format(result.records, ","),
            clusters=format(result.clusters, ","),
            clusters_with_several_records=format(result.clusters_with_several_records, ","),
            pairs=format(result.pairs, ","),
            seconds=format(seconds["total"], ".1f"),
            out=out,
        )
    )
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items() if k != "total")
    click.echo(f"  {steps}", err=True)
    if result.problems:
        raise SystemExit(1)


from tollbook.cli import list_imports as _list_imports  # noqa: E402,F401
