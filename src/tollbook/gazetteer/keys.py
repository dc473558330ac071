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


#: A street, avenue, square or lane named before its name, in any case ("вулиці
#: Соборності", "на проспекте Науки"), as English writes it: after ("Sobornosti Street").
_STREET_FIRST = (
    (re.compile(r"^(?:вулиц[яіеию]|вулицею|вул|улиц[аеыу]|улицей|ул)\.?\s+(.+)$"), "street"),
    (re.compile(r"^(?:проспект[іуе]?|проспектом|просп|пр-т)\.?\s+(.+)$"), "avenue"),
    (re.compile(r"^(?:площ[аіеу]|площею|площад[ьи]|пл)\.?\s+(.+)$"), "square"),
    (re.compile(r"^(?:провул(?:ок|ку|ком)|пров|переул(?:ок|ке|ком)|пер)\.?\s+(.+)$"), "lane"),
)


def _street_last(name: str) -> str:
    text = name.strip()
    lower = text.lower()
    for pattern, word in _STREET_FIRST:
        m = pattern.match(lower)
        if m is not None:
            return f"{text[m.start(1) :]} {word}"
    return text


@lru_cache(maxsize=65536)
def latin_key(name: str) -> str:
    """:func:`name_key` of ``name`` in Latin letters: Cyrillic is romanised by Ukraine's
    national system, as English-language outlets write Ukrainian places ("Степовий" and
    "Stepovyi" have one key), and a street named first is named last ("вулиці
    Соборності" and "Sobornosti Street" have one key). For places the gazetteer does not
    know."""
    if is_cyrillic(name):
        return name_key(ukrainian_national(_street_last(name)))
    return name_key(name)
