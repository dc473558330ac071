"""What anyone may see without logging in: the tolls and estimates a person published
(aggregate figures only), and whether the server is up. No search of any kind, least of
all by name."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from tollbook.domain.text import N_
from tollbook.services.accounts import current_publications, get_publication
from tollbook.services.audit import counting_version
from tollbook.services.estimates import EstimateError, SavedEstimate, get_estimate, list_estimates
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import current_user
from tollbook.web.errors import ApiProblem
from tollbook.web.i18n import LOCALE_COOKIE, LOCALES, request_locale
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.public_cache import HOME_KEY, public_version
from tollbook.web.routes.common import PageDep, UowDep
from tollbook.web.serializers import publication_json
from tollbook.web.serializers_estimates import public_estimate_json
from tollbook.web.state import app_state, lookup
from tollbook.web.templating import render

router = APIRouter()


@router.get("/healthz", tags=["public"], summary="The server is up")
def health() -> dict[str, Any]:
    return {"ok": True}


@router.get(
    "/api/public/tolls",
    tags=["public"],
    summary="Published tolls",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def api_public_tolls(
    request: Request,
    page: PageDep,
    place: Annotated[str | None, Query(max_length=200, description="A place name.")] = None,
    outcome: Annotated[str | None, Query(max_length=32)] = None,
) -> Response:
    """The latest publication of each place, outcome and period, newest first:
    reviewed aggregate figures, with no names, sources or evidence."""
    state = app_state(request)
    uow = UnitOfWork(state.engine)
    version = await lookup(request, counting_version, uow)
    key = ("public", str(request.url))
    found = state.answers.peek(key, version)
    if found is None:

        def body() -> bytes:
            items, more = fetch_page(
                page,
                lambda n, o: current_publications(
                    uow, place=place, outcome=outcome, limit=n, offset=o
                ),
            )
            content = page_body(request, page, [publication_json(p) for p in items], more)
            return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()

        found = await run_in_threadpool(state.answers.get, key, version, body)
    return Response(found, media_type="application/json")


@router.get("/api/public/tolls/{publication_id}", tags=["public"], summary="A published toll")
def api_public_toll(publication_id: int, uow: UowDep) -> dict[str, Any]:
    found = get_publication(uow, publication_id)
    if found is None or found.withdrawn_at is not None:
        raise ApiProblem(
            404, N_("no published toll %(publication_id)s", publication_id=publication_id)
        )
    return {"ok": True, "publication": publication_json(found)}


@router.get("/api/public/estimates", tags=["public"], summary="Published estimates")
def api_public_estimates(request: Request, uow: UowDep, page: PageDep) -> dict[str, Any]:
    """Estimates a person published, newest first: totals with their intervals and
    warnings, the lists they rest on; no overlap tables, no names."""
    items, more = fetch_page(
        page, lambda n, o: list_estimates(uow, status="published", limit=n, offset=o)
    )
    return page_body(request, page, [public_estimate_json(e) for e in items], more)


@router.get("/api/public/estimates/{estimate_id}", tags=["public"], summary="A published estimate")
def api_public_estimate(estimate_id: int, uow: UowDep) -> dict[str, Any]:
    return {"ok": True, "estimate": public_estimate_json(_published_estimate(uow, estimate_id))}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def home(request: Request, uow: UowDep) -> Response:
    """The published tolls and estimates. For anyone not logged in the page is the same,
    so it is rendered once per change of what it shows (as the public toll API is, see
    :mod:`tollbook.web.public_cache`) and served from memory in between."""
    user = await current_user(request)
    if user is not None:
        return render(request, "home.html", await run_in_threadpool(_home_context, uow))
    state = app_state(request)
    version = await lookup(request, public_version, uow)
    key = (*HOME_KEY, request_locale(request))  # one page per language
    found = state.answers.peek(key, version)
    if found is None:

        def page() -> bytes:
            return bytes(render(request, "home.html", _home_context(uow)).body)

        found = await run_in_threadpool(state.answers.get, key, version, page)
    return HTMLResponse(
        found,
        headers={"Content-Language": request_locale(request), "Vary": "Accept-Language, Cookie"},
    )


@router.get("/lang/{code}", include_in_schema=False)
def switch_language(
    code: str, next: Annotated[str, Query(max_length=2000)] = "/"
) -> RedirectResponse:
    """The switch on every page: remember the language in a cookie, go back to the page."""
    if code not in LOCALES:
        raise ApiProblem(
            404,
            N_(
                "no language %(code)s; there are %(items)s",
                code=repr(code),
                items=", ".join(LOCALES),
            ),
        )
    back = next if next.startswith("/") and not next.startswith(("//", "/\\")) else "/"
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(
        LOCALE_COOKIE, code, max_age=365 * 24 * 3600, path="/", samesite="lax", httponly=True
    )
    return response


def _home_context(uow: UnitOfWork) -> dict[str, Any]:
    published = current_publications(uow, None, None, 200)
    estimates = list_estimates(uow, status="published", limit=50)
    return {"publications": published, "estimates": [public_estimate_json(e) for e in estimates]}


@router.get("/public/estimates/{estimate_id}", response_class=HTMLResponse, include_in_schema=False)
async def public_estimate_page(request: Request, estimate_id: int, uow: UowDep) -> Response:
    await current_user(request)
    found = await run_in_threadpool(_published_estimate, uow, estimate_id)
    from tollbook.web.estimate_charts import inline
    from tollbook.web.routes.estimates import chart

    drawn = await run_in_threadpool(chart, request, found, "estimates")
    context = {"estimate": public_estimate_json(found), "chart": inline(drawn)}
    return render(request, "public_estimate.html", context)


def _published_estimate(uow: UnitOfWork, estimate_id: int) -> SavedEstimate:
    """The estimate if it is published now; drafts and withdrawn ones are not there."""
    try:
        found = get_estimate(uow, estimate_id)
    except EstimateError:
        found = None
    if found is None or found.status != "published":
        raise ApiProblem(404, N_("no published estimate %(estimate_id)s", estimate_id=estimate_id))
    return found


@router.get("/public/tolls/{publication_id}", response_class=HTMLResponse, include_in_schema=False)
async def public_toll_page(request: Request, publication_id: int, uow: UowDep) -> Response:
    await current_user(request)
    found = await run_in_threadpool(get_publication, uow, publication_id)
    if found is None or found.withdrawn_at is not None:
        raise ApiProblem(
            404, N_("no published toll %(publication_id)s", publication_id=publication_id)
        )
    from markupsafe import Markup

    from tollbook.exchange.series_chart import series_svg

    title = f"{found.place}: documented {found.outcome} over time"
    drawn = Markup(series_svg(found.figures.get("series") or [], title))  # escaped inside
    return render(request, "public_toll.html", {"publication": found, "chart": drawn})
