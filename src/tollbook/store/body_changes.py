"""Bodies changed by an import of a corrected ``bodies.csv``, or taken out when an import
is undone (flushed, not committed; the service writes the audit entry)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tollbook.store.registry_tables import (
    BodyPhotoRow,
    BodyRow,
    CustodyEventRow,
    GravePositionRow,
    IdentificationRow,
)

#: The body fields a corrected file may change (not its status, place or custody).
CHANGEABLE: tuple[str, ...] = (
    "apparent_sex", "apparent_age", "height_cm", "clothing", "marks", "effects",
    "condition", "wrapped_in", "recovered_place", "recovered_district", "recovered_on",
    "team", "label", "notes",
)  # fmt: skip


class BodyChanges:
    def __init__(self, session: Session) -> None:
        self._session = session

    def values(self, ref: str) -> dict[str, Any] | None:
        """The changeable fields of a body as JSON (a date as ISO text)."""
        row = self._session.get(BodyRow, ref)
        if row is None:
            return None
        out: dict[str, Any] = {}
        for name in CHANGEABLE:
            value = getattr(row, name)
            out[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return out

    def set_values(self, ref: str, values: dict[str, Any]) -> None:
        row = self._session.get(BodyRow, ref)
        if row is None:
            raise KeyError(ref)
        for name in CHANGEABLE:
            value = values.get(name)
            if name == "recovered_on":
                value = date.fromisoformat(value) if value else None
            setattr(row, name, value)
        self._session.flush()

    def why_kept(self, ref: str) -> str:
        """Why an imported body may not be taken out ("" when it may): a step of custody
        since, a photo, an identification, a part of it registered."""
        s = self._session
        count = s.scalar(
            select(func.count()).select_from(CustodyEventRow).where(CustodyEventRow.ref == ref)
        )
        if (count or 0) > 1:
            return "moved or changed since (custody)"
        for table, why in ((BodyPhotoRow, "has photos"), (IdentificationRow, "identified")):
            if s.scalar(select(func.count()).select_from(table).where(table.ref == ref)):
                return why
        if s.scalar(select(func.count()).select_from(BodyRow).where(BodyRow.parent_ref == ref)):
            return "has parts registered"
        return ""

    def delete_body(self, ref: str) -> None:
        s = self._session
        s.execute(delete(GravePositionRow).where(GravePositionRow.ref == ref))
        s.execute(delete(CustodyEventRow).where(CustodyEventRow.ref == ref))
        s.execute(delete(BodyRow).where(BodyRow.ref == ref))
