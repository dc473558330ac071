"""Reports from files: a plain-text report, or JSON Lines as docs/claims.md describes.

Every problem is reported with its file and line (and field for JSONL); a bad line of a
JSONL file does not stop the lines after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tollbook.domain.report import Report
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits, refuse

#: Largest report text accepted, in characters (a long feature is ~50,000).
MAX_REPORT_CHARS = 2_000_000
#: Largest text report file read at once (JSONL files are streamed, with no limit).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Longest JSONL line held in memory: a report at its longest, in UTF-8 at its widest.
MAX_LINE_BYTES = 4 * (MAX_REPORT_CHARS + 10_000)


@dataclass(frozen=True)
class ReportLine:
    """One line of a JSONL input: a report, or the problem that kept it out."""

    line: int
    report: Report | None
    problem: InputProblem | None


def parse_published(value: object, path: str, line: int | None) -> date | None:
    """A ``published`` value: YYYY-MM-DD or null."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(
            InputProblem(path, N_("must be a YYYY-MM-DD string or null"), line, "published")
        )
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            InputProblem(
                path,
                N_("%(value)s is not a date in YYYY-MM-DD form", value=repr(value)),
                line,
                "published",
            )
        ) from None


def read_text_report(
    path: Path,
    published: date | None = None,
    report_id: str | None = None,
    publisher: str | None = None,
) -> Report:
    """A plain-text report; its id is the file name without extension unless given."""
    text = _decode(path, _read_bytes(path))
    if not text.strip():
        raise InputError(InputProblem(str(path), N_("the file is empty: no report text to read")))
    if len(text) > MAX_REPORT_CHARS:
        raise InputError(
            InputProblem(
                str(path),
                N_(
                    "the report is %(count)s characters, more than the limit of "
                    "%(max_report_chars)s; split it into several reports",
                    count=format(len(text), ","),
                    max_report_chars=format(MAX_REPORT_CHARS, ","),
                ),
            )
        )
    return Report(
        id=report_id or path.stem,
        text=text,
        published=published,
        source=str(path),
        publisher=publisher,
    )


def read_jsonl_reports(path: Path, limits: FileLimits | None = None) -> Iterator[ReportLine]:
    """Each line of a JSONL report file, parsed, or with its problem; read as a stream
    (no line is held longer than :data:`MAX_LINE_BYTES`; at most ``limits.max_rows``
    reports, default from the environment: see :mod:`tollbook.exchange.file_limits`)."""
    where = str(path)
    limits = limits or FileLimits.from_env()
    _check_file(path)
    with path.open("rb") as handle:
        head = handle.read(8192)
        if b"\x00" in head:
            raise InputError(InputProblem(where, N_("this is a binary file, not JSON Lines text")))
        if not head.strip() and not handle.read(1):
            raise InputError(InputProblem(where, N_("the file is empty: no reports to read")))
        handle.seek(0)
        seen_ids: dict[str, int] = {}
        lines = 0
        for number, raw in enumerate(_lines(handle), start=1):
            if raw is None:
                message = f"line is over {MAX_LINE_BYTES:,} bytes, over the limit"
                yield ReportLine(number, None, InputProblem(where, message, number))
                continue
            if not raw.strip():
                continue
            lines += 1
            if lines > limits.max_rows:
                refuse(
                    where,
                    "max_rows",
                    limits.max_rows,
                    number,
                    f"line {number} is one report too many",
                    then="the lines after it were not read",
                )
            try:
                yield ReportLine(number, _report_from_line(path, number, raw, seen_ids), None)
            except InputError as exc:
                yield ReportLine(number, None, exc.problem)


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a file, each held to :data:`MAX_LINE_BYTES`: a longer one is skipped
    in chunks and given as None."""
    while line := handle.readline(MAX_LINE_BYTES + 1):
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def _report_from_line(path: Path, number: int, raw: bytes, seen: dict[str, int]) -> Report:
    where = str(path)
    try:
        text_line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            InputProblem(
                where, N_("invalid UTF-8 at byte %(start)s of the line", start=exc.start), number
            )
        ) from None
    if len(text_line) > MAX_REPORT_CHARS + 10_000:
        raise InputError(
            InputProblem(
                where,
                N_(
                    "line is %(count)s characters, over the limit",
                    count=format(len(text_line), ","),
                ),
                number,
            )
        )
    try:
        obj = json.loads(text_line)
    except json.JSONDecodeError as exc:
        raise InputError(
            InputProblem(
                where,
                N_("not valid JSON: %(msg)s at column %(colno)s", msg=exc.msg, colno=exc.colno),
                number,
            )
        ) from None
    if not isinstance(obj, dict):
        raise InputError(InputProblem(where, N_("each line must be a JSON object"), number))
    report_id = obj.get("id")
    if isinstance(report_id, int) and not isinstance(report_id, bool):
        report_id = str(report_id)
    if not isinstance(report_id, str) or not report_id.strip():
        raise InputError(
            InputProblem(where, N_("missing or empty (a string is needed)"), number, "id")
        )
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(InputProblem(where, N_("missing or not a string"), number, "text"))
    if not text.strip():
        raise InputError(InputProblem(where, N_("empty: no report text"), number, "text"))
    if len(text) > MAX_REPORT_CHARS:
        raise InputError(
            InputProblem(
                where,
                N_(
                    "%(count)s characters, over the limit of %(max_report_chars)s",
                    count=format(len(text), ","),
                    max_report_chars=format(MAX_REPORT_CHARS, ","),
                ),
                number,
                "text",
            )
        )
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise InputError(InputProblem(where, N_("must be a string or null"), number, "title"))
    publisher = obj.get("publisher")
    if publisher is not None and not isinstance(publisher, str):
        raise InputError(InputProblem(where, N_("must be a string or null"), number, "publisher"))
    published = parse_published(obj.get("published"), where, number)
    if report_id in seen:
        raise InputError(
            InputProblem(
                where,
                N_(
                    "duplicate id %(report_id)s (first on line %(seen)s)",
                    report_id=repr(report_id),
                    seen=seen[report_id],
                ),
                number,
                "id",
            )
        )
    seen[report_id] = number
    return Report(
        id=report_id,
        text=text,
        published=published,
        title=title,
        source=f"{where}:{number}",
        publisher=(publisher.strip() or None) if publisher else None,
    )


def _read_bytes(path: Path) -> bytes:
    _check_file(path, MAX_FILE_BYTES)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(
            InputProblem(str(path), N_("cannot be read: %(strerror)s", strerror=exc.strerror))
        ) from None


def _check_file(path: Path, max_bytes: int | None = None) -> None:
    where = str(path)
    if not path.exists():
        raise InputError(InputProblem(where, N_("no such file")))
    if path.is_dir():
        raise InputError(InputProblem(where, N_("is a directory, not a file")))
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            InputProblem(
                where,
                N_(
                    "the file is %(size)s bytes, more than the limit of %(max_bytes)s",
                    size=format(size, ","),
                    max_bytes=format(max_bytes, ","),
                ),
            )
        )


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(InputProblem(str(path), N_("this is a binary file, not a text report")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            InputProblem(
                str(path),
                N_(
                    "invalid UTF-8 (byte 0x%(data)s); save the file as UTF-8",
                    data=format(data[exc.start], "02x"),
                ),
                line,
            )
        ) from None
