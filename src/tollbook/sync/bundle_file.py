"""The bundle file: gzip-compressed JSON Lines, a header then one version per line.

Read with the limits of every import (:mod:`tollbook.exchange.file_limits`): the file's
size, its size once decompressed (counted while reading), and the number of versions;
every line is checked (fields, types, known tables and columns) before anything is
written, and a bad one is refused with its line and field.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits, refuse
from tollbook.sync.entities import BY_NAME
from tollbook.sync.versions import Version

FORMAT = "tollbook-sync-bundle"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Header:
    site: str
    name: str
    vector: dict[str, int]
    count: int
    made_at: str
    #: The site the bundle was made for ("" for any).
    to_site: str = ""
    #: Photo files carried with the versions of their records: (``<sha256>.<ext>``,
    #: the image's bytes), each checked against its SHA-256 when read.
    files: tuple[tuple[str, bytes], ...] = ()


def write_bundle(header: Header, versions: list[Version]) -> bytes:
    """The bundle's bytes (compressed)."""
    return write_lines(header, [version_line(v) for v in versions])


def version_line(v: Version) -> str:
    line = {
        "site": v.site,
        "seq": v.seq,
        "clock": v.clock,
        "gid": v.gid,
        "entity": v.entity,
        "parents": list(v.parents),
        "payload": v.payload,
        "at": v.at,
    }
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def write_lines(header: Header, body: list[str], files: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The bundle's bytes (compressed), its versions given as JSON lines, then one line
    per photo file (its name and its bytes in base64)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6, mtime=0) as packed:
        head = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "site": header.site,
            "name": header.name,
            "vector": header.vector,
            "count": len(body),
            "made_at": header.made_at,
            "to_site": header.to_site,
            "files": len(files),
        }
        carried = [
            json.dumps({"file": name, "data": base64.b64encode(data).decode("ascii")})
            for name, data in files
        ]
        lines = [json.dumps(head, ensure_ascii=False), *body, *carried]
        packed.write(("\n".join(lines) + "\n").encode("utf-8"))
    return out.getvalue()


def _bad(where: str, message: str, line: int | None = None, field: str | None = None) -> None:
    raise InputError(InputProblem(where, message + "; nothing was imported", line, field))


def _inflate(data: bytes, where: str, limits: FileLimits) -> bytes:
    if len(data) > limits.max_bytes:
        refuse(where, "max_bytes", limits.max_bytes, detail=f"the bundle is {len(data):,} bytes")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts: list[bytes] = []
    total = 0
    try:
        chunk_in = 1 << 16
        for start in range(0, len(data), chunk_in):
            piece = data[start : start + chunk_in]
            while piece:
                out = inflater.decompress(piece, 1 << 20)
                total += len(out)
                if total > limits.max_inflated_bytes:
                    refuse(where, "max_inflated_bytes", limits.max_inflated_bytes)
                parts.append(out)
                piece = inflater.unconsumed_tail
        if not inflater.eof:
            _bad(where, "the bundle is cut short (not a whole gzip stream)")
    except zlib.error:
        _bad(where, "not a Tollbook bundle (not gzip-compressed)")
    return b"".join(parts)


#: A UUID as ``str(uuid.UUID(...))`` writes it (lower case, hyphens).
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def read_bundle(data: bytes, where: str, limits: FileLimits) -> tuple[Header, list[Version]]:
    """The bundle's header and versions; raises InputError naming line and field."""
    text = _inflate(data, where, limits)
    try:
        lines = text.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        _bad(where, "the bundle is not UTF-8 text")
    if not lines:
        _bad(where, "the bundle is empty")
    try:
        head = json.loads(lines[0])
    except json.JSONDecodeError:
        _bad(where, "the header is not JSON", 1)
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        _bad(where, f"not a Tollbook bundle (the header names no {FORMAT!r})", 1, "format")
    if head.get("version") != FORMAT_VERSION:
        _bad(where, f"bundle format version {head.get('version')!r} is not known", 1, "version")
    if not _uuid(head.get("site")):
        _bad(where, "not a site id", 1, "site")
    vector = head.get("vector")
    if not isinstance(vector, dict) or not all(
        _uuid(k) and isinstance(n, int) and n >= 0 for k, n in vector.items()
    ):
        _bad(where, "not a version vector", 1, "vector")
    count = head.get("count")
    files = head.get("files", 0)
    if not isinstance(files, int) or isinstance(files, bool) or files < 0:
        _bad(where, "not a number of files", 1, "files")
    if not isinstance(count, int) or count != len(lines) - 1 - files:
        have = len(lines) - 1 - files
        _bad(where, f"the header counts {count!r} versions, the bundle has {have}", 1)
    if count > limits.max_rows:
        refuse(where, "max_rows", limits.max_rows, detail=f"the bundle has {count:,} versions")
    header = Header(
        site=head["site"],
        name=str(head.get("name", "")),
        vector=vector,
        count=count,
        made_at=str(head.get("made_at", "")),
        to_site=str(head.get("to_site", "")),
        files=tuple(
            _file(line, number, where) for number, line in enumerate(lines[1 + count :], 2 + count)
        ),
    )
    versions = [
        _version(line, number, where) for number, line in enumerate(lines[1 : 1 + count], 2)
    ]
    return header, versions


#: A photo file's name: its SHA-256 and the extension of its type.
PHOTO_NAME = re.compile(r"[0-9a-f]{64}\.(jpg|png)")


def _file(line: str, number: int, where: str) -> tuple[str, bytes]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        _bad(where, "not JSON", number)
    if not isinstance(item, dict) or set(item) != {"file", "data"}:
        _bad(where, "not a photo file (file, data)", number)
    name = item["file"]
    if not isinstance(name, str) or not PHOTO_NAME.fullmatch(name):
        _bad(where, "not a photo's name (<sha256>.jpg or .png)", number, "file")
    try:
        data = base64.b64decode(item["data"], validate=True)
    except (binascii.Error, TypeError, ValueError):
        _bad(where, "not base64", number, "data")
    if hashlib.sha256(data).hexdigest() != name.split(".")[0]:
        _bad(where, f"the photo {name} does not match its SHA-256 (damaged)", number, "data")
    return name, data


def _version(line: str, number: int, where: str) -> Version:
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        _bad(where, "not JSON", number)
    if not isinstance(item, dict):
        _bad(where, "not a JSON object", number)
    if not _uuid(item.get("site")):
        _bad(where, "not a site id", number, "site")
    for name in ("seq", "clock"):
        value = item.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            _bad(where, "not a positive whole number", number, name)
    if not _uuid(item.get("gid")):
        _bad(where, "not a global id", number, "gid")
    entity = BY_NAME.get(item.get("entity"))
    if entity is None:
        _bad(where, f"{item.get('entity')!r} is not a table that travels", number, "entity")
    assert entity is not None
    parents = item.get("parents")
    if not isinstance(parents, list) or not all(
        isinstance(p, str) and ":" in p and p.rsplit(":", 1)[1].isdigit() for p in parents
    ):
        _bad(where, "not a list of SITE:SEQ", number, "parents")
    payload = item.get("payload")
    if payload is not None:
        if not isinstance(payload, dict):
            _bad(where, "not an object", number, "payload")
        if payload.keys() != entity.names:
            odd = sorted(set(payload) ^ entity.names)
            _bad(where, f"columns {', '.join(odd)} missing or unknown", number, "payload")
        for name, kind, nullable in entity.kinds:
            value = payload[name]
            if value is None:
                if nullable:
                    continue
            elif kind == "json" or (kind == "text" and type(value) is str):
                continue  # nothing to check (the most common values first)
            problem = _check_value(kind, nullable, value)
            if problem:
                _bad(where, problem, number, f"payload.{name}")
    at = item.get("at")
    if not isinstance(at, str) or not _timestamp(at):
        _bad(where, "not a timestamp with a time zone", number, "at")
    return Version(
        site=item["site"],
        seq=item["seq"],
        clock=item["clock"],
        gid=item["gid"],
        entity=entity.name,
        parents=tuple(parents),
        payload=payload,
        at=at,
    )


def _timestamp(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _check_value(kind: str, nullable: bool, value: Any) -> str:
    """What is wrong with a payload's value for a column ("" if nothing)."""
    if value is None:
        return "" if nullable else "may not be empty"
    if kind == "gid":
        return "" if _uuid(value) else "not a global id"
    if kind == "gids":
        ok = isinstance(value, list) and all(_uuid(v) for v in value)
        return "" if ok else "not a list of global ids"
    if kind == "json":
        return ""
    if kind == "bool":
        return "" if isinstance(value, bool) else "not true or false"
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return "" if ok else "not a whole number"
    if kind == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return "" if ok else "not a number"
    if not isinstance(value, str):
        return "not text"
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "not a date"
    elif kind == "ts" and not _timestamp(value):
        return "not a timestamp with a time zone"
    return ""
