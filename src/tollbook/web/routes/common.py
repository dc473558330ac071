"""What the routers share: paging parameters, redirects, the client's address."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Query, Request
from fastapi.responses import RedirectResponse

from tollbook.registry.access import Actor
from tollbook.services.accounts import User
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from tollbook.web.state import get_uow


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = (
        DEFAULT_LIMIT
    ),
    offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(page_params)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]


def local_path(target: str | None, default: str = "/") -> str:
    """``target`` if it is a path on this site (no scheme, no host), else ``default``."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target:
        return default
    return target


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def actor(user: User) -> str:
    """How the audit log names a web user."""
    return user.username


def registry_actor(user: User) -> Actor:
    """The web user as the registry's services know them (name and role)."""
    return Actor(user.username, user.role)
