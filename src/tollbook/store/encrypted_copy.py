"""Encrypted copies of a SQLite database: encrypting a plain one in place, and backups.

Every copy is taken through SQLite's backup API, so it is consistent while others write.
A plain database is copied into memory first and exported from there with
``sqlcipher_export`` into the encrypted file, so no second plain copy reaches the disk.
An encrypted database is copied page by page, still encrypted, with the same key.

A backup is one file: a header line (``TOLLBOOK-BACKUP/1``), a line holding the key's salt
(JSON, as in the salt file), then the encrypted database. Its key is derived from the
same passphrase, so whoever restores it needs that passphrase and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from tollbook.store.database_key import (
    DatabaseKeyError,
    KeySalt,
    derive_key,
    read_salt,
    salt_path,
    sqlcipher_key,
    write_salt,
)
from tollbook.store.file_modes import COMPANIONS, PRIVATE_MODE

BACKUP_MAGIC = b"TOLLBOOK-BACKUP/1\n"
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (its first bytes say so)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _new_private(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))


@contextlib.contextmanager
def _connect(path: Path | str, key: bytes | None) -> Iterator[Any]:
    connection = sqlcipher3.connect(str(path))
    try:
        if key is not None:
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f'PRAGMA key = "{sqlcipher_key(key)}"')
        yield connection
    finally:
        connection.close()


def verify(path: Path, key: bytes) -> str | None:
    """Open the encrypted ``path`` with ``key`` and check it; return its schema revision.

    Raises :class:`DatabaseKeyError` when the key does not open it or it is damaged.
    """
    with _connect(path, key) as connection:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise DatabaseKeyError(f"the passphrase does not open {path}") from None
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise DatabaseKeyError(f"{path} is damaged: {check}")
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlcipher3.DatabaseError:
            return None
        return None if row is None else str(row[0])


def encrypt_copy(source: Path, dest: Path, key: bytes) -> None:
    """Write the plain database ``source`` to the new file ``dest``, encrypted with ``key``."""
    _new_private(dest)
    try:
        with _connect(source, None) as plain, _connect(":memory:", None) as memory:
            plain.backup(memory)
            memory.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(dest), sqlcipher_key(key)))
            memory.execute("SELECT sqlcipher_export('encrypted')")
            memory.execute("DETACH DATABASE encrypted")
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def copy_encrypted(source: Path, dest: Path, key: bytes) -> None:
    """Copy the encrypted database ``source`` to the new file ``dest``, still encrypted."""
    _new_private(dest)
    try:
        with _connect(source, key) as origin, _connect(dest, key) as copy:
            origin.execute("SELECT count(*) FROM sqlite_master").fetchone()
            origin.backup(copy)
    except sqlcipher3.DatabaseError:
        dest.unlink(missing_ok=True)
        raise DatabaseKeyError(f"the passphrase does not open {source}") from None
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def _scratch(beside: Path, what: str) -> Path:
    return beside.with_name(f".{beside.name}.{what}-{secrets.token_hex(4)}")


def _remove_companions(database: Path) -> None:
    for suffix in COMPANIONS:
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def _checkpoint(database: Path, key: bytes | None) -> None:
    """Fold the write-ahead log into the file and stop using one, so none is left."""
    with _connect(database, key) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")


def encrypt_in_place(database: Path, passphrase: str, keep_plain: Path | None = None) -> str:
    """Encrypt the plain SQLite ``database`` with a key from ``passphrase``; return its
    schema revision.

    The encrypted copy is written beside it and checked, then the salt file is written
    and the copy renamed over the plain file. With ``keep_plain``, the plain file is
    moved there first; otherwise it is removed (its old blocks may stay on the disk: see
    docs/encryption.md). Nobody else may be using the database meanwhile.
    """
    if not is_plain_sqlite(database):
        raise DatabaseKeyError(f"{database} is not a plain SQLite database")
    if salt_path(database).exists():
        raise DatabaseKeyError(f"{database} has a salt file already: is it encrypted?")
    salt = KeySalt.new()
    key = derive_key(passphrase, salt)
    _checkpoint(database, None)
    scratch = _scratch(database, "encrypting")
    encrypt_copy(database, scratch, key)
    try:
        revision = verify(scratch, key)
        if keep_plain is not None:
            shutil.copy2(database, keep_plain)
            os.chmod(keep_plain, PRIVATE_MODE)
        write_salt(database, salt)
        os.replace(scratch, database)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
    _remove_companions(database)
    return revision or "none"


def write_backup(database: Path, out: Path, passphrase: str) -> str:
    """Write an encrypted backup of ``database`` (plain or encrypted) to the new file
    ``out`` (mode 0600); return the schema revision it holds."""
    if out.exists():
        raise DatabaseKeyError(f"{out} exists already: choose another file")
    encrypted = salt_path(database).is_file()
    salt = read_salt(database) if encrypted else KeySalt.new()
    key = derive_key(passphrase, salt)
    scratch = _scratch(out, "backup")
    try:
        if encrypted:
            copy_encrypted(database, scratch, key)
        else:
            encrypt_copy(database, scratch, key)
        revision = verify(scratch, key)
        _new_private(out)
        with out.open("wb") as handle, scratch.open("rb") as body:
            handle.write(BACKUP_MAGIC)
            handle.write(salt.to_json().replace("\n", " ").encode("utf-8") + b"\n")
            shutil.copyfileobj(body, handle)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        scratch.unlink(missing_ok=True)
    return revision or "none"


def _read_backup(backup: Path, dest: Path) -> KeySalt:
    try:
        with backup.open("rb") as handle:
            if handle.readline() != BACKUP_MAGIC:
                raise DatabaseKeyError(f"{backup} is not a Tollbook backup")
            header = handle.readline()
            _new_private(dest)
            with dest.open("wb") as out:
                shutil.copyfileobj(handle, out)
                out.flush()
                os.fsync(out.fileno())
    except OSError as exc:
        raise DatabaseKeyError(f"{backup}: cannot read: {exc.strerror or exc}") from None
    header_file = _scratch(dest, "salt")
    try:
        header_file.write_bytes(header)
        return KeySalt.from_file(header_file)
    finally:
        header_file.unlink(missing_ok=True)


def restore_backup(backup: Path, database: Path, passphrase: str, *, force: bool) -> str:
    """Replace ``database`` by the backup ``backup`` after checking that ``passphrase``
    opens it; return its schema revision. An existing database is replaced only with
    ``force``. The restored database stays encrypted, with the backup's salt."""
    if database.exists() and database.stat().st_size > 0 and not force:
        raise DatabaseKeyError(f"{database} exists: restoring would replace it (use --force)")
    scratch = _scratch(database, "restoring")
    try:
        salt = _read_backup(backup, scratch)
        try:
            revision = verify(scratch, derive_key(passphrase, salt))
        except DatabaseKeyError as exc:
            raise DatabaseKeyError(str(exc).replace(str(scratch), str(backup))) from None
        _remove_companions(database)
        write_salt(database, salt)
        os.replace(scratch, database)
    finally:
        scratch.unlink(missing_ok=True)
    return revision or "none"
