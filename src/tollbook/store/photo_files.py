"""Photo files of bodies, kept as ``<sha256>.<ext>`` in the photo folder (mode 0600).

Beside an encrypted database (:mod:`tollbook.store.database_key`), each photo is
encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the database's key,
so the same passphrase opens both; the file's name is the authenticated data, so a file
renamed to another photo's name is refused. An encrypted file starts with
``TOLLBOOK-PHOTO/1`` and a 12-byte random nonce. Photos kept before the database was
encrypted are encrypted by :func:`encrypt_plain_photos` when the database is (``tollbook
init --encrypt``); a plain photo found later is still read.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine

from tollbook.store.database import encrypted_path
from tollbook.store.database_key import DatabaseKeyError, key_for
from tollbook.store.file_modes import PRIVATE_MODE

MAGIC = b"TOLLBOOK-PHOTO/1\n"
NONCE_BYTES = 12


def photo_key(engine: Engine) -> bytes | None:
    """The key of the photos of ``engine``'s database: None when it is not encrypted."""
    path = encrypted_path(engine)
    return None if path is None else photo_key_of(path)


def photo_key_of(database: Path) -> bytes:
    """The key of the photos of the encrypted SQLite file ``database``."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tollbook photos v1")
    return hkdf.derive(key_for(database))


def seal(data: bytes, key: bytes, name: str) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, name.encode("utf-8"))


def read_photo(path: Path, key: bytes | None) -> bytes:
    """The photo in ``path``, decrypted when it was kept encrypted."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        return data
    if key is None:
        raise DatabaseKeyError(f"{path} is encrypted, but its database is not")
    start = len(MAGIC)
    nonce = data[start : start + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, data[start + NONCE_BYTES :], path.name.encode())
    except InvalidTag:
        raise DatabaseKeyError(
            f"{path}: the passphrase does not open it, or it was altered"
        ) from None


def keep_photo(folder: Path, name: str, data: bytes, key: bytes | None) -> None:
    """Write the photo ``name`` (``<sha256>.<ext>``) into ``folder``, encrypted with
    ``key`` when there is one, through a temporary file renamed into place, so a crash
    never leaves half a photo under its final name; a photo kept already is left."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = folder / name
    if final.is_file():
        try:
            if hashlib.sha256(read_photo(final, key)).hexdigest() == name.split(".")[0]:
                return
        except DatabaseKeyError:
            pass  # damaged or of another key: written again below
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data if key is None else seal(data, key, name))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, PRIVATE_MODE)
        os.replace(temp, final)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def encrypt_plain_photos(folder: Path, key: bytes) -> int:
    """Encrypt, in place, every plain photo file in ``folder``; return how many."""
    if not folder.is_dir():
        return 0
    done = 0
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(MAGIC):
            continue
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".encrypting-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(seal(data, key, path.name))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        done += 1
    return done
