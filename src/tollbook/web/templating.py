"""Server-rendered pages: Jinja2 templates shipped in the package, autoescaped."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from tollbook.exchange.claim_files import figure_text
from tollbook.web.auth import ensure_pre_session, template_context

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


def _day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def _figure(low: int | None, high: int | None, qualifier: str = "range") -> str:
    return figure_text(low, high, qualifier)


def _range(low: int, high: int) -> str:
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


templates.env.filters["day"] = _day
templates.env.filters["minmax"] = _range
templates.env.globals["figure"] = _figure


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    user = getattr(request.state, "user", None)
    values = {**template_context(request, user), **(context or {})}
    response = templates.TemplateResponse(
        request, name, values, status_code=status_code, headers=dict(headers or {})
    )
    ensure_pre_session(request, response)
    return response
