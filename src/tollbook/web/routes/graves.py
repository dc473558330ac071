"""Graves and morgues: burial sites with their trenches and counts, a trench with its plan
and the bodies in place, the import of sites.csv and trenches.csv, morgues' occupancy.
Counts, references and statuses only: no names are shown here."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from tollbook.domain.grave import GravePosition, Morgue, Trench
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError
from tollbook.exchange.trench_map import trench_map_svg
from tollbook.registry.positions import PositionError, body_coordinates
from tollbook.services.accounts import User
from tollbook.services.registry import (
    RegistryImportResult,
    add_morgue,
    grave_sites,
    import_graves,
    morgue_occupancy,
    trench_contents,
)
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import BODIES
from tollbook.web.drawing import drawing
from tollbook.web.errors import ApiProblem
from tollbook.web.i18n import gettext_for
from tollbook.web.routes.common import UowDep, registry_actor, see_other
from tollbook.web.serializers_registry import (
    import_json,
    morgue_json,
    position_json,
    site_json,
    trench_json,
)
from tollbook.web.state import app_state
from tollbook.web.templating import render
from tollbook.web.uploads import (
    read_upload,
    relocated,
    scratch_files,
    upload_name,
)

router = APIRouter()

BodiesUser = Annotated[User, Depends(BODIES)]
#: matplotlib draws one figure at a time


class NewMorgue(BaseModel):
    code: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=200)
    capacity: int = Field(ge=0, le=1_000_000)


def _trench(
    uow: UnitOfWork, site: str, trench_id: str
) -> tuple[Trench, list[tuple[GravePosition, str]]]:
    trench, placed = trench_contents(uow, trench_id)
    if trench.site != site:
        raise ApiProblem(
            404, N_("no trench %(trench_id)s at site %(site)s", trench_id=trench_id, site=site)
        )
    return trench, placed


def _where(trench: Trench, position: GravePosition) -> tuple[float, float] | None:
    try:
        return body_coordinates(trench, position.distance_m)
    except PositionError:
        return None


def _import(
    request: Request,
    uow: UnitOfWork,
    user: User,
    sites: UploadFile | None,
    trenches: UploadFile | None,
) -> tuple[RegistryImportResult, list[dict[str, Any]]]:
    limit = app_state(request).settings.max_file_bytes
    sites_data = read_upload(sites, limit, "sites")
    trenches_data = read_upload(trenches, limit, "trenches")
    assert sites is not None and trenches is not None
    files = {
        "sites": (upload_name(sites, "sites.csv"), sites_data),
        "trenches": (upload_name(trenches, "trenches.csv"), trenches_data),
    }
    with scratch_files(files) as scratch:
        try:
            result = import_graves(
                uow,
                scratch.paths["sites"],
                scratch.paths["trenches"],
                registry_actor(user),
                all_or_nothing=True,
                source_name=f"web upload: {scratch.names['sites']}, {scratch.names['trenches']}",
            )
        except InputError as exc:
            raise InputError(relocated(exc.problem, scratch)) from None
        return result, [scratch.problem(p) for p in result.problems]


def _morgue(code: str, name: str, capacity: str) -> Morgue:
    code, name = code.strip(), name.strip()
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", code):
        raise ApiProblem(
            422,
            N_("code: a short code of letters, digits, '.', '_' or '-', e.g. M1"),
            type="invalid",
        )
    if not name:
        raise ApiProblem(422, N_("name: give the morgue's name"), type="invalid")
    try:
        places = int(capacity.strip())
    except ValueError:
        raise ApiProblem(
            422, N_("capacity: %(capacity)s is not a whole number", capacity=repr(capacity))
        ) from None
    if places < 0:
        raise ApiProblem(422, N_("capacity: cannot be negative"), type="invalid")
    return Morgue(code, name, places)


# --- API ------------------------------------------------------------------------------


@router.get("/api/graves", tags=["graves"], summary="Burial sites, trenches and counts")
def api_graves(uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    return {"ok": True, "sites": [site_json(s) for s in grave_sites(uow)]}


@router.post("/api/graves/import", tags=["graves"], summary="Import sites.csv and trenches.csv")
def api_import_graves(
    request: Request,
    uow: UowDep,
    user: BodiesUser,
    sites: Annotated[UploadFile | None, File(description="sites.csv")] = None,
    trenches: Annotated[UploadFile | None, File(description="trenches.csv")] = None,
) -> Response:
    """All or nothing: any bad row stores nothing; problems by file, line and field."""
    result, problems = _import(request, uow, user, sites, trenches)
    return JSONResponse(import_json(result, problems), status_code=422 if problems else 200)


@router.get(
    "/api/graves/{site}/trenches/{trench_id}", tags=["graves"], summary="A trench and its bodies"
)
def api_trench(site: str, trench_id: str, uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    trench, placed = _trench(uow, site, trench_id)
    bodies = []
    for position, status in placed:
        where = _where(trench, position)
        item = {"ref": position.ref, "status": status, **(position_json(position) or {})}
        item["lat"], item["lon"] = where if where else (None, None)
        bodies.append(item)
    return {"ok": True, "trench": trench_json(trench, len(placed)), "bodies": bodies}


@router.get("/api/morgues", tags=["graves"], summary="Morgues: capacity and occupancy")
def api_morgues(uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    return {"ok": True, "morgues": [morgue_json(m, n) for m, n in morgue_occupancy(uow)]}


@router.post("/api/morgues", tags=["graves"], summary="Register or update a morgue")
def api_add_morgue(body: NewMorgue, uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    add_morgue(uow, Morgue(body.code, body.name.strip(), body.capacity), registry_actor(user))
    return {"ok": True, "code": body.code}


# --- pages ----------------------------------------------------------------------------


@router.get("/graves", response_class=HTMLResponse, include_in_schema=False)
def graves_page(request: Request, uow: UowDep, user: BodiesUser) -> Response:
    return render(request, "graves.html", {"sites": grave_sites(uow)})


@router.get("/graves/import", response_class=HTMLResponse, include_in_schema=False)
def import_page(request: Request, user: BodiesUser) -> Response:
    return render(request, "graves_import.html", {})


@router.post("/graves/import", include_in_schema=False)
def import_form(
    request: Request,
    uow: UowDep,
    user: BodiesUser,
    sites: Annotated[UploadFile | None, File()] = None,
    trenches: Annotated[UploadFile | None, File()] = None,
) -> Response:
    result, problems = _import(request, uow, user, sites, trenches)
    context = {"result": result, "problems": problems}
    return render(request, "graves_import.html", context, status_code=422 if problems else 200)


@router.get("/graves/trenches/{trench_id}", include_in_schema=False)
def trench_by_id(trench_id: str, uow: UowDep, user: BodiesUser) -> Response:
    """A trench by its id alone (a body's location names only the trench)."""
    trench, _ = trench_contents(uow, trench_id)
    return see_other(f"/graves/{trench.site}/trenches/{trench.trench_id}")


@router.get(
    "/graves/{site}/trenches/{trench_id}", response_class=HTMLResponse, include_in_schema=False
)
def trench_page(
    request: Request, site: str, trench_id: str, uow: UowDep, user: BodiesUser
) -> Response:
    trench, placed = _trench(uow, site, trench_id)
    rows = [(p, status, _where(trench, p)) for p, status in placed]
    plan = trench_map_svg(trench, placed)
    return render(request, "grave_trench.html", {"trench": trench, "rows": rows, "plan": plan})


@router.get("/graves/{site}/trenches/{trench_id}/plan.svg", include_in_schema=False)
def trench_plan(
    request: Request, site: str, trench_id: str, uow: UowDep, user: BodiesUser
) -> Response:
    """The trench drawn with its bodies in place (references and statuses, no names), in
    the page's language."""
    from tollbook.exchange.trench_plan import trench_plan_svg

    trench, placed = _trench(uow, site, trench_id)
    with drawing():
        svg = trench_plan_svg(trench, placed, gettext_for(request))
    return Response(svg, media_type="image/svg+xml")


@router.get("/morgues", response_class=HTMLResponse, include_in_schema=False)
def morgues_page(request: Request, uow: UowDep, user: BodiesUser) -> Response:
    return render(request, "morgues.html", {"morgues": morgue_occupancy(uow)})


@router.post("/morgues", include_in_schema=False)
def add_morgue_form(
    uow: UowDep,
    user: BodiesUser,
    code: Annotated[str, Form(max_length=32)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
    capacity: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    add_morgue(uow, _morgue(code, name, capacity), registry_actor(user))
    return see_other("/morgues")
