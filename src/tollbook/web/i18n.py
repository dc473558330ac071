"""The web pages in English, Ukrainian and Russian: the locale of a request, the
gettext catalogs, and the dates and numbers of the pages written for that locale.

The locale is the ``lang`` cookie that the switch on every page sets (``/lang/{code}``),
else the best match of the browser's ``Accept-Language``, else English. The catalogs are
:mod:`tollbook.catalogs` (shared with the command line).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from babel import Locale, negotiate_locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fastapi import Request
from jinja2 import pass_context
from jinja2.runtime import Context

from tollbook.catalogs import (
    DEFAULT_LOCALE,
    LOCALE_DIR,
    LOCALES,
    N_,
    catalog_path,
    translations,
)

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "LOCALE_DIR",
    "N_",
    "catalog_path",
    "gettext_for",
    "request_locale",
    "translations",
]

#: Each locale's name in its own language, for the switch.
LOCALE_NAMES: dict[str, str] = {"en": "English", "uk": "Українська", "ru": "Русский"}
LOCALE_COOKIE = "lang"


def gettext_for(request: Request) -> Callable[[str], str]:
    """The request's ``gettext``, for messages made in Python (flash texts, refusals)."""
    return translations(request_locale(request)).gettext


def accepted_languages(header: str) -> list[str]:
    """The languages of an ``Accept-Language`` header, most wanted first."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip()
        if not tag or tag == "*":
            continue
        weight = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0:
            ranked.append((-weight, index, tag))
    return [tag for _, _, tag in sorted(ranked)]


def request_locale(request: Request) -> str:
    """The cookie the switch set, else the browser's languages, else English."""
    chosen = request.cookies.get(LOCALE_COOKIE, "")
    if chosen in LOCALES:
        return chosen
    wanted = accepted_languages(request.headers.get("accept-language", ""))
    # the primary subtag decides: uk-UA is Ukrainian, ru-RU Russian, en-GB English
    primary = [tag.split("-")[0].split("_")[0].lower() for tag in wanted]
    found = negotiate_locale(primary, list(LOCALES))
    return found if found in LOCALES else DEFAULT_LOCALE


def _locale_of(context: Context) -> str:
    found = context.get("locale", DEFAULT_LOCALE)
    return found if found in LOCALES else DEFAULT_LOCALE


@pass_context
def _gettext(context: Context, message: str) -> str:
    return translations(_locale_of(context)).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return translations(_locale_of(context)).ngettext(singular, plural, n)


@pass_context
def _pgettext(context: Context, message_context: str, message: str) -> str:
    return translations(_locale_of(context)).pgettext(message_context, message)


@pass_context
def _npgettext(context: Context, message_context: str, singular: str, plural: str, n: int) -> str:
    return translations(_locale_of(context)).npgettext(message_context, singular, plural, n)


GETTEXT_CALLABLES: dict[str, Any] = {
    "gettext": _gettext,
    "ngettext": _ngettext,
    "pgettext": _pgettext,
    "npgettext": _npgettext,
}


def day_text(value: date | datetime | None, locale: str) -> str:
    """A date (or a moment, in UTC) as the pages write it: ISO in English, the locale's
    long form in Ukrainian and Russian (``9 березня 2022 р.``)."""
    if value is None:
        return "—"
    if locale == DEFAULT_LOCALE:
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M UTC")
        return value.isoformat()
    where = Locale.parse(locale)
    if isinstance(value, datetime):
        return f"{format_datetime(value, 'd MMMM y, HH:mm', locale=where)} UTC"
    return format_date(value, "long", locale=where)


def number_text(value: int | float, locale: str) -> str:
    """A number with the locale's grouping: 1,234 in English, 1 234 in Ukrainian."""
    if locale == DEFAULT_LOCALE:
        return f"{value:,}"
    return format_decimal(value, locale=Locale.parse(locale))


def range_text(low: int, high: int, locale: str) -> str:
    if low == high:
        return number_text(low, locale)
    return f"{number_text(low, locale)}–{number_text(high, locale)}"
