"""Admins clear a background job whose process died (audited), from a page listing the
running jobs or through the API, so that linkage and estimates need not wait for the
job to be taken for dead."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from tollbook.services.accounts import User
from tollbook.services.job_clearing import ALIVE_WITHIN, JobNotCleared, clear_job
from tollbook.services.jobs import running_job
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import Require
from tollbook.web.errors import ApiProblem
from tollbook.web.routes.common import UowDep, actor, see_other
from tollbook.web.routes.jobs import job_json
from tollbook.web.templating import render

router = APIRouter()
JOBS = Require("jobs")
KINDS = ("linkage", "estimate")


class Clearing(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="Why it is cleared.")


def _clear(uow: UnitOfWork, job_id: int, reason: str, user: User) -> Any:
    try:
        return clear_job(uow, job_id, actor=actor(user), reason=reason)
    except JobNotCleared as error:
        raise ApiProblem(409 if "alive" in str(error) else 422, str(error)) from None


@router.post("/api/jobs/{job_id}/clear", tags=["jobs"], summary="Clear a job whose process died")
def api_clear(
    job_id: int, body: Clearing, uow: UowDep, user: Annotated[User, Depends(JOBS)]
) -> dict[str, Any]:
    """Mark a running job failed, with the reason, so another of its kind may start; a
    job that said it was alive in the last few minutes is refused (409)."""
    return {"ok": True, "job": job_json(_clear(uow, job_id, body.reason, user))}


@router.get("/admin/jobs", response_class=HTMLResponse, include_in_schema=False)
def jobs_page(
    request: Request, uow: UowDep, user: Annotated[User, Depends(JOBS)], done: str = ""
) -> Response:
    running = [job for kind in KINDS if (job := running_job(uow, kind)) is not None]
    context = {
        "running": running,
        "alive_minutes": int(ALIVE_WITHIN.total_seconds() // 60),
        "done": done[:20].isdigit() and done[:20],
        "error": None,
    }
    return render(request, "admin_jobs.html", context)


@router.post("/admin/jobs/{job_id}/clear", include_in_schema=False)
def clear_form(
    request: Request,
    job_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(JOBS)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        _clear(uow, job_id, reason, user)
    except ApiProblem as problem:
        running = [job for kind in KINDS if (job := running_job(uow, kind)) is not None]
        context = {
            "running": running,
            "alive_minutes": int(ALIVE_WITHIN.total_seconds() // 60),
            "done": None,
            "error": problem.message,
        }
        return render(request, "admin_jobs.html", context, status_code=problem.status)
    return see_other(f"/admin/jobs?done={job_id}")
