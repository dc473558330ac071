"""What anyone may take away or look at besides the public pages: the published figures
as CSV (HXL hashtags on the second row) and JSON, and a map of the published places drawn
by the server (no tile server: it works offline). Aggregate figures only, never names."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from tollbook.domain.text import N_
from tollbook.exchange.public_files import (
    ESTIMATE_COLUMNS,
    TOLL_COLUMNS,
    estimate_rows,
    hxl_csv,
    toll_rows,
)
from tollbook.exchange.public_map import MapPoint, map_svg
from tollbook.services.accounts import current_publications, get_publication
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import current_user
from tollbook.web.errors import ApiProblem
from tollbook.web.routes.common import UowDep
from tollbook.web.routes.public import _published_estimate
from tollbook.web.serializers import publication_json
from tollbook.web.serializers_estimates import public_estimate_json
from tollbook.web.templating import render

router = APIRouter()


def _download(text: str, media_type: str, name: str) -> Response:
    return Response(
        text.encode("utf-8"),
        media_type=f"{media_type}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _publication(uow: UnitOfWork, publication_id: int) -> dict[str, Any]:
    found = get_publication(uow, publication_id)
    if found is None or found.withdrawn_at is not None:
        raise ApiProblem(
            404, N_("no published toll %(publication_id)s", publication_id=publication_id)
        )
    return publication_json(found)


def _all_publications(uow: UnitOfWork) -> list[dict[str, Any]]:
    return [publication_json(p) for p in current_publications(uow, None, None, 500)]


@router.get("/public/tolls.csv", include_in_schema=False)
def all_tolls_csv(uow: UowDep) -> Response:
    rows = [row for p in _all_publications(uow) for row in toll_rows(p)]
    return _download(hxl_csv(TOLL_COLUMNS, rows), "text/csv", "tollbook-tolls.csv")


@router.get("/public/tolls.json", include_in_schema=False)
def all_tolls_json(uow: UowDep) -> Response:
    body = json.dumps({"tolls": _all_publications(uow)}, ensure_ascii=False, indent=1)
    return _download(body, "application/json", "tollbook-tolls.json")


@router.get("/public/tolls/{publication_id}.csv", include_in_schema=False)
def toll_csv(publication_id: int, uow: UowDep) -> Response:
    rows = toll_rows(_publication(uow, publication_id))
    name = f"tollbook-toll-{publication_id}.csv"
    return _download(hxl_csv(TOLL_COLUMNS, rows), "text/csv", name)


@router.get("/public/tolls/{publication_id}.json", include_in_schema=False)
def toll_json(publication_id: int, uow: UowDep) -> Response:
    body = json.dumps(_publication(uow, publication_id), ensure_ascii=False, indent=1)
    return _download(body, "application/json", f"tollbook-toll-{publication_id}.json")


@router.get("/public/estimates/{estimate_id}.csv", include_in_schema=False)
def estimate_csv(estimate_id: int, uow: UowDep) -> Response:
    rows = estimate_rows(public_estimate_json(_published_estimate(uow, estimate_id)))
    name = f"tollbook-estimate-{estimate_id}.csv"
    return _download(hxl_csv(ESTIMATE_COLUMNS, rows), "text/csv", name)


@router.get("/public/estimates/{estimate_id}.json", include_in_schema=False)
def estimate_json(estimate_id: int, uow: UowDep) -> Response:
    found = public_estimate_json(_published_estimate(uow, estimate_id))
    body = json.dumps(found, ensure_ascii=False, indent=1)
    return _download(body, "application/json", f"tollbook-estimate-{estimate_id}.json")


def map_context(uow: UnitOfWork, title: str) -> dict[str, Any]:
    """The published places on a map, and those the gazetteer cannot place."""
    from tollbook.gazetteer.coordinates import point_of, towns

    points: list[MapPoint] = []
    unplaced: list[Any] = []
    for p in current_publications(uow, None, None, 500):
        found = point_of(p.place)
        if found is None:
            unplaced.append(p)
            continue
        _, (lat, lon) = found
        low, high = int(p.figures["min"]), int(p.figures["max"])
        points.append(MapPoint(f"{p.place}", lat, lon, low, high, f"/public/tolls/{p.id}"))
    svg = map_svg(points, towns(3_000), title)
    return {"map_svg": svg, "placed": len(points), "unplaced": unplaced}


@router.get("/public/map", response_class=HTMLResponse, include_in_schema=False)
async def public_map(request: Request, uow: UowDep) -> Response:
    await current_user(request)
    context = await run_in_threadpool(map_context, uow, "published tolls by place")
    return render(request, "public_map.html", context)
