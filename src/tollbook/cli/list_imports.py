"""The imports of named lists on the command line: ``lists imports`` (the history, undone
ones marked) and ``lists undo IMPORT_ID``; one use case each of
:mod:`tollbook.services.lists` and :mod:`tollbook.services.list_undo`."""

from __future__ import annotations

import click

from tollbook.cli.language import _
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
        click.echo(_("no imports: import a list with `tollbook lists import FILE --source NAME`"))
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
        _(
            "undid import %(import_id)s (%(file_name)s) of list "
            "%(list_name)s: %(records)s records taken out, %(links)s "
            "links, %(persons_retired)s persons retired, "
            "%(persons_changed)s changed",
            import_id=done.import_id,
            file_name=done.file_name,
            list_name=repr(done.list_name),
            records=format(done.records, ","),
            links=format(done.links, ","),
            persons_retired=format(done.persons_retired, ","),
            persons_changed=format(done.persons_changed, ","),
        )
    )
    if done.drafts_withdrawn:
        click.echo(
            _(
                "draft estimates withdrawn: %(items)s",
                items=", ".join(map(str, done.drafts_withdrawn)),
            )
        )
    if done.published_counted:
        ids = ", ".join(map(str, done.published_counted))
        click.echo(
            _(
                "warning: published estimates %(ids)s counted these records: "
                "withdraw or re-run them",
                ids=ids,
            ),
            err=True,
        )
