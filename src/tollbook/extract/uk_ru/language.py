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


#: words of one language only, to tell a sentence with none of the letters above
_RUSSIAN_WORDS_RE = re.compile(
    r"(?<!\w)(?:и|что|это|его|был|было|были|как|также|сообщил\w*|погиб\w*|человек\w*|"
    r"управлени[еия]|области)(?!\w)",
    re.IGNORECASE,
)
_UKRAINIAN_WORDS_RE = re.compile(
    r"(?<!\w)(?:та|що|це|його|був|було|були|як|також|повідом\w*|загин\w*|людей|осіб|"
    r"управлінн[яі]|області)(?!\w)",
    re.IGNORECASE,
)


def language_of(text: str, default: str | None = None) -> str:
    """``uk``, ``ru`` or ``en`` for a sentence: Ukrainian has і ї є ґ, Russian ы э ъ ё;
    a Cyrillic sentence with neither takes ``default`` (the report's language), else the
    language more of its common words are of ("сообщили в Главном управлении": Russian),
    else Ukrainian."""
    if not is_cyrillic(text):
        return "en"
    uk = len(_UKRAINIAN_RE.findall(text))
    ru = len(_RUSSIAN_RE.findall(text))
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    if default is not None:
        return default
    ru_words = len(_RUSSIAN_WORDS_RE.findall(text))
    uk_words = len(_UKRAINIAN_WORDS_RE.findall(text))
    return "ru" if ru_words > uk_words else "uk"
