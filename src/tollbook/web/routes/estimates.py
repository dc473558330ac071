"""Estimates: saved multiple systems estimates (how many died who are on no list), their
report and charts; run a new one from the linked persons; publish or withdraw one.

Every role may read estimates (aggregates: counts per combination of lists, no names);
running one needs ``estimate``, publishing or withdrawing one ``publish``. Estimating
takes seconds (the latent class model, tens of seconds): it runs in a worker thread, one
estimate at a time, while the server goes on answering.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, ParamSpec, TypeVar

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.catalogs import N_
from tollbook.domain.refusals import NotFound
from tollbook.estimate.ceilings import MAX_BURN_IN, MAX_CHAINS, MAX_CLASSES, MAX_DRAWS, MAX_THIN
from tollbook.estimate.list_choice import choice_of
from tollbook.services.accounts import User
from tollbook.services.estimates import (
    DEFAULT_DB_METHOD,
    METHOD_CHOICES,
    STRATA,
    EstimateError,
    EstimateOptions,
    SavedEstimate,
    get_estimate,
    headline,
    list_estimates,
    publish_estimate,
    run_estimate,
    withdraw_estimate,
)
from tollbook.services.jobs import Progress, Work, run_now
from tollbook.store.estimate_tables import ESTIMATE_STATUSES
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import AGGREGATES, ESTIMATE, PUBLISH
from tollbook.web.background import start_in_background
from tollbook.web.errors import ApiProblem
from tollbook.web.estimate_charts import CHART_KINDS, ChartKind, draw_chart, inline
from tollbook.web.i18n import request_locale
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.serializers_estimates import estimate_json, estimate_summary_json, tables_json
from tollbook.web.state import app_state
from tollbook.web.templating import render

router = APIRouter()

P = ParamSpec("P")
T = TypeVar("T")
Method = Literal["loglinear", "lcmcr", "all"]
StatusQuery = Annotated[
    str | None, Query(max_length=16, description=f"One of {', '.join(ESTIMATE_STATUSES)}.")
]
METHOD_NAMES = {
    "loglinear": N_("log-linear models (Rcapture)"),
    "lcmcr": N_("latent class model (LCMCR)"),
    "all": N_("both"),
    "models": N_("range across both models"),
}


class LcmcrBody(BaseModel):
    classes: int = Field(default=10, ge=2, le=MAX_CLASSES)
    chains: int = Field(default=4, ge=1, le=MAX_CHAINS)
    draws: int = Field(default=2_500, ge=10, le=MAX_DRAWS)
    burn_in: int = Field(default=10_000, ge=0, le=MAX_BURN_IN)
    thin: int = Field(default=50, ge=1, le=MAX_THIN)


class RunBody(BaseModel):
    method: Method = DEFAULT_DB_METHOD
    by: list[str] = Field(default_factory=list, max_length=len(STRATA))
    model: str | None = Field(default=None, max_length=200)
    criterion: Literal["bic", "aic"] = "bic"
    seed: int = Field(default=1, ge=0, le=2**32 - 1)
    lcmcr: LcmcrBody = Field(default_factory=LcmcrBody)
    lists: list[str] = Field(
        default_factory=list, max_length=50, description="Estimate from these lists only."
    )
    drop: list[str] = Field(default_factory=list, max_length=50, description="Lists left out.")
    merge: list[str] = Field(
        default_factory=list, max_length=20, description="Lists counted as one: 'A+B=C'."
    )
    imputations: int = Field(
        default=20, ge=2, le=1_000, description="Clusterings drawn to carry linkage error."
    )
    missed_links: Literal["draw", "off"] = Field(
        default="draw",
        description="Correct each drawn clustering for the links linkage missed (merges of "
        "the persons a stored pair joins, each with probability f x p), or not.",
    )


class PublishBody(BaseModel):
    warnings_read: bool = Field(
        default=False, description="The warnings were read (required when there are any)."
    )


class WithdrawBody(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


def refusing(call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Call a service; its refusal answers 404 (:class:`EstimateNotFound`) or 422, naming
    the field the message starts with (``method: ...``)."""
    try:
        return call(*args, **kwargs)
    except EstimateError as exc:
        message = str(exc)
        if isinstance(exc, NotFound):
            raise ApiProblem(404, message) from None
        field, _, rest = message.partition(": ")
        errors = None
        if rest and " " not in field:
            errors = [{"type": "invalid", "msg": rest, "loc": [field]}]
        raise ApiProblem(422, message, type="invalid", errors=errors) from None


def estimate_work(body: RunBody, user: User) -> Work:
    """The estimate as a job's work: run from the linked persons and saved as a draft."""
    try:
        choice = choice_of(body.lists, body.drop, body.merge)
    except ValueError as exc:
        raise ApiProblem(
            422,
            N_("merge: %(exc)s", exc=exc),
            type="invalid",
            errors=[{"type": "invalid", "msg": str(exc), "loc": ["merge"]}],
        ) from None
    options = EstimateOptions(
        model=body.model or None,
        criterion=body.criterion,
        classes=body.lcmcr.classes,
        chains=body.lcmcr.chains,
        draws=body.lcmcr.draws,
        burn_in=body.lcmcr.burn_in,
        thin=body.lcmcr.thin,
        seed=body.seed,
        imputations=body.imputations,
        lists=choice,
        missed_links=body.missed_links,
    )
    who = actor(user)

    def work(uow: UnitOfWork, step: Progress) -> dict[str, Any]:
        saved = run_estimate(
            uow, by=body.by, method=body.method, actor=who, options=options, on_progress=step
        )
        return {"estimate_id": saved.id}

    return work


def run_in_worker(uow: UnitOfWork, user: User, body: RunBody) -> SavedEstimate:
    """Run the estimate here, under the one-estimate-at-a-time guard (the JSON API)."""
    params = body.model_dump()
    done = refusing(
        run_now, uow, "estimate", actor=actor(user), params=params, work=estimate_work(body, user)
    )
    return refusing(get_estimate, uow, int(done["estimate_id"]))


def chart(request: Request, saved: SavedEstimate, kind: ChartKind) -> bytes:
    """The chart, drawn once per estimate (a saved estimate never changes)."""
    locale = request_locale(request)
    return app_state(request).charts.get(
        ("estimate", saved.id, kind, locale), 0, lambda: draw_chart(saved, kind, locale)
    )


def _listing(uow: UnitOfWork, page: Any, status: str | None) -> tuple[list[SavedEstimate], bool]:
    return fetch_page(
        page,
        lambda n, o: refusing(list_estimates, uow, status=status or None, limit=n, offset=o),
    )


# --- API ----------------------------------------------------------------------------


@router.get("/api/estimates", tags=["estimates"], summary="List saved estimates")
def api_estimates(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(AGGREGATES)],
    status: StatusQuery = None,
) -> dict[str, Any]:
    """Saved estimates, newest first, with their headline figures per method."""
    items, more = _listing(uow, page, status)
    return page_body(request, page, [estimate_summary_json(e) for e in items], more)


@router.get("/api/estimates/{estimate_id}", tags=["estimates"], summary="One saved estimate")
def api_estimate(
    estimate_id: int, uow: UowDep, user: Annotated[User, Depends(AGGREGATES)]
) -> dict[str, Any]:
    """Provenance, options, overlap tables, the full report and its warnings."""
    return {"ok": True, "estimate": estimate_json(refusing(get_estimate, uow, estimate_id))}


@router.get(
    "/api/estimates/{estimate_id}/charts/{kind}.svg",
    tags=["estimates"],
    summary="A chart of a saved estimate (overlaps or estimates)",
    response_class=Response,
)
def api_estimate_chart(
    request: Request,
    estimate_id: int,
    kind: str,
    uow: UowDep,
    user: Annotated[User, Depends(AGGREGATES)],
) -> Response:
    if kind not in CHART_KINDS:
        raise ApiProblem(
            404,
            N_(
                "no chart %(kind)s: one of %(items)s", kind=repr(kind), items=", ".join(CHART_KINDS)
            ),
        )
    saved = refusing(get_estimate, uow, estimate_id)
    svg = chart(request, saved, "overlaps" if kind == "overlaps" else "estimates")
    document = b'<?xml version="1.0" encoding="utf-8"?>\n' + svg
    return Response(document, media_type="image/svg+xml")


@router.post("/api/estimates", tags=["estimates"], summary="Run and save an estimate")
async def api_run(
    body: RunBody, uow: UowDep, user: Annotated[User, Depends(ESTIMATE)]
) -> dict[str, Any]:
    """Estimate from the linked persons in the database and save it as a draft (seconds;
    the latent class model can take a minute)."""
    saved = await run_in_threadpool(run_in_worker, uow, user, body)
    return {"ok": True, "estimate": estimate_json(saved)}


@router.post("/api/estimates/{estimate_id}/publish", tags=["estimates"], summary="Publish a draft")
def api_publish(
    estimate_id: int, body: PublishBody, uow: UowDep, user: Annotated[User, Depends(PUBLISH)]
) -> dict[str, Any]:
    done = refusing(
        publish_estimate, uow, estimate_id, actor=actor(user), warnings_read=body.warnings_read
    )
    return {"ok": True, "estimate": estimate_summary_json(done)}


@router.post(
    "/api/estimates/{estimate_id}/withdraw", tags=["estimates"], summary="Withdraw an estimate"
)
def api_withdraw(
    estimate_id: int, body: WithdrawBody, uow: UowDep, user: Annotated[User, Depends(PUBLISH)]
) -> dict[str, Any]:
    done = refusing(withdraw_estimate, uow, estimate_id, actor=actor(user), reason=body.reason)
    return {"ok": True, "estimate": estimate_summary_json(done)}


# --- pages --------------------------------------------------------------------------


@router.get("/estimates", response_class=HTMLResponse, include_in_schema=False)
def estimates_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(AGGREGATES)],
    status: StatusQuery = None,
) -> Response:
    items, more = _listing(uow, page, status)
    context = {
        "estimates": [(e, headline(e)) for e in items],
        "page": page,
        "more": more,
        "status": status or "",
        "statuses": ESTIMATE_STATUSES,
        "methods": METHOD_CHOICES,
        "default_method": DEFAULT_DB_METHOD,
        "method_names": METHOD_NAMES,
        "strata": STRATA,
    }
    return render(request, "estimates.html", context)


@router.get("/estimates/{estimate_id}", response_class=HTMLResponse, include_in_schema=False)
async def estimate_page(
    request: Request,
    estimate_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(AGGREGATES)],
    done: Annotated[str | None, Query(max_length=32)] = None,
) -> Response:
    saved = await run_in_threadpool(refusing, get_estimate, uow, estimate_id)
    charts = {}
    for kind in CHART_KINDS:
        charts[kind] = inline(await run_in_threadpool(chart, request, saved, kind))
    report = saved.report
    context = {
        "saved": saved,
        "headline": headline(saved),
        "strata_results": report.get("strata", []),
        "sums": report.get("sum_of_strata") or [],
        "sum_notes": report.get("sum_notes") or [],
        "pooled": report.get("pooled"),
        "tables": tables_json(saved),
        "charts": charts,
        "method_names": METHOD_NAMES,
        "done": done,
    }
    return render(request, "estimate.html", context)


@router.post("/estimates", include_in_schema=False)
async def run_form(
    request: Request, uow: UowDep, user: Annotated[User, Depends(ESTIMATE)]
) -> Response:
    form = await request.form()
    method = form.get("method") or DEFAULT_DB_METHOD
    if method not in METHOD_CHOICES:
        raise ApiProblem(
            422,
            N_(
                "method: %(value)s is not one of %(items)s",
                value=repr(str(method)[:20]),
                items=", ".join(METHOD_CHOICES),
            ),
            type="invalid",
            errors=[{"type": "invalid", "msg": "unknown method", "loc": ["method"]}],
        )
    by = [v for v in form.getlist("by") if isinstance(v, str) and v]
    if len(by) > len(STRATA):
        raise ApiProblem(422, N_("by: too many stratum columns"), type="invalid")

    def words(name: str) -> list[str]:
        value = form.get(name)
        text = value if isinstance(value, str) else ""
        return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()][:50]

    missed = form.get("missed_links") or "draw"
    if missed not in ("draw", "off"):
        raise ApiProblem(
            422,
            N_("missed_links: %(value)s is not one of draw, off", value=repr(str(missed)[:20])),
            type="invalid",
            errors=[{"type": "invalid", "msg": "unknown choice", "loc": ["missed_links"]}],
        )
    body = RunBody(
        method=method,  # type: ignore[arg-type]
        missed_links=missed,  # type: ignore[arg-type]
        by=by,
        lists=words("lists"),
        drop=words("drop"),
        merge=words("merge"),
    )
    job_id = await run_in_threadpool(
        start_in_background,
        request,
        "estimate",
        actor=actor(user),
        params=body.model_dump(),
        work=estimate_work(body, user),
    )
    return see_other(f"/jobs/{job_id}")


@router.post("/estimates/{estimate_id}/publish", include_in_schema=False)
def publish_form(
    estimate_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(PUBLISH)],
    warnings_read: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    refusing(
        publish_estimate,
        uow,
        estimate_id,
        actor=actor(user),
        warnings_read=warnings_read in ("on", "yes", "1", "true"),
    )
    return see_other(f"/estimates/{estimate_id}?done=published")


@router.post("/estimates/{estimate_id}/withdraw", include_in_schema=False)
def withdraw_form(
    estimate_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(PUBLISH)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    refusing(withdraw_estimate, uow, estimate_id, actor=actor(user), reason=reason)
    return see_other(f"/estimates/{estimate_id}?done=withdrawn")
