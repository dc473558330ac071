"""What every ``tollbook`` command shares: errors, progress, dates, opening the store."""

from __future__ import annotations

import getpass
import os
import sys
import time
from datetime import date
from typing import NoReturn

import click
from sqlalchemy.exc import SQLAlchemyError

from tollbook import settings
from tollbook.cli.language import _, number
from tollbook.domain.refusals import Refusal
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.report_files import parse_published
from tollbook.store.database import redact_url
from tollbook.store.migrate import DatabaseNotReady
from tollbook.store.unit_of_work import UnitOfWork

EXIT_PROBLEMS = 1


class Problems:
    """Counts and prints input problems to stderr as ``error: FILE:LINE: field: message``."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, problem: InputProblem) -> None:
        self.count += 1
        click.echo(_("error: %(message)s", message=problem_text(problem)), err=True)


def problem_text(problem: InputProblem) -> str:
    """``FILE:LINE: field 'name': message``, in the command line's language."""
    where = problem.path
    if problem.line is not None:
        where += f":{problem.line}"
    if problem.field is not None:
        where += ": " + _("field %(name)s", name=repr(problem.field))
    return f"{where}: {_(problem.message)}"  # the message's own values translated too


class ProgressLine:
    """Prints "... N things" to stderr at most once a second while long work runs."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.last = time.monotonic()

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last >= 1.0:
            self.last = now
            click.echo(f"... {number(done)} {_(self.what)}", err=True)


def fail(message: str) -> NoReturn:
    """Print ``error: message`` to stderr and exit with status 1."""
    click.echo(_("error: %(message)s", message=message), err=True)
    sys.exit(EXIT_PROBLEMS)


def refused(refusal: Refusal) -> NoReturn:
    """The one place a service's refusal (:mod:`tollbook.domain.refusals`) becomes the
    command's answer: ``error: <message>`` on stderr and exit status 1, whatever its kind
    (not found, forbidden, conflict, invalid)."""
    fail(refusal.message)


def published_option(value: str | None) -> date | None:
    try:
        return parse_published(value, "--published", None)
    except InputError as exc:
        raise click.BadParameter(exc.problem.message, param_hint="--published") from None


def open_store(ctx: click.Context) -> UnitOfWork:
    """The database, checked to be at this version's schema, or a clear error and exit 1."""
    from tollbook.services.setup import open_database

    url = ctx.obj["url"]
    try:
        return open_database(url)
    except DatabaseNotReady as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        fail(_("cannot open database %(url)s: %(reason)s", url=redact_url(url), reason=reason))


#: Who acts, for the audit log, when ``--actor`` is not given.
ACTOR_ENV = settings.ACTOR


def default_actor() -> str | None:
    """``$TOLLBOOK_ACTOR``, else the operating system's user name (None if neither)."""
    env = os.environ.get(ACTOR_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return None
