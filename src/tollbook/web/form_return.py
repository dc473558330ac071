"""A browser's form that fails comes back: the page it was sent from, again, with the
message and the values typed.

When a page's form (a POST from a browser, not an API client) is refused as a mistake
(400, 404, 409 or 422), the error handler asks the app itself for the page named by the
request's ``Referer`` (same site only), as the same user, and answers with that page and
the refusal's status instead of a bare error page. The page carries the problem
(:func:`problem_context`): ``base.html`` shows the message at the top of the page and
gives it, with the values typed (never a password, a CSRF token or a file), to
``tollbook.js``, which puts the values back in the form and the message beside its field.
Without the script the message is still at the top. Forms that re-render themselves with
their errors (a new body, a new inquiry, a list import) never reach this.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Scope

#: The statuses of a mistake in what was typed (not of a crash, a login or a role).
RETURNABLE = frozenset({400, 404, 409, 422})
#: What is never sent back into a page.
_SECRET = re.compile(r"csrf|password|passphrase|secret", re.IGNORECASE)
#: The scope key a page reads its returned problem from.
SCOPE_KEY = "tollbook.form_problem"
#: Query parameters of the last success, dropped from the page a failure returns to.
_STALE = ("done", "alive", "reassigned", "notified")


def problem_context(request: Request) -> dict[str, Any] | None:
    """The returned problem of this page, if it is one (for the templates)."""
    found = request.scope.get(SCOPE_KEY)
    return found if isinstance(found, dict) else None


def back_path(request: Request) -> str | None:
    """The path and query of the same-site page the form was sent from."""
    referer = request.headers.get("referer", "")
    if not referer:
        return None
    parts = urlsplit(referer)
    host = request.headers.get("host", "")
    if parts.netloc != host or not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in _STALE]
    return parts.path + (f"?{urlencode(query)}" if query else "")


async def _typed_values(request: Request) -> dict[str, str | list[str]]:
    try:
        form = await request.form()
    except Exception:
        return {}
    values: dict[str, str | list[str]] = {}
    for name in dict.fromkeys(form.keys()):
        if _SECRET.search(name):
            continue
        texts = [
            v for v in form.getlist(name) if isinstance(v, str) and not isinstance(v, UploadFile)
        ]
        if texts:
            values[name] = texts if len(texts) > 1 else texts[0]
    return values


def _field(
    message: str, errors: list[Mapping[str, Any]] | None, names: set[str]
) -> tuple[str | None, str]:
    """The form field a problem is about (its ``loc``, or a leading ``field:``) and what
    to say beside it."""
    for error in errors or ():
        loc = error.get("loc") or ()
        if loc and str(loc[-1]) in names:
            return str(loc[-1]), str(error.get("msg") or message)
    match = re.match(r"(?:field )?'?([a-z_]+)'?: ", message)
    if match and match.group(1) in names:
        return match.group(1), message[match.end() :]
    return None, message


async def returned_form(
    request: Request,
    status: int,
    message: str,
    errors: list[Mapping[str, Any]] | None,
    english: str | None = None,
) -> Response | None:
    """The page the failed form came from, with the problem; None when there is none to
    return to (not a browser form, not a mistake, no same-site page, or that page fails)."""
    if request.method != "POST" or status not in RETURNABLE:
        return None
    back = back_path(request)
    if back is None:
        return None
    values = await _typed_values(request)
    names = set(values) | {"to_status", "reason"}
    field, beside = _field(message, errors, names)
    if field is None and english is not None:
        # the field is named in the English message; the translation is shown
        field, _beside = _field(english, errors, names)
        if field is not None:
            beside = re.sub(rf"^(?:\S+ )?'?{field}'?: ", "", message)
    path, _, query = back.partition("?")
    scope: Scope = {
        **request.scope,
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [
            (k, v)
            for k, v in request.scope["headers"]
            if k not in (b"content-type", b"content-length", b"accept")
        ]
        + [(b"accept", b"text/html")],
        "state": dict(request.scope.get("state") or {}),
        SCOPE_KEY: {
            "action": request.url.path,
            "field": field,
            "message": message,
            "beside": beside,
            "values": values,
        },
    }
    for key in ("endpoint", "route", "path_params", "router", "fastapi_astack"):
        scope.pop(key, None)
    answer: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = message.get("headers", [])
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await request.app(scope, receive, send)
    if answer["status"] != 200:
        return None
    kept = {b"content-type", b"content-language", b"vary"}
    headers = {k.decode(): v.decode() for k, v in answer["headers"] if k.lower() in kept}
    return Response(answer["body"], status_code=status, headers=headers)
