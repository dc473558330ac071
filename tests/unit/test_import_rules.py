"""Production code never depends on the simulator, which is test and demo data.

Only the simulator itself (``tollbook/simulate/``) and the commands that run it
(``tollbook/cli/simulate/``: ``tollbook simulate`` and ``tollbook demo``) import it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tollbook

SRC = Path(tollbook.__file__).parent
ALLOWED = (SRC / "simulate", SRC / "cli" / "simulate")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _simulate_importers() -> list[str]:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if any(path.is_relative_to(allowed) for allowed in ALLOWED):
            continue
        modules = _imported_modules(path)
        if any(m == "tollbook.simulate" or m.startswith("tollbook.simulate.") for m in modules):
            offenders.append(str(path.relative_to(SRC)))
    return offenders


def test_no_production_module_imports_the_simulator() -> None:
    assert _simulate_importers() == []


def test_the_rule_sees_an_import_of_the_simulator(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from tollbook.simulate.siege import Siege\n", encoding="utf-8")
    assert "tollbook.simulate.siege" in _imported_modules(module)
