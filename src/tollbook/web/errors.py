"""One error shape for every failure, JSON for API clients, a page for browsers.

``{"ok": false, "error": "what went wrong", "code": "...", "errors": [{"type", "msg",
"loc"?}], "status": N}``: the same for a 404 from routing, a 405, a 422 from validation, a
refusal by a service, a refused login and an unexpected failure (whose details stay in the
log). ``error`` and each ``msg`` are in the request's language (English unless the
client's ``Accept-Language`` or the ``lang`` cookie asks for Ukrainian or Russian);
``code`` is the message's stable id, its English with the ``%(name)s`` placeholders
(:mod:`tollbook.domain.text`), the same in every language, and ``type`` the kind.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from tollbook.catalogs import translate_with
from tollbook.domain.refusals import Conflict, Forbidden, Invalid, NotFound, Refusal
from tollbook.domain.text import N_, message_id
from tollbook.store.migrate import DatabaseNotReady
from tollbook.web.i18n import gettext_for
from tollbook.web.middleware import BodyTooLarge

log = logging.getLogger("tollbook.web")

_TYPES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


class ApiProblem(Exception):
    """Raise to answer with the error shape: ``type`` is a short code (``forbidden``,
    ``csrf``, ``rate_limited``...), ``message`` a sentence for people."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str | None = None,
        errors: Sequence[Mapping[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type or _TYPES.get(status, "error")
        self.errors = list(errors) if errors is not None else None
        self.headers = dict(headers or {})
        #: the message's stable id (:func:`tollbook.domain.text.message_id`), once shown
        self.code: str | None = None
        #: the message in English, once shown
        self.english: str = str(message)


def error_body(
    status: int,
    message: str,
    type: str,
    errors: Sequence[Mapping[str, Any]] | None = None,
    code: str | None = None,
) -> dict[str, Any]:
    items = list(errors) if errors else [{"type": type, "msg": message}]
    return {
        "ok": False,
        "error": message,
        "code": code if code is not None else message_id(message),
        "errors": items,
        "status": status,
    }


def localized(request: Request, problem: ApiProblem) -> ApiProblem:
    """The problem with its message (and its items' messages) in the request's language;
    the message's id kept as its ``code``."""
    gettext = gettext_for(request)
    items = None
    if problem.errors is not None:
        items = [
            {**item, "msg": translate_with(gettext, item["msg"])} if "msg" in item else item
            for item in problem.errors
        ]
    shown = ApiProblem(
        problem.status,
        translate_with(gettext, problem.message),
        type=problem.type,
        errors=items,
        headers=problem.headers,
    )
    shown.code = problem.code if problem.code is not None else message_id(problem.message)
    shown.english = str(problem.message)
    return shown


def wants_json(request: Request) -> bool:
    """API paths always; other paths when the client asks for JSON rather than HTML."""
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return False
    return "application/json" in accept or "+json" in accept


def problem_response(request: Request, problem: ApiProblem) -> Response:
    if problem.code is None:
        problem = localized(request, problem)
    if wants_json(request):
        return JSONResponse(
            error_body(problem.status, problem.message, problem.type, problem.errors, problem.code),
            status_code=problem.status,
            headers=problem.headers,
        )
    if problem.status == 401:
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return RedirectResponse(f"/login?next={target}", status_code=303)
    from tollbook.web.form_return import back_path
    from tollbook.web.templating import render

    context = {
        "status": problem.status,
        "message": problem.message,
        "errors": problem.errors or [],
        "back": back_path(request),
    }
    return render(
        request,
        "error.html",
        context,
        status_code=problem.status,
        headers=problem.headers,
    )


async def answer(request: Request, problem: ApiProblem) -> Response:
    """The problem's answer; a page's failed form goes back to its page (form_return)."""
    problem = localized(request, problem)
    if not wants_json(request):
        from tollbook.web.form_return import returned_form

        page = await returned_form(
            request, problem.status, problem.message, problem.errors, problem.english
        )
        if page is not None:
            return page
    return problem_response(request, problem)


def install_error_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiProblem)
        return await answer(request, exc)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else _TYPES.get(exc.status_code, "")
        if exc.status_code == 404 and message == "Not Found":
            message = N_("nothing at %(path)s", path=request.url.path)
        elif exc.status_code == 405:
            message = N_(
                "%(method)s is not allowed on %(path)s",
                method=request.method,
                path=request.url.path,
            )
        problem = ApiProblem(exc.status_code, message, headers=dict(exc.headers or {}))
        return problem_response(request, problem)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [_validation_item(e) for e in exc.errors()]
        first = errors[0] if errors else {"msg": N_("invalid request")}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
        message = f"{where}: {first['msg']}" if where else str(first["msg"])
        return await answer(request, ApiProblem(422, message, type="invalid", errors=errors))

    async def on_refusal(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        return await answer(request, refusal_problem(exc))

    async def on_too_large(request: Request, exc: Exception) -> Response:
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else ""
        message = message or N_("the request is too large")
        return problem_response(request, ApiProblem(413, message, type="too_large"))

    async def on_not_ready(request: Request, exc: Exception) -> Response:
        return problem_response(request, ApiProblem(503, str(exc)))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        message = N_("something went wrong on the server; it was logged")
        return problem_response(request, ApiProblem(500, message))

    app.add_exception_handler(ApiProblem, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(Refusal, on_refusal)
    app.add_exception_handler(BodyTooLarge, on_too_large)
    app.add_exception_handler(DatabaseNotReady, on_not_ready)
    app.add_exception_handler(Exception, on_crash)


#: The one place a refusal's kind becomes a status (tollbook.domain.refusals).
REFUSAL_STATUS: tuple[tuple[type[Refusal], int], ...] = (
    (NotFound, 404),
    (Forbidden, 403),
    (Conflict, 409),
    (Invalid, 422),
)
#: What a refusal without a message says, by status.
_DEFAULT_MESSAGES = {403: N_("your role does not allow this")}


def refusal_problem(refusal: Refusal) -> ApiProblem:
    """The answer to a service's refusal: its kind's status, its message."""
    status = next((s for kind, s in REFUSAL_STATUS if isinstance(refusal, kind)), 422)
    message = refusal.message if refusal.args else _DEFAULT_MESSAGES.get(status, str(refusal))
    return ApiProblem(status, message, type=refusal.code)


def _validation_item(error: Mapping[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": str(error.get("type", "invalid")),
        "msg": str(error.get("msg", "invalid")),
        "loc": [str(p) if not isinstance(p, int) else p for p in error.get("loc", ())],
    }
    return item
