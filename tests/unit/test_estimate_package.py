"""``tollbook.estimate`` gives its names when first used: the table of where each lives
(``_HOME``) names what the type checkers' imports name, and a light module of the
package loads none of the heavy libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import tollbook.estimate as estimate


def _checked_imports() -> dict[str, str]:
    """Name -> module of the imports under ``if TYPE_CHECKING:`` in the package's init."""
    tree = ast.parse(Path(estimate.__file__).read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for inner in node.body:
                assert isinstance(inner, ast.ImportFrom) and inner.module is not None
                found.update((alias.name, inner.module) for alias in inner.names)
    return found


def test_every_public_name_has_one_home_and_is_that_module_s_object() -> None:
    assert _checked_imports() == estimate._HOME
    assert sorted(estimate._HOME) == sorted(estimate.__all__)
    for name, home in estimate._HOME.items():
        assert getattr(estimate, name) is getattr(import_module(home), name)


def test_a_submodule_of_a_public_name_does_not_hide_it() -> None:
    module = import_module("tollbook.estimate.profile_interval")
    assert callable(estimate.profile_interval)
    assert estimate.profile_interval is module.profile_interval


def test_reading_tables_loads_no_scipy_numba_or_statsmodels() -> None:
    script = (
        "import sys, tollbook.estimate.tables; "
        "print(sorted(m for m in ('scipy', 'numba', 'statsmodels') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
