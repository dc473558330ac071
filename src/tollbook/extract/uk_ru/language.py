"""Which script and language a sentence is written in: English, Ukrainian or Russian."""

from __future__ import annotations

import re

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTERS_RE = re.compile(r"[A-Za-z]")
_UKRAINIAN_RE = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_RE = re.compile(r"[ыэъёЫЭЪЁ]")


def has_cyrillic(text: str) -> bool:
    """Whether any Cyrillic letter occurs in ``text``."""
    return _CYRILLIC_RE.search(text) is not None


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` (a sentence) is written mostly in Cyrillic letters."""
    if _LATIN_LETTERS_RE.search(text) is None:  # the common case: no need to count
        return _CYRILLIC_RE.search(text) is not None
    cyrillic = len(_CYRILLIC_RE.findall(text))
    return cyrillic > 0 and cyrillic >= len(_LATIN_LETTERS_RE.findall(text))


def language_of(text: str, default: str = "uk") -> str:
    """``uk``, ``ru`` or ``en`` for a sentence: Ukrainian has і ї є ґ, Russian ы э ъ ё;
    a Cyrillic sentence with neither takes ``default`` (the report's language)."""
    if not is_cyrillic(text):
        return "en"
    uk = len(_UKRAINIAN_RE.findall(text))
    ru = len(_RUSSIAN_RE.findall(text))
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return default
