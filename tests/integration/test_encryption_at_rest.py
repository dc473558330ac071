"""A SQLite database encrypted with SQLCipher: nothing readable in its file or its WAL,
read back with the passphrase, a clear error with another; encrypting a plain database
in place; encrypted backups restored only after they are checked."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.integration.builders import make_report
from tollbook.domain.body import Body, Description
from tollbook.extract.extractor import extract_claims
from tollbook.registry.access import Actor
from tollbook.services import registry
from tollbook.services.claims import list_claims
from tollbook.services.ingest import ingest_reports
from tollbook.services.setup import init_database, open_database
from tollbook.store.database_key import PASSPHRASE_ENV, DatabaseKeyError, salt_path
from tollbook.store.encrypted_copy import encrypt_in_place, restore_backup, write_backup

PHRASE = "a long passphrase for tests"
NAME = "Zarqovia"
FORENSIC = Actor("dr.k", "forensic")
TEXT = f"Shelling in {NAME} killed 12 civilians on Monday, the ministry said."


def _ingest(url: str) -> None:
    uow = open_database(url)
    try:
        ingest_reports(uow, [make_report("r1", text=TEXT)], extract_claims)
    finally:
        uow.dispose()


def _places(url: str) -> list[str | None]:
    uow = open_database(url)
    try:
        return [c.claim.place for c in list_claims(uow)]
    finally:
        uow.dispose()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def phrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(PASSPHRASE_ENV, PHRASE)
    return PHRASE


def test_an_encrypted_database_and_its_wal_hold_no_plain_text(
    tmp_path: Path, phrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "field.db"
    init_database(f"sqlite+pysqlcipher:///{path}")
    assert _mode(path) == _mode(salt_path(path)) == 0o600
    assert PHRASE not in salt_path(path).read_text()
    url = f"sqlite:///{path}"  # the salt beside it says the file is encrypted
    _ingest(url)
    uow = open_database(url)
    try:
        with uow.engine.connect() as connection:  # a reader keeps the WAL from being folded
            connection.execute(text("SELECT count(*) FROM claims")).scalar()
            with open_database(url).engine.begin() as writer:
                writer.execute(text("UPDATE claims SET place = place"))
            wal = path.with_name("field.db-wal")
            assert wal.stat().st_size > 0 and _mode(wal) == 0o600
            for part in (path, wal):
                assert NAME.encode() not in part.read_bytes()
    finally:
        uow.dispose()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert _places(url) == [NAME]

    monkeypatch.setenv(PASSPHRASE_ENV, "not the passphrase")
    with pytest.raises(DatabaseKeyError, match=f"the passphrase does not open {path}"):
        open_database(url)
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(DatabaseKeyError, match="is encrypted: type its passphrase"):
        open_database(url)


def test_a_plain_database_is_encrypted_in_place_and_backed_up(tmp_path: Path, phrase: str) -> None:
    path = tmp_path / "plain.db"
    url = f"sqlite:///{path}"
    init_database(url)
    _ingest(url)
    plain_backup = tmp_path / "from-plain.tbk"
    assert write_backup(path, plain_backup, phrase) == init_database(url)
    assert NAME.encode() not in plain_backup.read_bytes()

    kept = tmp_path / "plain-copy.db"
    encrypt_in_place(path, phrase, keep_plain=kept)
    assert NAME.encode() in kept.read_bytes() and _mode(kept) == 0o600
    assert NAME.encode() not in path.read_bytes()
    assert not path.with_name("plain.db-wal").exists()
    assert _places(url) == [NAME]

    backup = tmp_path / "encrypted.tbk"
    write_backup(path, backup, phrase)
    assert _mode(backup) == 0o600 and NAME.encode() not in backup.read_bytes()
    with pytest.raises(DatabaseKeyError, match="exists"):
        write_backup(path, backup, phrase)

    with pytest.raises(DatabaseKeyError, match="use --force"):
        restore_backup(backup, path, phrase, force=False)
    restored = tmp_path / "restored.db"
    with pytest.raises(DatabaseKeyError, match=f"the passphrase does not open {backup}"):
        restore_backup(backup, restored, "not the passphrase", force=False)
    assert not restored.exists()
    for source in (backup, plain_backup):
        restore_backup(source, restored, phrase, force=True)
        assert _places(f"sqlite:///{restored}") == [NAME]


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path, phrase: str) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a backup")
    with pytest.raises(DatabaseKeyError, match="is not a Tollbook backup"):
        restore_backup(other, tmp_path / "t.db", phrase, force=False)
    assert not (tmp_path / "t.db").exists()


def test_photos_beside_an_encrypted_database_are_encrypted(
    tmp_path: Path, phrase: str, migrated_sqlite_template: Path
) -> None:
    path = tmp_path / "morgue.db"
    shutil.copyfile(migrated_sqlite_template, path)
    encrypt_in_place(path, phrase)
    uow = open_database(f"sqlite:///{path}")
    try:
        registry.add_body(uow, Body("MAR-T03-0042", Description("F", "adult")), FORENSIC)
        image = tmp_path / "p.jpg"
        image.write_bytes(b"\xff\xd8\xff\xe0" + f"face of {NAME}".encode() * 20)
        folder = tmp_path / "photos"
        kept = registry.add_photo(uow, "MAR-T03-0042", image, folder, FORENSIC)
        stored = folder / kept.file_name
        assert _mode(stored) == 0o600 and _mode(folder) == 0o700
        assert NAME.encode() not in stored.read_bytes()
        assert registry.photo_content(uow, kept, folder) == image.read_bytes()
        registry.add_photo(uow, "MAR-T03-0042", image, folder, FORENSIC)  # kept once
        assert [p.name for p in folder.iterdir()] == [kept.file_name]
        altered = bytearray(stored.read_bytes())
        altered[-1] ^= 1
        stored.write_bytes(bytes(altered))
        with pytest.raises(DatabaseKeyError, match="does not open it, or it was altered"):
            registry.photo_content(uow, kept, folder)
    finally:
        uow.dispose()
