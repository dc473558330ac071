"""Claims: the review queue, one claim with its evidence, confirm / edit / reject."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.claim import KINDS, OUTCOMES, QUALIFIERS, SCOPES
from tollbook.domain.text import N_
from tollbook.services.accounts import User
from tollbook.services.bulk_review import BULK_ACTIONS, MAX_BATCH, review_claims
from tollbook.services.claims import ClaimFilter, list_claims
from tollbook.services.reports import get_claim
from tollbook.services.review import (
    EDITABLE_FIELDS,
    confirm_claim,
    edit_claim,
    reject_claim,
    review_history,
)
from tollbook.store.records import StoredClaim
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import REVIEW, SOURCES
from tollbook.web.errors import ApiProblem
from tollbook.web.highlight import Evidence, highlight
from tollbook.web.pagination import Page, fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, local_path, see_other
from tollbook.web.serializers import audit_json, claim_json, report_json
from tollbook.web.state import current_reconciliation
from tollbook.web.templating import render

router = APIRouter()

Status = Literal["unreviewed", "confirmed", "edited", "rejected", "all"]
STATUSES: tuple[str, ...] = ("unreviewed", "confirmed", "edited", "rejected", "all")
TextQuery = Annotated[str | None, Query(max_length=200)]


class ConfirmBody(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


class EditBody(BaseModel):
    changes: dict[str, Any] = Field(
        description=f"New values for some of: {', '.join(EDITABLE_FIELDS)} (null clears)."
    )
    note: str | None = Field(default=None, max_length=2000)


class RejectBody(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class BulkBody(BaseModel):
    claim_ids: list[int] = Field(min_length=1, max_length=MAX_BATCH)
    action: Literal["confirm", "reject"]
    reason: str | None = Field(default=None, max_length=2000)


@dataclass(frozen=True)
class Filters:
    """The claims list's filters, as the page and the API take them."""

    status: Status = "unreviewed"
    place: str | None = None
    outcome: str | None = None
    article: str | None = None
    scope: str | None = None
    kind: str | None = None
    victims: str | None = None
    source: str | None = None

    def where(self) -> ClaimFilter:
        status = None if self.status == "all" else self.status
        return ClaimFilter(self.scope, self.kind, self.victims, self.source, status)


def filters(
    status: Status = "unreviewed",
    place: TextQuery = None,
    outcome: Annotated[str | None, Query(max_length=32)] = None,
    article: Annotated[str | None, Query(max_length=200, description="Report id.")] = None,
    scope: Annotated[str | None, Query(max_length=32)] = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    victims: TextQuery = None,
    source: Annotated[str | None, Query(max_length=200, description="Who said it.")] = None,
) -> Filters:
    """Blank values (an empty form field) leave a filter open."""
    return Filters(
        status,
        *(v.strip() or None if v is not None else None
          for v in (place, outcome, article, scope, kind, victims, source)),
    )  # fmt: skip


FiltersDep = Annotated[Filters, Depends(filters)]


def claims_page(uow: UnitOfWork, page: Page, chosen: Filters) -> tuple[list[StoredClaim], bool]:
    return fetch_page(
        page,
        lambda n, o: list_claims(
            uow, chosen.place, chosen.outcome, chosen.article, n, o, chosen.where()
        ),
    )


def running_total_flags(request: Request, uow: UnitOfWork) -> dict[int, str]:
    """Claim id -> why its incident looks like a running total (see count.guards)."""
    return current_reconciliation(request, uow).flagged_claims()


def smaller_event_flags(request: Request, uow: UnitOfWork) -> dict[int, str]:
    """Claim id -> why its unreviewed incident may be a smaller event of its report told
    again (see count.report_events)."""
    return current_reconciliation(request, uow).smaller_event_claims()


def _claim(uow: UnitOfWork, claim_id: int) -> tuple[StoredClaim, Any]:
    found = get_claim(uow, claim_id)
    if found is None:
        raise ApiProblem(404, N_("no claim %(claim_id)s", claim_id=claim_id))
    return found


# --- API ----------------------------------------------------------------------------


@router.get("/api/claims", tags=["claims"], summary="List claims")
def api_claims(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(SOURCES)],
    status: Status = "all",
    place: TextQuery = None,
    outcome: Annotated[str | None, Query(max_length=32)] = None,
    article: Annotated[str | None, Query(max_length=200, description="Report id.")] = None,
    scope: Annotated[str | None, Query(max_length=32)] = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    victims: TextQuery = None,
    source: Annotated[str | None, Query(max_length=200, description="Who said it.")] = None,
) -> dict[str, Any]:
    """Claims in the order stored, filtered; ``status=unreviewed`` gives the review
    queue. ``victims`` and ``source`` (attributed_to) match part of the text; each claim
    says whether its incident ``looks_like_running_total`` (why, or null) and whether it
    is an unreviewed ``smaller_event`` of its report (why, or null)."""
    chosen = filters(status, place, outcome, article, scope, kind, victims, source)
    items, more = claims_page(uow, page, chosen)
    flags = running_total_flags(request, uow) if items else {}
    smaller = smaller_event_flags(request, uow) if items else {}
    body = [
        {
            **claim_json(c),
            "looks_like_running_total": flags.get(c.id),
            "smaller_event": smaller.get(c.id),
        }
        for c in items
    ]
    return page_body(request, page, body, more)


@router.post("/api/claims/review", tags=["review"], summary="Confirm or reject many claims")
def api_bulk_review(
    body: BulkBody, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> dict[str, Any]:
    """One action on many claims, with one reason (needed to reject), in one
    transaction: all change or none; each claim's change is audited."""
    done = review_claims(uow, body.claim_ids, body.action, actor(user), body.reason)
    return {"ok": True, "batch": done.batch, "claims": [claim_json(c) for c in done.claims]}


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
    chosen: FiltersDep,
    done: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    items, more = claims_page(uow, page, chosen)
    context = {
        "claims": items,
        "page": page,
        "more": more,
        "f": chosen,
        "status": chosen.status,
        "flags": running_total_flags(request, uow) if items else {},
        "smaller": smaller_event_flags(request, uow) if items else {},
        "done": done,
        "choices": {"status": STATUSES, "outcome": OUTCOMES, "scope": SCOPES, "kind": KINDS},
        "here": _here(request),
    }
    return render(request, "claims.html", context)


def _here(request: Request) -> str:
    """This page's path and query, without the last action's message."""
    url = request.url.remove_query_params("done")
    return url.path + (f"?{url.query}" if url.query else "")


@router.post("/claims/review", include_in_schema=False)
async def bulk_review_form(
    request: Request, uow: UowDep, user: Annotated[User, Depends(REVIEW)]
) -> Response:
    """The claims page's "confirm / reject the selected claims" form."""
    form = await request.form()
    action = str(form.get("action") or "")
    if action not in BULK_ACTIONS:
        raise ApiProblem(
            422, N_("action: expected one of %(items)s", items=", ".join(BULK_ACTIONS))
        )
    try:
        ids = [int(str(v)) for v in form.getlist("claim_id")]
    except ValueError:
        raise ApiProblem(422, N_("claim_id: not a claim number")) from None
    reason = str(form.get("reason") or "")[:2000]
    back = local_path(str(form.get("back") or ""), "/claims")

    def change() -> int:
        return len(review_claims(uow, ids, action, actor(user), reason).claims)

    count = await run_in_threadpool(change)
    past = "confirmed" if action == "confirm" else "rejected"
    joiner = "&" if "?" in back else "?"
    return see_other(f"{back}{joiner}done={count}+{past}")


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
    parts = [
        c
        for c in list_claims(uow, article=report.report.id)
        if c.part_of == claim.id and c.report_id == report.id
    ]
    context = {
        "stored": claim,
        "claim": claim.claim,
        "report": report,
        "parts": parts,
        "flag": running_total_flags(request, uow).get(claim.id),
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
                raise ApiProblem(
                    422, N_("%(name)s: %(text)s is not a whole number", name=name, text=repr(text))
                ) from None
        if name == "qualifier" and value is None:
            continue
        if value != current.get(name):
            changes[name] = value
    return changes
