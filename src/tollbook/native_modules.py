"""The extractor compiled by mypyc, used only when it was built from exactly the sources beside it.

``scripts/build_native.py`` (run by ``scripts/setup.sh``) compiles every module of
``tollbook.extract`` and of its subpackage ``uk_ru`` but their ``__init__`` files into a
``_native`` folder beside each package's sources; the one under ``extract`` also holds the
shared library and a manifest of the SHA-256 of each source compiled. When
``tollbook.extract`` is imported, :func:`use_native` puts its ``_native`` folder first on its
``__path__`` if, and only if, the manifest matches every source as it is now and this
interpreter's extension suffix; ``uk_ru`` follows its parent (:func:`follow_native`). So an
edited rule module never runs as its stale compiled copy: the packages fall back to pure
Python until the next build. The compiled and the pure extractor give
byte-identical claims (``benchmarks/extract_golden.py``;
``tests/integration/test_native_extractor.py``).

Set ``TOLLBOOK_PURE_PYTHON`` (:data:`tollbook.settings.PURE_PYTHON`) to run pure Python
whatever is built.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import sysconfig
from collections.abc import Mapping
from pathlib import Path

from tollbook.settings import PURE_PYTHON, setting

#: The folder, inside the package, that holds the compiled modules and their manifest.
NATIVE_DIR = "_native"
MANIFEST = "manifest.json"
#: mypyc's group name: the shared library is ``<GROUP>__mypyc`` at the top level.
GROUP = "tollbook_extract"


def compiled_sources(root: Path) -> list[Path]:
    """The modules that are compiled: every ``.py`` under ``root`` but ``__init__.py``."""
    return sorted(
        p for p in root.rglob("*.py") if p.name != "__init__.py" and NATIVE_DIR not in p.parts
    )


def source_hashes(root: Path) -> dict[str, str]:
    """Each compiled source's SHA-256, by its path under ``root``."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in compiled_sources(root)
    }


def extension_suffix() -> str:
    return str(sysconfig.get_config_var("EXT_SUFFIX") or "")


def manifest_matches(manifest: Mapping[str, object], root: Path) -> bool:
    """Whether a build described by ``manifest`` was made from the sources under ``root``
    as they are now, for this interpreter."""
    return manifest.get("extension_suffix") == extension_suffix() and manifest.get(
        "sources"
    ) == source_hashes(root)


def read_manifest(native_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads((native_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def build_is_fresh(package_dir: Path) -> bool:
    """Whether the package's build was made from its sources as they are now, for this
    interpreter (its manifest read and compared)."""
    manifest = read_manifest(package_dir / NATIVE_DIR)
    return manifest is not None and manifest_matches(manifest, package_dir)


def use_native(package_path: list[str]) -> bool:
    """Put the top compiled package's modules first on ``package_path`` (its ``__path__``)
    when its build is fresh; return whether they are used."""
    if setting(PURE_PYTHON) or not package_path:
        return False
    package_dir = Path(package_path[0])
    native_dir = package_dir / NATIVE_DIR
    if not build_is_fresh(package_dir):
        return False
    shared_name = f"{GROUP}__mypyc"
    shared_file = native_dir / f"{shared_name}{extension_suffix()}"
    if not shared_file.is_file():
        return False
    if shared_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(shared_name, shared_file)
        if spec is None or spec.loader is None:
            return False
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except (ImportError, OSError):
            return False
        sys.modules[shared_name] = module
    package_path.insert(0, str(native_dir))
    return True


def follow_native(package_path: list[str], parent_native: bool) -> bool:
    """For a subpackage of the compiled one: its compiled modules go first on its path
    exactly when its parent's do. The two must not differ (compiled modules call each
    other's compiled code directly), so a missing folder is an error, not a fallback."""
    if not parent_native:
        return False
    native_dir = Path(package_path[0]) / NATIVE_DIR
    if not native_dir.is_dir():
        raise ImportError(
            f"the compiled extractor is incomplete ({native_dir} is missing): run "
            f"scripts/build_native.py again, or set {PURE_PYTHON}"
        )
    package_path.insert(0, str(native_dir))
    return True
