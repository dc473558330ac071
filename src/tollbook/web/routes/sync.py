"""Sync with field sites over HTTPS: one exchange of sealed bundles (docs/field.md)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from tollbook.services.accounts import User
from tollbook.services.sync_server import serve_exchange
from tollbook.web.auth import SYNC
from tollbook.web.routes.common import UowDep, actor

router = APIRouter()
SyncUser = Annotated[User, Depends(SYNC)]
#: The header that carries what the server did with the bundle it received.
RESULT_HEADER = "X-Tollbook-Sync"


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
    done = await run_in_threadpool(serve_exchange, uow, data, actor=actor(user))
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
