"""Who is asking: the session cookie, CSRF tokens, and the guard every route uses.

- The session cookie holds a random token (HttpOnly, SameSite=Lax, Secure over https);
  the database holds its SHA-256 (:mod:`tollbook.services.accounts`).
- CSRF: every unsafe request (POST, PUT, PATCH, DELETE) carries a token, in the form
  field ``csrf_token`` or the ``X-CSRF-Token`` header, equal to an HMAC of the session
  token (before login, of a random "pre-session" cookie). It is checked with the
  request's Origin, when a browser sends one.
- :class:`Require` is the dependency that refuses anonymous users (401, or a redirect
  to the login page for browsers) and roles without the permission (403).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from fastapi import Request, Response

from tollbook.domain.text import N_
from tollbook.services.accounts import User, session_user
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.errors import ApiProblem
from tollbook.web.permissions import PERMISSIONS, PUBLIC, allowed
from tollbook.web.state import app_state, lookup

SESSION_COOKIE = "tollbook_session"
PRE_SESSION_COOKIE = "tollbook_pre"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def session_token(request: Request) -> str | None:
    token = request.cookies.get(SESSION_COOKIE)
    return token if token else None


async def current_user(request: Request) -> User | None:
    """The logged-in user, or None; looked up once per request."""
    if hasattr(request.state, "user"):
        found: User | None = request.state.user
        return found
    token = session_token(request)
    user = None
    if token:
        uow = UnitOfWork(app_state(request).engine)
        user = await lookup(request, session_user, uow, token)
    request.state.user = user
    return user


def _sign(request: Request, value: str) -> str:
    key = app_state(request).secret_key.encode("utf-8")
    return hmac.new(key, f"csrf:{value}".encode(), hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    """The token forms of this request must send back: bound to the session, or (before
    login) to the pre-session cookie, which :func:`ensure_pre_session` sets."""
    token = session_token(request)
    if token:
        return session_csrf(request, token)
    pre = getattr(request.state, "pre_session", None) or request.cookies.get(PRE_SESSION_COOKIE)
    if not pre:
        pre = secrets.token_urlsafe(24)
        request.state.pre_session = pre
    return _sign(request, "pre:" + pre)


def session_csrf(request: Request, token: str) -> str:
    """The CSRF token of the session whose cookie holds ``token``."""
    return _sign(request, "session:" + token)


def ensure_pre_session(request: Request, response: Response) -> None:
    """Set the pre-session cookie if this request made one (for the login form)."""
    pre = getattr(request.state, "pre_session", None)
    if pre:
        set_cookie(request, response, PRE_SESSION_COOKIE, pre, max_age=2 * 3600)


def cookie_secure(request: Request) -> bool:
    forced = app_state(request).settings.secure_cookies
    return forced if forced is not None else request.url.scheme == "https"


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=cookie_secure(request),
    )


def clear_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(
        name, path="/", httponly=True, samesite="lax", secure=cookie_secure(request)
    )


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe request without the right CSRF token (403, type ``csrf``)."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.rstrip("/") != _own_origin(request):
        raise ApiProblem(
            403, N_("request from another site (%(origin)s) refused", origin=origin), type="csrf"
        )
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    expected = csrf_token(request)
    if not sent or not hmac.compare_digest(sent, expected):
        raise ApiProblem(
            403,
            N_("the form has expired or the CSRF token is missing: reload the page and try again"),
            type="csrf",
        )


def _own_origin(request: Request) -> str:
    host = request.headers.get("host") or request.url.netloc
    return f"{request.url.scheme}://{host}"


class Require:
    """A route's permission, checked before the route runs; gives the route its user.

    ``Depends(Require("review"))``: anonymous -> 401 (browsers: to the login page), a
    role without ``review`` -> 403, an unsafe request without its CSRF token -> 403.
    """

    def __init__(self, permission: str) -> None:
        if permission != PUBLIC and permission not in PERMISSIONS:
            raise ValueError(f"unknown permission {permission!r}")
        self.permission = permission

    def __repr__(self) -> str:
        return f"Require({self.permission!r})"

    async def __call__(self, request: Request) -> User:
        user = await current_user(request)
        if user is None:
            raise ApiProblem(401, N_("log in to see this"), type="unauthorized")
        if not allowed(user.role, self.permission):
            raise ApiProblem(
                403,
                N_(
                    "your role (%(role)s) does not allow this (%(permission)s)",
                    role=user.role,
                    permission=self.permission,
                ),
                type="forbidden",
            )
        await check_csrf(request)
        return user


AGGREGATES = Require("aggregates")
ACCOUNT = Require("account")
SOURCES = Require("sources")
ENTER = Require("enter")
REVIEW = Require("review")
PUBLISH = Require("publish")
AUDIT = Require("audit")
LISTS = Require("lists")
LINK = Require("link")
ESTIMATE = Require("estimate")
ASSIGN = Require("assign")
BODIES = Require("bodies")
CASE_BODY = Require("case_body")
IDENTIFY = Require("identify")
MISSING = Require("missing")
NOTIFY = Require("notify")
USERS = Require("users")
SYNC = Require("sync")


def template_context(request: Request, user: User | None) -> dict[str, Any]:
    """What every page's template gets: the user, what they may do, the CSRF token."""
    return {
        "request": request,
        "user": user,
        "can": (lambda permission: user is not None and allowed(user.role, permission)),
        "csrf_token": csrf_token(request),
    }
