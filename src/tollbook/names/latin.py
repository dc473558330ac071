"""Any spelling of a name, Cyrillic or Latin, as lower-case Latin words.

Cyrillic is transliterated under Ukraine's national system (the passport system since
2010); Latin letters with diacritics lose them, except the ones scholarly and Czech-style
transliterations use for sounds that other schemes write with two letters (š sh, ž zh,
č ch). Everything that is not a letter separates words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tollbook.names.transliteration import is_cyrillic, ukrainian_national

_DIACRITIC_DIGRAPHS = str.maketrans(
    {"š": "sh", "ž": "zh", "č": "ch", "ŝ": "sh", "ẑ": "zh", "ĉ": "ch", "ß": "ss", "ø": "o"}
)
_NOT_LETTERS = re.compile(r"[^a-z]+")


@lru_cache(maxsize=200_000)
def to_latin(text: str) -> str:
    """``text`` as lower-case ASCII words separated by single spaces ('' for none).

    >>> to_latin("Олександр")
    'oleksandr'
    >>> to_latin("  ŠEVČENKO-Kovaľ ")
    'shevchenko koval'
    """
    lowered = unicodedata.normalize("NFC", text).lower()
    if is_cyrillic(lowered):
        lowered = ukrainian_national(lowered)
    lowered = lowered.translate(_DIACRITIC_DIGRAPHS)
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(ch)
    )
    return _NOT_LETTERS.sub(" ", stripped).strip()
