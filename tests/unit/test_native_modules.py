"""Which extractor runs: the compiled modules only while built from exactly these sources."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tollbook import native_modules
from tollbook.native_modules import (
    MANIFEST,
    NATIVE_DIR,
    extension_suffix,
    follow_native,
    manifest_matches,
    source_hashes,
    use_native,
)
from tollbook.settings import PURE_PYTHON


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "rules.py").write_text("DEAD = 'killed'\n")
    (package / "reading.py").write_text("def read() -> int:\n    return 1\n")
    return package


def _write_manifest(package: Path, **overrides: object) -> Path:
    native = package / NATIVE_DIR
    native.mkdir(exist_ok=True)
    manifest = {"extension_suffix": extension_suffix(), "sources": source_hashes(package)}
    manifest.update(overrides)
    (native / MANIFEST).write_text(json.dumps(manifest))
    return native


def test_the_compiled_sources_leave_out_the_package_init(tmp_path: Path) -> None:
    assert sorted(source_hashes(_package(tmp_path))) == ["reading.py", "rules.py"]


def test_a_manifest_matches_only_the_sources_it_was_built_from(tmp_path: Path) -> None:
    package = _package(tmp_path)
    manifest = {"extension_suffix": extension_suffix(), "sources": source_hashes(package)}
    assert manifest_matches(manifest, package)
    (package / "rules.py").write_text("DEAD = 'killed or missing'\n")
    assert not manifest_matches(manifest, package)


def test_a_build_for_another_interpreter_does_not_match(tmp_path: Path) -> None:
    package = _package(tmp_path)
    manifest = {"extension_suffix": ".cpython-39-x86_64-linux-gnu.so"}
    manifest["sources"] = source_hashes(package)  # type: ignore[assignment]
    assert not manifest_matches(manifest, package)


def test_a_new_module_after_the_build_makes_it_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    manifest = {"extension_suffix": extension_suffix(), "sources": source_hashes(package)}
    (package / "places.py").write_text("")
    assert not manifest_matches(manifest, package)


def test_without_a_build_the_package_path_is_left_alone(tmp_path: Path) -> None:
    package = _package(tmp_path)
    path = [str(package)]
    assert use_native(path) is False
    assert path == [str(package)]


def test_a_stale_build_is_not_used(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _write_manifest(package, sources={"rules.py": "0" * 64})
    path = [str(package)]
    assert use_native(path) is False
    assert path == [str(package)]


def test_a_fresh_manifest_without_its_library_is_not_used(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _write_manifest(package)
    path = [str(package)]
    assert use_native(path) is False
    assert path == [str(package)]


def test_a_fresh_build_goes_first_on_the_package_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _package(tmp_path)
    native = _write_manifest(package)
    shared = f"{native_modules.GROUP}__mypyc"
    (native / f"{shared}{extension_suffix()}").write_bytes(b"")
    monkeypatch.setitem(sys.modules, shared, object())  # loaded already: not loaded again
    path = [str(package)]
    assert use_native(path) is True
    assert path == [str(native), str(package)]


def test_pure_python_can_be_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = _package(tmp_path)
    shared = f"{native_modules.GROUP}__mypyc"
    (_write_manifest(package) / f"{shared}{extension_suffix()}").write_bytes(b"")
    monkeypatch.setitem(sys.modules, shared, object())
    monkeypatch.setenv(PURE_PYTHON, "1")
    path = [str(package)]
    assert use_native(path) is False
    assert path == [str(package)]


def test_the_extractor_holds_no_doctests() -> None:
    """The test command leaves ``src/tollbook/extract`` out of the doctests (its compiled
    modules are not the files pytest would import), which is right only while it has none."""
    import tollbook.extract

    root = Path(tollbook.extract.__file__).parent
    assert not [p.name for p in root.rglob("*.py") if ">>>" in p.read_text("utf-8")]


def test_a_subpackage_follows_its_compiled_parent(tmp_path: Path) -> None:
    sub = _package(tmp_path) / "uk_ru"
    sub.mkdir()
    path = [str(sub)]
    assert follow_native(path, False) is False
    assert path == [str(sub)]
    with pytest.raises(ImportError, match="incomplete"):
        follow_native(path, True)  # the parent runs compiled, the subpackage has no build
    (sub / NATIVE_DIR).mkdir()
    assert follow_native(path, True) is True
    assert path == [str(sub / NATIVE_DIR), str(sub)]
