"""Use cases of the registry of the dead: bodies, custody, photos, graves, the missing.

One function per use case, for the CLI and the web app. Each takes the unit of work and
an :class:`~tollbook.registry.access.Actor`; each change and each view of a record of the
dead is written to the append-only audit log in the same transaction.
"""

from __future__ import annotations

import csv
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from tollbook.domain.body import STATUSES, Body, CustodyEvent, Description, Photo
from tollbook.domain.grave import GravePosition, Morgue, Site, Trench
from tollbook.domain.missing import MissingReport
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits, check_size, refuse
from tollbook.exchange.pfif import PfifNote, PfifPerson, read_pfif, utc_text, write_pfif
from tollbook.registry.access import AccessDenied, Actor, may_see_names, may_see_report, require
from tollbook.registry.custody import CustodyError, movement
from tollbook.registry.positions import PositionError, check_distance
from tollbook.registry.references import BadReference, parse_reference, part_reference
from tollbook.registry.rows import (
    RowError,
    body_from_row,
    report_from_row,
    site_from_row,
    trench_from_row,
)
from tollbook.store.registry_repository import (
    Identification,
    Note,
    RegistryRepository,
    RegistryStore,
    StoredBody,
    StoredReport,
)
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "AccessDenied",
    "BodyListing",
    "BodyView",
    "ImportResult",
    "RegistryError",
    "SiteSummary",
    "add_body",
    "add_morgue",
    "add_part",
    "add_photo",
    "add_report",
    "custody_chain",
    "export_pfif",
    "grave_sites",
    "import_bodies",
    "import_graves",
    "import_pfif",
    "import_reports",
    "list_bodies",
    "morgue_occupancy",
    "move_body",
    "trench_contents",
    "view_body",
    "view_photo",
    "view_report",
]

#: Photo files accepted, by their first bytes.
PHOTO_TYPES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
MAX_PHOTO_BYTES = 50 * 1024 * 1024


class RegistryError(ValueError):
    """A use case that cannot be carried out (unknown body, bad move, bad file...)."""


@dataclass(frozen=True)
class BodyView:
    """A body as one actor may see it: label and photos only for roles allowed them."""

    body: Body
    status: str
    location: str
    position: GravePosition | None
    parts: tuple[str, ...]
    photos: tuple[Photo, ...]
    identified_as: str | None
    names_shown: bool


@dataclass(frozen=True)
class BodyListing:
    """A body in a list: the label (a name) only for roles allowed names."""

    body: Body
    status: str
    location: str
    position: GravePosition | None
    names_shown: bool


@dataclass(frozen=True)
class SiteSummary:
    """A burial site with its trenches and how many bodies lie in each."""

    site: Site
    trenches: tuple[tuple[Trench, int], ...]

    @property
    def bodies(self) -> int:
        return sum(n for _, n in self.trenches)


@dataclass
class ImportResult:
    added: int = 0
    skipped: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC)


def _read_csv(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with their line numbers; a file that cannot be read at all
    raises :class:`InputError`."""
    name = str(path)
    limits = FileLimits.from_env()
    try:
        check_size(path, limits)
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(InputProblem(name, "no such file")) from None
    except UnicodeDecodeError as exc:
        raise InputError(InputProblem(name, f"not UTF-8 text (byte {exc.start})")) from None
    except OSError as exc:
        raise InputError(InputProblem(name, f"cannot read: {exc.strerror}")) from None
    if "\x00" in text:
        raise InputError(InputProblem(name, "a binary file, not CSV"))
    reader = csv.DictReader(_bounded(text, name, limits))
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(InputProblem(name, "no such column in the header", 1, missing[0]))
    for row in reader:
        yield reader.line_num, {k: v for k, v in row.items() if isinstance(k, str)}


def _bounded(text: str, name: str, limits: FileLimits) -> Iterator[str]:
    """The lines of a CSV text held to ``limits`` (rows, line length; cells are held by
    the line length)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > limits.max_rows + 1:
            refuse(name, "max_rows", limits.max_rows, number, f"row {number} is one too many")
        if len(line) > limits.max_line_chars:
            refuse(name, "max_cell_chars", limits.max_cell_chars, number, "a line too long")
        yield line


# --- bodies -------------------------------------------------------------------------------
def add_body(
    uow: UnitOfWork,
    body: Body,
    actor: Actor,
    *,
    location: str = "",
    status: str = "recovered",
    position: GravePosition | None = None,
    reason: str = "registered",
) -> StoredBody:
    """Register a body (or a part whose ``parent_ref`` is registered); its first custody
    event is written with it."""
    require(actor, "forensic", doing="registering a body")
    try:
        ref = parse_reference(body.ref)
    except BadReference as exc:
        raise RegistryError(str(exc)) from None
    if ref.is_part and body.parent_ref is None:
        body = replace(body, parent_ref=str(ref.body))
    if position is not None:
        location, status = f"grave:{position.trench_id}", "buried"
    at = _now()
    with RegistryStore(uow.engine) as store:
        stored = _add_body(store, body, actor, location, status, position, reason, at)
        store.commit()
    return stored


def _add_body(
    store: RegistryStore,
    body: Body,
    actor: Actor,
    location: str,
    status: str,
    position: GravePosition | None,
    reason: str,
    at: datetime,
) -> StoredBody:
    repo = store.registry
    if repo.body(body.ref) is not None:
        raise RegistryError(f"body {body.ref} is registered already")
    if body.parent_ref is not None and repo.body(body.parent_ref) is None:
        raise RegistryError(f"body {body.parent_ref} (of part {body.ref}) is not registered")
    try:
        event = movement(
            ref=body.ref,
            current_status=None,
            current_location="",
            to_status=status,
            to_location=location,
            actor=str(actor),
            at=at,
            reason=reason,
        )
    except CustodyError as exc:
        raise RegistryError(str(exc)) from None
    if position is not None:
        trench = repo.trench(position.trench_id)
        if trench is None:
            raise RegistryError(f"trench {position.trench_id} is not registered")
        try:
            check_distance(trench, position.distance_m)
        except PositionError as exc:
            raise RegistryError(str(exc)) from None
    stored = repo.add_body(body, status=status, location=location, at=at, by=str(actor))
    if position is not None:
        repo.put_position(position)
    repo.add_custody(event)
    store.audit.append(
        at=at,
        actor=str(actor),
        action="add_body",
        entity="body",
        entity_id=body.ref,
        after={"status": status, "location": location},
    )
    return stored


def add_part(uow: UnitOfWork, parent_ref: str, description: Description, actor: Actor) -> str:
    """Register a separate part of a registered body; return its new reference."""
    with RegistryStore(uow.engine) as store:
        parent = store.registry.body(parent_ref)
        if parent is None:
            raise RegistryError(f"no body {parent_ref}")
        existing = len(store.registry.parts_of(parent_ref))
    try:
        ref = part_reference(parse_reference(parent_ref), existing)
    except BadReference as exc:
        raise RegistryError(str(exc)) from None
    part = replace(parent.body, ref=str(ref), parent_ref=parent_ref, description=description)
    add_body(uow, part, actor, location=parent.location, status="recovered")
    return str(ref)


def import_bodies(
    uow: UnitOfWork, path: Path, actor: Actor, *, all_or_nothing: bool = False
) -> ImportResult:
    """Register the bodies of a ``bodies.csv`` (the simulator's columns); bodies in trenches
    need their trenches imported first, and are registered buried there. Known references
    are skipped. With ``all_or_nothing``, a file with any bad row stores nothing (``added``
    is then 0 and every problem is listed)."""
    require(actor, "forensic", doing="importing bodies")
    result = ImportResult()
    at = _now()
    with RegistryStore(uow.engine) as store:
        known = store.registry.body_refs()
        for line, row in _read_csv(path, ("body_ref",)):
            try:
                body, position = body_from_row(row)
            except RowError as exc:
                result.problems.append(InputProblem(str(path), exc.message, line, exc.field))
                continue
            if body.ref in known:
                result.skipped += 1
                continue
            location, status = "", "recovered"
            if position is not None:
                location, status = f"grave:{position.trench_id}", "buried"
            try:
                _add_body(store, body, actor, location, status, position, "imported", at)
            except RegistryError as exc:
                result.problems.append(InputProblem(str(path), str(exc), line))
                continue
            known.add(body.ref)
            result.added += 1
        if all_or_nothing and result.problems:
            result.added = 0
            return result
        store.commit()
    return result


def move_body(
    uow: UnitOfWork,
    ref: str,
    actor: Actor,
    *,
    to_status: str,
    to_location: str,
    reason: str,
    position: GravePosition | None = None,
) -> CustodyEvent:
    """Move a body or change its status, as the chain of custody allows; identification
    is not a move (see :func:`tollbook.services.matching.confirm_identification`)."""
    require(actor, "forensic", doing="moving a body")
    if to_status == "identified":
        raise RegistryError("a body is identified only by confirming an identification")
    if position is not None:
        to_location = f"grave:{position.trench_id}"
    at = _now()
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        current = repo.body(ref)
        if current is None:
            raise RegistryError(f"no body {ref}")
        try:
            event = movement(
                ref=ref,
                current_status=current.status,
                current_location=current.location,
                to_status=to_status,
                to_location=to_location,
                actor=str(actor),
                at=at,
                reason=reason,
            )
        except CustodyError as exc:
            raise RegistryError(f"{ref}: {exc}") from None
        if to_status == "stored" and to_location.startswith("morgue:"):
            _check_room(store, to_location.removeprefix("morgue:"))
        if position is not None:
            trench = repo.trench(position.trench_id)
            if trench is None:
                raise RegistryError(f"trench {position.trench_id} is not registered")
            try:
                check_distance(trench, position.distance_m)
            except PositionError as exc:
                raise RegistryError(str(exc)) from None
            repo.put_position(position)
        repo.set_status(ref, event.to_status, event.to_location)
        repo.add_custody(event)
        store.audit.append(
            at=at,
            actor=str(actor),
            action="move_body",
            entity="body",
            entity_id=ref,
            before={"status": current.status, "location": current.location},
            after={"status": event.to_status, "location": event.to_location, "reason": reason},
        )
        store.commit()
    return event


def _check_room(store: RegistryStore, code: str) -> None:
    for morgue, occupied in store.registry.morgues():
        if morgue.code == code:
            if occupied >= morgue.capacity:
                raise RegistryError(f"morgue {code} is full ({occupied} of {morgue.capacity})")
            return
    raise RegistryError(f"no morgue {code}")


def view_body(uow: UnitOfWork, ref: str, actor: Actor) -> BodyView:
    """A body's record as the actor may see it; the view is audited."""
    require(actor, "forensic", "family_liaison", "recorder", doing="viewing a body")
    at = _now()
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        stored = repo.body(ref)
        if stored is None:
            raise RegistryError(f"no body {ref}")
        identification = repo.identification(ref=ref)
        names = may_see_names(actor)
        if not names and identification is not None and actor.role == "family_liaison":
            report = repo.report(identification.report_id)
            names = report is not None and may_see_report(actor, report.report.liaison)
        if actor.role == "family_liaison" and not names:
            raise AccessDenied(f"{actor} may see only the bodies identified in their cases")
        body = stored.body if names else replace(stored.body, label="")
        view = BodyView(
            body=body,
            status=stored.status,
            location=stored.location,
            position=repo.position(ref),
            parts=tuple(repo.parts_of(ref)),
            photos=tuple(repo.photos(ref)) if names else (),
            identified_as=identification.report_id if identification and names else None,
            names_shown=names,
        )
        store.audit.append(
            at=at,
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"names_shown": names},
        )
        store.commit()
    return view


def list_bodies(
    uow: UnitOfWork,
    actor: Actor,
    *,
    status: str | None = None,
    site: str | None = None,
    limit: int,
    offset: int = 0,
) -> list[BodyListing]:
    """One page of bodies (reference order), optionally of one status or burial site;
    names only for roles allowed them. The page is audited as one view naming its refs."""
    require(actor, "forensic", doing="listing bodies")
    if status is not None and status not in STATUSES:
        raise RegistryError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
    names = may_see_names(actor)
    with RegistryStore(uow.engine) as store:
        rows = store.registry.body_page(status=status, site=site, limit=limit, offset=offset)
        found = [
            BodyListing(
                body=stored.body if names else replace(stored.body, label=""),
                status=stored.status,
                location=stored.location,
                position=position,
                names_shown=names,
            )
            for stored, position in rows
        ]
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="body",
            entity_id="list",
            after={
                "refs": [f.body.ref for f in found],
                "status": status,
                "site": site,
                "names_shown": names,
            },
        )
        store.commit()
    return found


def view_photo(uow: UnitOfWork, ref: str, sha256: str, actor: Actor) -> Photo:
    """A photo of a body (to serve its file), for roles allowed photos; audited."""
    require(actor, "forensic", doing="viewing a photo")
    if not may_see_names(actor):
        raise AccessDenied(f"{actor} may not see photos of the dead")
    with RegistryStore(uow.engine) as store:
        if store.registry.body(ref) is None:
            raise RegistryError(f"no body {ref}")
        photo = store.registry.photo(ref, sha256)
        if photo is None:
            raise RegistryError(f"no photo {sha256} of body {ref}")
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"photo": sha256},
        )
        store.commit()
    return photo


def custody_chain(uow: UnitOfWork, ref: str, actor: Actor) -> list[CustodyEvent]:
    require(actor, "forensic", doing="reading a chain of custody")
    with RegistryStore(uow.engine) as store:
        if store.registry.body(ref) is None:
            raise RegistryError(f"no body {ref}")
        events = store.registry.custody(ref)
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"what": "custody"},
        )
        store.commit()
    return events


def add_photo(
    uow: UnitOfWork, ref: str, source: Path, photo_dir: Path, actor: Actor, caption: str = ""
) -> Photo:
    """Keep a photo of a body as ``photo_dir/<sha256>.<ext>`` and record it.

    The file is written to a temporary name in ``photo_dir`` and renamed into place, so a
    crash never leaves half a photo under its final name; a photo already kept is not
    written again.
    """
    require(actor, "forensic", doing="adding a photo")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise RegistryError(f"{source}: cannot read: {exc.strerror or exc}") from None
    if not data:
        raise RegistryError(f"{source}: the file is empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise RegistryError(f"{source}: larger than {MAX_PHOTO_BYTES // 2**20} MiB")
    kind = next((t for t in PHOTO_TYPES if data.startswith(t[0])), None)
    if kind is None:
        raise RegistryError(f"{source}: not a JPEG or PNG image")
    digest = hashlib.sha256(data).hexdigest()
    name = digest + kind[2]
    photo = Photo(ref, digest, name, kind[1], len(data), caption)
    with RegistryStore(uow.engine) as store:
        if store.registry.body(ref) is None:
            raise RegistryError(f"no body {ref}")
        _keep_file(photo_dir, name, data)
        at = _now()
        if store.registry.add_photo(photo, at=at, by=str(actor)):
            store.audit.append(
                at=at,
                actor=str(actor),
                action="add_photo",
                entity="body",
                entity_id=ref,
                after={"sha256": digest, "file": name},
            )
        store.commit()
    return photo


def _keep_file(folder: Path, name: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / name
    if final.is_file() and hashlib.sha256(final.read_bytes()).hexdigest() == name.split(".")[0]:
        return
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, final)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# --- graves and morgues ------------------------------------------------------------------
def import_graves(
    uow: UnitOfWork,
    sites: Path,
    trenches: Path,
    actor: Actor,
    *,
    all_or_nothing: bool = False,
    source_name: str | None = None,
) -> ImportResult:
    """Register burial sites and trenches (``sites.csv``, ``trenches.csv``); re-importing
    updates them. With ``all_or_nothing``, any bad row stores nothing; ``source_name``
    names the files in the audit log (an upload's name rather than a scratch path)."""
    require(actor, "forensic", doing="importing graves")
    result = ImportResult()
    with RegistryStore(uow.engine) as store:
        for line, row in _read_csv(sites, ("site", "name")):
            try:
                store.registry.put_site(site_from_row(row))
                result.added += 1
            except RowError as exc:
                result.problems.append(InputProblem(str(sites), exc.message, line, exc.field))
        for line, row in _read_csv(trenches, ("trench_id", "site", "length_m", "bearing_deg")):
            try:
                trench = trench_from_row(row)
            except RowError as exc:
                result.problems.append(InputProblem(str(trenches), exc.message, line, exc.field))
                continue
            if store.registry.site(trench.site) is None:
                result.problems.append(
                    InputProblem(str(trenches), f"no site {trench.site}", line, "site")
                )
                continue
            store.registry.put_trench(trench)
            result.added += 1
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="import_graves",
            entity="grave_site",
            entity_id=source_name or str(sites),
            after={"rows": result.added},
        )
        if all_or_nothing and result.problems:
            result.added = 0
            return result
        store.commit()
    return result


def trench_contents(
    uow: UnitOfWork, trench_id: str
) -> tuple[Trench, list[tuple[GravePosition, str]]]:
    """A trench and, in order, each body's position and status (no names: for plans)."""
    with RegistryStore(uow.engine) as store:
        trench = store.registry.trench(trench_id)
        if trench is None:
            raise RegistryError(f"no trench {trench_id}")
        bodies = []
        for position in store.registry.positions(trench_id):
            stored = store.registry.body(position.ref)
            bodies.append((position, stored.status if stored else "unknown"))
    return trench, bodies


def add_morgue(uow: UnitOfWork, morgue: Morgue, actor: Actor) -> None:
    require(actor, "forensic", doing="registering a morgue")
    with RegistryStore(uow.engine) as store:
        store.registry.put_morgue(morgue)
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="put_morgue",
            entity="morgue",
            entity_id=morgue.code,
            after={"name": morgue.name, "capacity": morgue.capacity},
        )
        store.commit()


def grave_sites(uow: UnitOfWork) -> list[SiteSummary]:
    """Every burial site with its trenches and their body counts (counts only; no names)."""
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        counts = repo.trench_counts()
        trenches = repo.trenches()
        return [
            SiteSummary(
                site,
                tuple((t, counts.get(t.trench_id, 0)) for t in trenches if t.site == site.code),
            )
            for site in repo.sites()
        ]


def morgue_occupancy(uow: UnitOfWork) -> list[tuple[Morgue, int]]:
    """Every morgue with how many bodies it holds now (counts only; no one is named)."""
    with RegistryStore(uow.engine) as store:
        return store.registry.morgues()


# --- the missing ---------------------------------------------------------------------------
def add_report(uow: UnitOfWork, report: MissingReport, actor: Actor) -> None:
    """Record a family's report; it is matched only with the family's consent."""
    require(actor, "family_liaison", "forensic", doing="recording a missing-person report")
    if actor.role == "family_liaison" and not report.liaison:
        report = replace(report, liaison=actor.name)
    at = _now()
    with RegistryStore(uow.engine) as store:
        if store.registry.report(report.report_id) is not None:
            raise RegistryError(f"report {report.report_id} is recorded already")
        store.registry.add_report(report, at=at, by=str(actor))
        store.audit.append(
            at=at,
            actor=str(actor),
            action="add_report",
            entity="missing_report",
            entity_id=report.report_id,
            after={"consent": list(report.consent)},
        )
        store.commit()


def import_reports(
    uow: UnitOfWork,
    path: Path,
    actor: Actor,
    *,
    consent: tuple[str, ...] = (),
    source_name: str | None = None,
) -> ImportResult:
    """Record the reports of a ``reports.csv``; rows without a ``consent`` column get
    ``consent``. Known report ids are skipped. A family liaison imports their own cases
    only: a row naming another liaison is refused. ``source_name``: how the file is named
    in problems and the audit log (an upload's own name rather than its scratch copy)."""
    require(actor, "family_liaison", "forensic", doing="importing missing-person reports")
    name = source_name or str(path)
    result = ImportResult()
    at = _now()
    with RegistryStore(uow.engine) as store:
        known = store.registry.report_ids()
        for line, row in _read_csv(path, ("report_id",)):
            try:
                report = report_from_row(row, default_consent=consent)
            except RowError as exc:
                result.problems.append(InputProblem(name, exc.message, line, exc.field))
                continue
            if actor.role == "family_liaison":
                if report.liaison and report.liaison != actor.name:
                    message = (
                        f"names another liaison ({report.liaison}): a family liaison "
                        "imports their own cases only"
                    )
                    result.problems.append(InputProblem(name, message, line, "liaison"))
                    continue
                report = replace(report, liaison=actor.name)
            if report.report_id in known:
                result.skipped += 1
                continue
            store.registry.add_report(report, at=at, by=str(actor))
            known.add(report.report_id)
            result.added += 1
        store.audit.append(
            at=at,
            actor=str(actor),
            action="import_reports",
            entity="missing_report",
            entity_id=name,
            after={"added": result.added, "consent": list(consent)},
        )
        store.commit()
    return result


def _visible_report(repo: RegistryRepository, report_id: str, actor: Actor) -> StoredReport:
    """The report, if it exists and ``actor`` may see it (else a refusal saying which)."""
    stored = repo.report(report_id)
    if stored is None:
        raise RegistryError(f"no report {report_id}")
    if not may_see_report(actor, stored.report.liaison):
        raise AccessDenied(f"{actor} may not see report {report_id}")
    return stored


def view_report(uow: UnitOfWork, report_id: str, actor: Actor) -> StoredReport:
    """A report with its names, for forensic staff, admins and the case's liaison."""
    with RegistryStore(uow.engine) as store:
        stored = _visible_report(store.registry, report_id, actor)
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="missing_report",
            entity_id=report_id,
        )
        store.commit()
    return stored


# --- PFIF 1.4 -----------------------------------------------------------------------------
def export_pfif(uow: UnitOfWork, actor: Actor, *, domain: str = "tollbook.local") -> bytes:
    """The missing whose families consented to sharing, as PFIF 1.4 persons and notes.

    A ``believed_dead`` note is written only for a confirmed identification of which the
    family has already been told by a family-liaison worker; the family's contact is
    never exported. The export is audited.
    """
    require(actor, "forensic", "family_liaison", doing="exporting PFIF")
    persons: list[PfifPerson] = []
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        for stored in repo.reports():
            report = stored.report
            if "sharing" not in report.consent or not may_see_report(actor, report.liaison):
                continue
            persons.append(
                _pfif_person(repo.identification(report_id=report.report_id), report, domain)
            )
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="export_pfif",
            entity="missing_report",
            entity_id="*",
            after={"persons": len(persons)},
        )
        store.commit()
    return write_pfif(persons)


def _record_id(domain: str, report_id: str) -> str:
    return report_id if "/" in report_id else f"{domain}/{report_id}"


def _pfif_person(
    identification: Identification | None, report: MissingReport, domain: str
) -> PfifPerson:
    record = _record_id(domain, report.report_id)
    age = report.age_on_last_seen()
    values = {
        "person_record_id": record,
        "entry_date": utc_text(_now()),
        "source_name": "Tollbook",
        "full_name": report.full_name,
        "given_name": report.given_name,
        "family_name": report.family_name,
        "sex": {"M": "male", "F": "female"}.get(report.sex, ""),
        "date_of_birth": report.birth_date.isoformat() if report.birth_date else "",
        "age": "" if age is None else str(age),
        "home_neighborhood": report.last_seen_place,
    }
    notes = []
    if identification is not None and identification.notified_at is not None:
        notes.append(
            PfifNote(
                {
                    "note_record_id": f"{domain}/identification.{identification.id}",
                    "person_record_id": record,
                    "entry_date": utc_text(identification.notified_at),
                    "author_name": "Tollbook forensic registry",
                    "status": "believed_dead",
                    "text": f"Identified by {identification.method}; the family was informed.",
                }
            )
        )
    return PfifPerson(values, tuple(notes))


def import_pfif(
    uow: UnitOfWork,
    path: Path,
    actor: Actor,
    *,
    consent: tuple[str, ...] = (),
    source_name: str | None = None,
) -> ImportResult:
    """Record the persons of a PFIF 1.4 file as missing-person reports (with ``consent``)
    and keep their notes. A ``believed_dead`` note is kept as a note: it never
    identifies anyone here. Notes for a report the actor may not see (another liaison's
    case) are refused, not kept. ``source_name`` as for :func:`import_reports`."""
    require(actor, "family_liaison", "forensic", doing="importing PFIF")
    name = source_name or str(path)
    limits = FileLimits.from_env()
    try:
        check_size(path, limits, name)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(InputProblem(name, f"cannot read: {exc.strerror}")) from None
    persons, problems = read_pfif(data, name, limits)
    result = ImportResult(problems=list(problems))
    at = _now()
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        for number, person in enumerate(persons, start=1):
            report = _report_from_pfif(person, consent, actor)
            existing = repo.report(report.report_id)
            if existing is None:
                repo.add_report(report, at=at, by=str(actor))
                result.added += 1
            elif not may_see_report(actor, existing.report.liaison):
                message = "is another liaison's case: its notes were not kept"
                result.problems.append(
                    InputProblem(name, message, field=f"person[{number}]/person_record_id")
                )
                continue
            else:
                result.skipped += 1
            for note in person.notes:
                v = note.values
                entry = _timestamp(v.get("entry_date", ""))
                kept = Note(
                    v["note_record_id"],
                    report.report_id,
                    note.status,
                    v.get("author_name", ""),
                    entry,
                    v.get("text", ""),
                )
                extra = {k: x for k, x in v.items() if k not in ("text", "status")}
                repo.add_note(kept, extra)
        store.audit.append(
            at=at,
            actor=str(actor),
            action="import_pfif",
            entity="missing_report",
            entity_id=name,
            after={"added": result.added, "consent": list(consent)},
        )
        store.commit()
    return result


def _timestamp(text: str) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _report_from_pfif(person: PfifPerson, consent: tuple[str, ...], actor: Actor) -> MissingReport:
    v = person.values
    family, given = v.get("family_name", ""), v.get("given_name", "")
    if not family and not given:
        family = v.get("full_name", "")
    birth = v.get("date_of_birth", "")
    age = v.get("age", "")
    return MissingReport(
        report_id=person.record_id,
        family_name=family,
        given_name=given,
        sex={"male": "M", "female": "F"}.get(v.get("sex", ""), ""),
        birth_date=date.fromisoformat(birth) if len(birth) == 10 else None,
        age=int(age.split("-")[0]) if age else None,
        last_seen_place=v.get("home_neighborhood", "") or v.get("home_city", ""),
        consent=consent,
        liaison=actor.name if actor.role == "family_liaison" else "",
    )


# --- cases of the missing: listing and history ---------------------------------------------
#: Where a case stands: ``open``, ``identified`` (the family not told yet), ``told``.
CASE_STAGES: tuple[str, ...] = ("open", "identified", "told")


@dataclass(frozen=True)
class Case:
    """A report with its identification, if a forensic user confirmed one."""

    stored: StoredReport
    identification: Identification | None

    @property
    def stage(self) -> str:
        if self.identification is None:
            return "open"
        return "identified" if self.identification.notified_at is None else "told"


@dataclass(frozen=True)
class CaseEvent:
    """One step in a case's history: recorded, identified, family told, or a PFIF note."""

    at: datetime | None
    what: str
    by: str
    detail: str = ""


def list_missing_reports(
    uow: UnitOfWork, actor: Actor, *, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[Case]:
    """The reports the actor may see (a family liaison: their own cases only), in id
    order, optionally at one stage of :data:`CASE_STAGES`; audited as one ``list`` view."""
    require(actor, "family_liaison", "forensic", doing="listing missing-person reports")
    if status is not None and status not in CASE_STAGES:
        raise RegistryError(f"status: {status!r} is not one of {', '.join(CASE_STAGES)}")
    liaison = actor.name if actor.role == "family_liaison" else None
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        identified = {i.report_id: i for i in repo.identifications()}
        cases = [
            Case(r, identified.get(r.report.report_id))
            for r in repo.reports(liaison=liaison)
            if may_see_report(actor, r.report.liaison)
        ]
        if status is not None:
            cases = [c for c in cases if c.stage == status]
        shown = cases[offset : offset + limit]
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="list",
            entity="missing_report",
            entity_id="*",
            after={
                "status": status,
                "offset": offset,
                "shown": [c.stored.report.report_id for c in shown],
            },
        )
        store.commit()
    return shown


def report_history(uow: UnitOfWork, report_id: str, actor: Actor) -> tuple[Case, list[CaseEvent]]:
    """A case and its history, oldest first: when and by whom it was recorded, identified
    and the family told, and its PFIF notes; access-checked like :func:`view_report` and
    audited as a view."""
    with RegistryStore(uow.engine) as store:
        repo = store.registry
        stored = _visible_report(repo, report_id, actor)
        found = repo.identification(report_id=report_id)
        events = [CaseEvent(stored.created_at, "recorded", stored.created_by)]
        if found is not None:
            events.append(
                CaseEvent(
                    found.confirmed_at,
                    "identified",
                    found.confirmed_by,
                    f"as body {found.ref}, by {found.method}",
                )
            )
            if found.notified_at is not None:
                told = CaseEvent(found.notified_at, "family told", found.notified_by or "")
                events.append(told)
        for note in repo.notes(report_id):
            what = f"note: {note.status}" if note.status else "note"
            events.append(CaseEvent(note.entry_date, what, note.author_name, note.text))
        events.sort(key=lambda e: e.at.timestamp() if e.at is not None else float("inf"))
        store.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="missing_report",
            entity_id=report_id,
            after={"what": "history"},
        )
        store.commit()
    return Case(stored, found), events
