"""Capture: turn what changed in the synced tables since the last capture into versions.

Every synced table is read and each row's content (foreign keys as global ids) compared
with the digest kept for it; a new or changed row, or a deleted one, becomes a version of
this site. Append-only tables are read only past the last row captured. So every path
that changes the database is covered without having to log its changes itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Date, Integer, Table, delete, select
from sqlalchemy.orm import Session

from tollbook.store.column_types import UTCDateTime
from tollbook.store.sync_tables import SyncChangeRow, SyncSiteRow
from tollbook.store.tables import ClaimReviewRow
from tollbook.sync.entities import (
    BY_NAME,
    ENTITIES,
    LOCAL_AUDIT_PREFIX,
    Entity,
    natural_gid,
    site_gid,
)
from tollbook.sync.payloads import canonical, digest_of, to_json
from tollbook.sync.state import SyncState, store_versions
from tollbook.sync.versions import Version, with_content

_CHUNK = 500


class CaptureError(RuntimeError):
    """A row names a record that has no global id (the database is inconsistent)."""


def ref_gid(state: SyncState, target: str, value: Any) -> Any:
    """A foreign key's value as sent: the target's global id, or its natural key."""
    if value is None or not BY_NAME[target].surrogate:
        return value
    gid = state.gid_of(target, str(value))
    if gid is None:
        raise CaptureError(f"{target} {value} is named but has no global id")
    return gid


#: How a column's value is sent: as a global id, a timestamp, a date, or as it is.
_REF, _TS, _DATE, _PLAIN = range(4)


_PLANS: dict[str, tuple[tuple[str, int, str], ...]] = {}


def _plan(entity: Entity) -> tuple[tuple[str, int, str], ...]:
    """Per payload column: its name, how its value is sent, the entity a reference names
    (what :func:`ref_gid` and :func:`.payloads.to_json` do, decided once per table)."""
    known = _PLANS.get(entity.name)
    if known is not None:
        return known
    found = []
    for column in entity.columns:
        target = entity.refs.get(column.name, "")
        if target:
            how = _REF if BY_NAME[target].surrogate else _PLAIN
        elif isinstance(column.type, UTCDateTime):
            how = _TS
        elif isinstance(column.type, Date):
            how = _DATE
        else:
            how = _PLAIN
        found.append((column.name, how, target))
    plan = _PLANS[entity.name] = tuple(found)
    return plan


def payload_of(
    entity: Entity, state: SyncState, row: Any, linked: list[Any] | None = None
) -> dict[str, Any]:
    """A row's payload; ``linked``: the local keys of the records its links name."""
    payload: dict[str, Any] = {}
    for name, how, target in _plan(entity):
        value = row[name]
        if value is None or how == _PLAIN:
            payload[name] = value
        elif how == _REF:
            payload[name] = ref_gid(state, target, value)
        elif how == _TS:
            payload[name] = value.astimezone(UTC).isoformat()
        else:
            payload[name] = value.isoformat()
    if entity.pair is not None:
        a, b = entity.pair
        if payload[a] is not None and payload[b] is not None and payload[a] > payload[b]:
            payload[a], payload[b] = payload[b], payload[a]
    if entity.links is not None:
        target = entity.links.target
        payload[entity.links.field] = sorted(ref_gid(state, target, v) for v in linked or [])
    return payload


def _links_of(session: Session, entity: Entity, rows: list[Any]) -> dict[str, list[Any]]:
    """The linked records' local keys of each of ``rows``, by the row's local key."""
    links = entity.links
    found: dict[str, list[Any]] = {}
    if links is None or not rows:
        return found
    parent, column = links.table.c[links.parent], links.table.c[links.column]
    keys = [row[entity.key.name] for row in rows]
    for start in range(0, len(keys), _CHUNK):
        query = select(parent, column).where(parent.in_(keys[start : start + _CHUNK]))
        for owner, value in session.execute(query):
            found.setdefault(str(owner), []).append(value)
    return found


class _Extracted:
    """The machine's values of claims edited before they were first captured (kept in
    their review's ``extracted``), read once per capture when first needed: a claim's
    global id comes from its values as extracted, so a claim corrected on one laptop
    before its first bundle is still the same claim as the uncorrected one elsewhere."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._found: dict[str, dict[str, Any]] | None = None

    def of(self, entity: Entity, local: str) -> dict[str, Any]:
        if entity.name != "claims":
            return {}
        if self._found is None:
            table = cast(Table, ClaimReviewRow.__table__)
            query = select(table.c.claim_id, table.c.extracted).where(
                table.c.extracted.is_not(None)
            )
            self._found = {
                str(claim_id): dict(extracted)
                for claim_id, extracted in self.session.execute(query)
                if isinstance(extracted, dict)
            }
        return self._found.get(local, {})


def _new_gid(
    entity: Entity,
    state: SyncState,
    site_id: str,
    row: Any,
    local: str,
    extracted: dict[str, Any],
) -> str:
    if entity.natural is None:
        return site_gid(site_id, entity.name, local)
    values = []
    for name in entity.natural:
        value = extracted[name] if name in extracted else row[name]
        if name in entity.refs:
            value = ref_gid(state, entity.refs[name], value)
        else:
            value = to_json(entity.table.c[name], value)
        values.append(value)
    return natural_gid(entity.name, values)


def _queued(session: Session) -> tuple[list[int], dict[str, set[str]]]:
    """The change queue (written by triggers, revision 0015): its ids, and the local keys
    of the changed rows by entity."""
    table = cast(Table, SyncChangeRow.__table__)
    ids: list[int] = []
    changed: dict[str, set[str]] = {}
    for change_id, entity, local_key in session.execute(
        select(table.c.id, table.c.entity, table.c.local_key)
    ):
        ids.append(change_id)
        changed.setdefault(entity, set()).add(local_key)
    return ids, changed


def _rows_of(session: Session, entity: Entity, locals_: set[str]) -> list[Any]:
    """The rows of ``entity`` with the local keys ``locals_`` (those still there), by key."""
    key = entity.key
    as_int = isinstance(key.type, Integer)
    wanted = sorted(int(k) for k in locals_) if as_int else sorted(locals_)
    rows: list[Any] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        result = session.execute(select(entity.table).where(key.in_(chunk)))
        names = list(result.keys())
        rows.extend(dict(zip(names, row, strict=True)) for row in result)
    rows.sort(key=lambda row: row[key.name])
    return rows


def forget_changes(session: Session, ids: list[int]) -> None:
    """Take read changes out of the queue, by id: a change queued meanwhile by another
    transaction stays for the next capture. On SQLite, with one writer at a time, the
    queue holds no unread entry below the highest id read (an entry written after the
    read makes this transaction's write fail instead), so the range is taken at once."""
    table = cast(Table, SyncChangeRow.__table__)
    if not ids:
        return
    if session.get_bind().dialect.name == "sqlite":
        session.execute(delete(table).where(table.c.id <= max(ids)))
        return
    for start in range(0, len(ids), _CHUNK):
        session.execute(delete(table).where(table.c.id.in_(ids[start : start + _CHUNK])))


def capture(session: Session, site: SyncSiteRow, state: SyncState, now: datetime) -> int:
    """Record this site's changes as versions; returns how many were made.

    Only the rows named in the change queue are read (each compared with the digest of
    what was captured of it before), so a capture costs what changed, not what is held.
    """
    made: list[Version] = []
    extracted = _Extracted(session)
    queue_ids, changed = _queued(session)
    at = now.isoformat()
    seq, clock = site.seq, site.clock

    def version(entity: Entity, gid: str, parents: list[str], payload: Any, text: str) -> Version:
        nonlocal seq, clock
        seq += 1
        clock += 1
        new = Version(
            site=site.site_id,
            seq=seq,
            clock=clock,
            gid=gid,
            entity=entity.name,
            parents=tuple(parents),
            payload=payload,
            at=at,
        )
        made.append(with_content(new, text))
        return new

    for entity in ENTITIES:
        keys = changed.get(entity.name)
        if not keys:
            continue
        key = entity.key
        rows = _rows_of(session, entity, keys)
        if entity.name == "audit_log":
            rows = [r for r in rows if not str(r["action"]).startswith(LOCAL_AUDIT_PREFIX)]
        locals_ = [str(row[key.name]) for row in rows]
        for row, local in zip(rows, locals_, strict=True):
            if state.gid_of(entity.name, local) is None:
                gid = _new_gid(entity, state, site.site_id, row, local, extracted.of(entity, local))
                known = state.rows.get(gid)
                if known is not None and known.local_key is not None:
                    raise CaptureError(
                        f"{entity.name} {local} and {known.local_key} have one global id"
                    )
                state.put(
                    gid,
                    entity.name,
                    local,
                    known.state if known else "live",
                    known.head if known else "",
                    known.digest if known else "",
                )
        linked = _links_of(session, entity, rows)
        for row, local in zip(rows, locals_, strict=True):
            found = state.gid_of(entity.name, local)
            assert found is not None
            gid = found
            payload = payload_of(entity, state, row, linked.get(local))
            text = canonical(payload)  # made once: hashed here, stored as it is
            content = digest_of(text)
            held = state.rows[gid]
            if held.state in ("live", "pending") and held.digest == content:
                continue
            parents = [held.head] if held.head else []
            made_now = version(entity, gid, parents, payload, text)
            state.put(gid, entity.name, local, "live", made_now.id, content)
        if not entity.append_only:
            for local in sorted(keys - set(locals_)):
                gone = state.gid_of(entity.name, local)
                if gone is None:
                    continue
                lost = state.rows[gone]
                parents = [lost.head] if lost.head else []
                made_now = version(entity, lost.gid, parents, None, canonical(None))
                state.put(lost.gid, entity.name, None, "deleted", made_now.id, made_now.digest)
    site.seq, site.clock = seq, clock
    forget_changes(session, queue_ids)
    store_versions(session, made)
    return len(made)
