"""Photos of bodies: keep a file under its SHA-256 and record it; show it to roles allowed
photos. Both are audited."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from tollbook.domain.body import Photo
from tollbook.domain.text import N_
from tollbook.registry.access import AccessDenied, Actor, may_see_names, require
from tollbook.services.registry.bodies import liaison_of_body
from tollbook.services.registry.outcomes import RegistryError, RegistryNotFound
from tollbook.store.photo_files import keep_photo, photo_key, read_photo
from tollbook.store.unit_of_work import UnitOfWork


def _now() -> datetime:
    return datetime.now(UTC)


#: Photo files accepted, by their first bytes.
PHOTO_TYPES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
MAX_PHOTO_BYTES = 50 * 1024 * 1024


def view_photo(uow: UnitOfWork, ref: str, sha256: str, actor: Actor) -> Photo:
    """A photo of a body (to serve its file), for roles allowed photos; audited."""
    require(actor, "forensic", "family_liaison", doing="viewing a photo")
    with uow:
        if uow.registry.body(ref) is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
        if not (may_see_names(actor) or liaison_of_body(uow.registry, ref, actor)):
            raise AccessDenied(N_("%(actor)s may not see photos of the dead", actor=actor))
        photo = uow.registry.photo(ref, sha256)
        if photo is None:
            raise RegistryNotFound(
                N_("no photo %(sha256)s of body %(ref)s", sha256=sha256, ref=ref)
            )
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"photo": sha256},
        )
        uow.commit()
    return photo


def add_photo(
    uow: UnitOfWork, ref: str, source: Path, photo_dir: Path, actor: Actor, caption: str = ""
) -> Photo:
    """Keep a photo of a body as ``photo_dir/<sha256>.<ext>`` and record it; beside an
    encrypted database the file is encrypted (:mod:`tollbook.store.photo_files`).

    The file is written to a temporary name in ``photo_dir`` and renamed into place, so a
    crash never leaves half a photo under its final name; a photo already kept is not
    written again.
    """
    require(actor, "forensic", doing="adding a photo")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise RegistryError(
            N_("%(source)s: cannot read: %(value)s", source=source, value=exc.strerror or exc)
        ) from None
    if not data:
        raise RegistryError(N_("%(source)s: the file is empty", source=source))
    if len(data) > MAX_PHOTO_BYTES:
        raise RegistryError(
            N_(
                "%(source)s: larger than %(value)s MiB",
                source=source,
                value=MAX_PHOTO_BYTES // 2**20,
            )
        )
    kind = next((t for t in PHOTO_TYPES if data.startswith(t[0])), None)
    if kind is None:
        raise RegistryError(N_("%(source)s: not a JPEG or PNG image", source=source))
    digest = hashlib.sha256(data).hexdigest()
    name = digest + kind[2]
    photo = Photo(ref, digest, name, kind[1], len(data), caption)
    with uow:
        if uow.registry.body(ref) is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
        keep_photo(photo_dir, name, data, photo_key(uow.engine))
        at = _now()
        if uow.registry.add_photo(photo, at=at, by=str(actor)):
            uow.audit.append(
                at=at,
                actor=str(actor),
                action="add_photo",
                entity="body",
                entity_id=ref,
                after={"sha256": digest, "file": name},
            )
        uow.commit()
    return photo


def photo_content(uow: UnitOfWork, photo: Photo, photo_dir: Path) -> bytes | None:
    """The image of ``photo`` (decrypted), to serve after :func:`view_photo` allowed it;
    None when its file is not in ``photo_dir``."""
    path = photo_dir / photo.file_name
    if not path.is_file():
        return None
    return read_photo(path, photo_key(uow.engine))
