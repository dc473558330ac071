"""Reports and claims: ``init``, ``ingest``, ``reports``, ``claims``, ``extract``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

import click
from sqlalchemy.exc import SQLAlchemyError

from tollbook.cli.common import (
    EXIT_PROBLEMS,
    Problems,
    ProgressLine,
    fail,
    open_store,
    published_option,
)
from tollbook.cli.language import N_, _
from tollbook.cli.review import claim_filter_options
from tollbook.domain.claim import OUTCOMES
from tollbook.domain.incident import REVIEW_STATUSES
from tollbook.domain.report import Report
from tollbook.exchange.claim_files import (
    claim_to_json,
    claims_table,
    stored_claim_record,
    write_claims_jsonl,
)
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.report_files import read_jsonl_reports, read_text_report
from tollbook.store.database import redact_url
from tollbook.store.migrate import DatabaseNotReady
from tollbook.store.records import StoredReport


@click.command()
@click.option(
    "--encrypt",
    is_flag=True,
    help="Encrypt the SQLite database with a passphrase (a new one, or a plain one in "
    "place); at a terminal, init offers this for an existing plain database.",
)
@click.option(
    "--keep-plain",
    metavar="FILE",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="When encrypting an existing database, keep its plain copy as FILE.",
)
@click.pass_context
def init(ctx: click.Context, encrypt: bool, keep_plain: Path | None) -> None:
    """Create the database, or migrate it to this version's schema."""
    from tollbook.cli import encryption
    from tollbook.services.setup import init_database
    from tollbook.store.database_key import DatabaseKeyError

    url = ctx.obj["url"]
    plain = encryption.plain_database(url)
    if encrypt and plain is None:
        encryption.start_encrypted(url)
    try:
        revision = init_database(url)
        if plain is not None and encryption.offer_encryption(plain, encrypt):
            revision = encryption.encrypt_existing(plain, keep_plain)
    except (DatabaseNotReady, SQLAlchemyError, DatabaseKeyError) as exc:
        fail(_("cannot initialise %(url)s: %(reason)s", url=redact_url(url), reason=exc))
    click.echo(
        _(
            "database %(url)s is ready (schema revision %(revision)s)",
            url=redact_url(url),
            revision=revision,
        )
    )
    from tollbook.store.file_modes import exposure_warnings

    for warning in exposure_warnings(url):
        click.echo(_("warning: %(message)s", message=warning), err=True)


def _reports_from(
    paths: tuple[Path, ...], published: date | None, publisher: str | None, problems: Problems
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
                yield read_text_report(path, published, publisher=publisher)
        except InputError as exc:
            problems.report(exc.problem)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of text reports.")
@click.option(
    "--publisher",
    default=None,
    help="Who published the text reports (an outlet or agency); JSONL lines say it "
    "themselves in a 'publisher' field. Reports of one publisher are one source.",
)
@click.option("--actor", default=None, help="Who is ingesting (for the audit log).")
@click.pass_context
def ingest(
    ctx: click.Context,
    files: tuple[Path, ...],
    published: str | None,
    publisher: str | None,
    actor: str | None,
) -> None:
    """Store reports (text files, or JSONL as in docs/claims.md) with their claims.

    The same report text is stored once. Bad files and lines are reported with file and
    line; the others are still stored, and the exit status is 1.
    """
    from tollbook.extract import EXTRACTOR_VERSION, extract_claims
    from tollbook.services.ingest import ingest_reports

    when = published_option(published)
    problems = Problems()
    uow = open_store(ctx)
    try:
        result = ingest_reports(
            uow,
            _reports_from(files, when, publisher, problems),
            extract_claims,
            actor=actor,
            on_progress=ProgressLine(N_("reports")),
            extractor_version=EXTRACTOR_VERSION,
        )
    finally:
        uow.dispose()
    for dup in result.duplicates:
        note = _(
            "note: %(id)s: same text already stored (report #%(existing)s)",
            id=dup.report_id,
            existing=dup.existing_id,
        )
        click.echo(note, err=True)
    for failure in result.failures:
        problems.report(InputProblem(failure.report_id, failure.error))
    click.echo(
        _(
            "stored %(n)s report(s) with %(claims)s claim(s); %(duplicates)s already stored; "
            "%(problems)s problem(s)",
            n=result.stored,
            claims=result.claims_stored,
            duplicates=len(result.duplicates),
            problems=problems.count,
        )
    )
    if problems.count:
        sys.exit(EXIT_PROBLEMS)


@click.command()
@click.argument("report_id", required=False, type=int)
@click.option("--limit", type=click.IntRange(min=0), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@click.pass_context
def reports(
    ctx: click.Context, report_id: int | None, limit: int | None, offset: int, as_json: bool
) -> None:
    """List stored reports, or show one (REPORT_ID: its number) with its text and claims."""
    from tollbook.services.reports import get_report, list_reports

    uow = open_store(ctx)
    try:
        if report_id is None:
            found = list_reports(uow, limit=limit, offset=offset)
            shown = None
        else:
            shown = get_report(uow, report_id)
            if shown is None:
                fail(
                    _(
                        "no report %(report_id)s: `tollbook reports` lists the stored ones",
                        report_id=report_id,
                    )
                )
            found = [shown.report]
    finally:
        uow.dispose()
    if as_json:
        for stored in found:
            record = _report_json(stored)
            if shown is not None:
                record["text"] = stored.report.text
                record["claims"] = [stored_claim_record(c) for c in shown.claims]
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not found:
        click.echo(_("no reports stored"))
        return
    if shown is not None:
        _echo_report(shown.report)
        if shown.claims:
            click.echo("")
            click.echo(claims_table(c.claim for c in shown.claims))
        click.echo(_("\n%(count)s claim(s)", count=len(shown.claims)))
        return
    # the table's heading names its columns as the JSON does
    click.echo(f"{'#':>6}  {'published':10}  {'publisher':24}  {'report id':28}  title")
    for stored in found:
        r = stored.report
        published = r.published.isoformat() if r.published else "-"
        title = (r.title or "").replace("\n", " ")[:60]
        click.echo(
            f"{stored.id:>6}  {published:10}  {(stored.publisher or '-')[:24]:24}  "
            f"{r.id[:28]:28}  {title}"
        )
    click.echo(_("\n%(count)s report(s)", count=len(found)))


def _report_json(stored: StoredReport) -> dict[str, object]:
    r = stored.report
    return {
        "id": stored.id,
        "report_id": r.id,
        "title": r.title,
        "source": r.source,
        "published": r.published.isoformat() if r.published else None,
        "publisher": stored.publisher,
        "text_sha256": stored.text_sha256,
        "ingested_at": stored.ingested_at.isoformat(),
        "ingested_by": stored.ingested_by,
    }


def _echo_report(stored: StoredReport) -> None:
    for key, value in _report_json(stored).items():
        if value is not None:
            click.echo(f"{key}: {value}")
    click.echo("")
    click.echo(stored.report.text)


@click.command()
@click.option("--place", help="Only claims about this place (any letter case).")
@click.option("--outcome", type=click.Choice(OUTCOMES), help="Only this outcome.")
@click.option("--article", help="Only claims from this report id.")
@claim_filter_options
@click.option(
    "--status",
    type=click.Choice(REVIEW_STATUSES),
    help="Only claims with this review status.",
)
@click.option("--limit", type=click.IntRange(min=0), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@click.pass_context
def claims(
    ctx: click.Context,
    place: str | None,
    outcome: str | None,
    article: str | None,
    scope: str | None,
    kind: str | None,
    victims: str | None,
    source: str | None,
    status: str | None,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> None:
    """List stored claims; unreviewed machine claims are marked as such.

    In --json, ``part_of`` is the id of the stored claim a subgroup claim is part of.
    """
    from tollbook.services.claims import ClaimFilter, InvalidQuery, list_claims

    uow = open_store(ctx)
    try:
        stored = list_claims(
            uow,
            place=place,
            outcome=outcome,
            article=article,
            limit=limit,
            offset=offset,
            where=ClaimFilter(scope, kind, victims, source, status),
        )
    except InvalidQuery as error:
        fail(str(error))
    finally:
        uow.dispose()
    if as_json:
        for s in stored:
            click.echo(json.dumps(stored_claim_record(s), ensure_ascii=False))
        return
    if not stored:
        filtered = place or outcome or article or scope or kind or victims or source or status
        click.echo("no claims stored" + (" match" if filtered else ""))
        return
    click.echo(claims_table(s.claim for s in stored))
    unreviewed = sum(1 for s in stored if s.review_status == "unreviewed")
    click.echo(
        _(
            "\n%(count)s claim(s), %(unreviewed)s unreviewed (machine-extracted)",
            count=len(stored),
            unreviewed=unreviewed,
        )
    )


@click.command()
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
        raise click.UsageError(_("give either FILE (a text report) or --jsonl IN.jsonl"))
    when = published_option(published)
    problems = Problems()
    if file is not None:
        try:
            report = read_text_report(file, when)
        except InputError as exc:
            fail(str(exc.problem))
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
    progress = ProgressLine(N_("reports"))
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
            fail(str(exc.problem))
    click.echo(
        _(
            "%(done)s report(s), %(claims_written)s claim(s), %(count)s bad line(s)",
            done=format(done, ","),
            claims_written=format(claims_written, ","),
            count=problems.count,
        ),
        err=True,
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
        fail(_("%(path)s: cannot write: %(strerror)s", path=path, strerror=exc.strerror))
