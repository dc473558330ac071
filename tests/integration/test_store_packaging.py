"""The migration scripts ship inside the package, in a wheel as in the source tree."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tollbook.store.migrate import MIGRATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]
MIGRATION_FILES = {
    "tollbook/store/migrations/__init__.py",
    "tollbook/store/migrations/env.py",
    "tollbook/store/migrations/script.py.mako",
    "tollbook/store/migrations/versions/0001_initial_schema.py",
}


def test_migrations_are_found_next_to_the_code() -> None:
    found = {
        f"tollbook/store/migrations/{path.relative_to(MIGRATIONS_DIR).as_posix()}"
        for path in MIGRATIONS_DIR.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert found >= MIGRATION_FILES


def can_build_offline() -> bool:
    """setuptools can build a wheel without a fresh build environment from PyPI."""
    return importlib.util.find_spec("wheel") is not None


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_a_built_wheel_contains_the_migrations(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source)
    (source / "README.md").write_text("Tollbook\n")
    shutil.copytree(
        ROOT / "src" / "tollbook",
        source / "src" / "tollbook",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    if can_build_offline():
        command.append("--no-build-isolation")
    command += ["--disable-pip-version-check", "--wheel-dir", str(tmp_path / "dist")]
    built = subprocess.run([*command, str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("tollbook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert names >= MIGRATION_FILES
