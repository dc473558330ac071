"""The SQLite database, its write-ahead log and shared memory, and the key file are
made readable by their owner only (0600), whatever the umask; a database others may
read, or a folder anyone may write to, is warned of."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tollbook.services.setup import init_database, open_database
from tollbook.store.file_modes import exposure_warnings
from tollbook.web.settings import read_or_create_key


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)  # files made by default would be 0644
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_wal_shm_and_key_are_0600(tmp_path: Path, open_umask: None) -> None:
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    path = folder / "tollbook.db"
    url = f"sqlite:///{path}"
    init_database(url)
    uow = open_database(url)
    try:
        with uow.engine.begin() as connection:  # a write: the WAL and SHM files exist now
            connection.execute(text("CREATE TABLE IF NOT EXISTS scratch (x INTEGER)"))
            connection.execute(text("INSERT INTO scratch VALUES (1)"))
        made = [path, path.with_name("tollbook.db-wal"), path.with_name("tollbook.db-shm")]
        assert all(p.exists() for p in made)
        assert [mode(p) for p in made] == [0o600, 0o600, 0o600]
    finally:
        uow.dispose()
    key = folder / "tollbook.db.key"
    read_or_create_key(key)
    assert mode(key) == 0o600
    assert exposure_warnings(url, key) == []


def test_exposed_files_and_folders_are_warned_of(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "tollbook.db"
    url = f"sqlite:///{path}"
    init_database(url)
    os.chmod(path, 0o644)
    os.chmod(tmp_path, 0o777)
    try:
        warnings = exposure_warnings(url)
    finally:
        os.chmod(tmp_path, 0o700)
    assert any(f"{path} has mode 0644" in w and "chmod 600" in w for w in warnings)
    assert any("may be written by anyone" in w for w in warnings)
    os.chmod(path, 0o600)
    os.chmod(tmp_path, 0o755)
    assert [w for w in exposure_warnings(url) if "may be listed by anyone" in w]
    assert exposure_warnings("postgresql+psycopg://u@h/db") == []
