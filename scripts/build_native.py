"""Compile the extractor (``tollbook.extract`` and ``tollbook.extract.uk_ru``) with mypyc.

    .venv/bin/python scripts/build_native.py [--if-stale]

Every module but the ``__init__`` files is compiled. The compiled modules go to a ``_native``
folder beside each package's sources (ignored by git), the shared library and a manifest of the
sources they were built from to ``src/tollbook/extract/_native/``, replacing any build before
them only once the new one is complete. ``tollbook.extract`` uses them only while the
manifest matches the sources (``tollbook/native_modules.py``), so an edit falls back to pure
Python until the next build. ``--if-stale`` does nothing when the build is already fresh.
Needs a C compiler and Python's headers; when the build fails the extractor stays pure
Python (same claims, slower) and the script says so and exits 3.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tollbook.native_modules import (  # noqa: E402
    GROUP,
    MANIFEST,
    NATIVE_DIR,
    build_is_fresh,
    compiled_sources,
    extension_suffix,
    source_hashes,
)

PACKAGE = ROOT / "src" / "tollbook" / "extract"


def _compile(work: Path) -> Path:
    """Build the extensions under ``work``; return the folder they were written to."""
    from mypyc.build import mypycify
    from setuptools import setup

    sources = [str(p.relative_to(ROOT)) for p in compiled_sources(PACKAGE)]
    lib = work / "lib"
    extensions = mypycify(sources, group_name=GROUP, target_dir=str(work / "c"))
    setup(
        name="tollbook-native",
        ext_modules=extensions,
        script_args=[
            "--quiet",
            "build_ext",
            "--build-lib",
            str(lib),
            "--build-temp",
            str(work / "temp"),
        ],
    )
    return lib


def _install(lib: Path, hashes: dict[str, str]) -> Path:
    """Move the built files into fresh ``_native`` folders beside the sources, the manifest
    (which makes the build count as fresh) last."""
    suffix = extension_suffix()
    folders = sorted({PACKAGE / Path(name).parent for name in hashes})
    for folder in folders:
        shutil.rmtree(folder / f"{NATIVE_DIR}.new", ignore_errors=True)
        (folder / f"{NATIVE_DIR}.new").mkdir()
    shared = lib / f"{GROUP}__mypyc{suffix}"
    shutil.copy2(shared, PACKAGE / f"{NATIVE_DIR}.new" / shared.name)
    for name in hashes:
        module = Path(name).with_suffix("")
        built = lib / "tollbook" / "extract" / module.parent / f"{module.name}{suffix}"
        shutil.copy2(built, PACKAGE / module.parent / f"{NATIVE_DIR}.new" / built.name)
    for folder in folders:
        shutil.rmtree(folder / NATIVE_DIR, ignore_errors=True)
        (folder / f"{NATIVE_DIR}.new").rename(folder / NATIVE_DIR)
    manifest = {"extension_suffix": suffix, "group": GROUP, "sources": hashes}
    (PACKAGE / NATIVE_DIR / MANIFEST).write_text(
        json.dumps(manifest, indent=1, sort_keys=True), "utf-8"
    )
    return PACKAGE / NATIVE_DIR


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--if-stale", action="store_true", help="only when out of date")
    args = parser.parse_args(argv)
    # one build at a time in a checkout: a second waits, then finds the build fresh
    with open(PACKAGE / f"{NATIVE_DIR}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(args.if_stale)


def _build(if_stale: bool) -> int:
    if if_stale and build_is_fresh(PACKAGE):
        print("native: the compiled extractor is up to date", file=sys.stderr)
        return 0
    hashes = source_hashes(PACKAGE)
    print(f"native: compiling {len(hashes)} extractor modules with mypyc", file=sys.stderr)
    start = time.monotonic()
    os.chdir(ROOT)  # mypy reads its settings from pyproject.toml here
    try:
        with tempfile.TemporaryDirectory(prefix="tollbook-native-") as tmp:
            target = _install(_compile(Path(tmp)), hashes)
    except (Exception, SystemExit) as error:  # a compiler or header missing, a type error
        for staging in PACKAGE.rglob(f"{NATIVE_DIR}.new"):
            shutil.rmtree(staging, ignore_errors=True)
        print(
            f"native: the build failed ({error}); the extractor runs as pure Python "
            "(the same claims, slower)",
            file=sys.stderr,
        )
        return 3
    if source_hashes(PACKAGE) != hashes:
        print("native: sources changed during the build; run it again", file=sys.stderr)
        return 3
    elapsed = time.monotonic() - start
    print(f"native: built {target.relative_to(ROOT)} in {elapsed:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
