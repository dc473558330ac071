"""Copying a SQLite database file the tests prepared once (a migrated template)."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_sqlite_database(source: Path, target: Path) -> None:
    """``source`` copied to ``target``, with its write-ahead log when one was left (only
    if it was not checkpointed)."""
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
