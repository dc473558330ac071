"""The gettext catalogs of Tollbook's languages, for the web pages and the command line.

The catalogs are the ``.po`` files under ``web/locale/<code>/LC_MESSAGES/messages.po``
(one catalog for both: a message the pages and the command line share is translated
once), the only source of the translations: each is compiled in memory the first time it
is needed (a few milliseconds), so there is no ``.mo`` file to fall out of date.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from tollbook.domain.text import N_, Text

__all__ = ["DEFAULT_LOCALE", "LOCALES", "LOCALE_DIR", "N_", "Text", "translate", "translations"]

#: The languages, English first (the language of the source strings).
LOCALES: tuple[str, ...] = ("en", "uk", "ru")
DEFAULT_LOCALE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "web" / "locale"


def catalog_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled catalog of a locale; English (and a missing catalog) translate nothing."""
    path = catalog_path(locale)
    if locale == DEFAULT_LOCALE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as msgfmt does
    compiled.seek(0)
    return Translations(compiled)


def translate(message: object, locale: str) -> str:
    """A message in ``locale``: a :class:`~tollbook.domain.text.Text` by its message id,
    its values filled in (a value that is a ``Text`` translated too); a plain string as
    the catalog has it, else as it is (a value typed by someone, a file name)."""
    return translate_with(translations(locale).gettext, message)


def translate_with(gettext: Callable[[str], str], message: object) -> str:
    """:func:`translate` with a catalog's ``gettext``."""
    if isinstance(message, Text):
        if not message.params:
            return gettext(message.msgid)
        values = {
            name: translate_with(gettext, value) if isinstance(value, Text) else value
            for name, value in message.params.items()
        }
        try:
            return gettext(message.msgid) % values
        except (KeyError, TypeError, ValueError):  # a translation with broken placeholders
            return message.msgid % values
    text = str(message)
    return gettext(text) if text else text
