"""Reading a bundle: what it holds comes back; what is wrong is refused with line and field."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import uuid

import pytest

from tollbook.exchange.errors import InputError
from tollbook.exchange.file_limits import FileLimits, FileTooLarge
from tollbook.sync.bundle_file import Header, read_bundle, version_line, write_bundle, write_lines
from tollbook.sync.versions import Version, contiguous, heads, in_conflict

SITE = str(uuid.uuid4())
OTHER = str(uuid.uuid4())
AT = "2022-03-16T10:00:00+00:00"


def _morgue(
    seq: int, capacity: int = 40, parents: tuple[str, ...] = (), site: str = SITE
) -> Version:
    payload = {"code": "M1", "name": "City morgue", "capacity": capacity}
    return Version(site, seq, seq, str(uuid.uuid4()), "morgues", parents, payload, AT)


def _bundle(versions: list[Version]) -> bytes:
    return write_bundle(Header(SITE, "team-1", {SITE: len(versions)}, len(versions), AT), versions)


def _lines(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in gzip.decompress(data).decode().splitlines()]


def _pack(lines: list[dict[str, object]]) -> bytes:
    return gzip.compress(("\n".join(json.dumps(x) for x in lines) + "\n").encode())


def test_a_bundle_reads_back_as_written() -> None:
    versions = [_morgue(1), _morgue(2, 50, (f"{SITE}:1",))]
    header, read = read_bundle(_bundle(versions), "b", FileLimits())
    assert header.site == SITE and header.name == "team-1"
    assert read == versions


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda x: x.update(seq=0), "b:2: field 'seq'"),
        (lambda x: x.update(entity="users"), "b:2: field 'entity'"),
        (lambda x: x["payload"].update(capacity="many"), "b:2: field 'payload.capacity'"),
        (lambda x: x["payload"].pop("name"), "b:2: field 'payload'"),
        (lambda x: x.update(parents=["nope"]), "b:2: field 'parents'"),
        (lambda x: x.update(at="yesterday"), "b:2: field 'at'"),
    ],
)
def test_a_bad_line_is_refused_naming_line_and_field(change: object, where: str) -> None:
    lines = _lines(_bundle([_morgue(1)]))
    change(lines[1])  # type: ignore[operator]
    with pytest.raises(InputError) as caught:
        read_bundle(_pack(lines), "b", FileLimits())
    assert str(caught.value).startswith(where)
    assert "nothing was imported" in str(caught.value)


def test_what_is_not_a_bundle_is_refused_clearly() -> None:
    with pytest.raises(InputError, match="not gzip"):
        read_bundle(b"PK\x03\x04 a zip", "b", FileLimits())
    with pytest.raises(InputError, match="cut short"):
        read_bundle(_bundle([_morgue(1)])[:-12], "b", FileLimits())
    with pytest.raises(InputError, match="not a Tollbook bundle"):
        read_bundle(gzip.compress(b'{"format": "other"}\n'), "b", FileLimits())


def test_limits_hold_on_rows_size_and_inflated_size() -> None:
    data = _bundle([_morgue(1), _morgue(2)])
    with pytest.raises(FileTooLarge, match="TOLLBOOK_MAX_ROWS"):
        read_bundle(data, "b", FileLimits(max_rows=1))
    with pytest.raises(FileTooLarge, match="TOLLBOOK_MAX_FILE_BYTES"):
        read_bundle(data, "b", FileLimits(max_bytes=len(data) - 1))
    bomb = gzip.compress(b"x" * 5_000_000)
    with pytest.raises(FileTooLarge, match="TOLLBOOK_MAX_INFLATED_BYTES"):
        read_bundle(bomb, "b", FileLimits(max_inflated_bytes=1_000_000))


def test_heads_winner_and_conflict_depend_only_on_the_set() -> None:
    first = _morgue(1)
    mine = _morgue(2, 50, (first.id,))
    theirs = _morgue(1, 60, (first.id,), site=OTHER)
    for order in ([first, mine, theirs], [theirs, mine, first], [mine, theirs, first]):
        tops = heads(order)
        assert [v.id for v in tops] == [mine.id, theirs.id]
        assert in_conflict(tops, frozenset())
    assert not in_conflict(tops, frozenset({"capacity"}))
    settled = _morgue(3, 60, (mine.id, theirs.id))
    assert heads([first, mine, theirs, settled]) == [settled]


def test_a_vector_counts_only_what_is_held_without_gaps() -> None:
    assert contiguous([1, 2, 3, 5]) == 3
    assert contiguous([2, 3]) == 0
    assert contiguous([]) == 0


def test_photo_files_travel_checked_by_their_hash() -> None:
    image = b"\x89PNG\r\n\x1a\n" + b"test image"
    name = hashlib.sha256(image).hexdigest() + ".png"
    versions = [_morgue(1)]
    header = Header(SITE, "team-1", {SITE: 1}, 1, AT)
    data = write_lines(header, [version_line(v) for v in versions], [(name, image)])
    read_header, read = read_bundle(data, "b", FileLimits())
    assert read == versions and read_header.files == ((name, image),)
    lines = _lines(data)
    lines[2]["data"] = base64.b64encode(image + b"altered").decode()
    with pytest.raises(InputError, match=r"b:3: field 'data'.*does not match its SHA-256"):
        read_bundle(_pack(lines), "b", FileLimits())
