"""Sync with field sites over HTTPS: one exchange of sealed bundles (docs/field.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from tollbook.domain.refusals import Refusal
from tollbook.services.accounts import User
from tollbook.services.sync import ConflictView, conflicts, settle_conflict
from tollbook.services.sync_server import serve_exchange
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import SYNC
from tollbook.web.errors import ApiProblem
from tollbook.web.routes.common import UowDep, actor, see_other
from tollbook.web.templating import render
from tollbook.web.uploads import photo_dir

router = APIRouter()
SyncUser = Annotated[User, Depends(SYNC)]
#: The header that carries what the server did with the bundle it received.
RESULT_HEADER = "X-Tollbook-Sync"


def _photo_dir(request: Request) -> Path | None:
    """The server's photo folder, or None when it has none (photo files then stay out)."""
    try:
        return photo_dir(request)
    except ApiProblem:
        return None


@router.post(
    "/api/sync/exchange",
    tags=["sync"],
    summary="Send a sealed bundle; receive one sealed for the sending site",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
async def api_sync_exchange(request: Request, uow: UowDep, user: SyncUser) -> Response:
    """The body is a bundle sealed for this server by a site it trusts (``tollbook sync
    push``); it is imported in one transaction, and the answer is a bundle sealed for that
    site with what it lacks. Refused (422) if altered, unsealed or from an unknown site."""
    data = await request.body()
    photos = _photo_dir(request)
    done = await run_in_threadpool(serve_exchange, uow, data, actor=actor(user), photo_dir=photos)
    got = done.received
    summary = {
        "from_site": got.from_site,
        "versions": got.versions,
        "new": got.new,
        "applied": got.applied,
        "pending": got.pending,
        "held": got.held,
        "conflicts": got.conflicts,
        "sent": done.sent,
    }
    return Response(
        done.reply,
        media_type="application/octet-stream",
        headers={RESULT_HEADER: json.dumps(summary)},
    )


# --- the conflicts queue, for admins -------------------------------------------------
def _differences(view: ConflictView) -> list[dict[str, Any]]:
    """Each version with only the fields in which the versions differ."""
    payloads = [v["payload"] or {} for v in view.versions]
    keys = sorted({k for p in payloads for k in p})
    differ = [k for k in keys if len({json.dumps(p.get(k), sort_keys=True) for p in payloads}) > 1]
    shown = []
    for version, payload in zip(view.versions, payloads, strict=True):
        keep = version["gid"] if view.kind == "unique" else version["version"]
        fields = [(k, json.dumps(payload.get(k), ensure_ascii=False)) for k in differ]
        shown.append({**version, "fields": fields, "keep": keep})
    return shown


def _page(request: Request, uow: UnitOfWork, done: str, error: str | None, status: int) -> Response:
    queue = [(view, _differences(view)) for view in conflicts(uow)]
    context = {"queue": queue, "done": done, "error": error}
    return render(request, "sync_conflicts.html", context, status_code=status)


@router.get("/sync/conflicts", response_class=HTMLResponse, include_in_schema=False)
def conflicts_page(request: Request, uow: UowDep, user: SyncUser, done: str = "") -> Response:
    return _page(request, uow, done[:20] if done[:20].isdigit() else "", None, 200)


@router.post("/sync/conflicts/{conflict_id}/settle", include_in_schema=False)
def settle_form(
    request: Request,
    conflict_id: int,
    uow: UowDep,
    user: SyncUser,
    keep: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    try:
        settle_conflict(uow, conflict_id, keep, actor=actor(user))
    except Refusal as refusal:
        return _page(request, uow, "", refusal.message, 422)
    return see_other(f"/sync/conflicts?done={conflict_id}")
