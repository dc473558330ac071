"""List-overlap tables as CSV: one 0/1 column per list, a ``count`` column, and optionally
stratum columns (district, period, sex, age group...), as in ``examples/mse/``.

Each row gives how many distinct people were on exactly that combination of lists (in
that stratum). Combinations left out count zero. The row with every list 0 may be given
only with a count of 0: people on no list are what is estimated.

Which columns are strata? Those named with ``by``; without ``by``, any column (other than
the count) in which fewer than half the values are 0 or 1, such as ``district`` with
place names. A list column with a stray value (``2``, ``yes``) is an error naming its line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tollbook.domain.text import N_
from tollbook.estimate.tables import OverlapTable, Pattern, Stratum, patterns
from tollbook.exchange.errors import InputError, InputProblem

#: Largest table file read.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Most lists a table may have (2**20 combinations).
MAX_LISTS = 20
#: Names accepted for the count column (any letter case).
COUNT_NAMES = ("count", "freq", "frequency")
#: Problems reported before giving up on a file.
MAX_PROBLEMS = 20


class TableErrors(InputError):
    """A table file with one or more problems; ``problems`` lists them all (up to 20)."""

    def __init__(self, problems: list[InputProblem]) -> None:
        super().__init__(problems[0])
        self.problems = problems


@dataclass(frozen=True)
class OverlapFile:
    """The tables read from one file, one per stratum (one in all if no strata)."""

    path: str
    lists: tuple[str, ...]
    by: tuple[str, ...]
    tables: dict[Stratum, OverlapTable]


def _fail(path: str, message: str, line: int | None = None, field: str | None = None) -> None:
    raise TableErrors([InputProblem(path, message, line, field)])


def _text(path: Path) -> str:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            _fail(where, f"the file is {size:,} bytes, more than the limit of {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        _fail(where, "no such file")
    except IsADirectoryError:
        _fail(where, "this is a folder, not a table file")
    except OSError as exc:
        _fail(where, f"cannot read: {exc.strerror}")
    if not data.strip():
        _fail(where, "the file is empty: no table to read")
    if b"\x00" in data[:8192]:
        _fail(where, "this is a binary file, not a CSV table")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        _fail(where, f"invalid UTF-8 at byte {exc.start}: save the table as UTF-8 text", line)
    raise AssertionError("unreachable")


def read_overlap_csv(path: Path, by: Sequence[str] | None = None) -> OverlapFile:
    """Read a table file; ``by`` names the stratum columns (else they are detected).

    Raises :class:`TableErrors` listing every problem found, each with its line and column.
    """
    where = str(path)
    text = _text(path)
    rows = list(_rows(text))
    if not rows:
        _fail(where, "the file is empty: no table to read")
    header_line, header = rows[0]
    names = [h.strip() for h in header]
    problems: list[InputProblem] = []
    for i, name in enumerate(names, start=1):
        if not name:
            problems.append(InputProblem(where, N_("column %(i)s has no name", i=i), header_line))
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            problems.append(InputProblem(where, N_("this column name repeats"), header_line, name))
        seen.add(name)
    if problems:
        raise TableErrors(problems)
    count_at = next((i for i, n in enumerate(names) if n.lower() in COUNT_NAMES), None)
    if count_at is None:
        _fail(
            where,
            "no count column: the table needs a column named 'count' giving how many people "
            "are on each combination of lists",
            header_line,
        )
    assert count_at is not None
    body = [(line, row) for line, row in rows[1:] if any(cell.strip() for cell in row)]
    if not body:
        _fail(where, "the table has a header but no rows", header_line)
    for line, row in body:
        if len(row) != len(names):
            problems.append(
                InputProblem(
                    where,
                    N_(
                        "%(count)s values for %(count2)s columns", count=len(row), count2=len(names)
                    ),
                    line,
                )
            )
    if problems:
        raise TableErrors(problems[:MAX_PROBLEMS])
    others = [i for i in range(len(names)) if i != count_at]
    strata_at = _strata_columns(where, names, others, body, by, header_line)
    lists_at = [i for i in others if i not in strata_at]
    if len(lists_at) < 2:
        _fail(
            where,
            f"{len(lists_at)} list column(s): at least two lists (0/1 columns) are needed",
            header_line,
        )
    if len(lists_at) > MAX_LISTS:
        _fail(where, f"{len(lists_at)} lists: at most {MAX_LISTS} can be estimated", header_line)
    detected = by is None
    cells: dict[Stratum, dict[Pattern, tuple[int, int]]] = {}
    for line, row in body:
        found = _row(where, line, row, names, lists_at, strata_at, count_at, detected)
        if isinstance(found, list):
            problems.extend(found)
        else:
            stratum, pattern, count = found
            table = cells.setdefault(stratum, {})
            if pattern in table:
                problems.append(
                    InputProblem(
                        where,
                        N_(
                            "this combination of lists repeats line %(value)s: give each "
                            "combination once",
                            value=table[pattern][0],
                        ),
                        line,
                    )
                )
            elif any(pattern):
                table[pattern] = (line, count)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise TableErrors(problems[:MAX_PROBLEMS])
    lists = tuple(names[i] for i in lists_at)
    strata = tuple(names[i] for i in strata_at)
    tables = {
        stratum: OverlapTable.from_mapping(lists, {p: c for p, (_, c) in found.items()}, stratum)
        for stratum, found in sorted(cells.items())
    }
    return OverlapFile(where, lists, strata, tables)


def _rows(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    out: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        out.append((start, row))
        start = reader.line_num + 1
    return out


def _is_binary(value: str) -> bool:
    return value.strip() in ("0", "1")


def _strata_columns(
    where: str,
    names: list[str],
    others: list[int],
    body: list[tuple[int, list[str]]],
    by: Sequence[str] | None,
    header_line: int,
) -> list[int]:
    if by is not None:
        out = []
        for column in by:
            if column not in names:
                available = ", ".join(names[i] for i in others)
                _fail(
                    where,
                    f"no column {column!r} to divide strata by (columns: {available})",
                    header_line,
                )
            if names.index(column) not in others:
                _fail(where, "the count column cannot be a stratum", header_line, column)
            out.append(names.index(column))
        return out
    detected = []
    for i in others:
        binary = sum(1 for _, row in body if _is_binary(row[i]))
        if binary * 2 < len(body):
            detected.append(i)
    return detected


def _row(
    where: str,
    line: int,
    row: list[str],
    names: list[str],
    lists_at: list[int],
    strata_at: list[int],
    count_at: int,
    detected: bool,
) -> tuple[Stratum, Pattern, int] | list[InputProblem]:
    problems: list[InputProblem] = []
    pattern: list[int] = []
    for i in lists_at:
        value = row[i].strip()
        if value in ("0", "1"):
            pattern.append(int(value))
        else:
            hint = (
                f"; if {names[i]!r} is not a list but a stratum (such as a district), "
                f"say so with --by {names[i]}"
                if detected
                else ""
            )
            problems.append(
                InputProblem(
                    where,
                    N_(
                        "%(value)s is not 0 or 1 (1: on this list, 0: not)%(hint)s",
                        value=repr(value),
                        hint=hint,
                    ),
                    line,
                    names[i],
                )
            )
    raw = row[count_at].strip()
    count = 0
    if not raw:
        problems.append(InputProblem(where, N_("empty: a count is needed"), line, names[count_at]))
    else:
        try:
            count = int(raw)
        except ValueError:
            problems.append(
                InputProblem(
                    where, N_("%(raw)s is not a whole number", raw=repr(raw)), line, names[count_at]
                )
            )
        else:
            if count < 0:
                problems.append(
                    InputProblem(
                        where,
                        N_("%(count)s people: a count cannot be negative", count=count),
                        line,
                        names[count_at],
                    )
                )
    if not problems and pattern and not any(pattern) and count > 0:
        problems.append(
            InputProblem(
                where,
                N_(
                    "this row counts people on no list; they are what is "
                    "estimated, so they cannot be given (leave the row out)"
                ),
                line,
                names[count_at],
            )
        )
    if problems:
        return problems
    stratum = tuple((names[i], row[i].strip()) for i in strata_at)
    return stratum, tuple(pattern), count


def write_overlap_csv(
    tables: Mapping[Stratum, OverlapTable], out: IO[str], by: Sequence[str] = ()
) -> int:
    """Write tables (one per stratum) in the same form :func:`read_overlap_csv` reads.

    Every combination is written, zeros included; returns the number of rows written.
    """
    if not tables:
        raise ValueError("no tables to write")
    first = next(iter(tables.values()))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*by, *first.lists, "count"])
    rows = 0
    for stratum, table in sorted(tables.items()):
        if table.lists != first.lists:
            raise ValueError("every stratum must have the same lists")
        values = dict(stratum)
        prefix = [values.get(column, "") for column in by]
        for pattern, count in zip(patterns(table.width), table.counts, strict=True):
            writer.writerow([*prefix, *pattern, count])
            rows += 1
    return rows
