"""Reports: paste or upload, list, and read with the extracted claims marked."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from tollbook.domain.report import Report, text_hash
from tollbook.domain.text import N_, Text
from tollbook.exchange.errors import InputError
from tollbook.exchange.report_files import (
    MAX_REPORT_CHARS,
    read_jsonl_reports,
    read_text_report,
)
from tollbook.services.accounts import User
from tollbook.services.ingest import IngestResult, ingest_reports
from tollbook.services.reports import get_report, list_reports
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import ENTER, SOURCES
from tollbook.web.errors import ApiProblem
from tollbook.web.highlight import Evidence, highlight
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.serializers import claim_json, report_json
from tollbook.web.state import app_state
from tollbook.web.templating import render
from tollbook.web.uploads import read_upload, upload_name

router = APIRouter()


class NewReport(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_REPORT_CHARS)
    id: str | None = Field(default=None, max_length=200, description="Your id for the report.")
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    publisher: str | None = Field(default=None, max_length=200)


def pasted_report(
    text: str, report_id: str | None, title: str | None, published: date | None, source: str
) -> Report:
    if not text.strip():
        raise ApiProblem(422, N_("the report has no text"), type="invalid")
    if len(text) > MAX_REPORT_CHARS:
        raise ApiProblem(
            413,
            N_(
                "the report is over %(max_report_chars)s characters: split it",
                max_report_chars=format(MAX_REPORT_CHARS, ","),
            ),
            type="too_large",
        )
    rid = (report_id or "").strip() or f"web-{text_hash(text)[:12]}"
    heading = (title or "").strip() or _first_line(text)
    return Report(id=rid, text=text, published=published, title=heading, source=source)


def _first_line(text: str, limit: int = 120) -> str | None:
    """A pasted report's first line, as its title when none was given."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not line:
        return None
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def ingest(uow: UnitOfWork, reports: list[Report], user: User) -> IngestResult:
    """Store the reports with the claims the extractor finds (one service for CLI and web)."""
    # imported when a report is first stored, not when the server starts: the extractor's
    # patterns and tables take about a second to load, which every `tollbook serve` paid
    from tollbook.extract import EXTRACTOR_VERSION, extract_claims

    return ingest_reports(
        uow, reports, extract_claims, actor=actor(user), extractor_version=EXTRACTOR_VERSION
    )


def result_json(result: IngestResult) -> dict[str, Any]:
    return {
        "ok": not result.failures,
        "stored": result.stored,
        "claims_stored": result.claims_stored,
        "duplicates": [
            {"id": d.report_id, "existing_id": d.existing_id} for d in result.duplicates
        ],
        "failures": [{"id": f.report_id, "error": f.error} for f in result.failures],
    }


def stored_id(uow: UnitOfWork, report: Report) -> int | None:
    with uow:
        return uow.reports.id_for_hash(report.text_sha256)


# --- API ----------------------------------------------------------------------------


@router.get("/api/reports", tags=["reports"], summary="List reports")
def api_reports(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(SOURCES)]
) -> dict[str, Any]:
    items, more = fetch_page(page, lambda n, o: list_reports(uow, limit=n, offset=o))
    return page_body(request, page, [report_json(r) for r in items], more)


@router.get("/api/reports/{report_id}", tags=["reports"], summary="A report and its claims")
def api_report(
    report_id: int, uow: UowDep, user: Annotated[User, Depends(SOURCES)]
) -> dict[str, Any]:
    found = get_report(uow, report_id)
    if found is None:
        raise ApiProblem(404, N_("no report %(report_id)s", report_id=report_id))
    return {
        "ok": True,
        "report": report_json(found.report, text=True),
        "claims": [claim_json(c) for c in found.claims],
    }


@router.post(
    "/api/reports", tags=["reports"], summary="Store a report and its claims", status_code=201
)
def api_add_report(body: NewReport, uow: UowDep, user: Annotated[User, Depends(ENTER)]) -> Response:
    """Store the report (once per distinct text) with the claims the extractor finds;
    ``report_id`` is the stored report's id, new or existing."""
    report = pasted_report(body.text, body.id, body.title, body.published, "web: api")
    result = ingest(uow, [report], user)
    out = result_json(result)
    out["report_id"] = stored_id(uow, report)
    if result.failures:
        failure = result.failures[0]
        raise ApiProblem(422, N_("the report was not stored: %(error)s", error=failure.error))
    if body.publisher and result.stored:
        from tollbook.services.review import set_publisher

        assert out["report_id"] is not None
        set_publisher(uow, out["report_id"], body.publisher, actor(user))
    return JSONResponse(out, status_code=201 if result.stored else 200)


# --- pages --------------------------------------------------------------------------


@router.get("/reports", response_class=HTMLResponse, include_in_schema=False)
def reports_page(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(SOURCES)]
) -> Response:
    items, more = fetch_page(page, lambda n, o: list_reports(uow, limit=n, offset=o))
    return render(request, "reports.html", {"reports": items, "page": page, "more": more})


@router.get("/reports/new", response_class=HTMLResponse, include_in_schema=False)
def new_report_page(request: Request, user: Annotated[User, Depends(ENTER)]) -> Response:
    return render(request, "report_new.html", {})


@router.post("/reports", include_in_schema=False)
def add_report_form(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(ENTER)],
    text: Annotated[str, Form()] = "",
    report_id: Annotated[str, Form(max_length=200)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    published: Annotated[str, Form(max_length=20)] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    day = _day(published)
    reports: list[Report] = []
    problems: list[str] = []
    if upload is not None and upload.filename:
        reports, problems = _uploaded(request, upload, day, report_id or None)
    elif text.strip():
        reports = [pasted_report(text, report_id or None, title or None, day, "web: pasted")]
    else:
        raise ApiProblem(422, N_("paste a report's text or choose a file"), type="invalid")
    result = ingest(uow, reports, user)
    problems += [f"{f.report_id}: {f.error}" for f in result.failures]
    if len(reports) == 1 and not problems:
        found = stored_id(uow, reports[0])
        if found is not None:
            return see_other(f"/reports/{found}")
    context = {"result": result, "problems": problems, "reports": reports}
    return render(request, "report_added.html", context, status_code=422 if problems else 200)


@router.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
def report_page(
    request: Request, report_id: int, uow: UowDep, user: Annotated[User, Depends(SOURCES)]
) -> Response:
    found = get_report(uow, report_id)
    if found is None:
        raise ApiProblem(404, N_("no report %(report_id)s", report_id=report_id))
    marked = highlight(
        found.report.report.text,
        [
            Evidence(c.id, c.claim.evidence, c.claim.evidence_start, c.review_status)
            for c in found.claims
        ],
    )
    context = {"stored": found.report, "claims": found.claims, "marked": marked}
    return render(request, "report.html", context)


def _day(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ApiProblem(
            422, N_("published: %(value)s is not a date (YYYY-MM-DD)", value=repr(value))
        ) from None


def _uploaded(
    request: Request, upload: UploadFile, day: date | None, report_id: str | None
) -> tuple[list[Report], list[str]]:
    """The reports in an uploaded .txt or .jsonl file, read by the CLI's readers."""
    data = read_upload(upload, app_state(request).settings.max_upload_bytes, "file")
    name = upload_name(upload, "report.txt")
    suffix = ".jsonl" if name.lower().endswith((".jsonl", ".ndjson")) else ".txt"
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / (Path(name).stem[:100] + suffix)
        path.write_bytes(data)
        try:
            if suffix == ".jsonl":
                lines = list(read_jsonl_reports(path))
                reports = [_sourced(line.report, name) for line in lines if line.report]
                problems = [
                    _located(line.problem.text, path, name) for line in lines if line.problem
                ]
                return reports, problems
            report = read_text_report(path, day, report_id)
        except InputError as error:
            raise ApiProblem(422, _located(error.problem.text, path, name)) from None
    return [_sourced(report, name)], []


def _sourced(report: Report, name: str) -> Report:
    source = f"web upload: {name}"
    if report.source and ":" in report.source and report.source.rsplit(":", 1)[1].isdigit():
        source += ":" + report.source.rsplit(":", 1)[1]
    return Report(
        id=report.id,
        text=report.text,
        published=report.published,
        title=report.title,
        source=source,
    )


def _located(message: str, path: Path, name: str) -> str:
    """``message`` naming the upload rather than its scratch copy (a message with an id
    keeps it, to be shown in the page's language)."""
    if isinstance(message, Text):
        values = {
            k: _located(v, path, name) if isinstance(v, str) else v
            for k, v in message.params.items()
        }
        return Text(message.msgid, **values)
    return message.replace(str(path), name)
