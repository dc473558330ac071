"""Tolls: a place's documented count beside the official figures, its chart, and
publishing it for the public."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.claim import OUTCOMES
from tollbook.domain.incident import place_key
from tollbook.domain.text import N_
from tollbook.domain.toll import Toll
from tollbook.services.accounts import (
    User,
    current_publications,
    publish_toll,
    withdraw_publication,
)
from tollbook.services.audit import counting_version
from tollbook.services.incidents import list_incidents
from tollbook.services.tolls import place_toll
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import AGGREGATES, PUBLISH
from tollbook.web.drawing import drawing
from tollbook.web.errors import ApiProblem
from tollbook.web.i18n import request_locale, translations
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.permissions import allowed
from tollbook.web.publication import public_figures
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.routes.incidents import FromQuery, ToQuery
from tollbook.web.serializers import publication_json, toll_json
from tollbook.web.state import app_state, current_reconciliation, lookup
from tollbook.web.templating import render

router = APIRouter()

OutcomeParam = Annotated[str, Query(max_length=32, description=f"One of {', '.join(OUTCOMES)}.")]
JSON = "application/json"


class PublishBody(BaseModel):
    outcome: str = Field(default="killed", max_length=32)
    start: date | None = Field(default=None, alias="from")
    end: date | None = Field(default=None, alias="to")


def cached_toll(
    request: Request,
    uow: UnitOfWork,
    place: str,
    outcome: str,
    start: date | None,
    end: date | None,
    version: int | None = None,
) -> Toll:
    """The toll, computed once per change of the data (see :mod:`tollbook.web.toll_cache`)."""
    if version is None:
        version = counting_version(uow)
    key = (place_key(place), outcome, start, end)
    counted = version

    def compute() -> Toll:
        found = current_reconciliation(request, uow, counted)
        return place_toll(uow, place, outcome, start, end, reconciliation=found)

    return app_state(request).tolls.get(key, version, compute)


def chart_svg(request: Request, uow: UnitOfWork, toll: Toll) -> bytes:
    """The toll's chart, in the request's language (kept once per language)."""
    version = counting_version(uow)
    locale = request_locale(request)
    key = (place_key(toll.place), toll.outcome, toll.period.start, toll.period.end, locale)
    return app_state(request).charts.get(key, version, lambda: _draw(toll, locale))


def _draw(toll: Toll, locale: str) -> bytes:
    from tollbook.exchange.toll_chart import write_toll_chart

    with drawing(), tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "toll.svg"
        write_toll_chart(toll, path, translations(locale).gettext)
        return path.read_bytes()


def publish(uow: UnitOfWork, toll: Toll, user: User) -> Any:
    return publish_toll(
        uow,
        place=toll.place,
        outcome=toll.outcome,
        period_start=toll.period.start,
        period_end=toll.period.end,
        figures=public_figures(toll),
        actor=actor(user),
    )


# --- API ----------------------------------------------------------------------------


@router.get(
    "/api/tolls/{place}",
    tags=["tolls"],
    summary="A place's toll",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def api_toll(
    request: Request,
    place: str,
    user: Annotated[User, Depends(AGGREGATES)],
    outcome: OutcomeParam = "killed",
    start: FromQuery = None,
    end: ToQuery = None,
) -> Response:
    """The documented count (sum of incident minimums and maximums, and of the reviewed
    ones) beside the official and reported cumulative figures and the estimates.

    Computed once per change of the data and kept (serialized) until the next change."""
    state = app_state(request)
    uow = UnitOfWork(state.engine)
    full = allowed(user.role, "sources")
    version = await lookup(request, counting_version, uow)
    key = (place_key(place), outcome, start, end, full)
    found = state.answers.peek(key, version)
    if found is None:

        def body() -> bytes:
            toll = cached_toll(request, uow, place, outcome, start, end, version)
            content = {"ok": True, "toll": toll_json(toll, full=full)}
            return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()

        found = await run_in_threadpool(state.answers.get, key, version, body)
    return Response(found, media_type=JSON)


@router.get(
    "/api/tolls/{place}/chart.svg",
    tags=["tolls"],
    summary="A place's toll over time (SVG)",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def api_toll_chart(
    request: Request,
    place: str,
    uow: UowDep,
    user: Annotated[User, Depends(AGGREGATES)],
    outcome: OutcomeParam = "killed",
    start: FromQuery = None,
    end: ToQuery = None,
) -> Response:
    toll = cached_toll(request, uow, place, outcome, start, end)
    return Response(chart_svg(request, uow, toll), media_type="image/svg+xml")


@router.post(
    "/api/tolls/{place}/publish", tags=["publication"], summary="Publish a toll", status_code=201
)
def api_publish(
    request: Request,
    place: str,
    body: PublishBody,
    uow: UowDep,
    user: Annotated[User, Depends(PUBLISH)],
) -> dict[str, Any]:
    """Make the toll's reviewed aggregate figures public, as they stand now."""
    toll = cached_toll(request, uow, place, body.outcome, body.start, body.end)
    return {"ok": True, "publication": publication_json(publish(uow, toll, user))}


@router.get("/api/publications", tags=["publication"], summary="Published tolls")
def api_publications(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(PUBLISH)]
) -> dict[str, Any]:
    items, more = fetch_page(page, lambda n, o: current_publications(uow, limit=n, offset=o))
    return page_body(request, page, [publication_json(p) for p in items], more)


@router.post(
    "/api/publications/{publication_id}/withdraw",
    tags=["publication"],
    summary="Withdraw a published toll",
)
def api_withdraw(
    publication_id: int, uow: UowDep, user: Annotated[User, Depends(PUBLISH)]
) -> dict[str, Any]:
    done = withdraw_publication(uow, publication_id, actor(user))
    return {"ok": True, "publication": publication_json(done)}


# --- pages --------------------------------------------------------------------------


@router.get("/tolls", response_class=HTMLResponse, include_in_schema=False)
def tolls_page(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(AGGREGATES)],
    place: Annotated[str | None, Query(max_length=200)] = None,
    outcome: Annotated[str | None, Query(max_length=32)] = None,
) -> Response:
    if place and place.strip():
        target = request.url_for("toll_page", place=place.strip()).path
        return see_other(f"{target}?outcome={quote(outcome or 'killed')}")
    places = Counter(i.place for i in list_incidents(uow) if i.place)
    context = {
        "places": sorted(places.items(), key=lambda kv: (-kv[1], kv[0])),
        "publications": current_publications(uow, limit=200),
        "outcomes": OUTCOMES,
    }
    return render(request, "tolls.html", context)


@router.get("/tolls/{place}", response_class=HTMLResponse, include_in_schema=False)
def toll_page(
    request: Request,
    place: str,
    uow: UowDep,
    user: Annotated[User, Depends(AGGREGATES)],
    outcome: OutcomeParam = "killed",
    start: FromQuery = None,
    end: ToQuery = None,
    published: int | None = None,
) -> Response:
    toll = cached_toll(request, uow, place, outcome, start, end)
    query = str(request.url.query)
    context = {
        "toll": toll,
        "full": allowed(user.role, "sources"),
        "outcomes": OUTCOMES,
        "chart_url": request.url_for("api_toll_chart", place=place).path
        + (f"?{query}" if query else ""),
        "published": published,
        "publications": current_publications(uow, place=toll.place, outcome=outcome),
    }
    return render(request, "toll.html", context)


@router.post("/tolls/{place}/publish", include_in_schema=False)
def publish_form(
    request: Request,
    place: str,
    uow: UowDep,
    user: Annotated[User, Depends(PUBLISH)],
    outcome: Annotated[str, Form(max_length=32)] = "killed",
    start: Annotated[str, Form(max_length=20)] = "",
    end: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    first, last = _day(start, "from"), _day(end, "to")
    toll = cached_toll(request, uow, place, outcome, first, last)
    done = publish(uow, toll, user)
    target = request.url_for("toll_page", place=toll.place).path
    return see_other(f"{target}?outcome={outcome}&published={done.id}")


@router.post("/publications/{publication_id}/withdraw", include_in_schema=False)
def withdraw_form(
    publication_id: int, uow: UowDep, user: Annotated[User, Depends(PUBLISH)]
) -> Response:
    withdraw_publication(uow, publication_id, actor(user))
    return see_other("/tolls")


def _day(value: str, name: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ApiProblem(
            422, N_("%(name)s: %(value)s is not a date (YYYY-MM-DD)", name=name, value=repr(value))
        ) from None
