"""Photo files carried in bundles between encrypted sites: read decrypted from the
sender's folder, kept encrypted with the receiver's key."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from pathlib import Path

from tollbook.store.photo_files import MAGIC, keep_photo, read_photo
from tollbook.sync.bundle_file import version_line
from tollbook.sync.carried_photos import keep_carried, photos_of
from tollbook.sync.versions import Version

IMAGE = b"\xff\xd8\xff" + b"face of the man found on street 12, written by this test"
NAME = hashlib.sha256(IMAGE).hexdigest() + ".jpg"


def _photo_line(name: str, sha256: str) -> str:
    payload = {"ref": "MAR-T01-0001", "sha256": sha256, "file_name": name, "caption": ""}
    site = str(uuid.uuid4())
    return version_line(
        Version(site, 1, 1, str(uuid.uuid4()), "body_photos", (), payload, "2022-03-16T10:00Z")
    )


def test_a_photo_leaves_one_encrypted_folder_and_arrives_encrypted_in_another(
    tmp_path: Path,
) -> None:
    sender_key, receiver_key = secrets.token_bytes(32), secrets.token_bytes(32)
    keep_photo(tmp_path / "team", NAME, IMAGE, sender_key)
    lines = [_photo_line(NAME, hashlib.sha256(IMAGE).hexdigest())]
    carried = photos_of(lines + lines, tmp_path / "team", sender_key)
    assert carried.files == [(NAME, IMAGE)] and carried.missing == []
    assert keep_carried(tuple(carried.files), tmp_path / "office", receiver_key) == 1
    kept = (tmp_path / "office" / NAME).read_bytes()
    assert kept.startswith(MAGIC) and b"street 12" not in kept
    assert read_photo(tmp_path / "office" / NAME, receiver_key) == IMAGE


def test_a_photo_missing_or_damaged_here_is_named_and_not_sent(tmp_path: Path) -> None:
    other = b"\xff\xd8\xff" + b"another image"
    keep_photo(tmp_path, NAME, other, None)  # a file under a name that is not its hash
    lines = [_photo_line(NAME, hashlib.sha256(IMAGE).hexdigest()), _photo_line("x.jpg", "0")]
    carried = photos_of(lines, tmp_path, None)
    assert carried.files == [] and carried.missing == [NAME, "x.jpg"]
