"""What this database knows of synced records: global id <-> local key, state, head and
digest (the table ``sync_rows``), held in memory for one capture or import and written
back at its end; and the change log (``sync_versions``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, Text, func, select
from sqlalchemy import cast as sa_cast
from sqlalchemy.orm import Session

from tollbook.store.sync_tables import SyncRowRow, SyncVersionRow
from tollbook.sync.bulk_writes import insert_rows, processors, update_rows
from tollbook.sync.versions import Version, contiguous

_CHUNK = 500


@dataclass
class Row:
    gid: str
    entity: str
    local_key: str | None
    state: str
    head: str
    digest: str


class SyncState:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[str, Row] = {}
        self.by_local: dict[tuple[str, str], str] = {}
        self._new: set[str] = set()
        self._dirty: set[str] = set()
        table = cast(Table, SyncRowRow.__table__)
        for gid, entity, local_key, state, head, digest in session.execute(select(table)):
            row = Row(gid, entity, local_key, state, head, digest)
            self.rows[gid] = row
            if local_key is not None:
                self.by_local[(entity, local_key)] = gid

    def gid_of(self, entity: str, local_key: str) -> str | None:
        return self.by_local.get((entity, local_key))

    def live_key(self, gid: str) -> str | None:
        """The local key of a record in its table (live, or pending a newer version)."""
        row = self.rows.get(gid)
        return row.local_key if row is not None else None

    def put(
        self, gid: str, entity: str, local_key: str | None, state: str, head: str, digest: str
    ) -> None:
        old = self.rows.get(gid)
        if old is None:
            self._new.add(gid)
        else:
            if old.local_key is not None:
                self.by_local.pop((old.entity, old.local_key), None)
            self._dirty.add(gid)
        self.rows[gid] = Row(gid, entity, local_key, state, head, digest)
        if local_key is not None:
            self.by_local[(entity, local_key)] = gid

    def of_entity(self, entity: str) -> Iterator[Row]:
        return (row for row in self.rows.values() if row.entity == entity)

    def save(self) -> None:
        """Write the changed rows back (in the session's transaction, through the
        driver's executemany: :mod:`.bulk_writes`)."""
        table = cast(Table, SyncRowRow.__table__)
        # a local key freed by one record and taken by another: clear the old ones first
        dirty = [self.rows[gid] for gid in self._dirty - self._new]
        if dirty:
            update_rows(self.session, table, ["local_key"], "gid", [(None, r.gid) for r in dirty])
            update_rows(
                self.session,
                table,
                ["local_key", "state", "head", "digest"],
                "gid",
                [(r.local_key, r.state, r.head, r.digest, r.gid) for r in dirty],
            )
        new = [self.rows[gid] for gid in self._new]
        insert_rows(
            self.session,
            table,
            ["gid", "entity", "local_key", "state", "head", "digest"],
            [(r.gid, r.entity, r.local_key, r.state, r.head, r.digest) for r in new],
        )
        self._new.clear()
        self._dirty.clear()


#: The change log's columns, in the order :func:`store_versions` writes them.
_VERSION_COLUMNS = ("site", "seq", "clock", "gid", "entity", "parents", "payload", "at")


def store_versions(session: Session, versions: list[Version]) -> None:
    """Add ``versions`` to the change log: the payload as its canonical JSON, made once
    (:attr:`Version.content`, also what its digest hashes)."""
    if not versions:
        return
    table = cast(Table, SyncVersionRow.__table__)
    (to_stored,) = processors(session, table, ["at"])
    stamps: dict[str, Any] = {}  # the versions of one capture share their time

    def stored_at(text: str) -> Any:
        found = stamps.get(text)
        if found is None:
            found = stamps[text] = datetime.fromisoformat(text)
            if to_stored is not None:
                found = stamps[text] = to_stored(found)
        return found

    rows = [
        (
            v.site,
            v.seq,
            v.clock,
            v.gid,
            v.entity,
            json.dumps(list(v.parents)) if v.parents else "[]",
            v.content,
            stored_at(v.at),
        )
        for v in versions
    ]
    insert_rows(session, table, _VERSION_COLUMNS, rows)


def _version(row: Any) -> Version:
    return Version(
        site=row.site,
        seq=row.seq,
        clock=row.clock,
        gid=row.gid,
        entity=row.entity,
        parents=tuple(row.parents),
        payload=row.payload,
        at=row.at.isoformat(),
    )


def versions_of(session: Session, gids: Iterable[str]) -> dict[str, list[Version]]:
    """Every held version of each of ``gids``."""
    table = cast(Table, SyncVersionRow.__table__)
    found: dict[str, list[Version]] = {}
    wanted = list(gids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for row in session.execute(select(table).where(table.c.gid.in_(chunk))):
            found.setdefault(row.gid, []).append(_version(row))
    return found


def held_ids(session: Session, versions: list[Version]) -> set[str]:
    """Which of ``versions`` are in the change log already (``SITE:SEQ``)."""
    table = cast(Table, SyncVersionRow.__table__)
    held: set[str] = set()
    by_site: dict[str, list[int]] = {}
    for version in versions:
        by_site.setdefault(version.site, []).append(version.seq)
    for site, seqs in by_site.items():
        query = select(table.c.seq).where(
            table.c.site == site, table.c.seq >= min(seqs), table.c.seq <= max(seqs)
        )
        held.update(f"{site}:{seq}" for seq in session.scalars(query))
    return held


def vector(session: Session) -> dict[str, int]:
    """This database's version vector: per site, the highest n with 1..n all held."""
    table = cast(Table, SyncVersionRow.__table__)
    result: dict[str, int] = {}
    query = select(table.c.site, func.count(), func.max(table.c.seq)).group_by(table.c.site)
    for site, count, top in session.execute(query):
        if count == top:
            result[site] = top
        else:
            seqs = session.scalars(select(table.c.seq).where(table.c.site == site))
            result[site] = contiguous(seqs)
    return result


def lines_after(session: Session, known: dict[str, int]) -> list[str]:
    """The versions a peer that holds ``known`` may lack, oldest clock first, as bundle
    lines (JSON; the stored payload is copied as it is, not decoded and encoded again)."""
    table = cast(Table, SyncVersionRow.__table__)
    sites = list(session.scalars(select(table.c.site).distinct()))
    found: list[tuple[int, str, int, str]] = []
    columns = (
        table.c.site,
        table.c.seq,
        table.c.clock,
        table.c.gid,
        table.c.entity,
        sa_cast(table.c.parents, Text),
        sa_cast(table.c.payload, Text),
        table.c.at,
    )
    for site in sites:
        query = select(*columns).where(table.c.site == site, table.c.seq > int(known.get(site, 0)))
        for site_id, seq, clock, gid, entity, parents, payload, at in session.execute(query):
            line = (
                f'{{"site":"{site_id}","seq":{seq},"clock":{clock},"gid":"{gid}",'
                f'"entity":"{entity}","parents":{parents},"payload":{payload or "null"},'
                f'"at":"{at.isoformat()}"}}'
            )
            found.append((clock, site_id, seq, line))
    found.sort()
    return [line for *_, line in found]
