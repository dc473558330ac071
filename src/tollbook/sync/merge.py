"""Merge: put the winning version of each record in its table, and queue conflicts.

The state of a record depends only on the set of its versions (:mod:`.versions`), so
records are merged the same way whatever order their versions came in. Records are
applied parents first (:data:`.entities.ENTITIES`), deletions children first; a record
that names one not here yet waits as ``pending``; of two records that may not coexist
(two identifications of one body) the one made first stands and the other is ``held``;
both kinds of conflict go to the queue (``sync_conflicts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tollbook.store.sync_tables import SyncChangeRow, SyncConflictRow
from tollbook.sync.bulk_writes import insert_rows, new_keys, processors, ready_rows
from tollbook.sync.capture import forget_changes
from tollbook.sync.entities import BY_NAME, ENTITIES, ORDER, Entity, natural_gid
from tollbook.sync.payloads import canonical, digest
from tollbook.sync.state import SyncState, versions_of
from tollbook.sync.versions import Version, first_stamp, heads, in_conflict


@dataclass
class MergeResult:
    applied: int = 0
    deleted: int = 0
    pending: int = 0
    held: int = 0
    conflicts: list[str] = field(default_factory=list)


class _Missing(Exception):
    """A foreign key names a record that is not in its table here."""

    def __init__(self, gid: str) -> None:
        self.gid = gid


class Merger:
    def __init__(self, session: Session, state: SyncState, now: datetime) -> None:
        self.session = session
        self.state = state
        self.now = now
        self.result = MergeResult()
        self._versions: dict[str, list[Version]] = {}
        self._unique: dict[str, dict[tuple[Any, ...], str]] = {}
        table = cast(Table, SyncConflictRow.__table__)
        self._open: set[str] = set(
            session.scalars(select(table.c.key).where(table.c.status == "open"))
        )
        #: (entity, local key) of every row this merge wrote: their changes, queued by
        #: the triggers, are not this site's and are taken out of the queue by finish().
        self.touched: set[tuple[str, str]] = set()
        changes = cast(Table, SyncChangeRow.__table__)
        self._queue_start = int(session.scalar(select(func.max(changes.c.id))) or 0)

    def finish(self) -> None:
        """Take the changes this merge made out of the change queue (the rows stand as
        their versions say: capture must not take them for this site's own changes)."""
        table = cast(Table, SyncChangeRow.__table__)
        if self.session.get_bind().dialect.name == "sqlite":
            # one writer at a time: every entry past the start is this merge's own
            self.session.execute(delete(table).where(table.c.id > self._queue_start))
            return
        query = select(table.c.id, table.c.entity, table.c.local_key).where(
            table.c.id > self._queue_start
        )
        mine = [
            change_id
            for change_id, entity, local in self.session.execute(query)
            if (entity, local) in self.touched
        ]
        forget_changes(self.session, mine)

    # --- the conflicts queue ---------------------------------------------------------
    def _conflict(
        self, key: str, kind: str, entity: str, versions: list[str], gids: list[str]
    ) -> None:
        table = cast(Table, SyncConflictRow.__table__)
        found = self.session.execute(select(table).where(table.c.key == key)).first()
        if found is None:
            self.session.execute(
                insert(table).values(
                    key=key,
                    kind=kind,
                    entity=entity,
                    versions=versions,
                    gids=gids,
                    status="open",
                    detected_at=self.now,
                )
            )
        elif found.status == "open" and list(found.versions) != versions:
            self.session.execute(
                update(table).where(table.c.key == key).values(versions=versions, gids=gids)
            )
        else:
            return
        self._open.add(key)
        self.result.conflicts.append(key)

    def _settled(self, key: str, kept: str) -> None:
        if key not in self._open:
            return
        self._open.discard(key)
        table = cast(Table, SyncConflictRow.__table__)
        self.session.execute(
            update(table)
            .where(table.c.key == key, table.c.status == "open")
            .values(status="settled", settled_by="sync", settled_at=self.now, kept=kept)
        )

    # --- resolving a payload into a row ----------------------------------------------
    def _values(self, entity: Entity, payload: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        refs = entity.refs
        for name, kind, _ in entity.kinds:
            value = payload[name]
            if value is None:
                values[name] = None
            elif name in refs:
                target = refs[name]
                gid = value if kind == "gid" else natural_gid(target, [value])
                local = self.state.live_key(gid)
                if local is None:
                    raise _Missing(gid)
                values[name] = int(local) if kind == "gid" else value
            elif kind == "gids":
                values[name] = self._linked(entity, value)
            elif kind == "ts":
                values[name] = datetime.fromisoformat(value)
            elif kind == "date":
                values[name] = date.fromisoformat(value)
            else:
                values[name] = value
        if entity.pair is not None:
            a, b = entity.pair
            if values[a] is not None and values[b] is not None and values[a] > values[b]:
                values[a], values[b] = values[b], values[a]
        return values

    def _linked(self, entity: Entity, gids: list[str]) -> list[Any]:
        """The local keys of the records a link field names (all must be here)."""
        assert entity.links is not None
        surrogate = BY_NAME[entity.links.target].surrogate
        found = []
        for gid in gids:
            local = self.state.live_key(gid)
            if local is None:
                raise _Missing(gid)
            found.append(int(local) if surrogate else local)
        return found

    def _relink(self, entity: Entity, local: str, linked: list[Any]) -> None:
        """Put the link rows of the record ``local`` as its version names them."""
        links = entity.links
        assert links is not None
        owner = _key(entity, local)
        self.session.execute(delete(links.table).where(links.table.c[links.parent] == owner))
        if linked:
            self.session.execute(
                insert(links.table),
                [{links.parent: owner, links.column: value} for value in linked],
            )

    def _unique_index(self, entity: Entity) -> dict[tuple[Any, ...], str]:
        index = self._unique.get(entity.name)
        if index is None:
            index = {}
            table, key = entity.table, entity.key
            for number, columns in enumerate(entity.unique):
                query = select(key, *(table.c[c] for c in columns))
                for row in self.session.execute(query):
                    index[(number, *row[1:])] = str(row[0])
            self._unique[entity.name] = index
        return index

    def _first(self, gid: str) -> tuple[int, str]:
        if gid not in self._versions:
            self._versions.update(versions_of(self.session, [gid]))
        return first_stamp(self._versions[gid])

    def _slot_free(self, entity: Entity, gid: str, values: dict[str, Any], payload: Any) -> bool:
        """Whether the record may stand: no other holds its unique values, or it was made
        before the one that does (which is then held)."""
        if not entity.unique:
            return True
        index = self._unique_index(entity)
        mine = self.state.live_key(gid)
        for number, columns in enumerate(entity.unique):
            slot = (number, *(values[c] for c in columns))
            occupant_key = index.get(slot)
            if occupant_key is None or occupant_key == mine:
                continue
            key = "u:" + entity.name + ":" + canonical({c: payload[c] for c in columns})
            if occupant_key.startswith("new:"):  # made earlier, merged just before this one
                occupant = occupant_key[4:]
                self._conflict(key, "unique", entity.name, [], [occupant, gid])
                return False
            found = self.state.gid_of(entity.name, occupant_key)
            if found is None or found == gid:
                continue
            occupant = found
            contenders = sorted([gid, occupant], key=self._first)
            heads_of = [self.state.rows[g].head for g in contenders if g != gid]
            self._conflict(key, "unique", entity.name, heads_of, contenders)
            if contenders[0] == occupant or not self._evict(entity, occupant, occupant_key):
                return False
            index.pop(slot, None)
        return True

    def _evict(self, entity: Entity, gid: str, local: str) -> bool:
        try:
            with self.session.begin_nested():
                self.session.execute(delete(entity.table).where(entity.key == _key(entity, local)))
        except IntegrityError:
            return False
        self.touched.add((entity.name, local))
        row = self.state.rows[gid]
        self.state.put(gid, entity.name, None, "held", row.head, row.digest)
        self._forget_unique(entity, local)
        self.result.held += 1
        return True

    def _forget_unique(self, entity: Entity, local: str) -> None:
        index = self._unique.get(entity.name)
        if index is not None:
            for slot in [s for s, k in index.items() if k == local]:
                del index[slot]

    # --- merging ---------------------------------------------------------------------
    def merge(self, gids: Iterable[str], given: dict[str, list[Version]]) -> MergeResult:
        """Merge ``gids``: ``given`` holds their versions (or some of them: the others are
        read from the change log)."""
        wanted = list(dict.fromkeys(gids))
        unknown = [g for g in wanted if g in self.state.rows and g not in given]
        known = [g for g in wanted if g in self.state.rows and g in given]
        self._versions.update(given)
        for gid, held in versions_of(self.session, unknown + known).items():
            ids = {v.id for v in held}
            extra = [v for v in given.get(gid, []) if v.id not in ids]
            self._versions[gid] = held + extra
        by_entity: dict[str, list[tuple[str, Version]]] = {}
        deletions: list[tuple[str, Version]] = []
        for gid in wanted:
            versions = self._versions.get(gid)
            if not versions:
                continue
            tops = heads(versions)
            winner = tops[0]
            entity = BY_NAME[winner.entity]
            if in_conflict(tops, entity.incidental):
                self._conflict("c:" + gid, "concurrent", entity.name, [v.id for v in tops], [gid])
            elif len(tops) == 1:
                self._settled("c:" + gid, winner.id)
            row = self.state.rows.get(gid)
            if row is not None and row.head == winner.id and row.state in ("live", "deleted"):
                continue
            if winner.payload is None:
                deletions.append((gid, winner))
            else:
                by_entity.setdefault(entity.name, []).append((gid, winner))
        for entity in ENTITIES:
            todo = by_entity.get(entity.name)
            if todo:
                if entity.unique:  # the record made first takes a unique slot first
                    todo.sort(key=lambda item: self._first(item[0]))
                else:
                    todo.sort(key=lambda item: item[1].stamp)
                self._apply(entity, todo)
        deletions.sort(key=lambda item: -ORDER[item[1].entity])
        for gid, winner in deletions:
            self._delete(BY_NAME[winner.entity], gid, winner)
        return self.result

    def _apply(self, entity: Entity, todo: list[tuple[str, Version]]) -> None:
        remaining = todo
        while remaining:
            waiting = {gid for gid, _ in remaining}
            inserts: list[tuple[str, Version, dict[str, Any]]] = []
            linked: dict[str, list[Any]] = {}
            deferred: list[tuple[str, Version]] = []
            for gid, winner in remaining:
                assert winner.payload is not None
                try:
                    values = self._values(entity, winner.payload)
                except _Missing as missing:
                    if missing.gid in waiting and missing.gid != gid:
                        deferred.append((gid, winner))
                    else:
                        self._wait(entity, gid, winner, "pending")
                    continue
                if not self._slot_free(entity, gid, values, winner.payload):
                    self._wait(entity, gid, winner, "held")
                    continue
                if entity.links is not None:
                    linked[gid] = values.pop(entity.links.field)
                local = self.state.live_key(gid)
                if local is None:
                    inserts.append((gid, winner, values))
                    if entity.unique:
                        self._claim_slots(entity, values, gid)
                else:
                    self.session.execute(
                        update(entity.table)
                        .where(entity.key == _key(entity, local))
                        .values(**values)
                    )
                    self._live(entity, gid, local, winner)
            self._insert(entity, inserts)
            for gid, links in linked.items():
                here = self.state.live_key(gid)
                assert here is not None
                self._relink(entity, here, links)
            if not inserts and deferred:
                for gid, winner in deferred:
                    self._wait(entity, gid, winner, "pending")
                break
            remaining = deferred

    def _claim_slots(self, entity: Entity, values: dict[str, Any], gid: str) -> None:
        index = self._unique_index(entity)
        for number, columns in enumerate(entity.unique):
            index[(number, *(values[c] for c in columns))] = "new:" + gid

    def _insert(self, entity: Entity, inserts: list[tuple[str, Version, dict[str, Any]]]) -> None:
        """Insert the new records of ``entity`` at once (the driver's executemany; a local
        number is given to each first, in the order of ``inserts``)."""
        if not inserts:
            return
        table, key = entity.table, entity.key
        rows = [values for _, _, values in inserts]
        columns = list(rows[0])
        if entity.surrogate:
            numbers = new_keys(self.session, table, key.name, len(rows))
            for values, number in zip(rows, numbers, strict=True):
                values[key.name] = number
            columns.append(key.name)
        procs = processors(self.session, table, columns)
        insert_rows(self.session, table, columns, ready_rows(rows, columns, procs))
        keys = [str(values[key.name]) for values in rows]
        index = self._unique.get(entity.name)
        for (gid, winner, values), local in zip(inserts, keys, strict=True):
            self._live(entity, gid, local, winner)
            if index is not None:
                for number, columns_ in enumerate(entity.unique):
                    index[(number, *(values[c] for c in columns_))] = local

    def _live(self, entity: Entity, gid: str, local: str, winner: Version) -> None:
        self.touched.add((entity.name, local))
        self.state.put(gid, entity.name, local, "live", winner.id, winner.digest)
        self.result.applied += 1

    def _wait(self, entity: Entity, gid: str, winner: Version, state: str) -> None:
        row = self.state.rows.get(gid)
        if row is not None and row.local_key is not None:
            # the record stands here in an older version: it stays (and is read as it is)
            # until the new one can be applied, by a later import
            self.state.put(gid, entity.name, row.local_key, "pending", row.head, row.digest)
            self.result.pending += 1
            return
        self.state.put(gid, entity.name, None, state, winner.id, winner.digest)
        if state == "pending":
            self.result.pending += 1
        else:
            self.result.held += 1

    def _delete(self, entity: Entity, gid: str, winner: Version) -> None:
        local = self.state.live_key(gid)
        if local is not None:
            try:
                with self.session.begin_nested():
                    if entity.links is not None:
                        self._relink(entity, local, [])
                    self.session.execute(
                        delete(entity.table).where(entity.key == _key(entity, local))
                    )
            except IntegrityError:
                self._conflict(
                    "d:" + gid, "concurrent", entity.name, [winner.id], [gid]
                )  # still named by a record here: a person decides
                return
            self._forget_unique(entity, local)
            self.touched.add((entity.name, local))
        self.state.put(gid, entity.name, None, "deleted", winner.id, digest(None))
        self.result.deleted += 1


def _key(entity: Entity, local: str) -> Any:
    return int(local) if entity.surrogate or _int_key(entity) else local


def _int_key(entity: Entity) -> bool:
    from sqlalchemy import Integer

    return isinstance(entity.key.type, Integer)


def close_settled(session: Session, state: SyncState, now: datetime) -> None:
    """Unique conflicts settled elsewhere: once only one of their records is left (the
    others deleted by the person who settled it), they are settled here too."""
    table = cast(Table, SyncConflictRow.__table__)
    query = select(table.c.id, table.c.gids).where(
        table.c.kind == "unique", table.c.status == "open"
    )
    for conflict_id, gids in session.execute(query).all():
        left = [g for g in gids if g in state.rows and state.rows[g].state != "deleted"]
        if len(left) == 1:
            session.execute(
                update(table)
                .where(table.c.id == conflict_id)
                .values(status="settled", settled_by="sync", settled_at=now, kept=left[0])
            )


def waiting_gids(state: SyncState) -> list[str]:
    """Records waiting for another (pending) or kept out by a unique conflict (held)."""
    return [row.gid for row in state.rows.values() if row.state in ("pending", "held")]
