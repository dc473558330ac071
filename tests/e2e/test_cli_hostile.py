"""Hostile files on the command line: a spreadsheet zip bomb is refused in words by the
real command (no MemoryError, no traceback), the limits are set in the environment,
and `tollbook init` makes the database private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.e2e.cli_runner import tollbook_process
from tests.hostile_files import xlsx_bomb
from tollbook.cli import main


def test_lists_import_refuses_a_spreadsheet_bomb_and_a_list_over_the_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    runner = CliRunner()
    old = os.umask(0o022)
    try:
        made = runner.invoke(main, ["--database", url, "init"])
    finally:
        os.umask(old)
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE((tmp_path / "tollbook.db").stat().st_mode) == 0o600
    bomb = xlsx_bomb(tmp_path / "morgue.xlsx", inflated_mib=200)
    done = tollbook_process(
        "lists", "import", bomb, "--source", "morgue", "--actor", "t", cwd=tmp_path
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {bomb}: the spreadsheet declares 209,717,")
    assert "TOLLBOOK_MAX_INFLATED_BYTES" in done.stderr
    rows = tmp_path / "burial.csv"
    rows.write_text("family_name\nKoval\nBondar\nMelnyk\n", encoding="utf-8")
    monkeypatch.setenv("TOLLBOOK_MAX_ROWS", "2")
    over = runner.invoke(main, ["--database", url, "lists", "import", str(rows), "--source", "b"])
    assert over.exit_code == 1
    assert f"error: {rows}:4: row 4 is one too many: at most 2 rows" in over.output
    assert "no lists" in runner.invoke(main, ["--database", url, "lists", "show"]).output
