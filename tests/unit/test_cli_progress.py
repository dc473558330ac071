"""Long command-line work shows a live line on a terminal and writes no control
characters when standard error is not one."""

from __future__ import annotations

import io
import sys

import pytest

from tollbook.cli.progress import PROGRESS_ENV, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_live_line_and_a_pipe_the_plain_steps_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PROGRESS_ENV, raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with Progress("link", plain="link: ", total=3) as progress:
        assert progress.live
        progress.step("scoring pairs")
        progress.advance()
    assert "\x1b[" in terminal.getvalue()  # drawn, then cleared
    assert "link: scoring pairs\n" not in terminal.getvalue()

    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    with Progress("link", plain="link: ") as progress:
        assert not progress.live
        progress.step("scoring pairs")
    with Progress("importing deaths.csv") as progress:
        progress.step("reading")  # silent before, silent now
    assert pipe.getvalue() == "link: scoring pairs\n"

    monkeypatch.setattr(sys, "stderr", Terminal())
    monkeypatch.setenv(PROGRESS_ENV, "0")
    with Progress("link") as progress:
        assert not progress.live
