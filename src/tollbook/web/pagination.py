"""``?limit=&offset=`` listings with a ``next`` link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request

T = TypeVar("T")

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def fetch_page(page: Page, fetch: Callable[[int, int], Sequence[T]]) -> tuple[list[T], bool]:
    """Call ``fetch(limit + 1, offset)``; the items of the page, and whether more follow."""
    found = list(fetch(page.limit + 1, page.offset))
    return found[: page.limit], len(found) > page.limit


def page_body(request: Request, page: Page, items: Sequence[Any], more: bool) -> dict[str, Any]:
    """The JSON of a listing: ``{"ok", "items", "count", "limit", "offset", "next"}``."""
    next_url = None
    if more:
        next_url = str(
            request.url.include_query_params(limit=page.limit, offset=page.offset + page.limit)
        )
    return {
        "ok": True,
        "items": list(items),
        "count": len(items),
        "limit": page.limit,
        "offset": page.offset,
        "next": next_url,
    }
