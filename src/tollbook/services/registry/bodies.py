"""Use cases of bodies: register, import, move, view and list them, and their custody.

Each change and each view of a body is written to the audit log in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tollbook.domain.body import STATUSES, Body, CustodyEvent, Description, Photo
from tollbook.domain.grave import GravePosition
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputProblem
from tollbook.registry.access import AccessDenied, Actor, may_see_names, may_see_report, require
from tollbook.registry.custody import CustodyError, movement
from tollbook.registry.positions import PositionError, check_distance
from tollbook.registry.references import BadReference, parse_reference, part_reference
from tollbook.registry.rows import (
    RowError,
    body_from_row,
)
from tollbook.services.registry.body_imports import body_values
from tollbook.services.registry.csv_rows import read_csv_rows
from tollbook.services.registry.outcomes import (
    RegistryError,
    RegistryImportResult,
    RegistryNotFound,
)
from tollbook.store.body_changes import BodyChanges
from tollbook.store.registry_repository import (
    RegistryRepository,
    StoredBody,
)
from tollbook.store.unit_of_work import UnitOfWork


def _now() -> datetime:
    return datetime.now(UTC)


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
    with uow:
        stored = _add_body(uow, body, actor, location, status, position, reason, at)
        uow.commit()
    return stored


def _add_body(
    uow: UnitOfWork,
    body: Body,
    actor: Actor,
    location: str,
    status: str,
    position: GravePosition | None,
    reason: str,
    at: datetime,
) -> StoredBody:
    repo = uow.registry
    if repo.body(body.ref) is not None:
        raise RegistryError(N_("body %(ref)s is registered already", ref=body.ref))
    if body.parent_ref is not None and repo.body(body.parent_ref) is None:
        raise RegistryError(
            N_(
                "body %(parent_ref)s (of part %(ref)s) is not registered",
                parent_ref=body.parent_ref,
                ref=body.ref,
            )
        )
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
            raise RegistryError(
                N_("trench %(trench_id)s is not registered", trench_id=position.trench_id)
            )
        try:
            check_distance(trench, position.distance_m)
        except PositionError as exc:
            raise RegistryError(str(exc)) from None
    stored = repo.add_body(body, status=status, location=location, at=at, by=str(actor))
    if position is not None:
        repo.put_position(position)
    repo.add_custody(event)
    uow.audit.append(
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
    with uow:
        parent = uow.registry.body(parent_ref)
        if parent is None:
            raise RegistryNotFound(N_("no body %(parent_ref)s", parent_ref=parent_ref))
        existing = len(uow.registry.parts_of(parent_ref))
    try:
        ref = part_reference(parse_reference(parent_ref), existing)
    except BadReference as exc:
        raise RegistryError(str(exc)) from None
    part = replace(parent.body, ref=str(ref), parent_ref=parent_ref, description=description)
    add_body(uow, part, actor, location=parent.location, status="recovered")
    return str(ref)


def import_bodies(
    uow: UnitOfWork, path: Path, actor: Actor, *, all_or_nothing: bool = False
) -> RegistryImportResult:
    """Register the bodies of a ``bodies.csv`` (the simulator's columns); bodies in trenches
    need their trenches imported first, and are registered buried there. A known
    reference is left alone when its row is unchanged, and its description and recovery
    corrected when a corrected file changes them (before and after in the import's audit
    entry, whose id is the import's number for :func:`undo_body_import`). With
    ``all_or_nothing``, a file with any bad row stores nothing (``added`` is then 0 and
    every problem is listed)."""
    require(actor, "forensic", doing="importing bodies")
    result = RegistryImportResult()
    at = _now()
    added: list[str] = []
    updated: dict[str, dict[str, Any]] = {}
    with uow:
        known = uow.registry.body_refs()
        changes = BodyChanges(uow.session)
        for line, row in read_csv_rows(path, ("body_ref",)):
            try:
                body, position = body_from_row(row)
            except RowError as exc:
                result.problems.append(InputProblem(str(path), exc.message, line, exc.field))
                continue
            if body.ref in known:
                before, after = changes.values(body.ref), body_values(body)
                if before is None or before == after or body.ref in updated:
                    result.skipped += 1
                    continue
                changes.set_values(body.ref, after)
                updated[body.ref] = {"before": before, "after": after}
                result.updated += 1
                continue
            location, status = "", "recovered"
            if position is not None:
                location, status = f"grave:{position.trench_id}", "buried"
            try:
                _add_body(uow, body, actor, location, status, position, "imported", at)
            except RegistryError as exc:
                result.problems.append(InputProblem(str(path), str(exc), line))
                continue
            known.add(body.ref)
            added.append(body.ref)
            result.added += 1
        if all_or_nothing and result.problems:
            result.added = result.updated = 0
            return result
        result.import_id = uow.audit.append(
            at=at,
            actor=str(actor),
            action="import_bodies",
            entity="body",
            entity_id=str(path),
            after={"added_refs": added, "updated": updated, "unchanged": result.skipped},
        )
        uow.commit()
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
        raise RegistryError(N_("a body is identified only by confirming an identification"))
    if position is not None:
        to_location = f"grave:{position.trench_id}"
    at = _now()
    with uow:
        repo = uow.registry
        current = repo.body(ref)
        if current is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
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
            raise RegistryError(N_("%(ref)s: %(exc)s", ref=ref, exc=exc)) from None
        if to_status == "stored" and to_location.startswith("morgue:"):
            _check_room(uow, to_location.removeprefix("morgue:"))
        if position is not None:
            trench = repo.trench(position.trench_id)
            if trench is None:
                raise RegistryError(
                    N_("trench %(trench_id)s is not registered", trench_id=position.trench_id)
                )
            try:
                check_distance(trench, position.distance_m)
            except PositionError as exc:
                raise RegistryError(str(exc)) from None
            repo.put_position(position)
        repo.set_status(ref, event.to_status, event.to_location)
        repo.add_custody(event)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="move_body",
            entity="body",
            entity_id=ref,
            before={"status": current.status, "location": current.location},
            after={"status": event.to_status, "location": event.to_location, "reason": reason},
        )
        uow.commit()
    return event


def _check_room(uow: UnitOfWork, code: str) -> None:
    for morgue, occupied in uow.registry.morgues():
        if morgue.code == code:
            if occupied >= morgue.capacity:
                raise RegistryError(
                    N_(
                        "morgue %(code)s is full (%(occupied)s of %(capacity)s)",
                        code=code,
                        occupied=occupied,
                        capacity=morgue.capacity,
                    )
                )
            return
    raise RegistryNotFound(N_("no morgue %(code)s", code=code))


def liaison_of_body(repo: RegistryRepository, ref: str, actor: Actor) -> bool:
    """Is ``actor`` the family liaison of the case ``ref`` is identified as? Raises
    :class:`AccessDenied` for any other family liaison (False for other roles)."""
    if actor.role != "family_liaison":
        return False
    identification = repo.identification(ref=ref)
    if identification is not None:
        report = repo.report(identification.report_id)
        if report is not None and may_see_report(actor, report.report.liaison):
            return True
    raise AccessDenied(
        N_("%(actor)s may see only the bodies identified in their cases", actor=actor)
    )


def view_body(uow: UnitOfWork, ref: str, actor: Actor) -> BodyView:
    """A body's record as the actor may see it; the view is audited."""
    require(actor, "forensic", "family_liaison", "recorder", doing="viewing a body")
    at = _now()
    with uow:
        repo = uow.registry
        stored = repo.body(ref)
        if stored is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
        identification = repo.identification(ref=ref)
        names = may_see_names(actor) or liaison_of_body(repo, ref, actor)
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
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"names_shown": names},
        )
        uow.commit()
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
        raise RegistryError(
            N_(
                "unknown status %(status)s; one of %(items)s",
                status=repr(status),
                items=", ".join(STATUSES),
            )
        )
    names = may_see_names(actor)
    with uow:
        rows = uow.registry.body_page(status=status, site=site, limit=limit, offset=offset)
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
        uow.audit.append(
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
        uow.commit()
    return found


def custody_chain(uow: UnitOfWork, ref: str, actor: Actor) -> list[CustodyEvent]:
    """A body's custody events, oldest first: for forensic staff, admins and the liaison
    of the case the body is identified as."""
    require(actor, "forensic", "family_liaison", doing="reading a chain of custody")
    with uow:
        if uow.registry.body(ref) is None:
            raise RegistryNotFound(N_("no body %(ref)s", ref=ref))
        liaison_of_body(uow.registry, ref, actor)
        events = uow.registry.custody(ref)
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="view",
            entity="body",
            entity_id=ref,
            after={"what": "custody"},
        )
        uow.commit()
    return events


def body_exists(uow: UnitOfWork, ref: str) -> bool:
    """Is there a body (or part) with this reference? Says nothing else about it: a look
    up for the reference box before the body's own (audited) page opens."""
    with uow:
        return uow.registry.body(ref) is not None
