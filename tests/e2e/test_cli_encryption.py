"""``tollbook init --encrypt`` on a plain database (its photos kept before encryption
encrypted too), reading it back, a wrong passphrase, ``backup``, and ``restore`` refusing
to overwrite, through the real command (the rest is tested in process:
tests/integration/test_encryption_at_rest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.cli_runner import tollbook
from tests.integration.builders import make_report
from tollbook.extract.extractor import extract_claims
from tollbook.services.ingest import ingest_reports
from tollbook.services.setup import open_database
from tollbook.store.database_key import PASSPHRASE_ENV, PASSPHRASE_FILE_ENV
from tollbook.store.photo_files import photo_key_of, read_photo

NAME = "Zarqovia"


def _copy_template(template: Path, path: Path) -> None:
    shutil.copyfile(template, path)
    wal = template.with_name(template.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))


def test_encrypt_read_back_back_up_and_restore(
    tmp_path: Path, migrated_sqlite_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "tollbook.db"
    _copy_template(migrated_sqlite_template, db)
    uow = open_database(f"sqlite:///{db}")
    try:
        text = f"Shelling in {NAME} killed 12 civilians on Monday, the ministry said."
        ingest_reports(uow, [make_report("r1", text=text)], extract_claims)
    finally:
        uow.dispose()

    photo = tmp_path / "photos" / ("ab" * 32 + ".jpg")  # kept before encryption
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8\xff\xe0" + f"face of {NAME}".encode())

    key_file = tmp_path / "passphrase.txt"
    key_file.write_text("a long field passphrase\n")
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(key_file))
    run = tollbook("init", "--encrypt", "--keep-plain", tmp_path / "plain.db", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "is now encrypted" in run.stderr and (tmp_path / "plain.db").is_file()
    assert NAME.encode() not in db.read_bytes()
    assert "1 photo(s)" in run.stderr and NAME.encode() not in photo.read_bytes()
    assert NAME.encode() in read_photo(photo, photo_key_of(db))
    run = tollbook("claims", cwd=tmp_path)
    assert run.returncode == 0 and NAME in run.stdout, run.stderr

    run = tollbook("backup", "--out", tmp_path / "field.tbk", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert NAME.encode() not in (tmp_path / "field.tbk").read_bytes()
    run = tollbook("restore", tmp_path / "field.tbk", cwd=tmp_path)
    assert run.returncode == 1 and "use --force" in run.stderr
    monkeypatch.delenv(PASSPHRASE_FILE_ENV)
    monkeypatch.setenv(PASSPHRASE_ENV, "not the passphrase")
    run = tollbook("claims", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "error: the passphrase does not open tollbook.db" in run.stderr
