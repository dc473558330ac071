"""The rows of a registry CSV file, held to the file limits; a file that cannot be read
at all raises :class:`~tollbook.exchange.errors.InputError`."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits, check_size, refuse


def read_csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with their line numbers; a file that cannot be read at all
    raises :class:`InputError`."""
    name = str(path)
    limits = FileLimits.from_env()
    try:
        check_size(path, limits)
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(InputProblem(name, N_("no such file"))) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            InputProblem(name, N_("not UTF-8 text (byte %(start)s)", start=exc.start))
        ) from None
    except OSError as exc:
        raise InputError(
            InputProblem(name, N_("cannot read: %(strerror)s", strerror=exc.strerror))
        ) from None
    if "\x00" in text:
        raise InputError(InputProblem(name, N_("a binary file, not CSV")))
    reader = csv.DictReader(_bounded(text, name, limits))
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(InputProblem(name, N_("no such column in the header"), 1, missing[0]))
    for row in reader:
        yield reader.line_num, {k: v for k, v in row.items() if isinstance(k, str)}


def _bounded(text: str, name: str, limits: FileLimits) -> Iterator[str]:
    """The lines of a CSV text held to ``limits`` (rows, line length; cells are held by
    the line length)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > limits.max_rows + 1:
            refuse(name, "max_rows", limits.max_rows, number, f"row {number} is one too many")
        if len(line) > limits.max_line_chars:
            refuse(name, "max_cell_chars", limits.max_cell_chars, number, "a line too long")
        yield line
