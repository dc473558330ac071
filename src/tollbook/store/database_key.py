"""The key of an encrypted SQLite database (SQLCipher), derived from a passphrase.

A database is encrypted when its URL says so (``sqlite+pysqlcipher:///tollbook.db``) or
when its salt file lies beside it (``tollbook.db.salt``): once a database is encrypted,
the plain ``sqlite:///tollbook.db`` URL keeps working. The salt file holds a random salt
and the argon2id parameters, never the passphrase nor the key; it is made with mode 0600.

The passphrase comes, in this order, from ``$TOLLBOOK_PASSPHRASE``, from the file named
by ``$TOLLBOOK_PASSPHRASE_FILE``, or from what the person typed when the command started
(:func:`remember_passphrase`). The key SQLCipher gets is the raw 256-bit argon2id output
(``PRAGMA key = "x'...'"``), so SQLCipher's own slower key derivation is not run again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

from tollbook import settings
from tollbook.store.file_modes import PRIVATE_MODE

PASSPHRASE_ENV = settings.PASSPHRASE
PASSPHRASE_FILE_ENV = settings.PASSPHRASE_FILE
#: What the salt file's name adds to the database's.
SALT_SUFFIX = ".salt"
SALT_FORMAT = "tollbook-database-salt/1"
KEY_BYTES = 32
#: argon2id as RFC 9106 recommends where memory is scarce: 3 passes over 64 MiB, 4 lanes.
TIME_COST = 3
MEMORY_COST_KIB = 64 * 1024
PARALLELISM = 4


class DatabaseKeyError(RuntimeError):
    """No passphrase, a wrong one, or a salt file that cannot be read."""


@dataclass(frozen=True)
class KeySalt:
    """What derives a database's key from its passphrase, as kept in its salt file."""

    salt: bytes
    time_cost: int = TIME_COST
    memory_cost_kib: int = MEMORY_COST_KIB
    parallelism: int = PARALLELISM

    @classmethod
    def new(cls) -> KeySalt:
        return cls(secrets.token_bytes(16))

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": SALT_FORMAT,
                "kdf": "argon2id",
                "salt": self.salt.hex(),
                "time_cost": self.time_cost,
                "memory_cost_kib": self.memory_cost_kib,
                "parallelism": self.parallelism,
            },
            indent=2,
        )

    @classmethod
    def from_file(cls, path: Path) -> KeySalt:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != SALT_FORMAT or data.get("kdf") != "argon2id":
                raise ValueError(f"not a {SALT_FORMAT} argon2id salt")
            return cls(
                bytes.fromhex(data["salt"]),
                int(data["time_cost"]),
                int(data["memory_cost_kib"]),
                int(data["parallelism"]),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DatabaseKeyError(f"{path}: cannot read the database's salt: {exc}") from None


def salt_path(database: Path) -> Path:
    """The salt file beside ``database``."""
    return database.with_name(database.name + SALT_SUFFIX)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file of mode 0600, renamed into place."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def read_salt(database: Path) -> KeySalt:
    return KeySalt.from_file(salt_path(database))


def write_salt(database: Path, salt: KeySalt) -> None:
    write_private(salt_path(database), salt.to_json().encode("utf-8"))


_typed: str | None = None
_derived: dict[tuple[bytes, bytes, int, int, int], bytes] = {}


def remember_passphrase(passphrase: str | None) -> None:
    """Keep the passphrase typed at the start of a command, for this process only."""
    global _typed
    _typed = passphrase


def passphrase() -> str | None:
    """``$TOLLBOOK_PASSPHRASE``, the first line of ``$TOLLBOOK_PASSPHRASE_FILE``, or the
    passphrase typed at start; None when there is none."""
    given = settings.setting(PASSPHRASE_ENV)
    if given:
        return given
    file_name = settings.setting(PASSPHRASE_FILE_ENV)
    if file_name:
        return read_passphrase_file(Path(file_name))
    return _typed


def read_passphrase_file(path: Path) -> str:
    """The first line of a key file (a passphrase, without its line end)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatabaseKeyError(f"{path}: cannot read the passphrase file: {exc}") from None
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise DatabaseKeyError(f"{path}: the passphrase file is empty")
    return first


def derive_key(passphrase: str, salt: KeySalt) -> bytes:
    """The 32-byte argon2id key of ``passphrase`` with ``salt`` (kept for this process)."""
    if not passphrase:
        raise DatabaseKeyError("the passphrase is empty")
    secret = passphrase.encode("utf-8")
    cache_key = (
        hashlib.sha256(secret).digest(),
        salt.salt,
        salt.time_cost,
        salt.memory_cost_kib,
        salt.parallelism,
    )
    found = _derived.get(cache_key)
    if found is None:
        found = hash_secret_raw(
            secret,
            salt.salt,
            time_cost=salt.time_cost,
            memory_cost=salt.memory_cost_kib,
            parallelism=salt.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
        _derived[cache_key] = found
    return found


def sqlcipher_key(key: bytes) -> str:
    """The raw-key form ``PRAGMA key`` takes: ``x'<64 hex digits>'``."""
    return f"x'{key.hex()}'"


def is_encrypted(database: Path, url_says: bool) -> bool:
    """Whether ``database`` is (to be) encrypted: its URL says so or its salt is there."""
    return url_says or salt_path(database).is_file()


def key_for(database: Path, given: str | None = None) -> bytes:
    """The key of the encrypted ``database``: made a new salt for a new (empty) file."""
    phrase = given if given is not None else passphrase()
    if not phrase:
        raise DatabaseKeyError(
            f"{database} is encrypted: type its passphrase when asked, or set "
            f"${PASSPHRASE_ENV} or ${PASSPHRASE_FILE_ENV}"
        )
    if not salt_path(database).is_file():
        with contextlib.suppress(FileNotFoundError):
            if database.stat().st_size > 0:
                raise DatabaseKeyError(
                    f"{database} has no salt file {salt_path(database)}: its key cannot be "
                    "derived (was the salt file left behind when the database was copied?)"
                )
        write_salt(database, KeySalt.new())
    return derive_key(phrase, read_salt(database))
