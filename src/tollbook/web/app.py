"""The application factory: ``create_app(database_url, settings)``."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from tollbook import __version__
from tollbook.services.setup import open_database
from tollbook.store.login_attempts import LoginAttemptLog
from tollbook.web.auth import SESSION_COOKIE, Require
from tollbook.web.errors import error_body, install_error_handlers
from tollbook.web.integer_bounds import IntegerBounds, install_overflow_handlers
from tollbook.web.middleware import BodyLimit, SecurityHeaders
from tollbook.web.permissions import PUBLIC
from tollbook.web.rate_limit import LoginRateLimiter
from tollbook.web.routes import (
    admin,
    bodies,
    case_life,
    claims,
    estimates,
    finding,
    graves,
    incidents,
    inquiries,
    job_admin,
    jobs,
    linkage,
    lists,
    public,
    public_files,
    reports,
    session,
    sync,
    tolls,
)
from tollbook.web.settings import (
    WebSettings,
    resolve_database_url,
    secret_key_for,
    settings_from_env,
)
from tollbook.web.state import AppState
from tollbook.web.toll_cache import TollCache

STATIC_DIR = Path(__file__).resolve().parent / "static"

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["ok", "error", "errors", "status"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "msg": {"type": "string"},
                    "loc": {"type": "array", "items": {}},
                },
            },
        },
        "status": {"type": "integer"},
    },
}


def create_app(database_url: str | None = None, settings: WebSettings | None = None) -> FastAPI:
    """The Tollbook web app on the database at ``database_url`` (default: as the CLI).

    The database must be at this Tollbook's schema (``tollbook init``); otherwise
    :class:`tollbook.services.setup.DatabaseNotReady` says what to do.
    """
    url = resolve_database_url(database_url)
    settings = settings or settings_from_env()
    secret = secret_key_for(url, settings)
    uow = open_database(url)
    state = AppState(
        engine=uow.engine,
        settings=dataclasses.replace(settings, secret_key=None),
        secret_key=secret,
        limiter=LoginRateLimiter(settings.login_limits, LoginAttemptLog(uow.engine)),
        tolls=TollCache(settings.toll_cache_entries),
        charts=TollCache(settings.toll_cache_entries),
        answers=TollCache(2 * settings.toll_cache_entries),
        reconciliations=TollCache(1),
        inline_lookups=uow.engine.dialect.name == "sqlite",
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # what is loaded by now lives as long as the server: keep the collector off it
        gc.collect()
        gc.freeze()
        yield
        state.engine.dispose()

    app = FastAPI(
        title="Tollbook",
        version=__version__,
        description=(
            "Sourced casualty claims, incidents and tolls. Log in with `POST /api/session`; "
            "send the returned `csrf_token` as `X-CSRF-Token` on every change. Every error "
            'has the shape `{"ok": false, "error", "errors", "status"}`.'
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.tollbook = state
    install_error_handlers(app)
    for module in (
        tolls,
        public_files,  # before ``public``: /public/tolls/1.csv is not /public/tolls/{id}
        public,
        session,
        reports,
        claims,
        incidents,
        lists,
        linkage,
        estimates,
        bodies,
        finding,
        graves,
        case_life,
        inquiries,
        jobs,
        job_admin,
        admin,
        sync,
    ):
        # the routes themselves, not the routers: newer FastAPI versions keep included
        # routers as a layer that costs time on every request
        app.router.routes.extend(module.router.routes)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_overflow_handlers(app)
    app.add_middleware(IntegerBounds)  # inside the body limit: bodies it reads are bounded
    app.add_middleware(
        BodyLimit,
        limit=settings.max_request_bytes,
        anonymous_limit=settings.max_anonymous_request_bytes,
        session_cookie=SESSION_COOKIE,
    )
    app.add_middleware(SecurityHeaders)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def api_routes(app: FastAPI) -> list[APIRoute]:
    """Every API route of the app, whether FastAPI keeps included routers' routes in
    ``app.routes`` (up to 0.1xx) or keeps the routers (newer versions)."""

    def walk(routes: list[Any]) -> list[APIRoute]:
        found: list[APIRoute] = []
        for route in routes:
            if isinstance(route, APIRoute):
                found.append(route)
            elif hasattr(route, "original_router"):
                found.extend(walk(list(route.original_router.routes)))
        return found

    return walk(list(app.routes))


def route_permission(route: APIRoute) -> str:
    """The permission a route requires (``public`` if none)."""
    found = [
        d.call.permission
        for d in _flatten(route.dependant.dependencies)
        if isinstance(d.call, Require)
    ]
    return found[0] if found else PUBLIC


def _flatten(dependencies: list[Any]) -> list[Any]:
    out: list[Any] = []
    for dependency in dependencies:
        out.append(dependency)
        out.extend(_flatten(dependency.dependencies))
    return out


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error_ref = {"$ref": "#/components/schemas/Error"}
    for route in api_routes(app):
        if not route.include_in_schema:
            continue
        for method in route.methods or ():
            operation = schema["paths"].get(route.path_format, {}).get(method.lower())
            if operation is None:
                continue
            permission = route_permission(route)
            operation["x-permission"] = permission
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            codes = ["422"] if permission == PUBLIC else ["401", "403", "422"]
            for code in codes:
                responses[code] = {
                    "description": "Error",
                    "content": {"application/json": {"schema": error_ref}},
                }
    schema["components"]["schemas"].pop("HTTPValidationError", None)
    schema["components"]["schemas"].pop("ValidationError", None)
    app.openapi_schema = schema
    return schema


__all__ = ["api_routes", "create_app", "error_body", "route_permission"]
