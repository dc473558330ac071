"""Security headers on every response (a plain ASGI middleware: cheap per request)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tollbook.domain.text import N_

#: Everything comes from the app itself: no CDN, no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
]
_NO_STORE = (b"cache-control", b"no-store")


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers.extend(h for h in _HEADERS if h[0] not in names)
                if not static and b"cache-control" not in names:
                    headers.append(_NO_STORE)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses request bodies over a limit before they are read (413, the one error
    shape): a declared ``Content-Length`` at once, a streamed body as soon as it passes
    the limit. Requests without a session cookie get a small limit: logging in needs
    little, and nobody without an account may make the server store a large upload."""

    def __init__(
        self, app: ASGIApp, *, limit: int, anonymous_limit: int, session_cookie: str
    ) -> None:
        self.app = app
        self.limit = limit
        self.anonymous_limit = anonymous_limit
        self._cookie = session_cookie.encode("latin-1") + b"="

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        limit = self.limit if self._cookie in headers.get(b"cookie", b"") else self.anonymous_limit
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(scope, receive, send, limit)
            return
        seen = 0
        over = False

        async def counted() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    over = True
                    raise BodyTooLarge(limit)
            return message

        async def answer(message: Message) -> None:
            # whatever the app made of the interrupted body (FastAPI: a 400 "error
            # parsing the body"), the client is told the truth: too large
            if not over:
                await send(message)
            elif message["type"] == "http.response.start":
                await _too_large(scope, receive, send, limit)

        await self.app(scope, counted, answer)


class BodyTooLarge(Exception):
    """A streamed request body went past the limit (turned into a 413 by the app)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request is over {limit:,} bytes")
        self.limit = limit


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    from starlette.requests import Request

    from tollbook.web.errors import ApiProblem, problem_response

    problem = ApiProblem(
        413, N_("the request is over %(limit)s bytes", limit=format(limit, ",")), type="too_large"
    )
    response = problem_response(Request(scope, receive), problem)
    await response(scope, receive, send)
