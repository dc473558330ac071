"""The ``tollbook`` command: a thin shell over the services and the pure layers.

Each group of commands lives in its own module and is added to ``main`` here.
"""

from __future__ import annotations

import click

from tollbook import __version__
from tollbook.cli import (
    count,
    encryption,
    estimate,
    jobs,
    lists,
    registry,
    reports,
    review,
    simulate,
    sync,
    web,
)
from tollbook.cli.common import fail
from tollbook.store.database import DATABASE_URL_ENV, database_url
from tollbook.store.database_key import DatabaseKeyError


class _Main(click.Group):
    """The group that turns a passphrase problem anywhere into ``error: ...``, exit 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DatabaseKeyError as exc:
            fail(str(exc))


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
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
    lists.persons,
    jobs.jobs,
    encryption.backup,
    encryption.restore,
    sync.sync,
):
    main.add_command(command)

__all__ = ["main"]
