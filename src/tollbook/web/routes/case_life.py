"""The life of a case as forms and API calls: an inquiry closed as found alive, an
identification revoked, a body released to the family, cases handed to another liaison.

Each calls one use case of :mod:`tollbook.services.registry.case_life` (audited there);
the services decide who may, case by case.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form
from fastapi.responses import Response
from pydantic import BaseModel, Field

from tollbook.services.accounts import User
from tollbook.services.registry import (
    found_alive,
    reassign_cases,
    release_body,
    revoke_identification,
)
from tollbook.web.auth import ASSIGN, BODIES, IDENTIFY, MISSING
from tollbook.web.errors import ApiProblem
from tollbook.web.routes.common import UowDep, registry_actor, see_other

router = APIRouter()

Text = Annotated[str, Form(max_length=2000)]
Day = Annotated[str, Form(max_length=20)]


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        message = f"{text.strip()!r} is not a date (YYYY-MM-DD)"
        loc = {"type": "invalid", "msg": message, "loc": ["body", field]}
        raise ApiProblem(422, f"{field}: {message}", errors=[loc]) from None


class FoundAlive(BaseModel):
    found_by: str = Field(max_length=2000, description="Who found them.")
    found_on: str = Field(max_length=20, description="YYYY-MM-DD")
    how: str = Field(max_length=2000, description="How: seen, phoned, documents...")


class Revoke(BaseModel):
    reason: str = Field(max_length=2000, description="Why the identification is wrong.")


class Release(BaseModel):
    to_whom: str = Field(max_length=2000, description="Who received the body.")
    released_on: str = Field(max_length=20, description="YYYY-MM-DD")
    notes: str = Field(default="", max_length=2000)


class Reassign(BaseModel):
    from_liaison: str = Field(default="", max_length=200, description='"" for unassigned')
    to_liaison: str = Field(max_length=200)
    report_ids: list[str] = Field(default_factory=list, max_length=10000)


# --- API ----------------------------------------------------------------------------


@router.post(
    "/api/inquiries/{report_id:path}/found-alive", tags=["inquiries"], summary="Found alive"
)
def api_found_alive(
    report_id: str, body: FoundAlive, uow: UowDep, user: Annotated[User, Depends(MISSING)]
) -> dict[str, Any]:
    """Close an open inquiry: the person was found alive (who, when, how)."""
    day = _day(body.found_on, "found_on")
    event = found_alive(
        uow, report_id, registry_actor(user), found_by=body.found_by, found_on=day, how=body.how
    )
    return {"ok": True, "report_id": report_id, "found_alive": event.detail}


@router.post("/api/bodies/{ref}/revoke", tags=["bodies"], summary="Revoke an identification")
def api_revoke(
    ref: str, body: Revoke, uow: UowDep, user: Annotated[User, Depends(IDENTIFY)]
) -> dict[str, Any]:
    """Forensic users only, with a reason; the case's liaison is alerted."""
    event = revoke_identification(uow, ref, registry_actor(user), reason=body.reason)
    return {"ok": True, "report_id": event.report_id, "revoked": event.detail}


@router.post("/api/bodies/{ref}/release", tags=["bodies"], summary="Release a body")
def api_release(
    ref: str, body: Release, uow: UowDep, user: Annotated[User, Depends(BODIES)]
) -> dict[str, Any]:
    """Record that an identified body was released to the family (to whom, when)."""
    day = _day(body.released_on, "released_on")
    event = release_body(
        uow, ref, registry_actor(user), to_whom=body.to_whom, released_on=day, notes=body.notes
    )
    return {"ok": True, "status": event.to_status, "location": event.to_location}


@router.post("/api/inquiries-reassign", tags=["inquiries"], summary="Reassign cases")
def api_reassign(
    body: Reassign, uow: UowDep, user: Annotated[User, Depends(ASSIGN)]
) -> dict[str, Any]:
    """An admin hands a liaison's cases (or the unassigned ones) to another liaison."""
    moved = reassign_cases(
        uow,
        registry_actor(user),
        from_liaison=body.from_liaison,
        to_liaison=body.to_liaison,
        report_ids=tuple(body.report_ids),
    )
    return {"ok": True, "moved": moved}


# --- forms --------------------------------------------------------------------------


@router.post("/inquiries/{report_id:path}/found-alive", include_in_schema=False)
def found_alive_form(
    report_id: str,
    uow: UowDep,
    user: Annotated[User, Depends(MISSING)],
    found_by: Text = "",
    found_on: Day = "",
    how: Text = "",
) -> Response:
    day = _day(found_on, "found_on")
    found_alive(uow, report_id, registry_actor(user), found_by=found_by, found_on=day, how=how)
    return see_other("/inquiries/" + quote(report_id) + "?alive=1")


@router.post("/bodies/{ref}/revoke", include_in_schema=False)
def revoke_form(
    ref: str, uow: UowDep, user: Annotated[User, Depends(IDENTIFY)], reason: Text = ""
) -> Response:
    revoke_identification(uow, ref, registry_actor(user), reason=reason)
    return see_other(f"/bodies/{ref}?done=revoked")


@router.post("/bodies/{ref}/release", include_in_schema=False)
def release_form(
    ref: str,
    uow: UowDep,
    user: Annotated[User, Depends(BODIES)],
    to_whom: Text = "",
    released_on: Day = "",
    notes: Text = "",
) -> Response:
    day = _day(released_on, "released_on")
    release_body(uow, ref, registry_actor(user), to_whom=to_whom, released_on=day, notes=notes)
    return see_other(f"/bodies/{ref}?done=released")


@router.post("/inquiries-reassign", include_in_schema=False)
def reassign_form(
    uow: UowDep,
    user: Annotated[User, Depends(ASSIGN)],
    from_liaison: Annotated[str, Form(max_length=200)] = "",
    to_liaison: Annotated[str, Form(max_length=200)] = "",
    report_ids: Annotated[str, Form(max_length=20000)] = "",
) -> Response:
    """``report_ids``: some of the cases only, separated by spaces or commas."""
    chosen = tuple(r for r in report_ids.replace(",", " ").split() if r)
    moved = reassign_cases(
        uow,
        registry_actor(user),
        from_liaison=from_liaison,
        to_liaison=to_liaison,
        report_ids=chosen,
    )
    return see_other(f"/inquiries?reassigned={len(moved)}")
