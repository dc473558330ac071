"""The page of a background job: what it is doing now, then what it made or why it
stopped. It reloads itself every two seconds while the job runs (no script needed)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from tollbook.services.accounts import User
from tollbook.services.jobs import StoredJob, get_job
from tollbook.web.auth import AGGREGATES
from tollbook.web.routes.common import UowDep
from tollbook.web.serializers import iso
from tollbook.web.templating import render

router = APIRouter()


def result_page(job: StoredJob) -> str | None:
    """Where to see what the job made."""
    result = job.result or {}
    if "link_run_id" in result:
        return f"/linkage?run={result['link_run_id']}"
    if "estimate_id" in result:
        return f"/estimates/{result['estimate_id']}?done=saved"
    return None


def job_json(job: StoredJob) -> dict[str, Any]:
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "started_by": job.created_by,
        "started_at": iso(job.created_at),
        "last_progress_at": iso(job.heartbeat_at),
        "finished_at": iso(job.finished_at),
        "result": job.result,
        "result_page": result_page(job),
        "error": job.error,
        "page": f"/jobs/{job.id}",
    }


@router.get("/api/jobs/{job_id}", tags=["jobs"], summary="A background job")
def api_job(job_id: int, uow: UowDep, user: Annotated[User, Depends(AGGREGATES)]) -> dict[str, Any]:
    """Its status (running, done, failed), its latest step, and its result or error."""
    return {"ok": True, "job": job_json(get_job(uow, job_id))}


@router.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def job_page(
    request: Request, job_id: int, uow: UowDep, user: Annotated[User, Depends(AGGREGATES)]
) -> Response:
    job = get_job(uow, job_id)
    return render(request, "job.html", {"job": job, "result_page": result_page(job)})
