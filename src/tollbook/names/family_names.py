"""Family names: feminine forms folded to the masculine, and the sex a form implies.

Ukrainian and Russian family names agree with the bearer's sex: Іванов / Іванова,
Кузьмін / Кузьміна, Ковальський / Ковальська (Russian Ковальская), Білий / Біла
(Russian Белая). A husband and wife, or a father and daughter, share one folded key;
their sex and given names tell them apart. Names in -енко, -ук, -чук and the like are
the same for both sexes.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Applied to folded keys (see tollbook.names.fold): ts is T, y is i.
_FEMININE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"([sTz])kaia$"), r"\1ki"),  # Kovalskaia -> Kovalski
    (re.compile(r"([sTz])ka$"), r"\1ki"),  # Kovalska -> Kovalski
    (re.compile(r"([^aeiou])aia$"), r"\1i"),  # Belaia -> Beli
    (re.compile(r"([^aeiou])(ov|ev|in)a$"), r"\1\2"),  # Ivanova -> Ivanov, Kuzmina -> Kuzmin
)
_MASCULINE = re.compile(r"(?:[^aeiou](?:ov|ev|in)|[sTz]ki|[^aeiou]i)$")


@lru_cache(maxsize=100_000)
def masculine_key(key: str) -> str:
    """The folded family name with a feminine ending made masculine (each word)."""
    return " ".join(_masculine_word(word) for word in key.split())


def _masculine_word(word: str) -> str:
    for pattern, replacement in _FEMININE:
        folded, count = pattern.subn(replacement, word)
        if count:
            return folded
    return word


@lru_cache(maxsize=100_000)
def family_sex(key: str) -> str | None:
    """``F`` for a feminine form, ``M`` for a masculine one, None when the form is the
    same for both (Шевченко, Ковальчук) or unknown. ``key`` is a folded key."""
    last = key.rsplit(" ", 1)[-1] if key else ""
    if not last:
        return None
    if any(pattern.search(last) for pattern, _ in _FEMININE):
        return "F"
    if _MASCULINE.search(last):
        return "M"
    return None
