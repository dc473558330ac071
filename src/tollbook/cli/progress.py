"""Progress of long command-line work (importing a list, linking, estimating,
simulating): on a terminal, one live line on standard error (rich) with a spinner, the
step the work is at and the time so far, and a bar when the work counts its steps; when
standard error is not a terminal (a pipe, a log file, a test), no bar and no control
characters: the step lines a command printed before, or nothing where it printed none.
``TOLLBOOK_PROGRESS`` set to 0 turns the live line off on a terminal too."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

import click

from tollbook.settings import PROGRESS, setting

PROGRESS_ENV = PROGRESS


def live_progress_wanted() -> bool:
    """A live line only on a terminal, and not when the user turned it off."""
    if (setting(PROGRESS) or "").strip() == "0":
        return False
    stream = sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """``with Progress("link") as progress: progress.step("scoring pairs")``.

    ``plain`` is the prefix of the step lines written when there is no live line (None:
    write none, for work that was silent before); ``total`` makes it a bar advanced with
    :meth:`advance`.
    """

    def __init__(self, label: str, *, plain: str | None = None, total: int | None = None):
        self.label = label
        self.plain = plain
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if live_progress_wanted():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as Bar

            columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
            if self.total is not None:
                columns += [BarColumn(), MofNCompleteColumn()]
            columns.append(TimeElapsedColumn())
            self._bar = Bar(*columns, console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def live(self) -> bool:
        return self._bar is not None

    def step(self, text: str) -> None:
        """The work is now at ``text``."""
        if self._bar is not None:
            self._bar.update(self._task, description=f"{self.label}: {text}")
        elif self.plain is not None:
            click.echo(f"{self.plain}{text}", err=True)

    def advance(self, by: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, by)
