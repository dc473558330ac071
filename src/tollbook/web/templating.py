"""Server-rendered pages: Jinja2 templates shipped in the package, autoescaped, in the
request's language (:mod:`tollbook.web.i18n`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from tollbook.catalogs import translate
from tollbook.exchange.claim_files import figure_text
from tollbook.web.auth import ensure_pre_session, template_context
from tollbook.web.form_return import problem_context
from tollbook.web.i18n import (
    DEFAULT_LOCALE,
    GETTEXT_CALLABLES,
    LOCALE_NAMES,
    LOCALES,
    day_text,
    number_text,
    range_text,
    request_locale,
    translations,
)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.add_extension("jinja2.ext.i18n")
# the callables read the page's locale from its context, so one environment serves all
templates.env.install_gettext_callables(**GETTEXT_CALLABLES, newstyle=True)  # type: ignore[attr-defined]


def _locale(context: Context) -> str:
    return str(context.get("locale", DEFAULT_LOCALE))


@pass_context
def _day(context: Context, value: date | datetime | None) -> str:
    return day_text(value, _locale(context))


@pass_context
def _figure(context: Context, low: int | None, high: int | None, qualifier: str = "range") -> str:
    text = figure_text(low, high, qualifier)
    locale = _locale(context)
    if locale == DEFAULT_LOCALE:
        return text
    if qualifier == "vague":
        return translations(locale).gettext("vague")
    return text.replace(",", "\u00a0")  # the grouping of uk and ru: a no-break space


@pass_context
def _range(context: Context, low: int, high: int) -> str:
    return range_text(low, high, _locale(context))


@pass_context
def _number(context: Context, value: int | float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return number_text(round(value, digits) if digits else round(value), _locale(context))


@pass_context
def _word(context: Context, value: str | None) -> str:
    """A stored word (:mod:`tollbook.web.vocabulary`), or a message a service made
    (:mod:`tollbook.domain.text`: a match's reason, a model's note), in the page's
    language."""
    if not value:
        return ""
    return translate(value, _locale(context))


templates.env.filters["day"] = _day
templates.env.filters["word"] = _word
templates.env.filters["minmax"] = _range
templates.env.filters["num"] = _number
templates.env.globals["figure"] = _figure
templates.env.globals["locales"] = [(code, LOCALE_NAMES[code]) for code in LOCALES]


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    user = getattr(request.state, "user", None)
    locale = request_locale(request)
    values = {
        **template_context(request, user),
        "locale": locale,
        "form_problem": problem_context(request),
        **(context or {}),
    }
    response = templates.TemplateResponse(
        request, name, values, status_code=status_code, headers=dict(headers or {})
    )
    response.headers["Content-Language"] = locale
    response.headers["Vary"] = "Accept-Language, Cookie"
    ensure_pre_session(request, response)
    return response
