"""The ``tollbook`` command: a thin shell over the services and the pure layers."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, NoReturn

import click
from sqlalchemy.exc import SQLAlchemyError

from tollbook import __version__
from tollbook.domain.claim import OUTCOMES
from tollbook.domain.report import Report
from tollbook.exchange.claim_files import claim_to_json, claims_table, write_claims_jsonl
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.report_files import (
    parse_published,
    read_jsonl_reports,
    read_text_report,
)
from tollbook.store.database import DATABASE_URL_ENV, database_url, redact_url
from tollbook.store.migrate import DatabaseNotReady
from tollbook.store.unit_of_work import UnitOfWork

EXIT_PROBLEMS = 1


class _Problems:
    """Counts and prints input problems to stderr as ``error: FILE:LINE: field: message``."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, problem: InputProblem) -> None:
        self.count += 1
        click.echo(f"error: {problem}", err=True)


class _Progress:
    """Prints "N reports ..." to stderr at most once a second, then a final line."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.last = time.monotonic()
        self.shown = False

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last >= 1.0:
            self.last = now
            self.shown = True
            click.echo(f"... {done:,} {self.what}", err=True)


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_PROBLEMS)


def _published_option(value: str | None) -> date | None:
    try:
        return parse_published(value, "--published", None)
    except InputError as exc:
        raise click.BadParameter(exc.problem.message, param_hint="--published") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tollbook")
@click.option(
    "--database",
    "database",
    metavar="URL",
    default=None,
    help=f"SQLAlchemy database URL (default: ${DATABASE_URL_ENV}, else sqlite:///tollbook.db).",
)
@click.pass_context
def main(ctx: click.Context, database: str | None) -> None:
    """Tollbook: count the dead of a war or disaster honestly, with every figure sourced."""
    ctx.obj = {"url": database or database_url()}


def _open_store(ctx: click.Context) -> UnitOfWork:
    """The database, checked to be at this version's schema, or a clear error and exit 1."""
    from tollbook.services.setup import open_database

    url = ctx.obj["url"]
    try:
        return open_database(url)
    except DatabaseNotReady as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        _fail(f"cannot open database {redact_url(url)}: {reason}")


@main.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the database, or migrate it to this version's schema."""
    from tollbook.services.setup import init_database

    url = ctx.obj["url"]
    try:
        revision = init_database(url)
    except (DatabaseNotReady, SQLAlchemyError) as exc:
        _fail(f"cannot initialise {redact_url(url)}: {exc}")
    click.echo(f"database {redact_url(url)} is ready (schema revision {revision})")


def _reports_from(
    paths: tuple[Path, ...], published: date | None, problems: _Problems
) -> Iterator[Report]:
    for path in paths:
        try:
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                for line in read_jsonl_reports(path):
                    if line.problem is not None:
                        problems.report(line.problem)
                    elif line.report is not None:
                        yield line.report
            else:
                yield read_text_report(path, published)
        except InputError as exc:
            problems.report(exc.problem)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of text reports.")
@click.option("--actor", default=None, help="Who is ingesting (for the audit log).")
@click.pass_context
def ingest(
    ctx: click.Context, files: tuple[Path, ...], published: str | None, actor: str | None
) -> None:
    """Store reports (text files, or JSONL as in CLAIMS.md) with their claims.

    The same report text is stored once. Bad files and lines are reported with file and
    line; the others are still stored, and the exit status is 1.
    """
    from tollbook.extract import EXTRACTOR_VERSION, extract_claims
    from tollbook.services.ingest import ingest_reports

    when = _published_option(published)
    problems = _Problems()
    uow = _open_store(ctx)
    try:
        result = ingest_reports(
            uow,
            _reports_from(files, when, problems),
            extract_claims,
            actor=actor,
            on_progress=_Progress("reports"),
            extractor_version=EXTRACTOR_VERSION,
        )
    finally:
        uow.dispose()
    for dup in result.duplicates:
        click.echo(
            f"note: {dup.report_id}: same text already stored (report #{dup.existing_id})", err=True
        )
    for failure in result.failures:
        problems.report(InputProblem(failure.report_id, failure.error))
    click.echo(
        f"stored {result.stored} report(s) with {result.claims_stored} claim(s); "
        f"{len(result.duplicates)} already stored; {problems.count} problem(s)"
    )
    if problems.count:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.option("--place", help="Only claims about this place (any letter case).")
@click.option("--outcome", type=click.Choice(OUTCOMES), help="Only this outcome.")
@click.option("--article", help="Only claims from this report id.")
@click.option("--limit", type=click.IntRange(min=0), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@click.pass_context
def claims(
    ctx: click.Context,
    place: str | None,
    outcome: str | None,
    article: str | None,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> None:
    """List stored claims; unreviewed machine claims are marked as such."""
    from tollbook.services.claims import list_claims

    uow = _open_store(ctx)
    try:
        stored = list_claims(
            uow, place=place, outcome=outcome, article=article, limit=limit, offset=offset
        )
    finally:
        uow.dispose()
    if as_json:
        for s in stored:
            record = {
                "id": s.id,
                **s.claim.to_contract(),
                "review_status": s.review_status,
                "extractor_version": s.extractor_version,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not stored:
        click.echo("no claims stored" + (" match" if place or outcome or article else ""))
        return
    click.echo(claims_table(s.claim for s in stored))
    unreviewed = sum(1 for s in stored if s.review_status == "unreviewed")
    click.echo(f"\n{len(stored)} claim(s), {unreviewed} unreviewed (machine-extracted)")


@main.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option(
    "--jsonl",
    "jsonl",
    type=click.Path(path_type=Path),
    help="Read reports from JSON Lines (id, text, published, title).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write claims to this JSONL file instead of stdout.",
)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of FILE.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
def extract(
    file: Path | None, jsonl: Path | None, out: Path | None, published: str | None, as_json: bool
) -> None:
    """Print the claims of reports, without storing anything."""
    from tollbook.extract import extract_claims

    if (file is None) == (jsonl is None):
        raise click.UsageError("give either FILE (a text report) or --jsonl IN.jsonl")
    when = _published_option(published)
    problems = _Problems()
    if file is not None:
        try:
            report = read_text_report(file, when)
        except InputError as exc:
            _fail(str(exc.problem))
        found = extract_claims(report)
        if out is not None:
            with _open_out(out) as handle:
                write_claims_jsonl(found, handle)
        elif as_json:
            for claim in found:
                click.echo(claim_to_json(claim))
        else:
            click.echo(claims_table(found))
        return
    assert jsonl is not None
    progress = _Progress("reports")
    with _open_out(out) if out is not None else _stdout() as handle:
        done = 0
        claims_written = 0
        try:
            for line in read_jsonl_reports(jsonl):
                if line.problem is not None:
                    problems.report(line.problem)
                    continue
                assert line.report is not None
                claims_written += write_claims_jsonl(extract_claims(line.report), handle)
                done += 1
                progress(done)
        except InputError as exc:
            _fail(str(exc.problem))
    click.echo(
        f"{done:,} report(s), {claims_written:,} claim(s), {problems.count} bad line(s)", err=True
    )
    if problems.count:
        sys.exit(EXIT_PROBLEMS)


class _stdout:
    def __enter__(self) -> IO[str]:
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()


def _open_out(path: Path) -> IO[str]:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot write: {exc.strerror}")
