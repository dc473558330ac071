"""Bodies: the paged register, one body with its parts, custody, photos and label, and the
forms that add, import, move, photograph and identify bodies (services.registry and
services.matching: every view of a body is audited there)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.body import AGE_GROUPS, METHODS, STATUSES, Body, Description
from tollbook.domain.grave import GravePosition
from tollbook.exchange.errors import InputError
from tollbook.exchange.labels import label_svg, label_text
from tollbook.registry.custody import SPECIAL, TRANSITIONS
from tollbook.registry.references import BadReference
from tollbook.registry.rows import RowError, body_from_row
from tollbook.services.accounts import User
from tollbook.services.matching import confirm_identification, reports_for_body
from tollbook.services.registry import (
    MAX_PHOTO_BYTES,
    RegistryError,
    RegistryImportResult,
    add_body,
    add_part,
    add_photo,
    custody_chain,
    grave_sites,
    import_bodies,
    list_bodies,
    morgue_occupancy,
    move_body,
    photo_content,
    view_body,
    view_photo,
)
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import BODIES, CASE_BODY, IDENTIFY
from tollbook.web.errors import ApiProblem
from tollbook.web.i18n import N_
from tollbook.web.pagination import Page, fetch_page, page_body
from tollbook.web.permissions import allowed
from tollbook.web.pickers import VOCABULARY, places_to_take
from tollbook.web.routes.common import PageDep, UowDep, registry_actor, see_other
from tollbook.web.serializers_registry import (
    body_json,
    candidate_json,
    custody_json,
    identification_json,
    import_json,
    listing_json,
)
from tollbook.web.state import app_state
from tollbook.web.templating import render
from tollbook.web.uploads import (
    photo_dir,
    read_upload,
    relocated,
    scratch_files,
    upload_name,
)

router = APIRouter()

BodiesUser = Annotated[User, Depends(BODIES)]
#: a body's own page: a family liaison too, for the bodies identified as their cases
CaseBodyUser = Annotated[User, Depends(CASE_BODY)]
StatusQuery = Annotated[str | None, Query(max_length=16, description="One status.")]
SiteQuery = Annotated[str | None, Query(max_length=32, description="A burial site code.")]
#: The fields of the add-body form (the columns of bodies.csv, read by the same parser).
BODY_FIELDS: tuple[str, ...] = (
    "body_ref",
    "apparent_sex",
    "apparent_age",
    "height_cm",
    "clothing",
    "marks",
    "effects",
    "condition",
    "wrapped_in",
    "recovered_place",
    "found_district",
    "recovered_on",
    "label",
)
PART_FIELDS: tuple[str, ...] = BODY_FIELDS[1:9]
DONE = {
    "added": N_("Registered."),
    "moved": N_("Moved: the custody chain has a new event."),
    "photo": N_("Photo kept."),
    "part": N_("Part registered."),
    "identified": N_(
        "Identification confirmed. The family has NOT been told: their family liaison "
        "tells them in person and records it on the inquiry."
    ),
    "revoked": N_(
        "Identification revoked: the inquiry is open again and its family liaison is alerted."
    ),
    "released": N_("Released: the custody chain ends with the release to the family."),
}


class NewBody(BaseModel):
    body_ref: str = Field(max_length=64, description="PLACE-TEAM-NUMBER, e.g. MAR-T03-0042.")
    apparent_sex: str = Field(default="", max_length=1, description="M, F or empty.")
    apparent_age: str = Field(default="", max_length=16, description=", ".join(AGE_GROUPS))
    height_cm: int | None = Field(default=None, ge=30, le=250)
    clothing: str = Field(default="", max_length=2000, description='Items joined by "; ".')
    marks: str = Field(default="", max_length=2000)
    effects: str = Field(default="", max_length=2000)
    condition: str = Field(default="", max_length=2000)
    wrapped_in: str = Field(default="", max_length=200)
    recovered_place: str = Field(default="", max_length=200)
    found_district: str = Field(default="", max_length=200)
    recovered_on: str = Field(default="", max_length=10, description="YYYY-MM-DD.")
    label: str = Field(default="", max_length=500, description="A name written on the body.")
    location: str = Field(default="", max_length=200, description="Where it is now.")


class NewPart(BaseModel):
    apparent_sex: str = Field(default="", max_length=1)
    apparent_age: str = Field(default="", max_length=16)
    height_cm: int | None = Field(default=None, ge=30, le=250)
    clothing: str = Field(default="", max_length=2000)
    marks: str = Field(default="", max_length=2000)
    effects: str = Field(default="", max_length=2000)
    condition: str = Field(default="", max_length=2000)
    wrapped_in: str = Field(default="", max_length=200)


class Move(BaseModel):
    to_status: str = Field(max_length=16, description=", ".join(STATUSES))
    to_location: str = Field(default="", max_length=200, description="morgue:CODE, family...")
    reason: str = Field(min_length=1, max_length=2000)
    trench_id: str = Field(default="", max_length=64, description="To bury in a trench.")
    position: int | None = Field(default=None, ge=1)
    distance_m: float | None = Field(default=None, ge=0)
    buried_on: str = Field(default="", max_length=10)


class Identify(BaseModel):
    report_id: str = Field(min_length=1, max_length=200)
    method: str = Field(description=", ".join(METHODS))
    notes: str = Field(default="", max_length=2000)
    score: float | None = None


# --- reading forms into domain data (one parser for pages, API and CSV) ---------------


def _invalid(field: str, message: str) -> ApiProblem:
    return ApiProblem(
        422,
        f"{field}: {message}",
        type="invalid",
        errors=[{"type": "invalid", "msg": message, "loc": ["body", field]}],
    )


def _text_values(values: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, str]:
    return {n: "" if values.get(n) is None else str(values[n]).strip() for n in names}


def body_from_values(values: Mapping[str, Any]) -> Body:
    """A body from form or JSON fields named as the columns of bodies.csv."""
    row = _text_values(values, BODY_FIELDS)
    row["body_ref"] = row["body_ref"].upper()
    try:
        body, _ = body_from_row(row)
    except RowError as exc:
        raise _invalid(exc.field, exc.message) from None
    return body


def description_from_values(parent_ref: str, values: Mapping[str, Any]) -> Description:
    row = {**_text_values(values, PART_FIELDS), "body_ref": parent_ref}
    try:
        body, _ = body_from_row(row)
    except RowError as exc:
        raise _invalid(exc.field, exc.message) from None
    return body.description


def position_from_values(ref: str, values: Mapping[str, Any]) -> GravePosition | None:
    """A place in a trench when ``trench_id`` is given (position and distance needed)."""
    row = _text_values(values, ("trench_id", "position", "distance_m", "buried_on"))
    if not row["trench_id"]:
        return None
    try:
        _, position = body_from_row({**row, "body_ref": ref})
    except RowError as exc:
        raise _invalid(exc.field, exc.message) from None
    return position


def _move(uow: UnitOfWork, ref: str, user: User, values: Mapping[str, Any]) -> Any:
    reason = str(values.get("reason") or "").strip()
    if not reason:
        raise _invalid("reason", "say why the body is moved (custody needs a reason)")
    status = str(values.get("to_status") or "").strip()
    if not status:
        raise _invalid("to_status", "choose the status the body moves to")
    return move_body(
        uow,
        ref,
        registry_actor(user),
        to_status=status,
        to_location=str(values.get("to_location") or "").strip(),
        reason=reason,
        position=position_from_values(ref, values),
    )


def _import(
    request: Request, uow: UnitOfWork, user: User, upload: UploadFile | None
) -> tuple[RegistryImportResult, list[dict[str, Any]]]:
    data = read_upload(upload, app_state(request).settings.max_file_bytes, "bodies")
    assert upload is not None
    name = upload_name(upload, "bodies.csv")
    with scratch_files({"bodies": (name, data)}) as scratch:
        try:
            result = import_bodies(
                uow, scratch.paths["bodies"], registry_actor(user), all_or_nothing=True
            )
        except InputError as exc:
            raise InputError(relocated(exc.problem, scratch)) from None
        problems = [scratch.problem(p) for p in result.problems]
    return result, problems


def _keep_photo(
    request: Request, uow: UnitOfWork, ref: str, user: User, upload: UploadFile | None, caption: str
) -> Any:
    data = read_upload(upload, MAX_PHOTO_BYTES, "photo")
    assert upload is not None
    folder = photo_dir(request)
    with scratch_files({"photo": (upload_name(upload, "photo"), data)}) as scratch:
        try:
            return add_photo(
                uow, ref, scratch.paths["photo"], folder, registry_actor(user), caption.strip()
            )
        except RegistryError as exc:
            raise RegistryError(scratch.located(str(exc))) from None


def _label(ref: str, recovered_on: str = "", team: str = "") -> tuple[str, str]:
    try:
        return label_text(ref, recovered_on=recovered_on, team=team), label_svg(
            ref, recovered_on=recovered_on, team=team
        )
    except BadReference as exc:
        raise ApiProblem(422, str(exc), type="invalid") from None


def _listing(
    uow: UnitOfWork, user: User, page: Page, status: str | None, site: str | None
) -> tuple[list[Any], bool]:
    return fetch_page(
        page,
        lambda n, o: list_bodies(
            uow, registry_actor(user), status=status or None, site=site or None, limit=n, offset=o
        ),
    )


# --- API ------------------------------------------------------------------------------


@router.get("/api/bodies", tags=["bodies"], summary="List bodies")
def api_bodies(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: BodiesUser,
    status: StatusQuery = None,
    site: SiteQuery = None,
) -> dict[str, Any]:
    """Bodies in reference order; the page is audited as viewed."""
    items, more = _listing(uow, user, page, status, site)
    return page_body(request, page, [listing_json(i) for i in items], more)


@router.post("/api/bodies", tags=["bodies"], summary="Register a body", status_code=201)
def api_add_body(body: NewBody, uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    values = body.model_dump()
    values["height_cm"] = "" if body.height_cm is None else str(body.height_cm)
    stored = add_body(
        uow, body_from_values(values), registry_actor(user), location=body.location.strip()
    )
    return {"ok": True, "ref": stored.body.ref, "status": stored.status}


@router.post("/api/bodies/import", tags=["bodies"], summary="Import a bodies.csv")
def api_import_bodies(
    request: Request,
    uow: UowDep,
    user: BodiesUser,
    bodies: Annotated[UploadFile | None, File(description="bodies.csv")] = None,
) -> Response:
    """All or nothing: a file with a bad row stores nothing; every problem is listed by
    line and field."""
    result, problems = _import(request, uow, user, bodies)
    return JSONResponse(import_json(result, problems), status_code=422 if problems else 200)


@router.get("/api/bodies/{ref}", tags=["bodies"], summary="One body with its custody chain")
def api_body(ref: str, uow: UowDep, user: CaseBodyUser) -> dict[str, Any]:
    view = view_body(uow, ref, registry_actor(user))
    chain = custody_chain(uow, ref, registry_actor(user))
    text, _ = _label(view.body.ref)
    return {
        "ok": True,
        "body": body_json(view),
        "custody": [custody_json(e) for e in chain],
        "label": text,
    }


@router.get("/api/bodies/{ref}/candidates", tags=["bodies"], summary="Reports that may fit")
def api_candidates(
    ref: str,
    uow: UowDep,
    user: Annotated[User, Depends(IDENTIFY)],
    top: Annotated[int, Query(ge=1, le=100)] = 5,
) -> dict[str, Any]:
    """Open missing-person reports (with the family's consent to matching) ranked for the
    body, each score explained feature by feature. A suggestion only."""
    found = reports_for_body(uow, ref, registry_actor(user), top=top)
    return {
        "ok": True,
        "ref": found.subject,
        "compared": found.compared,
        "candidates": [candidate_json(c) for c in found.candidates],
    }


@router.post("/api/bodies/{ref}/move", tags=["bodies"], summary="Move a body")
def api_move(ref: str, body: Move, uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    values = body.model_dump()
    for name in ("position", "distance_m"):
        values[name] = "" if values[name] is None else str(values[name])
    event = _move(uow, ref, user, values)
    return {"ok": True, "event": custody_json(event)}


@router.post("/api/bodies/{ref}/parts", tags=["bodies"], summary="Register a part", status_code=201)
def api_add_part(ref: str, body: NewPart, uow: UowDep, user: BodiesUser) -> dict[str, Any]:
    values = body.model_dump()
    values["height_cm"] = "" if body.height_cm is None else str(body.height_cm)
    new = add_part(uow, ref, description_from_values(ref, values), registry_actor(user))
    return {"ok": True, "ref": new}


@router.post("/api/bodies/{ref}/photos", tags=["bodies"], summary="Add a photo", status_code=201)
def api_add_photo(
    request: Request,
    ref: str,
    uow: UowDep,
    user: BodiesUser,
    photo: Annotated[UploadFile | None, File(description="JPEG or PNG")] = None,
    caption: Annotated[str, Form(max_length=500)] = "",
) -> dict[str, Any]:
    kept = _keep_photo(request, uow, ref, user, photo, caption)
    return {"ok": True, "sha256": kept.sha256, "url": f"/bodies/{ref}/photos/{kept.sha256}"}


@router.post("/api/bodies/{ref}/identify", tags=["bodies"], summary="Confirm an identification")
def api_identify(
    ref: str, body: Identify, uow: UowDep, user: Annotated[User, Depends(IDENTIFY)]
) -> dict[str, Any]:
    """Forensic users only, with a method. Nobody is told: the family liaison tells the
    family and records it as a separate step."""
    found = confirm_identification(
        uow,
        ref,
        body.report_id.strip(),
        body.method,
        registry_actor(user),
        score=body.score,
        notes=body.notes,
    )
    return {"ok": True, "identification": identification_json(found), "family_told": False}


# --- pages ----------------------------------------------------------------------------


@router.get("/bodies", response_class=HTMLResponse, include_in_schema=False)
def bodies_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: BodiesUser,
    status: StatusQuery = None,
    site: SiteQuery = None,
) -> Response:
    items, more = _listing(uow, user, page, status, site)
    context = {
        "bodies": items,
        "page": page,
        "more": more,
        "status": status or "",
        "site": site or "",
        "statuses": STATUSES,
        "sites": [s.site for s in grave_sites(uow)],
    }
    return render(request, "bodies.html", context)


def _new_body_form(
    request: Request,
    uow: UnitOfWork,
    values: Mapping[str, str],
    problem: tuple[str, str | None, str] | None = None,
) -> Response:
    """The form, empty or as typed with its problem: the message, its field and what to
    say beside the field."""
    error, field, beside = problem or (None, None, None)
    context = {
        "values": values,
        "age_groups": AGE_GROUPS,
        "vocabulary": VOCABULARY,
        "places": places_to_take(uow),
        "error": error,
        "field": field,
        "beside": beside,
    }
    return render(request, "body_new.html", context, status_code=422 if error else 200)


@router.get("/bodies/new", response_class=HTMLResponse, include_in_schema=False)
def new_body_page(request: Request, uow: UowDep, user: BodiesUser) -> Response:
    return _new_body_form(request, uow, {})


@router.post("/bodies", include_in_schema=False)
async def add_body_form(request: Request, uow: UowDep, user: BodiesUser) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        body = body_from_values(values)
        location = values.get("location", "").strip()
        stored = await run_in_threadpool(
            add_body, uow, body, registry_actor(user), location=location
        )
    except (ApiProblem, RegistryError) as exc:
        message = exc.message if isinstance(exc, ApiProblem) else str(exc)
        field = exc.errors[0]["loc"][-1] if isinstance(exc, ApiProblem) and exc.errors else None
        beside = exc.errors[0]["msg"] if isinstance(exc, ApiProblem) and exc.errors else message
        if field is None and "already" in message:
            field = "body_ref"

        problem = (message, field, beside)
        return await run_in_threadpool(_new_body_form, request, uow, values, problem)
    return see_other(f"/bodies/{stored.body.ref}?done=added")


@router.get("/bodies/import", response_class=HTMLResponse, include_in_schema=False)
def import_page(request: Request, user: BodiesUser) -> Response:
    return render(request, "bodies_import.html", {})


@router.post("/bodies/import", include_in_schema=False)
def import_form(
    request: Request,
    uow: UowDep,
    user: BodiesUser,
    bodies: Annotated[UploadFile | None, File()] = None,
) -> Response:
    result, problems = _import(request, uow, user, bodies)
    context = {"result": result, "problems": problems}
    return render(request, "bodies_import.html", context, status_code=422 if problems else 200)


@router.get("/bodies/{ref}", response_class=HTMLResponse, include_in_schema=False)
def body_page(
    request: Request, ref: str, uow: UowDep, user: CaseBodyUser, done: str | None = None
) -> Response:
    who = registry_actor(user)
    view = view_body(uow, ref, who)
    chain = custody_chain(uow, ref, who)
    body = view.body
    _, svg = _label(body.ref, iso_or_empty(body.recovered_on), body.team)
    open_case = view.status not in ("identified", "released") and body.parent_ref is None
    may_match = allowed(user.role, "identify")  # as the API: candidates are forensic only
    match = reports_for_body(uow, ref, who) if open_case and may_match else None
    staff = allowed(user.role, "bodies")  # a family liaison reads; forms are the staff's
    moves = sorted(TRANSITIONS.get(view.status, frozenset()) - SPECIAL) if staff else []
    context = {
        "view": view,
        "body": body,
        "d": body.description,
        "chain": chain,
        "label_svg": svg,
        "match": match,
        "methods": METHODS,
        "may_confirm": may_match,
        "moves": moves,
        "staff": staff,
        "morgues": morgue_occupancy(uow),
        "trenches": [t for s in grave_sites(uow) for t, _ in s.trenches],
        "age_groups": AGE_GROUPS,
        "done": DONE.get(done or ""),
        "max_photo_mib": MAX_PHOTO_BYTES // 2**20,
    }
    return render(request, "body.html", context)


def iso_or_empty(value: Any) -> str:
    return value.isoformat() if value is not None else ""


@router.get("/bodies/{ref}/label.svg", include_in_schema=False)
def label_file(ref: str, user: BodiesUser) -> Response:
    """The label to print: the reference as text and QR code, no name."""
    _, svg = _label(ref)
    return Response(svg, media_type="image/svg+xml")


@router.get("/bodies/{ref}/photos/{sha256}", include_in_schema=False)
def photo_file(
    request: Request, ref: str, sha256: str, uow: UowDep, user: CaseBodyUser
) -> Response:
    """A photo's file, for roles allowed photos (audited by the service); never static."""
    photo = view_photo(uow, ref, sha256, registry_actor(user))
    content = photo_content(uow, photo, photo_dir(request))
    if content is None:
        gone = N_("no file for photo %(sha)s of %(ref)s in the photo folder", sha=sha256, ref=ref)
        raise ApiProblem(404, gone)
    return Response(content, media_type=photo.media_type)


@router.post("/bodies/{ref}/move", include_in_schema=False)
async def move_form(request: Request, ref: str, uow: UowDep, user: BodiesUser) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    await run_in_threadpool(_move, uow, ref, user, values)
    return see_other(f"/bodies/{ref}?done=moved#custody")


@router.post("/bodies/{ref}/parts", include_in_schema=False)
async def part_form(request: Request, ref: str, uow: UowDep, user: BodiesUser) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    description = description_from_values(ref, values)
    new = await run_in_threadpool(add_part, uow, ref, description, registry_actor(user))
    return see_other(f"/bodies/{new}?done=part")


@router.post("/bodies/{ref}/photos", include_in_schema=False)
def photo_form(
    request: Request,
    ref: str,
    uow: UowDep,
    user: BodiesUser,
    photo: Annotated[UploadFile | None, File()] = None,
    caption: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    _keep_photo(request, uow, ref, user, photo, caption)
    return see_other(f"/bodies/{ref}?done=photo#photos")


@router.post("/bodies/{ref}/identify", include_in_schema=False)
def identify_form(
    ref: str,
    uow: UowDep,
    user: Annotated[User, Depends(IDENTIFY)],
    report_id: Annotated[str, Form(max_length=200)] = "",
    method: Annotated[str, Form(max_length=32)] = "",
    notes: Annotated[str, Form(max_length=2000)] = "",
    score: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    if not report_id.strip():
        raise _invalid("report_id", "name the missing-person report the body is identified as")
    confirm_identification(
        uow,
        ref,
        report_id.strip(),
        method,
        registry_actor(user),
        score=_score(score),
        notes=notes.strip(),
    )
    return see_other(f"/bodies/{ref}?done=identified")


def _score(text: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise _invalid("score", f"{text!r} is not a number") from None
