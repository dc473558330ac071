"""The language of the command line's messages: English, Ukrainian or Russian.

``$TOLLBOOK_LANG`` chooses (``en``, ``uk``, ``ru``; ``uk_UA.UTF-8`` reads as ``uk``), else
the first of the standard ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is
set, else English; a language Tollbook does not speak is English. The messages are
translated through the catalogs of the web pages (:mod:`tollbook.catalogs`), so a
message that both say is translated once. The language is read when a message is
written, so a command run with another environment speaks its language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from tollbook import settings
from tollbook.catalogs import DEFAULT_LOCALE, LOCALES, N_, Text, translate, translations

__all__ = ["N_", "_", "cli_locale", "locale_of", "number"]

#: The standard variables of the C library, in the order gettext reads them.
STANDARD_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_of(value: str) -> str | None:
    """The language of a setting such as ``uk``, ``ru-RU`` or ``uk_UA.UTF-8``, if it is
    one of Tollbook's; None otherwise (``C``, ``de_DE``, empty)."""
    primary = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
    code = primary.lower()
    return code if code in LOCALES else None


def cli_locale(environ: Mapping[str, str] | None = None) -> str:
    """The command line's language, from ``$TOLLBOOK_LANG`` or the standard variables."""
    env = os.environ if environ is None else environ
    chosen = env.get(settings.LANG, "").strip()
    if chosen:
        return locale_of(chosen) or DEFAULT_LOCALE
    for name in STANDARD_VARIABLES:
        value = env.get(name, "").strip()
        if not value:
            continue
        if name == "LANGUAGE":  # a list, most wanted first: uk:ru:en
            for part in value.split(":"):
                found = locale_of(part)
                if found:
                    return found
            continue
        return locale_of(value) or DEFAULT_LOCALE
    return DEFAULT_LOCALE


def _(message: str, /, **values: object) -> str:
    """``message`` in the command line's language, with ``%(name)s`` filled from
    ``values``; a :class:`~tollbook.domain.text.Text` (a service's message) by its
    message id and its own values."""
    if not values:
        return translate(message, cli_locale())
    locale = cli_locale()
    text = translations(locale).gettext(message)
    shown = {k: translate(v, locale) if isinstance(v, Text) else v for k, v in values.items()}
    return text % shown


def number(value: int | float) -> str:
    """A count with the language's grouping: 1,234 in English, 1 234 in Ukrainian."""
    locale = cli_locale()
    if locale == DEFAULT_LOCALE:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale)
