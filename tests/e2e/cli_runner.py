"""Running the ``tollbook`` command: in this process (:func:`tollbook`) or in a
subprocess, as a user would (:func:`tollbook_process`).

Both answer with a :class:`subprocess.CompletedProcess`: the exit status, standard output
and standard error as text. :func:`tollbook` runs the same command object that
``python -m tollbook`` runs (click's ``CliRunner``), in ``cwd``, with
``$TOLLBOOK_DATABASE_URL`` set or unset as asked; an exception that escapes the command
is written to standard error as Python writes it (``Traceback ...``) with status 1, as the
real process would. It spares the second or two that starting Python and importing
Tollbook costs for every command, which dominated the CLI tests' time; tests about the
process itself (exit on a hostile file, ``python -m``, the docs' shell commands) use
:func:`tollbook_process`.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from pathlib import Path

from click.testing import CliRunner

from tollbook.cli import main
from tollbook.store.database_key import remember_passphrase


def tollbook(
    *args: str | Path, cwd: Path, database_url: str | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The command run in this process, as :func:`tollbook_process` would run it."""
    words = [str(arg) for arg in args]
    runner = CliRunner()
    try:
        with contextlib.chdir(cwd):
            result = runner.invoke(
                main,
                words,
                input=stdin,
                env={"TOLLBOOK_DATABASE_URL": database_url},  # None: unset while it runs
                prog_name="tollbook",
            )
    finally:
        # A process forgets the passphrase typed at its start when it ends; so does this.
        remember_passphrase(None)
    stderr = result.stderr
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info))
        code = 1
    return subprocess.CompletedProcess(["tollbook", *words], code, result.stdout, stderr)


def tollbook_process(
    *args: str | Path, cwd: Path, database_url: str | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess (``python -m tollbook``)."""
    env = dict(os.environ)
    env.pop("TOLLBOOK_DATABASE_URL", None)
    if database_url is not None:
        env["TOLLBOOK_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "tollbook", *map(str, args)],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tollbook_output(*args: str | Path, cwd: Path, database_url: str | None = None) -> str:
    """The standard output of a command that must succeed (no error status, no traceback)."""
    done = tollbook(*args, cwd=cwd, database_url=database_url)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout
