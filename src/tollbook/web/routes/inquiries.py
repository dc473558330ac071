"""Inquiries: families' reports of the missing, their candidate bodies, and the separate
step of recording that the family was told of an identification.

Every read and change goes through the registry's services, which check who may see a
case (a family-liaison worker: their own cases only) and audit every view. Nothing here
tells a family or publishes anything by itself.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.missing import CONSENT_SCOPES, MissingReport
from tollbook.exchange.errors import InputError
from tollbook.registry.access import Actor
from tollbook.registry.rows import RowError, report_from_row
from tollbook.services.accounts import User
from tollbook.services.matching import bodies_for_report, record_family_notification
from tollbook.services.registry import (
    CASE_STAGES,
    RegistryError,
    RegistryImportResult,
    add_report,
    export_pfif,
    import_pfif,
    import_reports,
    liaison_alerts,
    list_missing_reports,
    report_history,
    view_report,
)
from tollbook.services.registry.duplicates import PossibleDuplicate, possible_duplicates
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import IDENTIFY, MISSING, NOTIFY
from tollbook.web.errors import ApiProblem
from tollbook.web.i18n import N_
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.permissions import allowed
from tollbook.web.pickers import VOCABULARY
from tollbook.web.routes.common import PageDep, UowDep, registry_actor, see_other
from tollbook.web.serializers_inquiries import (
    candidate_json,
    case_json,
    event_json,
    identification_json,
    missing_report_json,
)
from tollbook.web.state import app_state
from tollbook.web.templating import render
from tollbook.web.uploads import read_upload, scratch_files, upload_name

router = APIRouter()

#: The report's fields as the form and the CSV name them (``reports.csv`` columns).
FIELDS: tuple[str, ...] = (
    "report_id",
    "reported_on",
    "relation",
    "family_name",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "age",
    "last_seen_date",
    "last_seen_place",
    "height_cm",
    "clothing",
    "marks",
    "effects",
    "description",
    "contact",
    "liaison",
)
MAX_FIELD = 2000
STAGE_LABELS = {
    "open": N_("open"),
    "identified": N_("identified, family not told"),
    "told": N_("family told"),
    "alive": N_("found alive"),
}
StatusQuery = Annotated[
    str | None, Query(max_length=20, description=f"One of {', '.join(CASE_STAGES)}.")
]
TopQuery = Annotated[int, Query(ge=1, le=20, description="How many candidates.")]


class FieldProblem(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NewInquiry(BaseModel):
    """A family's report; list fields are items such as ``coat:black``."""

    report_id: str = Field(default="", max_length=200, description="Empty: one is made.")
    reported_on: str = Field(default="", max_length=20, description="YYYY-MM-DD")
    relation: str = Field(default="", max_length=MAX_FIELD)
    family_name: str = Field(default="", max_length=MAX_FIELD)
    given_name: str = Field(default="", max_length=MAX_FIELD)
    patronymic: str = Field(default="", max_length=MAX_FIELD)
    sex: str = Field(default="", max_length=1, description="M, F or empty")
    birth_date: str = Field(default="", max_length=20)
    age: str = Field(default="", max_length=10)
    last_seen_date: str = Field(default="", max_length=20)
    last_seen_place: str = Field(default="", max_length=MAX_FIELD)
    height_cm: str = Field(default="", max_length=10)
    clothing: list[str] = Field(default_factory=list, max_length=100)
    marks: list[str] = Field(default_factory=list, max_length=100)
    effects: list[str] = Field(default_factory=list, max_length=100)
    description: str = Field(
        default="",
        max_length=MAX_FIELD,
        description="The family's own words (any language): read for matching.",
    )
    contact: str = Field(default="", max_length=MAX_FIELD)
    consent: list[str] = Field(default_factory=list, description="matching, sharing")
    liaison: str = Field(default="", max_length=200)


class Notification(BaseModel):
    notes: str = Field(max_length=MAX_FIELD, description="How and when the family was told.")


# --- shared steps -------------------------------------------------------------------


def parse_report(row: Mapping[str, str], consent: Sequence[str], user: User) -> MissingReport:
    """A report from form or JSON fields, or :class:`FieldProblem` naming the bad field.
    A family-liaison worker is recorded as the case's liaison."""
    for name, value in row.items():
        if len(value) > MAX_FIELD:
            raise FieldProblem(name, f"longer than {MAX_FIELD} characters")
    fields = {name: row.get(name, "").strip() for name in FIELDS}
    if not fields["family_name"] and not fields["given_name"]:
        raise FieldProblem("family_name", "give the family name or the given name")
    if not fields["report_id"]:
        day = datetime.now(UTC).strftime("%Y%m%d")
        fields["report_id"] = f"WEB-{day}-{secrets.token_hex(3).upper()}"
    if user.role == "family_liaison":
        fields["liaison"] = user.username
    fields["consent"] = "; ".join(consent)
    try:
        return report_from_row(fields)
    except RowError as exc:
        raise FieldProblem(exc.field, exc.message) from None


def record(uow: UnitOfWork, report: MissingReport, user: User) -> None:
    try:
        add_report(uow, report, registry_actor(user))
    except RegistryError as exc:
        if "recorded already" in str(exc):
            raise FieldProblem("report_id", str(exc)) from None
        raise


def case_path(report_id: str) -> str:
    return "/inquiries/" + quote(report_id)


def check_stage(status: str | None) -> str | None:
    if not status:
        return None
    if status not in CASE_STAGES:
        message = f"{status!r} is not one of {', '.join(CASE_STAGES)}"
        raise ApiProblem(
            422,
            N_("status: %(message)s", message=message),
            errors=[_loc("status", message, "query")],
        )
    return status


def check_consent(values: Sequence[str]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in CONSENT_SCOPES]
    if unknown:
        message = f"{unknown[0]!r} is not one of {', '.join(CONSENT_SCOPES)}"
        raise ApiProblem(
            422, N_("consent: %(message)s", message=message), errors=[_loc("consent", message)]
        )
    return tuple(dict.fromkeys(values))


def _loc(field: str, message: str, where: str = "body") -> dict[str, Any]:
    return {"type": "invalid", "msg": message, "loc": [where, field]}


def _notes(text: str) -> str:
    notes = text.strip()
    if not notes:
        message = "say how, when and by whom the family was told"
        raise ApiProblem(
            422, N_("notes: %(message)s", message=message), errors=[_loc("notes", message)]
        )
    return notes


def _cases(uow: UnitOfWork, user: User, status: str | None) -> Callable[[int, int], list[Any]]:
    actor = registry_actor(user)
    return lambda n, o: list_missing_reports(uow, actor, status=status, limit=n, offset=o)


# --- API ----------------------------------------------------------------------------


@router.get("/api/inquiries", tags=["inquiries"], summary="List missing-person reports")
def api_inquiries(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(MISSING)],
    status: StatusQuery = None,
) -> dict[str, Any]:
    """The reports the user may see (a family liaison: their own cases), in id order."""
    items, more = fetch_page(page, _cases(uow, user, check_stage(status)))
    return page_body(request, page, [case_json(c) for c in items], more)


@router.post(
    "/api/inquiries", tags=["inquiries"], summary="Record a family's report", status_code=201
)
def api_add_inquiry(
    body: NewInquiry, uow: UowDep, user: Annotated[User, Depends(MISSING)]
) -> JSONResponse:
    row = body.model_dump(exclude={"clothing", "marks", "effects", "consent"})
    for name in ("clothing", "marks", "effects"):
        row[name] = "; ".join(getattr(body, name))
    try:
        report = parse_report(row, check_consent(body.consent), user)
        record(uow, report, user)
    except FieldProblem as exc:
        raise ApiProblem(422, str(exc), errors=[_loc(exc.field, exc.message)]) from None
    stored = view_report(uow, report.report_id, registry_actor(user))
    return JSONResponse({"ok": True, "inquiry": missing_report_json(stored.report)}, 201)


@router.get(
    "/api/inquiries/{report_id:path}/candidates",
    tags=["inquiries"],
    summary="Candidate bodies for a report",
)
def api_candidates(
    report_id: str, uow: UowDep, user: Annotated[User, Depends(IDENTIFY)], top: TopQuery = 5
) -> dict[str, Any]:
    """Bodies ranked for the report, each feature's points explained; refused without
    the family's consent to matching. A suggestion for the forensic team only: it
    identifies nobody, and family-liaison workers do not see it (a provisional match
    must never reach a family)."""
    found = bodies_for_report(uow, report_id, registry_actor(user), top=top)
    return {
        "ok": True,
        "report_id": report_id,
        "compared": found.compared,
        "candidates": [candidate_json(c) for c in found.candidates],
    }


@router.post(
    "/api/inquiries/{report_id:path}/notify",
    tags=["inquiries"],
    summary="Record that the family was told",
)
def api_notify(
    report_id: str, body: Notification, uow: UowDep, user: Annotated[User, Depends(NOTIFY)]
) -> dict[str, Any]:
    """The family-liaison worker of the case records that they told the family of a
    confirmed identification; refused before one."""
    told = record_family_notification(
        uow, report_id, registry_actor(user), notes=_notes(body.notes)
    )
    return {"ok": True, "identification": identification_json(told)}


@router.get("/api/inquiries/{report_id:path}", tags=["inquiries"], summary="One report")
def api_inquiry(
    report_id: str, uow: UowDep, user: Annotated[User, Depends(MISSING)]
) -> dict[str, Any]:
    """The report, where its case stands and its history (each read is audited)."""
    actor = registry_actor(user)
    stored = view_report(uow, report_id, actor)
    case, events = report_history(uow, report_id, actor)
    return {
        "ok": True,
        "inquiry": {**missing_report_json(stored.report), "stage": case.stage},
        "identification": identification_json(case.identification),
        "history": [event_json(e) for e in events],
    }


# --- pages --------------------------------------------------------------------------


@router.get("/inquiries", response_class=HTMLResponse, include_in_schema=False)
def inquiries_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(MISSING)],
    status: StatusQuery = None,
    reassigned: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    stage = check_stage(status)
    items, more = fetch_page(page, _cases(uow, user, stage))
    context = {
        "alerts": liaison_alerts(uow, registry_actor(user)),
        "reassigned": reassigned,
        "cases": items,
        "page": page,
        "more": more,
        "status": stage,
        "stages": STAGE_LABELS,
    }
    return render(request, "inquiries.html", context)


@router.get("/inquiries/new", response_class=HTMLResponse, include_in_schema=False)
def new_inquiry_page(request: Request, user: Annotated[User, Depends(MISSING)]) -> Response:
    return _new_form(request, {}, (), None)


def _new_form(
    request: Request,
    values: Mapping[str, str],
    consent: Sequence[str],
    problem: FieldProblem | None,
    duplicates: Sequence[PossibleDuplicate] = (),
) -> HTMLResponse:
    context = {
        "values": values,
        "consent": consent,
        "problem": problem,
        "scopes": CONSENT_SCOPES,
        "vocabulary": VOCABULARY,
        "duplicates": duplicates,
    }
    status = 422 if problem is not None else 409 if duplicates else 200
    return render(request, "inquiry_new.html", context, status_code=status)


@router.post("/inquiries", include_in_schema=False)
async def add_inquiry_form(
    request: Request, uow: UowDep, user: Annotated[User, Depends(MISSING)]
) -> Response:
    form = await request.form()
    values = {name: v for name in FIELDS if isinstance(v := form.get(name, ""), str)}
    consent = [v for v in form.getlist("consent") if isinstance(v, str)]
    try:
        report = parse_report(values, check_consent(consent), user)
        if form.get("not_a_duplicate") != "yes":
            found = await run_in_threadpool(possible_duplicates, uow, report, registry_actor(user))
            if found:
                return _new_form(request, values, consent, None, found)
        await run_in_threadpool(record, uow, report, user)
    except FieldProblem as problem:
        return _new_form(request, values, consent, problem)
    return see_other(case_path(report.report_id))


@router.get("/inquiries/import", response_class=HTMLResponse, include_in_schema=False)
def import_page(request: Request, user: Annotated[User, Depends(MISSING)]) -> Response:
    return render(request, "inquiry_import.html", {"scopes": CONSENT_SCOPES})


@router.post("/inquiries/import/csv", include_in_schema=False)
def import_csv_form(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(MISSING)],
    upload: Annotated[UploadFile | None, File()] = None,
    consent: Annotated[list[str] | None, Form()] = None,
) -> Response:
    scopes = check_consent(consent or [])
    return _imported(
        request,
        upload,
        "reports.csv",
        "reports",
        lambda path, actor, name: import_reports(
            uow, path, actor, consent=scopes, source_name=name
        ),
        registry_actor(user),
    )


@router.post("/inquiries/import/pfif", include_in_schema=False)
def import_pfif_form(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(MISSING)],
    upload: Annotated[UploadFile | None, File()] = None,
    consent: Annotated[list[str] | None, Form()] = None,
) -> Response:
    scopes = check_consent(consent or [])
    return _imported(
        request,
        upload,
        "persons.xml",
        "persons",
        lambda path, actor, name: import_pfif(uow, path, actor, consent=scopes, source_name=name),
        registry_actor(user),
    )


def _imported(
    request: Request,
    upload: UploadFile | None,
    default_name: str,
    what: str,
    run: Callable[[Path, Actor, str], RegistryImportResult],
    actor: Actor,
) -> Response:
    """Run an importer on an uploaded file; its problems name the file as uploaded."""
    data = read_upload(upload, app_state(request).settings.max_file_bytes, "upload")
    assert upload is not None
    name = upload_name(upload, default_name)
    with scratch_files({"upload": (name, data)}) as scratch:
        path = scratch.paths["upload"]
        try:
            result = run(path, actor, name)
        except InputError as error:
            raise ApiProblem(422, scratch.located(error.problem.text)) from None
    problems = [scratch.located(p.text) for p in result.problems]
    context = {"result": result, "problems": problems, "name": name, "what": what}
    # the rows that were good are kept: a refusal only when nothing was
    status = 422 if problems and not result.added else 200
    return render(request, "inquiry_imported.html", context, status_code=status)


@router.get("/inquiries/export.pfif", include_in_schema=False)
def export_pfif_file(uow: UowDep, user: Annotated[User, Depends(MISSING)]) -> Response:
    """PFIF 1.4 of the cases the user may see whose families consented to sharing."""
    data = export_pfif(uow, registry_actor(user))
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    disposition = f'attachment; filename="tollbook-missing-{day}.pfif.xml"'
    return Response(
        data, media_type="application/xml", headers={"Content-Disposition": disposition}
    )


@router.post("/inquiries/{report_id:path}/notify", include_in_schema=False)
def notify_form(
    report_id: str,
    uow: UowDep,
    user: Annotated[User, Depends(NOTIFY)],
    notes: Annotated[str, Form(max_length=MAX_FIELD)] = "",
) -> Response:
    record_family_notification(uow, report_id, registry_actor(user), notes=_notes(notes))
    return see_other(case_path(report_id) + "?told=1")


@router.get("/inquiries/{report_id:path}", response_class=HTMLResponse, include_in_schema=False)
def inquiry_page(
    request: Request,
    report_id: str,
    uow: UowDep,
    user: Annotated[User, Depends(MISSING)],
    top: TopQuery = 5,
    told: bool = False,
    alive: bool = False,
) -> Response:
    actor = registry_actor(user)
    stored = view_report(uow, report_id, actor)
    case, events = report_history(uow, report_id, actor)
    candidates = None
    matching = "matching" in stored.report.consent
    if case.stage == "open" and matching and allowed(user.role, "identify"):
        candidates = bodies_for_report(uow, report_id, actor, top=top)
    context = {
        "report": stored.report,
        "case": case,
        "events": events,
        "candidates": candidates,
        "stages": STAGE_LABELS,
        "told": told,
        "alive": alive,
    }
    return render(request, "inquiry.html", context)
