"""Named lists of the dead from CSV and XLSX files, with a mapping of columns to fields.

``--map surname=family_name`` maps the file's ``surname`` column to the record field
``family_name``; a column named like a field, or with a name known for it in English,
Ukrainian or Russian (``date_of_death``, ``прізвище``, ``дата смерти``: see
:mod:`tollbook.exchange.column_names`), maps to it unless the field is mapped otherwise;
several columns mapped to one name or place field are joined with a space
(``--map street_number=address --map street=address``). Columns left unused are named
(:attr:`ListFile.unused`), so that an import can warn of them.

Every row becomes a :class:`PersonRecord` with its list, its row number (as a
spreadsheet shows it: the header is row 1) and all of its original values, or a problem
naming the row and the field. A bad row does not stop the rows after it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from tollbook.domain.person_record import (
    JOINABLE_FIELDS,
    RECORD_FIELDS,
    InvalidValue,
    PersonRecord,
    check_record,
    parse_age,
    parse_date,
    parse_sex,
)
from tollbook.domain.text import N_
from tollbook.exchange.column_names import column_key, recognise
from tollbook.exchange.csv_cells import SafeWriter
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import (
    FileLimits,
    bounded_lines,
    bounded_rows,
    check_size,
    check_xlsx,
    refuse,
)

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_PARSERS: dict[str, Callable[[str], object]] = {
    "sex": parse_sex,
    "birth_date": parse_date,
    "death_date": parse_date,
    "age": parse_age,
}


@dataclass(frozen=True)
class ColumnMapping:
    """Which columns of a file feed each record field (in the order given)."""

    fields: Mapping[str, tuple[str, ...]]

    @staticmethod
    def parse(pairs: Iterable[str]) -> ColumnMapping:
        """Read ``COLUMN=FIELD`` pairs; raise ValueError naming a bad one."""
        fields: dict[str, list[str]] = {}
        for pair in pairs:
            column, sep, target = pair.partition("=")
            column, target = column.strip(), target.strip()
            if not sep or not column or not target:
                raise ValueError(f"{pair!r}: write a mapping as COLUMN=FIELD")
            if target not in RECORD_FIELDS:
                raise ValueError(
                    f"{pair!r}: unknown field {target!r}; fields: {', '.join(RECORD_FIELDS)}"
                )
            columns = fields.setdefault(target, [])
            if columns and target not in JOINABLE_FIELDS:
                raise ValueError(f"{pair!r}: only one column can be mapped to {target!r}")
            columns.append(column)
        return ColumnMapping({name: tuple(columns) for name, columns in fields.items()})

    def resolve(self, header: Sequence[str], where: str) -> dict[str, tuple[int, ...]]:
        """Field -> indexes of its columns in ``header``; columns named like a field
        map to it unless it is mapped explicitly. Raises InputError for a mapped column
        the file does not have."""
        position = {name: i for i, name in enumerate(header)}
        lowered = {name.lower(): i for i, name in enumerate(header)}
        keyed: dict[str, int] = {}
        for i, name in enumerate(header):
            keyed.setdefault(column_key(name), i)
        resolved: dict[str, tuple[int, ...]] = {}
        for target, columns in self.fields.items():
            indexes = []
            for column in columns:
                index = position.get(column, lowered.get(column.lower()))
                if index is None and column_key(column):
                    index = keyed.get(column_key(column))
                if index is None:
                    raise InputError(
                        InputProblem(
                            where,
                            N_(
                                "no column %(column)s to map to %(target)s; the columns are: "
                                "%(items)s",
                                column=repr(column),
                                target=repr(target),
                                items=", ".join(header),
                            ),
                            1,
                        )
                    )
                indexes.append(index)
            resolved[target] = tuple(indexes)
        used = {i for indexes in resolved.values() for i in indexes}
        for target, index in recognise(header, used, set(resolved)).items():
            resolved[target] = (index,)
        return {target: resolved[target] for target in RECORD_FIELDS if target in resolved}


@dataclass
class ListFile:
    """What reading one list file gave: its records and the problems of its bad rows."""

    path: str
    source: str
    columns: tuple[str, ...]
    mapping: dict[str, tuple[str, ...]]
    records: list[PersonRecord] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    #: rows kept although a value could not be read (lenient reading)
    warnings: list[InputProblem] = field(default_factory=list)
    rows: int = 0

    @property
    def unused(self) -> tuple[str, ...]:
        """The columns of the header no field was mapped to (in file order)."""
        used = {column for columns in self.mapping.values() for column in columns}
        return tuple(name for name in self.columns if name and name not in used)

    def unused_warning(self) -> InputProblem | None:
        """A warning naming the unused columns, or None when every column is used."""
        if not self.unused:
            return None
        return InputProblem(self.path, unused_message(self.unused), 1)

    @property
    def rejected_rows(self) -> int:
        return len({p.line for p in self.problems if p.line is not None})


def unused_message(columns: Sequence[str]) -> str:
    """What to tell the user about columns an import leaves unused."""
    named = ", ".join(repr(c) for c in columns)
    word = "column" if len(columns) == 1 else "columns"
    return (
        f"{word} {named} not imported: no field has that name; map a column with "
        "--map COLUMN=FIELD if it holds one"
    )


def read_list_file(
    path: Path,
    source: str,
    mapping: ColumnMapping | None = None,
    *,
    lenient: bool = False,
    keep_original: bool = True,
    sheet: str | None = None,
    limits: FileLimits | None = None,
) -> ListFile:
    """Read a CSV or XLSX list. Rows with a value that cannot be read are left out and
    reported (row, field); with ``lenient`` they are kept without that value (which
    stays in ``original`` and ``unread``) and reported as warnings.

    Raises :class:`InputError` for a file that cannot be read at all, and
    :class:`~tollbook.exchange.file_limits.FileTooLarge` for one over ``limits``
    (default: from the environment).
    """
    where = str(path)
    rows = _rows(path, sheet, limits)
    try:
        header = [name.strip() for name in next(rows)]
    except StopIteration:
        raise InputError(InputProblem(where, N_("the file is empty: no header row"))) from None
    if not any(header):
        raise InputError(InputProblem(where, N_("the header row is empty"), 1))
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    if duplicated:
        raise InputError(
            InputProblem(
                where, N_("columns named twice: %(items)s", items=", ".join(duplicated)), 1
            )
        )
    resolved = (mapping or ColumnMapping({})).resolve(header, where)
    if not any(name in resolved for name in ("family_name", "given_name", "patronymic")):
        raise InputError(
            InputProblem(
                where,
                N_(
                    "no column is mapped to a name field (family_name, "
                    "given_name, patronymic); use --map COLUMN=family_name"
                ),
                1,
            )
        )
    result = ListFile(
        path=where,
        source=source,
        columns=tuple(header),
        mapping={name: tuple(header[i] for i in indexes) for name, indexes in resolved.items()},
    )
    reader = _RowReader(where, source, header, resolved, lenient, keep_original)
    for number, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        result.rows += 1
        record, problems, warnings = reader.read(number, cells)
        result.problems.extend(problems)
        result.warnings.extend(warnings)
        if record is not None:
            result.records.append(record)
    if result.rows == 0:
        raise InputError(InputProblem(where, N_("the file has a header but no rows")))
    return result


class _RowReader:
    def __init__(
        self,
        where: str,
        source: str,
        header: list[str],
        resolved: dict[str, tuple[int, ...]],
        lenient: bool,
        keep_original: bool,
    ) -> None:
        self.where = where
        self.source = source
        self.header = header
        self.fields = [
            (target, indexes, _PARSERS.get(target)) for target, indexes in resolved.items()
        ]
        self.lenient = lenient
        self.keep_original = keep_original

    def read(
        self, number: int, cells: list[str]
    ) -> tuple[PersonRecord | None, list[InputProblem], list[InputProblem]]:
        problems: list[InputProblem] = []
        warnings: list[InputProblem] = []
        width = len(cells)
        if width > len(self.header) and any(c.strip() for c in cells[len(self.header) :]):
            message = f"{width} values for {len(self.header)} columns"
            return None, [InputProblem(self.where, message, number)], warnings
        values: dict[str, Any] = {}
        unread: dict[str, str] = {}
        for target, indexes, parser in self.fields:
            if len(indexes) == 1:
                text = cells[indexes[0]].strip() if indexes[0] < width else ""
            else:
                text = " ".join(cells[i].strip() for i in indexes if i < width).strip()
            if not text:
                values[target] = None
            elif parser is None:
                values[target] = " ".join(text.split())
            else:
                try:
                    values[target] = parser(text)
                except InvalidValue as error:
                    problem = InputProblem(self.where, str(error), number, target)
                    values[target] = None
                    if self.lenient:
                        warnings.append(problem)
                        unread[target] = text
                    else:
                        problems.append(problem)
        if problems:
            return None, problems, warnings
        original = dict(zip(self.header, cells, strict=False)) if self.keep_original else {}
        record = PersonRecord(
            source=self.source, row=number, original=original, unread=unread, **values
        )
        for target, message in check_record(record):
            problems.append(InputProblem(self.where, message, number, target))
        if problems:
            return None, problems, warnings
        return record, problems, warnings


def read_header(
    path: Path, sheet: str | None = None, limits: FileLimits | None = None
) -> tuple[str, ...]:
    """The column names of a CSV or XLSX list (its first row), to offer for a mapping.

    Raises :class:`InputError` for a file that cannot be read or has no header row.
    """
    where = str(path)
    rows = _rows(path, sheet, limits)
    try:
        header = tuple(name.strip() for name in next(rows))
    except StopIteration:
        raise InputError(InputProblem(where, N_("the file is empty: no header row"))) from None
    close = getattr(rows, "close", None)
    if close is not None:
        close()
    return header


def _rows(path: Path, sheet: str | None, limits: FileLimits | None) -> Iterator[list[str]]:
    """The rows of a CSV or XLSX file (the header first), held to ``limits`` while they
    are read; :class:`InputError` for a missing file or one of another kind."""
    where = str(path)
    if not path.is_file():
        raise InputError(InputProblem(where, N_("no such file")))
    limits = limits or FileLimits.from_env()
    check_size(path, limits)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        check_xlsx(path, limits)
        return bounded_rows(_xlsx_rows(path, sheet), where, limits)
    if suffix in CSV_SUFFIXES or not suffix:
        return bounded_rows(_csv_rows(path, limits), where, limits)
    raise InputError(
        InputProblem(where, N_("cannot read %(suffix)s files; use .csv or .xlsx", suffix=suffix))
    )


def _csv_rows(path: Path, limits: FileLimits) -> Iterator[list[str]]:
    where = str(path)
    with path.open("rb") as handle:
        head = handle.read(65536)
    if not head.strip():
        raise InputError(InputProblem(where, N_("the file is empty: no header row")))
    if b"\x00" in head:
        raise InputError(InputProblem(where, N_("this is a binary file, not CSV text")))
    try:
        sample = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the sample's end
            raise InputError(
                InputProblem(where, N_("not UTF-8 text (byte %(value)s)", value=error.start + 1))
            ) from None
        sample = head[: error.start].decode("utf-8-sig")
    first = sample.splitlines()[0] if sample else ""
    delimiter = max(",;\t", key=first.count)
    return _csv_iter(path, delimiter, limits)


def _csv_iter(path: Path, delimiter: str, limits: FileLimits) -> Iterator[list[str]]:
    where = str(path)
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(
            bounded_lines(handle, where, limits.max_line_chars), delimiter=delimiter
        )
        try:
            yield from reader
        except UnicodeDecodeError as error:
            raise InputError(
                InputProblem(
                    where,
                    N_(
                        "not UTF-8 text after row %(line_num)s: %(reason)s",
                        line_num=reader.line_num,
                        reason=error.reason,
                    ),
                )
            ) from None
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                refuse(where, "max_cell_chars", limits.max_cell_chars, reader.line_num + 1)
            raise InputError(
                InputProblem(where, N_("broken CSV: %(error)s", error=error), reader.line_num)
            ) from None


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[list[str]]:
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputError(InputProblem(str(path), N_("reading .xlsx needs openpyxl"))) from None
    try:
        workbook = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InputError(
            InputProblem(str(path), N_("not a readable .xlsx file: %(error)s", error=error))
        ) from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise InputError(
            InputProblem(
                str(path),
                N_(
                    "no sheet %(sheet)s; sheets: %(items)s",
                    sheet=repr(sheet),
                    items=", ".join(workbook.sheetnames),
                ),
            )
        )
    worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
    # the size the sheet declares is not trusted: without it, a row is as long as its
    # last cell and missing rows are empty, not padded to the declared width
    worksheet.reset_dimensions()
    return ([_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: The columns of a clusters file written by ``tollbook link FILE ... --out``.
CLUSTER_COLUMNS: tuple[str, ...] = ("file", "row", "record_id", "cluster_id")


def write_clusters(
    out: Path, records: Sequence[PersonRecord], cluster_of: Mapping[int, int]
) -> None:
    """Write each record's file (source), row, id (its ``record_id``, else
    ``file:row``) and cluster id; clusters are numbered from 1 in the order they first
    appear. ``cluster_of`` maps a record's index in ``records`` to its cluster label."""
    numbers: dict[int, int] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = SafeWriter(handle, lineterminator="\n")
        writer.writerow(CLUSTER_COLUMNS)
        for i, record in enumerate(records):
            label = cluster_of[i]
            number = numbers.setdefault(label, len(numbers) + 1)
            record_id = record.record_id or f"{record.source}:{record.row}"
            writer.writerow((record.source, record.row, record_id, number))
