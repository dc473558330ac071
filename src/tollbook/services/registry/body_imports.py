"""Bodies imported again from a corrected ``bodies.csv``, and an import of bodies undone.

An import's audit entry names the bodies it registered and, for each it corrected, its
description before and after; its id is the import's number (``bodies import`` prints
it). Undoing it takes out the bodies it registered (not one with custody, photos, an
identification or parts since: those are named and kept) and gives the ones it corrected
their description back (not one changed again since). Audited. A corrected file changes
a body's description and recovery, never its status, place or custody.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tollbook.domain.body import Body
from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.registry.access import Actor, require
from tollbook.store.body_changes import CHANGEABLE, BodyChanges
from tollbook.store.report_changes import ReportChanges
from tollbook.store.unit_of_work import UnitOfWork


class BodyUndoRefused(Invalid, ValueError):
    """No such import of bodies, or one undone already."""


@dataclass(frozen=True)
class BodyImportUndone:
    import_id: int
    removed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)


def body_values(body: Body) -> dict[str, Any]:
    """A body's changeable fields as :meth:`BodyChanges.values` gives them."""
    d = body.description
    values: dict[str, Any] = {
        "apparent_sex": d.apparent_sex,
        "apparent_age": d.apparent_age,
        "height_cm": d.height_cm,
        "clothing": list(d.clothing),
        "marks": list(d.marks),
        "effects": list(d.effects),
        "condition": d.condition,
        "wrapped_in": d.wrapped_in,
        "recovered_place": body.recovered_place,
        "recovered_district": body.recovered_district,
        "recovered_on": body.recovered_on.isoformat() if body.recovered_on else None,
        "team": body.team,
        "label": body.label,
        "notes": body.notes,
    }
    assert set(values) == set(CHANGEABLE)
    return values


def undo_body_import(uow: UnitOfWork, import_id: int, actor: Actor) -> BodyImportUndone:
    """Undo the import of bodies whose audit entry is ``import_id``."""
    require(actor, "forensic", doing="undoing an import of bodies")
    at = datetime.now(UTC)
    with uow:
        entries = ReportChanges(uow.session)
        entry = entries.audit_entry(import_id)
        if entry is None or entry.action != "import_bodies" or not entry.after:
            raise BodyUndoRefused(
                N_("there is no import of bodies %(import_id)s", import_id=import_id)
            )
        done = entries.undone(import_id, action="undo_import_bodies", entity="body_import")
        if done is not None:
            raise BodyUndoRefused(
                N_(
                    "import %(import_id)s was undone already, on %(at)s UTC by %(actor)s",
                    import_id=import_id,
                    at=format(done.at, "%Y-%m-%d %H:%M"),
                    actor=done.actor,
                )
            )
        out = BodyImportUndone(import_id)
        changes = BodyChanges(uow.session)
        taken: dict[str, Any] = {}
        for ref in entry.after["added_refs"]:
            values = changes.values(ref)
            if values is None:
                continue
            why = changes.why_kept(ref)
            if why:
                out.kept[ref] = why
                continue
            taken[ref] = values
            changes.delete_body(ref)
            out.removed.append(ref)
        for ref, change in entry.after.get("updated", {}).items():
            if changes.values(ref) != change["after"]:
                out.kept[ref] = "changed again since"
                continue
            changes.set_values(ref, change["before"])
            out.restored.append(ref)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="undo_import_bodies",
            entity="body_import",
            entity_id=import_id,
            before={"removed": taken},
            after={"removed": out.removed, "restored": out.restored, "kept": out.kept},
        )
        uow.commit()
    return out
