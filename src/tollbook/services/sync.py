"""Use cases of sync between sites: export a bundle, import one, list and settle
conflicts, see what this site holds. Shared by the CLI and the web app (docs/field.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import select, update

from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.exchange.file_limits import FileLimits
from tollbook.store.photo_files import photo_key
from tollbook.store.sync_tables import SyncConflictRow, SyncPeerRow
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.sync.bulk_writes import roomy_cache
from tollbook.sync.bundle_file import Header, read_bundle, write_lines
from tollbook.sync.capture import capture
from tollbook.sync.carried_photos import keep_carried, photos_of
from tollbook.sync.entities import BY_NAME
from tollbook.sync.merge import Merger, close_settled, waiting_gids
from tollbook.sync.site import this_site
from tollbook.sync.state import SyncState, held_ids, lines_after, store_versions, vector
from tollbook.sync.versions import Version, heads

P = ParamSpec("P")
R = TypeVar("R")


def _now() -> datetime:
    return datetime.now(UTC)


def in_transaction(
    use: Callable[Concatenate[UnitOfWork, P], R],
) -> Callable[Concatenate[UnitOfWork, P], R]:
    """Run a use case in the unit of work's block (rolled back unless it commits)."""

    @functools.wraps(use)
    def run(uow: UnitOfWork, *args: P.args, **kwargs: P.kwargs) -> R:
        with uow:
            return use(uow, *args, **kwargs)

    return run  # type: ignore[return-value]


def with_roomy_cache(
    use: Callable[Concatenate[UnitOfWork, P], R],
) -> Callable[Concatenate[UnitOfWork, P], R]:
    """Run a use case that reads or writes a whole bundle with a larger SQLite page
    cache (:func:`tollbook.sync.bulk_writes.roomy_cache`)."""

    @functools.wraps(use)
    def run(uow: UnitOfWork, *args: P.args, **kwargs: P.kwargs) -> R:
        with roomy_cache(uow.session):
            return use(uow, *args, **kwargs)

    return run  # type: ignore[return-value]


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    site: str
    to_site: str
    versions: int
    captured: int
    #: Photo files carried; photo records in the bundle whose file is not here.
    photos: int = 0
    photos_missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    from_site: str
    from_name: str
    versions: int
    new: int
    applied: int
    deleted: int
    pending: int
    held: int
    conflicts: int
    #: Photo files the bundle carried, and how many were kept in the photo folder.
    photos: int = 0
    photos_kept: int = 0


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: str
    entity: str
    status: str
    gids: list[str]
    versions: list[dict[str, Any]]
    detected_at: datetime
    settled_by: str | None
    kept: str | None


@in_transaction
def site_info(uow: UnitOfWork, name: str | None = None) -> tuple[str, str]:
    """This site's id and name (the site is made on first use), committed."""
    site = this_site(uow.session, _now(), name)
    uow.commit()
    return site.site_id, site.name


@in_transaction
@with_roomy_cache
def export_bundle(
    uow: UnitOfWork, *, for_site: str | None = None, photo_dir: Path | None = None
) -> ExportResult:
    """Capture this site's changes and write the versions ``for_site`` may lack (all of
    them when no site is named), with the files (from ``photo_dir``) of the photo
    records among them."""
    now = _now()
    session = uow.session
    site = this_site(session, now)
    state = SyncState(session)
    captured = capture(session, site, state, now)
    state.save()
    known: dict[str, int] = {}
    to_site = ""
    if for_site:
        peer = _peer(uow, for_site)
        known, to_site = dict(peer.vector), peer.site_id
    lines = lines_after(session, known)
    header = Header(
        site=site.site_id,
        name=site.name,
        vector=vector(session),
        count=len(lines),
        made_at=now.isoformat(),
        to_site=to_site,
    )
    photos = photos_of(lines, photo_dir, photo_key(uow.engine))
    data = write_lines(header, lines, photos.files)
    uow.commit()
    return ExportResult(
        data,
        site.site_id,
        to_site,
        len(lines),
        captured,
        len(photos.files),
        tuple(photos.missing),
    )


def _peer(uow: UnitOfWork, site: str) -> SyncPeerRow:
    rows = uow.session.scalars(select(SyncPeerRow)).all()
    found = [p for p in rows if site in (p.site_id, p.name)]
    if not found:
        raise Invalid(
            N_(
                "no site %(site)s is known here (trust it, or import a bundle of it)",
                site=repr(site),
            )
        )
    return found[0]


@in_transaction
@with_roomy_cache
def import_bundle(
    uow: UnitOfWork,
    data: bytes,
    where: str,
    *,
    actor: str,
    limits: FileLimits | None = None,
    photo_dir: Path | None = None,
) -> ImportResult:
    """Apply a bundle in one transaction: versions already held are skipped, the others
    merged as a set (:mod:`tollbook.sync.merge`); conflicts go to the queue. The photo
    files it carries are kept in ``photo_dir`` (encrypted when this database is)."""
    header, versions = read_bundle(data, where, limits or FileLimits.from_env())
    now = _now()
    session = uow.session
    site = this_site(session, now)
    state = SyncState(session)
    capture(session, site, state, now)  # local changes become versions before any merge
    held = held_ids(session, versions)
    new = [v for v in versions if v.id not in held]
    new = list({v.id: v for v in new}.values())
    store_versions(session, new)
    if new:
        site.clock = max(site.clock, max(v.clock for v in new))
    given: dict[str, list[Version]] = {}
    for version in new:
        given.setdefault(version.gid, []).append(version)
    merger = Merger(session, state, now)
    merger.merge(list(given), given)
    retry = [gid for gid in waiting_gids(state) if gid not in given]
    result = merger.merge(retry, {}) if retry else merger.result
    merger.finish()
    close_settled(session, state, now)
    state.save()
    if header.site != site.site_id:
        _remember_peer(uow, header)
    kept = 0
    if photo_dir is not None:  # files first: a photo kept without its record is harmless
        kept = keep_carried(header.files, photo_dir, photo_key(uow.engine))
    uow.audit.append(
        at=now,
        actor=actor,
        action="sync.import",
        entity="sync_bundle",
        entity_id=header.site,
        after={
            "from_site": header.site,
            "from_name": header.name,
            "versions": len(versions),
            "new": len(new),
            "applied": result.applied,
            "pending": result.pending,
            "held": result.held,
            "conflicts": len(result.conflicts),
            "photos": len(header.files),
            "photos_kept": kept,
        },
    )
    uow.commit()
    return ImportResult(
        header.site,
        header.name,
        len(versions),
        len(new),
        result.applied,
        result.deleted,
        result.pending,
        result.held,
        len(result.conflicts),
        len(header.files),
        kept,
    )


def _remember_peer(uow: UnitOfWork, header: Header) -> None:
    peer = uow.session.get(SyncPeerRow, header.site)
    if peer is None:
        peer = SyncPeerRow(
            site_id=header.site,
            name=header.name,
            age_recipient="",
            verify_key="",
            trusted_by="",
            trusted_at=None,
            vector={},
        )
        uow.session.add(peer)
    merged = dict(peer.vector)
    for site, seq in header.vector.items():
        merged[site] = max(int(merged.get(site, 0)), seq)
    peer.vector = merged
    uow.session.flush()


@in_transaction
def conflicts(uow: UnitOfWork, *, status: str | None = "open") -> list[ConflictView]:
    """The conflicts queue, oldest first, each version with its content."""
    query = select(SyncConflictRow).order_by(SyncConflictRow.id)
    if status:
        query = query.where(SyncConflictRow.status == status)
    views = []
    for row in uow.session.scalars(query):
        views.append(
            ConflictView(
                id=row.id,
                kind=row.kind,
                entity=row.entity,
                status=row.status,
                gids=list(row.gids),
                versions=_versions_shown(uow, row),
                detected_at=row.detected_at,
                settled_by=row.settled_by,
                kept=row.kept,
            )
        )
    return views


def _versions_shown(uow: UnitOfWork, row: SyncConflictRow) -> list[dict[str, Any]]:
    shown = []
    if row.kind == "unique":
        picks = [_heads_of(uow, gid)[0] for gid in row.gids]
    else:
        ids = set(row.versions)
        picks = [v for v in _all_versions(uow, row.gids[0]) if v.id in ids]
    order = [name for name, _, _ in BY_NAME[row.entity].kinds]
    for version in picks:
        site_name = _site_name(uow, version.site)
        payload = version.payload
        if payload is not None:  # the change log keeps it canonical (keys sorted)
            payload = {name: payload[name] for name in order if name in payload}
        shown.append(
            {
                "version": version.id,
                "gid": version.gid,
                "site": version.site,
                "site_name": site_name,
                "at": version.at,
                "payload": payload,
            }
        )
    return shown


def _site_name(uow: UnitOfWork, site_id: str) -> str:
    peer = uow.session.get(SyncPeerRow, site_id)
    if peer is not None:
        return peer.name
    here = this_site(uow.session, _now())
    return here.name if here.site_id == site_id else site_id[:8]


def _all_versions(uow: UnitOfWork, gid: str) -> list[Version]:
    from tollbook.sync.state import versions_of

    return versions_of(uow.session, [gid]).get(gid, [])


def _heads_of(uow: UnitOfWork, gid: str) -> list[Version]:
    return heads(_all_versions(uow, gid))


@in_transaction
def settle_conflict(uow: UnitOfWork, conflict_id: int, keep: str, *, actor: str) -> str:
    """A person settles a conflict by keeping one version (``SITE:SEQ``, or the global id
    of the record to keep for a unique conflict). Returns what was kept."""
    now = _now()
    session = uow.session
    row = session.get(SyncConflictRow, conflict_id)
    if row is None:
        raise Invalid(N_("no conflict %(conflict_id)s", conflict_id=conflict_id))
    if row.status != "open":
        raise Invalid(
            N_(
                "conflict %(conflict_id)s is settled already (kept %(kept)s)",
                conflict_id=conflict_id,
                kept=row.kept,
            )
        )
    site = this_site(session, now)
    state = SyncState(session)
    capture(session, site, state, now)
    made: list[Version] = []

    def new_version(gid: str, entity: str, parents: list[str], payload: Any) -> Version:
        site.seq += 1
        site.clock += 1
        version = Version(
            site.site_id,
            site.seq,
            site.clock,
            gid,
            entity,
            tuple(parents),
            payload,
            now.isoformat(),
        )
        made.append(version)
        return version

    touched: list[str] = []
    if row.kind == "concurrent":
        gid = row.gids[0]
        tops = _heads_of(uow, gid)
        chosen = [v for v in tops if keep in (v.id, v.site[:8] + ":" + str(v.seq))]
        if not chosen:
            shown = ", ".join(v.id for v in tops)
            raise Invalid(
                N_(
                    "%(keep)s is not one of the versions in conflict (%(shown)s)",
                    keep=repr(keep),
                    shown=shown,
                )
            )
        new_version(gid, row.entity, [v.id for v in tops], chosen[0].payload)
        touched.append(gid)
        kept = chosen[0].id
    else:
        if keep not in row.gids:
            raise Invalid(
                N_(
                    "%(keep)s is not one of the records in conflict (%(items)s)",
                    keep=repr(keep),
                    items=", ".join(row.gids),
                )
            )
        for gid in row.gids:
            if gid != keep:
                tops = _heads_of(uow, gid)
                new_version(gid, row.entity, [v.id for v in tops], None)
            touched.append(gid)
        kept = keep
    store_versions(session, made)
    merger = Merger(session, state, now)
    merger.merge([g for g in touched if g != kept] + [g for g in touched if g == kept], {})
    merger.merge(waiting_gids(state), {})
    merger.finish()
    state.save()
    session.execute(
        update(SyncConflictRow)
        .where(SyncConflictRow.id == conflict_id)
        .values(status="settled", settled_by=actor, settled_at=now, kept=kept)
    )
    uow.audit.append(
        at=now,
        actor=actor,
        action="sync.settle",
        entity=row.entity,
        entity_id=",".join(row.gids),
        before={"versions": list(row.versions)},
        after={"kept": kept},
    )
    uow.commit()
    return kept


@in_transaction
def snapshot(uow: UnitOfWork) -> dict[str, dict[str, str]]:
    """What this site holds, by table and global id (content digests): two sites with
    the same snapshot hold the same records. Captures local changes first."""
    now = _now()
    session = uow.session
    site = this_site(session, now)
    state = SyncState(session)
    capture(session, site, state, now)
    state.save()
    uow.commit()
    held: dict[str, dict[str, str]] = {name: {} for name in BY_NAME}
    for row in state.rows.values():
        if row.state == "live":
            held[row.entity][row.gid] = row.digest
    return held
