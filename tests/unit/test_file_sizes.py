"""No source file of Tollbook holds more than 600 lines (migrations aside): a file that
grows past it holds several ideas and is split by idea (issue 18)."""

from __future__ import annotations

from pathlib import Path

import tollbook

SRC = Path(tollbook.__file__).parent
LIMIT = 600


def _too_long(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:
            continue
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > LIMIT:
            out.append(f"{path.relative_to(root)}: {lines} lines")
    return out


def test_no_source_file_is_over_600_lines() -> None:
    assert _too_long(SRC) == []


def test_the_rule_sees_a_long_file(tmp_path: Path) -> None:
    (tmp_path / "short.py").write_text("x = 1\n" * LIMIT, encoding="utf-8")
    (tmp_path / "long.py").write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001.py").write_text("x = 1\n" * 900, encoding="utf-8")
    assert _too_long(tmp_path) == ["long.py: 601 lines"]
