"""Claims: the review queue, one claim with its evidence, confirm / edit / reject."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.claim import KINDS, OUTCOMES, QUALIFIERS, SCOPES
from tollbook.services.accounts import User
from tollbook.services.claims import list_claims
from tollbook.services.reports import get_claim
from tollbook.services.review import (
    EDITABLE_FIELDS,
    confirm_claim,
    edit_claim,
    list_unreviewed,
    reject_claim,
    review_history,
)
from tollbook.store.records import StoredClaim
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import REVIEW, SOURCES
from tollbook.web.errors import ApiProblem
from tollbook.web.highlight import Evidence, highlight
from tollbook.web.pagination import Page, fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.serializers import audit_json, claim_json, report_json
from tollbook.web.templating import render

router = APIRouter()

Status = Literal["unreviewed", "all"]


class ConfirmBody(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


class EditBody(BaseModel):
    changes: dict[str, Any] = Field(
        description=f"New values for some of: {', '.join(EDITABLE_FIELDS)} (null clears)."
    )
    note: str | None = Field(default=None, max_length=2000)


class RejectBody(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


def claims_page(
    uow: UnitOfWork,
    page: Page,
    status: Status,
    place: str | None,
    outcome: str | None,
    article: str | None,
) -> tuple[list[StoredClaim], bool]:
    if status == "unreviewed":
        if outcome is not None or article is not None:
            raise ApiProblem(422, "status=unreviewed filters by place only", type="invalid")
        return fetch_page(page, lambda n, o: list_unreviewed(uow, place=place, limit=n, offset=o))
    return fetch_page(
        page,
        lambda n, o: list_claims(
            uow, place=place, outcome=outcome, article=article, limit=n, offset=o
        ),
    )


def _claim(uow: UnitOfWork, claim_id: int) -> tuple[StoredClaim, Any]:
    found = get_claim(uow, claim_id)
    if found is None:
        raise ApiProblem(404, f"no claim {claim_id}")
    return found


# --- API ----------------------------------------------------------------------------


@router.get("/api/claims", tags=["claims"], summary="List claims")
def api_claims(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(SOURCES)],
    status: Status = "all",
    place: Annotated[str | None, Query(max_length=200)] = None,
    outcome: Annotated[str | None, Query(max_length=32)] = None,
    article: Annotated[str | None, Query(max_length=200, description="Report id.")] = None,
) -> dict[str, Any]:
    """Claims in the order stored; ``status=unreviewed`` gives the review queue."""
    items, more = claims_page(uow, page, status, place, outcome, article)
    return page_body(request, page, [claim_json(c) for c in items], more)


@router.get("/api/claims/{claim_id}", tags=["claims"], summary="A claim and its history")
def api_claim(
    claim_id: int, uow: UowDep, user: Annotated[User, Depends(SOURCES)]
) -> dict[str, Any]:
    claim, report = _claim(uow, claim_id)
    return {
        "ok": True,
        "claim": claim_json(claim),
        "report": report_json(report),
        "history": [audit_json(e) for e in review_history(uow, "claim", claim_id)],
    }


@router.post("/api/claims/{claim_id}/confirm", tags=["review"], summary="Confirm a claim")
def api_confirm(
    claim_id: int, body: ConfirmBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    done = confirm_claim(uow, claim_id, actor(user), body.note)
    return {"ok": True, "claim": claim_json(done)}


@router.post("/api/claims/{claim_id}/edit", tags=["review"], summary="Correct a claim")
def api_edit(
    claim_id: int, body: EditBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    done = edit_claim(uow, claim_id, body.changes, actor(user), body.note)
    return {"ok": True, "claim": claim_json(done)}


@router.post("/api/claims/{claim_id}/reject", tags=["review"], summary="Reject a claim")
def api_reject(
    claim_id: int, body: RejectBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    done = reject_claim(uow, claim_id, body.reason, actor(user))
    return {"ok": True, "claim": claim_json(done)}


# --- pages --------------------------------------------------------------------------


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_list_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(SOURCES)],
    status: Status = "unreviewed",
    place: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    items, more = claims_page(uow, page, status, place or None, None, None)
    context = {"claims": items, "page": page, "more": more, "status": status, "place": place}
    return render(request, "claims.html", context)


@router.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
def claim_page(
    request: Request,
    claim_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(SOURCES)],
    done: str | None = None,
) -> Response:
    claim, report = _claim(uow, claim_id)
    marked = highlight(
        report.report.text,
        [Evidence(claim.id, claim.claim.evidence, claim.claim.evidence_start, "current")],
    )
    context = {
        "stored": claim,
        "claim": claim.claim,
        "report": report,
        "marked": marked,
        "history": review_history(uow, "claim", claim_id),
        "done": done,
        "choices": {
            "outcome": OUTCOMES,
            "qualifier": QUALIFIERS,
            "scope": SCOPES,
            "kind": KINDS,
        },
    }
    return render(request, "claim.html", context)


@router.post("/claims/{claim_id}/confirm", include_in_schema=False)
def confirm_form(
    claim_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    confirm_claim(uow, claim_id, actor(user), note.strip() or None)
    return see_other(f"/claims/{claim_id}?done=confirmed")


@router.post("/claims/{claim_id}/reject", include_in_schema=False)
def reject_form(
    claim_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    reject_claim(uow, claim_id, reason, actor(user))
    return see_other(f"/claims/{claim_id}?done=rejected")


@router.post("/claims/{claim_id}/edit", include_in_schema=False)
async def edit_form(
    request: Request,
    claim_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(REVIEW)],
) -> Response:
    form = await request.form()
    values = {name: form.get(name) for name in EDITABLE_FIELDS if name in form}
    note = form.get("note")

    def change() -> None:
        claim, _ = _claim(uow, claim_id)
        changes = form_changes(claim, values)
        edit_claim(uow, claim_id, changes, actor(user), note if isinstance(note, str) else None)

    await run_in_threadpool(change)
    return see_other(f"/claims/{claim_id}?done=edited")


def form_changes(stored: StoredClaim, values: dict[str, Any]) -> dict[str, Any]:
    """The fields of an edit form that differ from the claim: blank is null, figures are
    whole numbers, an empty qualifier means "fit the figures"."""
    current = stored.claim.to_contract()
    changes: dict[str, Any] = {}
    for name, raw in values.items():
        if not isinstance(raw, str):
            continue
        text = raw.strip()
        value: Any = text or None
        if name in ("low", "high") and value is not None:
            try:
                value = int(text.replace(",", ""))
            except ValueError:
                raise ApiProblem(422, f"{name}: {text!r} is not a whole number") from None
        if name == "qualifier" and value is None:
            continue
        if value != current.get(name):
            changes[name] = value
    return changes
