"""Finding a body by its reference: the box in every staff page's header (``/find``) and
the scan page, where the phone's camera reads a label's QR code in the browser itself
(the reference is all the code holds; nothing is sent anywhere but to this app)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from tollbook.registry.references import BadReference, parse_reference
from tollbook.services.accounts import User
from tollbook.services.registry.bodies import body_exists
from tollbook.web.auth import BODIES
from tollbook.web.routes.common import UowDep, see_other
from tollbook.web.templating import render

router = APIRouter()

BodiesUser = Annotated[User, Depends(BODIES)]
RefQuery = Annotated[str, Query(max_length=64, description="A body's reference.")]


@router.get("/find", response_class=HTMLResponse, include_in_schema=False)
async def find_body(
    request: Request, uow: UowDep, user: BodiesUser, ref: RefQuery = ""
) -> Response:
    """Open the body with this reference (as typed or scanned: any case, spaces around)."""
    typed = ref.strip().upper()
    problem = None
    if typed:
        try:
            wanted = str(parse_reference(typed))
        except BadReference as exc:
            problem = str(exc)
        else:
            if await run_in_threadpool(body_exists, uow, wanted):
                return see_other(f"/bodies/{wanted}")
            problem = f"no body {wanted} in the registry"
    status = 404 if problem else 200
    return render(request, "find.html", {"ref": typed, "problem": problem}, status_code=status)


@router.get("/scan", response_class=HTMLResponse, include_in_schema=False)
def scan_page(request: Request, user: BodiesUser) -> Response:
    return render(request, "scan.html", {})
