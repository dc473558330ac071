"""No integer a request sends may be larger than the database can hold.

Ids, offsets, positions and counts are 64-bit integers in the database: a larger one
(``?offset=99999999999999999999``, ``/api/bodies/...`` ids, a JSON field) made the
database driver fail, and the server answered 500. This layer refuses such a request
with 422 and the one error shape before any route sees it, whatever the route: every
whole number in the path, the query string, a form or a JSON body must lie within
±(2^63 - 1). The routes' own bounds (``ge=0``, ``le=500``...) then apply as before.

As a last line, the app answers an integer overflow that still reaches the database
(:class:`OverflowError`, a driver's ``DataError``) with 422 too: see
:func:`install_overflow_handlers`.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, unquote

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.exc import DataError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tollbook.web.middleware import BodyTooLarge

#: The largest integer a 64-bit signed database column holds.
MAX_INTEGER = 2**63 - 1
#: Nothing shorter than this many digits can be out of range: most requests end here.
_LONG_NUMBER = re.compile(rb"\d{19,}")
_INTEGER = re.compile(r"[+-]?\d+")
_JSON_TYPES = (b"application/json",)
_FORM_TYPE = b"application/x-www-form-urlencoded"


class OutOfRange(ValueError):
    def __init__(self, where: str, value: str) -> None:
        shown = value if len(value) <= 40 else value[:37] + "..."
        super().__init__(
            f"{where}: {shown} is out of range: whole numbers must lie within ±{MAX_INTEGER:,}"
        )
        self.where = where


def _check_text(where: str, value: str) -> None:
    text = value.strip()
    if _INTEGER.fullmatch(text) and abs(int(text)) > MAX_INTEGER:
        raise OutOfRange(where, text)


def _check_json(body: bytes) -> None:
    def bounded(token: str) -> int:
        value = int(token)
        if abs(value) > MAX_INTEGER:
            raise OutOfRange("body", token)
        return value

    try:
        json.loads(body, parse_int=bounded)
    except (ValueError, RecursionError) as error:
        if isinstance(error, OutOfRange):
            raise
        # not JSON at all: the route's own validation says so


def check_request(scope: Scope, body: bytes | None = None) -> None:
    """Raise :class:`OutOfRange` naming the first integer of the request out of range."""
    path = str(scope.get("path", ""))
    for segment in path.split("/"):
        _check_text("path", unquote(segment))
    query = scope.get("query_string", b"")
    if query and _LONG_NUMBER.search(query):
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            _check_text(name, value)
    if body and _LONG_NUMBER.search(body):
        content_type = dict(scope.get("headers") or []).get(b"content-type", b"")
        if content_type.startswith(_JSON_TYPES) or content_type.endswith(b"+json"):
            _check_json(body)
        elif content_type.startswith(_FORM_TYPE):
            for name, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
                _check_text(name, value)


class IntegerBounds:
    """The ASGI layer: checks the path and query of every request, and the body of
    JSON and plain form requests (read whole: the body limit outside it bounds them;
    multipart uploads pass on unread, to the last line below)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path") or str(scope.get("path", "")).encode()
        query = scope.get("query_string", b"")
        try:
            if _LONG_NUMBER.search(raw_path) or _LONG_NUMBER.search(query):
                check_request(scope)
        except OutOfRange as error:
            await _refuse(scope, receive, send, error)
            return
        content_type = dict(scope.get("headers") or []).get(b"content-type", b"")
        readable = content_type.startswith((*_JSON_TYPES, _FORM_TYPE)) or content_type.endswith(
            b"+json"
        )
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE") or not readable:
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        body = bytearray()
        while True:
            try:
                message = await receive()
            except BodyTooLarge:  # the body limit outside answers 413 for it
                await Response(status_code=413)(scope, receive, send)
                return
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        try:
            check_request({**scope, "path": "", "query_string": b""}, bytes(body))
        except OutOfRange as error:
            await _refuse(scope, receive, send, error)
            return

        async def replay() -> Message:
            if messages:
                return messages.pop(0)
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(scope: Scope, receive: Receive, send: Send, error: OutOfRange) -> None:
    from tollbook.web.errors import ApiProblem, problem_response

    errors = [{"type": "out_of_range", "msg": str(error), "loc": [error.where]}]
    problem = ApiProblem(422, str(error), type="invalid", errors=errors)
    response = problem_response(Request(scope, receive), problem)
    await response(scope, receive, send)


def install_overflow_handlers(app: FastAPI) -> None:
    """The last line: an integer the database cannot hold answers 422, not 500."""
    from tollbook.web.errors import ApiProblem, problem_response

    async def on_overflow(request: Request, exc: Exception) -> Response:
        message = "a number in the request is out of the range the database can hold"
        return problem_response(request, ApiProblem(422, message, type="invalid"))

    app.add_exception_handler(OverflowError, on_overflow)
    app.add_exception_handler(DataError, on_overflow)


__all__: list[Any] = [
    "MAX_INTEGER",
    "IntegerBounds",
    "OutOfRange",
    "check_request",
    "install_overflow_handlers",
]
