"""Incidents: listed with their figures (and, for those who may, their sources);
merge, split, ungroup, confirm a grouping, set a grade."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.incident import GRADES, Incident
from tollbook.domain.text import N_
from tollbook.services.accounts import User
from tollbook.services.incidents import get_incident, list_incidents
from tollbook.services.review import (
    confirm_grouping,
    merge_incidents,
    set_grade,
    split_incident,
    ungroup_incident,
)
from tollbook.web.auth import AGGREGATES, REVIEW
from tollbook.web.errors import ApiProblem
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.permissions import allowed
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.serializers import incident_json
from tollbook.web.state import current_reconciliation
from tollbook.web.templating import render

router = APIRouter()

PlaceQuery = Annotated[str | None, Query(max_length=200)]
OutcomeQuery = Annotated[str | None, Query(max_length=32)]
FromQuery = Annotated[date | None, Query(alias="from", description="First day, included.")]
ToQuery = Annotated[date | None, Query(alias="to", description="Last day, included.")]


class Reason(BaseModel):
    reason: str | None = Field(default=None, max_length=2000)


class MergeBody(Reason):
    incident_ids: list[int] = Field(min_length=2, max_length=1000)


class SplitBody(Reason):
    claim_ids: list[int] = Field(min_length=1, max_length=10_000)


class GradeBody(Reason):
    grade: str = Field(description=f"One of {', '.join(GRADES)}.")


def full_view(user: User) -> bool:
    """Whether ``user`` may see sources and evidence, not only figures."""
    return allowed(user.role, "sources")


def _json(incident: Incident, user: User) -> dict[str, Any]:
    return incident_json(incident, full=full_view(user))


# --- API ----------------------------------------------------------------------------


@router.get("/api/incidents", tags=["incidents"], summary="List incidents")
def api_incidents(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(AGGREGATES)],
    place: PlaceQuery = None,
    outcome: OutcomeQuery = None,
    start: FromQuery = None,
    end: ToQuery = None,
) -> dict[str, Any]:
    """Incidents in date order (undated last); sources only for roles that see them."""
    found = list_incidents(
        uow, place, outcome, start, end, reconciliation=current_reconciliation(request, uow)
    )
    items, more = fetch_page(page, lambda n, o: found[o : o + n])
    return page_body(request, page, [_json(i, user) for i in items], more)


@router.get("/api/incidents/{incident_id}", tags=["incidents"], summary="One incident")
def api_incident(
    request: Request, incident_id: int, uow: UowDep, user: Annotated[User, Depends(AGGREGATES)]
) -> dict[str, Any]:
    return {
        "ok": True,
        "incident": _json(
            get_incident(uow, incident_id, reconciliation=current_reconciliation(request, uow)),
            user,
        ),
    }


@router.post("/api/incidents/merge", tags=["review"], summary="Merge incidents")
def api_merge(
    body: MergeBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    merged = merge_incidents(uow, body.incident_ids, actor(user), body.reason)
    return {"ok": True, "incident": _json(merged, user)}


@router.post("/api/incidents/{incident_id}/split", tags=["review"], summary="Split an incident")
def api_split(
    incident_id: int, body: SplitBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    parts = split_incident(uow, incident_id, body.claim_ids, actor(user), body.reason)
    return {"ok": True, "incidents": [_json(i, user) for i in parts]}


@router.post("/api/incidents/{incident_id}/ungroup", tags=["review"], summary="Ungroup an incident")
def api_ungroup(
    incident_id: int, body: Reason, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    parts = ungroup_incident(uow, incident_id, actor(user), body.reason)
    return {"ok": True, "incidents": [_json(i, user) for i in parts]}


@router.post("/api/incidents/{incident_id}/confirm", tags=["review"], summary="Confirm a grouping")
def api_confirm_grouping(
    incident_id: int, body: Reason, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    done = confirm_grouping(uow, incident_id, actor(user), body.reason)
    return {"ok": True, "incident": _json(done, user)}


@router.post("/api/incidents/{incident_id}/grade", tags=["review"], summary="Set the grade")
def api_grade(
    incident_id: int, body: GradeBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    done = set_grade(uow, incident_id, body.grade, actor(user), body.reason)
    return {"ok": True, "incident": _json(done, user)}


# --- pages --------------------------------------------------------------------------


@router.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
def incidents_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(AGGREGATES)],
    place: PlaceQuery = None,
    outcome: OutcomeQuery = None,
) -> Response:
    found = list_incidents(
        uow, place or None, outcome or None, reconciliation=current_reconciliation(request, uow)
    )
    items, more = fetch_page(page, lambda n, o: found[o : o + n])
    context = {
        "incidents": items,
        "page": page,
        "more": more,
        "place": place,
        "outcome": outcome,
        "total": len(found),
        "full": full_view(user),
    }
    return render(request, "incidents.html", context)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
def incident_page(
    request: Request,
    incident_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(AGGREGATES)],
) -> Response:
    incident = get_incident(uow, incident_id, reconciliation=current_reconciliation(request, uow))
    context = {"incident": incident, "full": full_view(user), "grades": GRADES}
    return render(request, "incident.html", context)


@router.post("/incidents/merge", include_in_schema=False)
def merge_form(
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
    incident_ids: Annotated[str, Form(max_length=10_000)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    ids = _ids(incident_ids)
    merged = merge_incidents(uow, ids, actor(user), reason.strip() or None)
    return see_other(f"/incidents/{merged.id}")


@router.post("/incidents/{incident_id}/confirm", include_in_schema=False)
def confirm_form(
    incident_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    done = confirm_grouping(uow, incident_id, actor(user), reason.strip() or None)
    return see_other(f"/incidents/{done.id}")


@router.post("/incidents/{incident_id}/grade", include_in_schema=False)
def grade_form(
    incident_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
    grade: Annotated[str, Form(max_length=32)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    done = set_grade(uow, incident_id, grade, actor(user), reason.strip() or None)
    return see_other(f"/incidents/{done.id}")


@router.post("/incidents/{incident_id}/ungroup", include_in_schema=False)
def ungroup_form(
    incident_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    ungroup_incident(uow, incident_id, actor(user), reason.strip() or None)
    return see_other("/incidents")


@router.post("/incidents/{incident_id}/split", include_in_schema=False)
async def split_form(
    request: Request,
    incident_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
) -> Response:
    form = await request.form()
    ids = _ids(",".join(v for v in form.getlist("claim_ids") if isinstance(v, str)))
    reason = form.get("reason")
    note = reason.strip() if isinstance(reason, str) and reason.strip() else None
    parts = await run_in_threadpool(split_incident, uow, incident_id, ids, actor(user), note)
    return see_other(f"/incidents/{parts[-1].id}")


def _ids(text: str) -> list[int]:
    try:
        return [int(v) for v in text.replace(",", " ").split()]
    except ValueError:
        raise ApiProblem(
            422, N_("not a list of ids: %(text)s", text=repr(text)), type="invalid"
        ) from None
