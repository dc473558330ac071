"""Files sent to the app (reports, named lists, the registry's imports, photos):
size-limited reads, the upload's own name, a scratch copy for the services (which read
paths, as the CLI does), the photo folder, and import problems located by the uploaded
file's own name, line and field."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request, UploadFile

from tollbook import settings
from tollbook.domain.text import N_, Text
from tollbook.exchange.errors import InputProblem
from tollbook.web.errors import ApiProblem
from tollbook.web.state import app_state

#: Where photos of bodies are kept (as for ``tollbook bodies photo --dir``).
PHOTO_DIR_ENV = settings.PHOTO_DIR


def photo_dir(request: Request) -> Path:
    """``$TOLLBOOK_PHOTO_DIR``, else ``photos/`` next to a SQLite database file."""
    named = os.environ.get(PHOTO_DIR_ENV, "").strip()
    if named:
        return Path(named)
    url = app_state(request).engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent / "photos"
    raise ApiProblem(
        503,
        N_(
            "set %(photo_dir_env)s: the server has no folder for photos",
            photo_dir_env=PHOTO_DIR_ENV,
        ),
        type="unavailable",
    )


#: The longest file name kept, in bytes of UTF-8 (file systems allow 255).
MAX_NAME_BYTES = 200


def upload_name(upload: UploadFile, default: str) -> str:
    """The uploaded file's own name, without any folder, cut to :data:`MAX_NAME_BYTES`
    bytes (its extension kept)."""
    name = Path((upload.filename or "").replace("\\", "/")).name.strip()
    if name in ("", ".", "..") or "\x00" in name:
        return default
    return short_name(name)


def short_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """``name`` cut in the middle of its stem to at most ``limit`` bytes of UTF-8, whole
    characters only, its extension kept (when the extension is short)."""
    if len(name.encode("utf-8")) <= limit:
        return name
    path = Path(name)
    suffix = path.suffix if len(path.suffix.encode("utf-8")) <= 16 else ""
    stem = name[: len(name) - len(suffix)]
    room = limit - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip()
    return (cut or "file") + suffix


def read_upload(upload: UploadFile | None, limit: int, field: str) -> bytes:
    """The bytes of an uploaded file, refused when missing or over ``limit`` bytes."""
    if upload is None or not upload.filename:
        raise ApiProblem(
            422, N_("%(field)s: choose a file", field=field), type="invalid", errors=_at(field)
        )
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise ApiProblem(
            413,
            N_(
                "%(field)s: the file is over %(limit)s bytes", field=field, limit=format(limit, ",")
            ),
            type="too_large",
            errors=_at(field),
        )
    return data


def _at(field: str) -> list[dict[str, Any]]:
    return [{"type": "invalid", "msg": "choose a file", "loc": ["body", field]}]


@dataclass(frozen=True)
class Scratch:
    """Uploaded files written to a private scratch folder: ``paths[key]`` is where the
    file sent as ``key`` lies, ``names[key]`` its own name."""

    paths: dict[str, Path]
    names: dict[str, str]

    def located(self, text: str) -> str:
        """``text`` with scratch paths replaced by the uploaded files' names (a message
        still translated by its id, its values replaced)."""
        if isinstance(text, Text):
            values = {
                k: self.located(v) if isinstance(v, str) else v for k, v in text.params.items()
            }
            return Text(text.msgid, **values)
        for key, path in self.paths.items():
            text = text.replace(str(path), self.names[key])
        return text

    def problem(self, problem: InputProblem) -> dict[str, Any]:
        """One import problem as the pages and the API show it."""
        return {
            "file": self.located(problem.path),
            "line": problem.line,
            "field": problem.field,
            "message": self.located(problem.message),
            "text": self.located(str(problem)),
        }


@contextmanager
def scratch_files(files: dict[str, tuple[str, bytes]]) -> Iterator[Scratch]:
    """Write ``key -> (name, bytes)`` to a scratch folder, removed when the block ends."""
    with tempfile.TemporaryDirectory(prefix="tollbook-upload-") as folder:
        paths: dict[str, Path] = {}
        for key, (name, data) in files.items():
            path = Path(folder) / key / name
            path.parent.mkdir()
            path.write_bytes(data)
            paths[key] = path
        yield Scratch(paths, {key: name for key, (name, _) in files.items()})


def relocated(problem: InputProblem, scratch: Scratch) -> InputProblem:
    """A problem of a whole uploaded file, named by the upload rather than its scratch copy."""
    return InputProblem(
        scratch.located(problem.path), scratch.located(problem.message), problem.line, problem.field
    )
