"""The ``tollbook`` command: a thin shell over the services and the pure layers.

Each group of commands lives in its own module and is added to ``main`` here.
"""

from __future__ import annotations

from typing import Any

import click

from tollbook import __version__
from tollbook.cli import (
    click_language,
    count,
    encryption,
    estimate,
    jobs,
    lists,
    persons,
    registry,
    reports,
    review,
    simulate,
    sync,
    web,
)
from tollbook.cli.common import fail
from tollbook.cli.language import N_, _
from tollbook.store.database import DATABASE_URL_ENV, database_url
from tollbook.store.database_key import DatabaseKeyError

#: ``tollbook --help`` in the command line's language (:mod:`tollbook.cli.language`): what
#: the command is, and each command's line in the list of commands.
MAIN_HELP = N_("Tollbook: count the dead of a war or disaster honestly, with every figure sourced.")
DATABASE_HELP = N_("SQLAlchemy database URL (default: $%(env)s, else sqlite:///tollbook.db).")
OPTION_HELP = {
    "version": N_("Show the version and exit."),
    "help": N_("Show this message and exit."),
    "database": DATABASE_HELP,
}
COMMAND_HELP = {
    "backup": N_("Write an encrypted backup of the SQLite database (mode 0600)."),
    "bodies": N_("Bodies and body parts: register, import, move, show, label, identify."),
    "claims": N_("List stored claims; unreviewed machine claims are marked."),
    "demo": N_("Load a small simulated siege into the database, to see every page."),
    "estimate": N_("Estimate how many people are on no list, from how the lists overlap."),
    "export": N_("Export the incidents: CSV with HXL hashtags, JSON, or GeoJSON."),
    "extract": N_("Print the claims of reports, without storing anything."),
    "graves": N_("Burial sites, trenches, plans and morgues."),
    "incidents": N_("Group the stored claims into incidents."),
    "ingest": N_("Store reports (text files, or JSONL) with their claims."),
    "init": N_("Create the database, or migrate it to this version's schema."),
    "jobs": N_("Background jobs (linkage runs, estimates)."),
    "link": N_("Find the records that are the same person, and group them into persons."),
    "lists": N_("Named lists of the dead: import them, and review the pairs of records."),
    "match": N_("Rank bodies for a report of the missing, or reports for a body."),
    "missing": N_("Families' reports of the missing."),
    "persons": N_("The persons linkage found, those on most records first."),
    "pfif": N_("PFIF 1.4 export and import of persons and notes."),
    "reports": N_("List stored reports, or show one."),
    "restore": N_("Restore the database from an encrypted backup."),
    "review": N_("Review claims and incident groupings."),
    "serve": N_("Run the web app: JSON API under /api/, pages for people."),
    "simulate": N_("Write a reproducible simulated siege, with its truth, to a folder."),
    "toll": N_("The toll of PLACE: the documented count beside the official figures."),
    "user": N_("User accounts of the web app."),
}


class _Main(click.Group):
    """The group that turns a passphrase problem anywhere into ``error: ...``, exit 1, and
    writes its help in the command line's language."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Click's own messages and every subcommand's help in $TOLLBOOK_LANG's language
        click_language.install()
        click_language.translate_help(self)
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DatabaseKeyError as exc:
            fail(str(exc))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(_(MAIN_HELP))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.name in OPTION_HELP:
                record = (record[0], _(OPTION_HELP[param.name], env=DATABASE_URL_ENV))
            records.append(record)
        if records:
            with formatter.section(_("Options")):
                formatter.write_dl(records)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            line = COMMAND_HELP.get(name)
            shown = _(line) if line else command.get_short_help_str(formatter.width)
            rows.append((name, shown))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tollbook")
@click.option(
    "--database",
    "database",
    metavar="URL",
    default=None,
    help=DATABASE_HELP % {"env": DATABASE_URL_ENV},
)
@click.pass_context
def main(ctx: click.Context, database: str | None) -> None:
    """Tollbook: count the dead of a war or disaster honestly, with every figure sourced."""
    ctx.obj = {"url": database or database_url()}
    encryption.ask_at_start(ctx.obj["url"])


for command in (
    reports.init,
    reports.ingest,
    reports.reports,
    reports.claims,
    reports.extract,
    count.incidents,
    count.toll,
    review.review,
    count.export,
    simulate.simulate,
    simulate.demo,
    estimate.estimate,
    *registry.COMMANDS,
    web.serve,
    web.user,
    lists.lists,
    lists.link,
    persons.persons,
    jobs.jobs,
    encryption.backup,
    encryption.restore,
    sync.sync,
):
    main.add_command(command)

__all__ = ["main"]
