"""Limits on what an imported file may become, not only on what it weighs.

A 300 KB spreadsheet can unzip to gigabytes, and a small CSV can hold a million rows or
a name of thirty million characters. Every file read for an import (named lists in CSV
and XLSX, report files in JSON Lines, families' reports in PFIF XML, the registry's CSV
files) is held to these limits *while it is read*, and refused with an error naming the
file and the limit as soon as it goes over one:

- ``max_bytes``: the file as it is stored (compressed, for XLSX);
- ``max_inflated_bytes``: an XLSX file once unzipped, all its parts together. The sizes
  the zip declares are checked first, then every part is inflated in chunks and counted,
  so a zip that lies about its sizes is caught too; XML parts may not declare document
  types or entities;
- ``max_rows``: rows (lines, persons and notes), the header not counted;
- ``max_columns``: cells in a row (empty cells at its end not counted);
- ``max_cell_chars``: characters in one cell (one XML element's text).

The defaults suit the largest lists a city keeps; each can be changed with an
environment variable (:data:`ENV`), the same for the command line and the web app.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, AnyStr

from tollbook import settings
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError, InputProblem

MIB = 1024 * 1024
#: The environment variable that sets each limit.
ENV: dict[str, str] = {
    "max_bytes": settings.MAX_FILE_BYTES,
    "max_inflated_bytes": settings.MAX_INFLATED_BYTES,
    "max_rows": settings.MAX_ROWS,
    "max_columns": settings.MAX_COLUMNS,
    "max_cell_chars": settings.MAX_CELL_CHARS,
}
#: What each limit is, in the words of an error message.
_WHAT = {
    "max_bytes": "bytes in the file",
    "max_inflated_bytes": "bytes once unzipped",
    "max_rows": "rows",
    "max_columns": "columns in a row",
    "max_cell_chars": "characters in a cell",
}
_CHUNK = 1024 * 1024
_FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")


@dataclass(frozen=True)
class FileLimits:
    """How large an imported file may be, and what it may become once read."""

    max_bytes: int = 32 * MIB
    max_inflated_bytes: int = 128 * MIB
    max_rows: int = 500_000
    max_columns: int = 256
    max_cell_chars: int = 10_000

    def __post_init__(self) -> None:
        for item in fields(self):
            if getattr(self, item.name) < 1:
                raise ValueError(f"{ENV[item.name]} must be a positive whole number")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> FileLimits:
        """The defaults, with each limit set in the environment (``TOLLBOOK_MAX_ROWS``...)
        instead; raises ValueError naming a variable that is not a positive number."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name, variable in ENV.items():
            text = env.get(variable, "").strip().replace("_", "")
            if not text:
                continue
            try:
                values[name] = int(text)
            except ValueError:
                raise ValueError(f"{variable}={text!r} is not a whole number") from None
        return cls(**values)

    @property
    def max_line_chars(self) -> int:
        """The longest line a text file may have: every cell of a row at its longest."""
        return self.max_columns * (self.max_cell_chars + 3)


class FileTooLarge(InputError):
    """A file over one of the limits; the message names the file, the limit and the
    environment variable that sets it."""


def refuse(
    where: str,
    limit: str,
    value: int,
    line: int | None = None,
    detail: str = "",
    then: str = "nothing was imported",
) -> None:
    """Raise :class:`FileTooLarge` for a file over the limit ``limit`` (its value ``value``)."""
    message = (
        f"{detail or 'over the limit'}: at most {value:,} {_WHAT[limit]} are accepted "
        f"(the limit {ENV[limit]}); {then}"
    )
    raise FileTooLarge(InputProblem(where, message, line))


def check_size(path: Path, limits: FileLimits, where: str | None = None) -> None:
    """Refuse a file larger than ``max_bytes`` (before reading any of it)."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        refuse(
            where or str(path),
            "max_bytes",
            limits.max_bytes,
            detail=f"the file is {size:,} bytes",
        )


def check_xlsx(path: Path, limits: FileLimits, where: str | None = None) -> None:
    """Refuse an XLSX (zip) file that would unzip to more than ``max_inflated_bytes``, by
    the sizes it declares or by the bytes it really inflates to (counted while
    inflating, never held whole), or whose XML declares a document type or entities.
    A file that is not a zip is left for the spreadsheet reader to refuse."""
    where = where or str(path)
    limit = limits.max_inflated_bytes
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if declared > limit:
            refuse(
                where,
                "max_inflated_bytes",
                limit,
                detail=f"the spreadsheet declares {declared:,} bytes once unzipped",
            )
        inflated = 0
        for member in members:
            try:
                with archive.open(member) as part:
                    tail = b""
                    while chunk := part.read(_CHUNK):
                        inflated += len(chunk)
                        if inflated > limit:
                            refuse(
                                where,
                                "max_inflated_bytes",
                                limit,
                                detail="the spreadsheet inflates to more than it declares",
                            )
                        if member.filename.endswith((".xml", ".rels")):
                            window = tail + chunk
                            if any(mark in window for mark in _FORBIDDEN_XML):
                                raise InputError(
                                    InputProblem(
                                        where,
                                        N_(
                                            "%(filename)s: document types and "
                                            "entities are not allowed in a spreadsheet",
                                            filename=member.filename,
                                        ),
                                    )
                                )
                            tail = chunk[-16:]
            except (
                zipfile.BadZipFile,
                EOFError,
                RuntimeError,
                NotImplementedError,
                OSError,  # zlib's errors while inflating (zlib.error itself is not raised here)
            ) as error:
                raise InputError(
                    InputProblem(
                        where,
                        N_(
                            "not a readable .xlsx file: %(filename)s: %(error)s",
                            filename=member.filename,
                            error=error,
                        ),
                    )
                ) from None


def bounded_rows(
    rows: Iterable[list[str]], where: str, limits: FileLimits, first_line: int = 1
) -> Iterator[list[str]]:
    """``rows`` (the header first) as they come, refusing the file at the first row
    past ``max_rows`` (the header not counted), with more than ``max_columns``
    non-empty-ended cells, or with a cell longer than ``max_cell_chars``."""
    for count, row in enumerate(rows):
        line = first_line + count
        if count > limits.max_rows:
            refuse(where, "max_rows", limits.max_rows, line, f"row {line} is one too many")
        width = len(row)
        if width > limits.max_columns:
            while width and not row[width - 1]:
                width -= 1
            if width > limits.max_columns:
                refuse(
                    where,
                    "max_columns",
                    limits.max_columns,
                    line,
                    f"this row has {width:,} columns",
                )
        for cell in row:
            if len(cell) > limits.max_cell_chars:
                refuse(
                    where,
                    "max_cell_chars",
                    limits.max_cell_chars,
                    line,
                    f"a cell of {len(cell):,} characters",
                )
        yield row


def bounded_lines(handle: IO[AnyStr], where: str, max_chars: int) -> Iterator[AnyStr]:
    """The lines of a text or binary file, each read with at most ``max_chars`` held:
    a longer line refuses the file (so one line of 30 MB is never read whole)."""
    number = 0
    while True:
        line = handle.readline(max_chars + 1)
        if not line:
            return
        number += 1
        if len(line) > max_chars:
            message = (
                f"line {number} is longer than {max_chars:,} characters (the limits "
                f"{ENV['max_columns']} x {ENV['max_cell_chars']}); nothing was imported"
            )
            raise FileTooLarge(InputProblem(where, message, number))
        yield line
