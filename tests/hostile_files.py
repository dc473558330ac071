"""Hostile files written by the tests themselves: a spreadsheet zip bomb (a tiny XLSX
whose shared string inflates to hundreds of MiB), one whose zip lies about its sizes,
and an XML entity bomb. Shared by the tests and the benchmark of file limits."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024

_OX = "http://schemas.openxmlformats.org"
_PKG = f"{_OX}/package/2006"
_REL = f"{_OX}/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = (
    f'{_DECLARATION}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    f'{_DECLARATION}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'{_DECLARATION}<workbook xmlns="{_OX}/spreadsheetml/2006/main" xmlns:r="{_REL}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'{_DECLARATION}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_SHEET = (
    f'{_DECLARATION}<worksheet xmlns="{_OX}/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    "</sheetData></worksheet>"
)


def xlsx_bomb(path: Path, inflated_mib: int = 200) -> Path:
    """An XLSX whose second shared string (a family name) is ``inflated_mib`` MiB of one
    letter, about 1/1000 of that once compressed. Quick to make: one MiB of the letter
    is compressed once (flushed, so it stands alone) and its bytes repeated."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>family_name</t></si><si><t>"
    )
    tail = b"</t></si></sst>"
    chunk = b"A" * MIB
    block = _deflated(chunk, zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(inflated_mib):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    shared = _Member(
        "xl/sharedStrings.xml",
        _deflated(head, zlib.Z_FULL_FLUSH) + block * inflated_mib + _deflated(tail),
        crc,
        len(head) + inflated_mib * MIB + len(tail),
    )
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _RELS),
        ("xl/workbook.xml", _WORKBOOK),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", _SHEET),
    ]
    members = [_member(name, text.encode()) for name, text in parts]
    _write_zip(path, [*members, shared])
    return path


@dataclass(frozen=True)
class _Member:
    name: str
    deflated: bytes
    crc: int
    size: int


def _deflated(data: bytes, mode: int = zlib.Z_FINISH) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(mode)


def _member(name: str, data: bytes) -> _Member:
    return _Member(name, _deflated(data), zlib.crc32(data), len(data))


def _write_zip(path: Path, members: list[_Member]) -> None:
    """A plain zip file (deflated members, no zip64) of members compressed already."""
    body = bytearray()
    directory = bytearray()
    for m in members:
        name = m.name.encode()
        offset = len(body)
        fields = (20, 0, 8, 0, 0x21, m.crc, len(m.deflated), m.size, len(name), 0)
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields) + name + m.deflated
        directory += (
            struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + name
        )
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(body), 0
    )
    path.write_bytes(bytes(body + directory + end))


def far_cells_xlsx(path: Path, last_row: int = 1_048_576) -> Path:
    """A tiny XLSX that declares the whole sheet used (A1:XFD1048576) and holds a header,
    one name and a last name at row ``last_row``: read naively, a million rows of 16,384
    cells."""
    sheet = (
        f'{_DECLARATION}<worksheet xmlns="{_OX}/spreadsheetml/2006/main">'
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
        f'<row r="{last_row}"><c r="A{last_row}" t="s"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )
    strings = (
        f'{_DECLARATION}<sst xmlns="{_OX}/spreadsheetml/2006/main">'
        "<si><t>family_name</t></si><si><t>Koval</t></si></sst>"
    )
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _RELS),
        ("xl/workbook.xml", _WORKBOOK),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", strings),
    ]
    _write_zip(path, [_member(name, text.encode()) for name, text in parts])
    return path


def lying_xlsx(path: Path, inflated_mib: int = 64) -> Path:
    """An XLSX bomb whose zip directory says the big part is 100 bytes once inflated."""
    xlsx_bomb(path, inflated_mib)
    data = bytearray(path.read_bytes())
    name = b"xl/sharedStrings.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + length]) == name:
            struct.pack_into("<I", data, at + 24, 100)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def billion_laughs(levels: int = 9) -> bytes:
    """An XML document whose entities expand to 10**levels copies of a word."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        refs = f"&lol{level - 1};" * 10
        lines.append(f' <!ENTITY lol{level} "{refs}">')
    lines.append("]>")
    lines.append(f'<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">&lol{levels};</pfif:pfif>')
    return "\n".join(lines).encode()
