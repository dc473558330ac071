"""The imports of named lists on the command line: ``lists imports`` (the history, undone
ones marked) and ``lists undo IMPORT_ID``; one use case each of
:mod:`tollbook.services.lists` and :mod:`tollbook.services.list_undo`."""

from __future__ import annotations

import click

from tollbook.cli.list_records import table
from tollbook.cli.lists import _actor_option, _run, lists


@lists.command("imports")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.pass_context
def imports(ctx: click.Context, limit: int) -> None:
    """The files imported into lists, the newest first (undone ones say so)."""
    from tollbook.services.lists import list_imports

    found = _run(ctx, lambda uow: list_imports(uow, limit=limit))
    if not found:
        click.echo("no imports: import a list with `tollbook lists import FILE --source NAME`")
        return
    rows = [
        (
            i.id,
            i.list_name,
            i.file_name,
            f"{i.rows_imported:,}",
            f"{i.imported_at:%Y-%m-%d %H:%M}",
            i.imported_by or "",
            f"undone {i.undone_at:%Y-%m-%d} by {i.undone_by}" if i.undone_at else "",
        )
        for i in found
    ]
    click.echo(table(("import", "list", "file", "records", "at", "by", "state"), rows))


@lists.command("undo")
@click.argument("import_id", type=int)
@click.option("--reason", default="", help="Why (kept in the audit log).")
@_actor_option
@click.pass_context
def undo(ctx: click.Context, import_id: int, reason: str, actor: str) -> None:
    """Undo import IMPORT_ID: its records leave the list, the persons linkage made of them
    and any draft estimate that counted them (withdrawn); audited. Run `tollbook link`
    again to link what is left."""
    from tollbook.services.list_undo import undo_import

    done = _run(ctx, lambda uow: undo_import(uow, import_id, actor=actor, reason=reason))
    click.echo(
        f"undid import {done.import_id} ({done.file_name}) of list {done.list_name!r}: "
        f"{done.records:,} records taken out, {done.links:,} links, "
        f"{done.persons_retired:,} persons retired, {done.persons_changed:,} changed"
    )
    if done.drafts_withdrawn:
        click.echo(f"draft estimates withdrawn: {', '.join(map(str, done.drafts_withdrawn))}")
    if done.published_counted:
        ids = ", ".join(map(str, done.published_counted))
        click.echo(
            f"warning: published estimates {ids} counted these records: withdraw or re-run them",
            err=True,
        )
