"""The key a place name is looked up by: one spelling for the ways it is written.

Case, apostrophes (Mariupol', Мар'їнка), hyphens (Ivano-Frankivsk, Гуляй-Поле), ё, Latin
diacritics (Kyïv) and the words naming what kind of settlement a place is ("city of",
"місто", "м.", "село", "смт", "город", "г.") are left out. Words naming a region or a
district ("oblast", "область", "район") are kept: "Kharkiv oblast" is not Kharkiv.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tollbook.names.transliteration import is_cyrillic, ukrainian_national


def _plain_latin(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


#: One pass of str.translate: apostrophes out, dashes to spaces, ё to е, Latin letters
#: without their diacritics (ï to i, ł stays ł as it has no decomposition).
_FOLD = str.maketrans(
    {chr(c): _plain_latin(chr(c)) for c in range(0xC0, 0x250)}
    | dict.fromkeys("'’ʼ`´")
    | dict.fromkeys("-‐‑‒–—", " ")
    | {"ё": "е"}
)
_SPACES = re.compile(r"\s+")
_BEFORE = re.compile(
    r"^(?:the |city of |town of |village of |(?:місто|місті|м|село|с|смт|селище|селищі|"
    r"город|городе|г|пгт|посёлок|поселок|деревня|д|хутір)\.? )+"
)
_AFTER = re.compile(r"(?: city| town| village)$")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """``name`` folded for exact lookup: ``name_key("Mariupol'") == name_key("MARIUPOL")``."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_FOLD)
    text = _SPACES.sub(" ", text).strip(" .,")
    text = _AFTER.sub("", _BEFORE.sub("", text))
    return text.strip()


@lru_cache(maxsize=65536)
def latin_key(name: str) -> str:
    """:func:`name_key` of ``name`` in Latin letters: Cyrillic is romanised by Ukraine's
    national system, as English-language outlets write Ukrainian places ("Степовий" and
    "Stepovyi" have one key). For places the gazetteer does not know."""
    return name_key(ukrainian_national(name) if is_cyrillic(name) else name)
