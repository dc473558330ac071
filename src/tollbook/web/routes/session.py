"""Logging in and out: the login page, and ``/api/session`` for API clients."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tollbook.domain.text import N_
from tollbook.services.accounts import (
    MAX_PASSWORD_CHARS,
    LoginResult,
    authenticate,
    end_session,
    start_session,
)
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import (
    PRE_SESSION_COOKIE,
    SESSION_COOKIE,
    check_csrf,
    clear_cookie,
    csrf_token,
    current_user,
    session_csrf,
    session_token,
    set_cookie,
)
from tollbook.web.errors import ApiProblem
from tollbook.web.routes.common import client_address, local_path, see_other
from tollbook.web.serializers import iso, user_json
from tollbook.web.state import app_state
from tollbook.web.templating import render

router = APIRouter()

WRONG_LOGIN = "wrong user name or password"


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_CHARS)


async def log_in(request: Request, username: str, password: str) -> LoginResult:
    """Check the rate limit and the password, end any earlier session, start a new one."""
    state = app_state(request)
    client = client_address(request)
    wait = await run_in_threadpool(state.limiter.retry_after, client, username)
    if wait is not None:
        raise ApiProblem(
            429,
            N_("too many failed logins: try again in %(wait)s seconds", wait=wait),
            headers={"Retry-After": str(wait)},
        )
    uow = UnitOfWork(state.engine)
    user = await run_in_threadpool(authenticate, uow, username, password)
    if user is None:
        await run_in_threadpool(state.limiter.failed, client, username)
        raise ApiProblem(401, WRONG_LOGIN, type="login_failed")
    await run_in_threadpool(state.limiter.succeeded, client, username)
    old = session_token(request)
    if old:
        await run_in_threadpool(end_session, uow, old)
    hours = state.settings.session_hours
    return await run_in_threadpool(start_session, uow, user, hours=hours, client=client)


def _with_session(request: Request, response: Response, login: LoginResult) -> Response:
    hours = app_state(request).settings.session_hours
    set_cookie(request, response, SESSION_COOKIE, login.token, max_age=int(hours * 3600))
    clear_cookie(request, response, PRE_SESSION_COOKIE)
    return response


async def _log_out(request: Request, response: Response) -> None:
    token = session_token(request)
    if token:
        await run_in_threadpool(end_session, UnitOfWork(app_state(request).engine), token)
    clear_cookie(request, response, SESSION_COOKIE)


# --- pages --------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
async def login_page(request: Request, next: str | None = None) -> Response:
    user = await current_user(request)
    return render(request, "login.html", {"next": local_path(next, "/"), "already": user})


@router.post("/login", include_in_schema=False)
async def login_form(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    await check_csrf(request)
    target = local_path(next, "/")
    try:
        login = await log_in(request, username, password)
    except ApiProblem as problem:
        if problem.status not in (401, 429):
            raise
        request.state.user = None
        context = {"next": target, "error": problem.message, "username": username}
        return render(
            request, "login.html", context, status_code=problem.status, headers=problem.headers
        )
    return _with_session(request, see_other(target), login)


@router.post("/logout", include_in_schema=False)
async def logout_form(request: Request) -> Response:
    if session_token(request):
        await check_csrf(request)
    response = see_other("/")
    await _log_out(request, response)
    return response


# --- API ----------------------------------------------------------------------------


@router.get("/api/session", tags=["session"], summary="Who is logged in")
async def whoami(request: Request) -> dict[str, Any]:
    """The logged-in user (or null) and the CSRF token to send as ``X-CSRF-Token``."""
    user = await current_user(request)
    return {
        "ok": True,
        "user": user_json(user) if user is not None else None,
        "csrf_token": csrf_token(request) if user is not None else None,
    }


@router.post("/api/session", tags=["session"], summary="Log in")
async def api_login(request: Request, body: LoginBody) -> Response:
    """Log in with a JSON body; sets the session cookie. At most 5 failures per 15
    minutes for one address and user name (then 429)."""
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise ApiProblem(415, N_("send the login as JSON (Content-Type: application/json)"))
    login = await log_in(request, body.username, body.password)
    content = {
        "ok": True,
        "user": user_json(login.user),
        "csrf_token": session_csrf(request, login.token),
        "expires_at": iso(login.expires_at),
    }
    return _with_session(request, JSONResponse(content), login)


@router.delete("/api/session", tags=["session"], summary="Log out")
async def api_logout(request: Request) -> Response:
    if session_token(request) and await current_user(request) is not None:
        await check_csrf(request)
    response = JSONResponse({"ok": True})
    await _log_out(request, response)
    return response
