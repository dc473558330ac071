"""Administration: user accounts and the audit log (admins), one's own password (all)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from tollbook.domain.text import N_
from tollbook.services.accounts import (
    MAX_PASSWORD_CHARS,
    ROLE_DESCRIPTIONS,
    ROLES,
    AccountError,
    User,
    add_user,
    authenticate,
    change_password,
    list_users,
    set_active,
    set_role,
)
from tollbook.services.audit import audit_page
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import ACCOUNT, AUDIT, USERS
from tollbook.web.errors import ApiProblem
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, client_address, see_other
from tollbook.web.serializers import audit_json, user_json
from tollbook.web.state import app_state
from tollbook.web.templating import render

router = APIRouter()


class NewUser(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    role: str = Field(description=f"One of {', '.join(ROLES)}.")
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_CHARS)


class UserChange(BaseModel):
    role: str | None = None
    active: bool | None = None
    password: str | None = Field(default=None, max_length=MAX_PASSWORD_CHARS)


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=MAX_PASSWORD_CHARS)
    new_password: str = Field(max_length=MAX_PASSWORD_CHARS)


AuditFilter = Annotated[str | None, Query(max_length=200)]


def change_user(uow: UnitOfWork, user_id: int, change: UserChange, admin: User) -> User:
    if change.role is None and change.active is None and change.password is None:
        raise AccountError("nothing to change: give role, active or password")
    if user_id == admin.id and (change.active is False or change.role not in (None, "admin")):
        raise AccountError("you cannot disable or demote yourself; ask another admin")
    done: User | None = None
    if change.password is not None:
        done = change_password(uow, user_id, change.password, actor(admin))
    if change.role is not None:
        done = set_role(uow, user_id, change.role, actor(admin))
    if change.active is not None:
        done = set_active(uow, user_id, change.active, actor(admin))
    assert done is not None
    return done


def own_password(request: Request, uow: UnitOfWork, user: User, current: str, new: str) -> None:
    """Change one's own password, knowing the current one (guesses count as failed logins)."""
    limiter = app_state(request).limiter
    client = client_address(request)
    wait = limiter.retry_after(client, user.username)
    if wait is not None:
        wrong = N_("too many wrong passwords: try again in %(wait)s seconds", wait=wait)
        raise ApiProblem(429, wrong, headers={"Retry-After": str(wait)})
    if authenticate(uow, user.username, current) is None:
        limiter.failed(client, user.username)
        raise ApiProblem(403, N_("the current password is wrong"), type="forbidden")
    change_password(uow, user.id, new, actor(user))


# --- API ----------------------------------------------------------------------------


@router.get("/api/users", tags=["admin"], summary="List users")
def api_users(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(USERS)]
) -> dict[str, Any]:
    items, more = fetch_page(page, lambda n, o: list_users(uow, limit=n, offset=o))
    return page_body(request, page, [user_json(u) for u in items], more)


@router.post("/api/users", tags=["admin"], summary="Add a user", status_code=201)
def api_add_user(
    body: NewUser, uow: UowDep, user: Annotated[User, Depends(USERS)]
) -> dict[str, Any]:
    made = add_user(uow, body.username, body.role, body.password, actor(user))
    return {"ok": True, "user": user_json(made)}


@router.patch("/api/users/{user_id}", tags=["admin"], summary="Change a user")
def api_change_user(
    user_id: int, body: UserChange, uow: UowDep, user: Annotated[User, Depends(USERS)]
) -> dict[str, Any]:
    """Change the role, disable or enable, or set a new password; the user's open
    sessions end."""
    return {"ok": True, "user": user_json(change_user(uow, user_id, body, user))}


@router.get("/api/audit", tags=["admin"], summary="The audit log")
def api_audit(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(AUDIT)],
    entity: AuditFilter = None,
    entity_id: AuditFilter = None,
    actor_name: Annotated[str | None, Query(alias="actor", max_length=200)] = None,
    action: AuditFilter = None,
) -> dict[str, Any]:
    """Every change, newest first."""
    items, more = fetch_page(
        page,
        lambda n, o: audit_page(uow, entity, entity_id, actor_name, action, limit=n, offset=o),
    )
    return page_body(request, page, [audit_json(e) for e in items], more)


@router.post("/api/account/password", tags=["session"], summary="Change your password")
def api_own_password(
    request: Request,
    body: PasswordChange,
    uow: UowDep,
    user: Annotated[User, Depends(ACCOUNT)],
) -> Response:
    """Every session of yours ends, this one too: log in again."""
    own_password(request, uow, user, body.current_password, body.new_password)
    return JSONResponse({"ok": True})


# --- pages --------------------------------------------------------------------------


@router.get("/admin/users", response_class=HTMLResponse, include_in_schema=False)
def users_page(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(USERS)]
) -> Response:
    items, more = fetch_page(page, lambda n, o: list_users(uow, limit=n, offset=o))
    context = {"users": items, "page": page, "more": more, "roles": ROLE_DESCRIPTIONS}
    return render(request, "users.html", context)


@router.post("/admin/users", include_in_schema=False)
def add_user_form(
    uow: UowDep,
    user: Annotated[User, Depends(USERS)],
    username: Annotated[str, Form(max_length=64)] = "",
    role: Annotated[str, Form(max_length=32)] = "",
    password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)] = "",
) -> Response:
    add_user(uow, username, role, password, actor(user))
    return see_other("/admin/users")


@router.post("/admin/users/{user_id}", include_in_schema=False)
def change_user_form(
    user_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(USERS)],
    role: Annotated[str, Form(max_length=32)] = "",
    active: Annotated[str, Form(max_length=8)] = "",
    password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)] = "",
) -> Response:
    change = UserChange(
        role=role or None,
        active={"yes": True, "no": False}.get(active),
        password=password or None,
    )
    change_user(uow, user_id, change, user)
    return see_other("/admin/users")


@router.get("/admin/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_log_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(AUDIT)],
    entity: AuditFilter = None,
    actor_name: Annotated[str | None, Query(alias="actor", max_length=200)] = None,
    action: AuditFilter = None,
) -> Response:
    items, more = fetch_page(
        page,
        lambda n, o: audit_page(
            uow, entity or None, None, actor_name or None, action or None, limit=n, offset=o
        ),
    )
    context = {
        "entries": items,
        "page": page,
        "more": more,
        "filters": {"entity": entity, "actor": actor_name, "action": action},
    }
    return render(request, "audit.html", context)


@router.get("/account", response_class=HTMLResponse, include_in_schema=False)
def account_page(request: Request, user: Annotated[User, Depends(ACCOUNT)]) -> Response:
    return render(request, "account.html", {})


@router.post("/account/password", include_in_schema=False)
def own_password_form(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(ACCOUNT)],
    current_password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)] = "",
    new_password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)] = "",
) -> Response:
    own_password(request, uow, user, current_password, new_password)
    return see_other("/login")
