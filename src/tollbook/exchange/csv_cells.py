"""Cells of the CSV files Tollbook writes, made safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
by spreadsheet programs as a formula, which can run commands or send data away when a
shared file is opened (CSV injection, as OWASP describes it). Such a cell is written
with a single quote before it, which spreadsheets show as text; a number (``-12``,
``+3.5``) stays a number. The csv module's own quoting takes care of separators,
quotes and line breaks inside cells.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

#: What a formula may begin with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """``value`` as it may be written: text a spreadsheet would run as a formula gets a
    leading single quote; numbers and everything else are left as they are."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in row]


class SafeWriter:
    """A :func:`csv.writer` whose every cell goes through :func:`safe_cell`."""

    def __init__(self, out: IO[str], **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
