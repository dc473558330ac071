"""Photo files that travel in a bundle with the versions of their records.

On export, the file of each photo record in the bundle is read from the photo folder
(decrypted with this database's key when it is kept encrypted) and checked by its SHA-256;
on import, each carried file is kept in this site's photo folder under its name, encrypted
with this database's key when this database is encrypted
(:mod:`tollbook.store.photo_files`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from tollbook.store.database_key import DatabaseKeyError
from tollbook.store.photo_files import keep_photo, read_photo

#: How a version of a photo record starts in a bundle line (see ``state.lines_after``).
_PHOTO_LINE = '"entity":"body_photos"'


@dataclass
class CarriedPhotos:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    #: Photo records whose file is not in the folder here (or not readable).
    missing: list[str] = field(default_factory=list)


def photos_of(lines: list[str], folder: Path | None, key: bytes | None) -> CarriedPhotos:
    """The files of the photo records among the bundle ``lines`` (one each)."""
    carried = CarriedPhotos()
    seen: set[str] = set()
    for line in lines:
        if _PHOTO_LINE not in line:
            continue
        payload = json.loads(line)["payload"]
        if payload is None or payload["file_name"] in seen:
            continue
        name = str(payload["file_name"])
        seen.add(name)
        path = folder / name if folder is not None else None
        if path is None or not path.is_file():
            carried.missing.append(name)
            continue
        try:
            data = read_photo(path, key)
        except DatabaseKeyError:
            carried.missing.append(name)
            continue
        if hashlib.sha256(data).hexdigest() != payload["sha256"]:
            carried.missing.append(name)  # damaged here: not sent on
            continue
        carried.files.append((name, data))
    return carried


def keep_carried(files: tuple[tuple[str, bytes], ...], folder: Path, key: bytes | None) -> int:
    """Keep the carried files (checked against their SHA-256 when the bundle was read)
    in ``folder``; returns how many were carried."""
    for name, data in files:
        keep_photo(folder, name, data, key)
    return len(files)
