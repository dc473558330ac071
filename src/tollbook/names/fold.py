"""Fold the spellings of one Eastern Slavic name into one phonetic key.

Transliteration schemes and the two languages write the same sounds differently:
Hryhorii / Grigorii / Grigoriy (Г is h in Ukrainian, g in Russian), Kharchenko /
Harchenko, Polishchuk / Polischuk, Yurii / Iurii / Yuriy / Jurij, Nataliia / Natalya,
Kuznietsov / Kuznetsov, Oliinyk / Oleinik. The key writes each sound one way:

* digraphs become one letter: shch, sch and sh are ``S``; zh ``Z``; ch ``C``; ts, tz, and c
  before e, i or y are ``T``; kh and gh are h; ph f; ck and any other c k; x ks; w v; q k;
* g is h; y and j are i; ie is e (Yevhen, Iehor) and ei is i (Andrei, Oleinik);
* a letter written twice is written once (Kyrylo / Kirill, Alla / Ala).

The key is not meant to be read; it is compared exactly, and it is what the given-name
and patronymic tables are indexed by. :func:`skeleton` keeps only the consonants after
the first letter, to forgive vowels written wrong (Semenov / Semionov).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Longest first: each is replaced before any shorter one inside it is seen.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shch", "S"),
    ("sch", "S"),
    ("zh", "Z"),
    ("kh", "h"),
    ("ch", "C"),
    ("sh", "S"),
    ("ts", "T"),
    ("tz", "T"),
    ("gh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("q", "k"),
    ("ce", "Te"),
    ("ci", "Ti"),
    ("cy", "Ty"),
    ("c", "k"),
)
_DIGRAPH_PATTERN = re.compile("|".join(re.escape(d) for d, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_LETTERS = str.maketrans({"g": "h", "y": "i", "j": "i"})
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The phonetic key of one lower-case Latin word (see the module's rules).

    >>> fold_word("hryhorii") == fold_word("grigoriy") == fold_word("grygorii")
    True
    """
    key = _DIGRAPH_PATTERN.sub(lambda m: _DIGRAPH_MAP[m.group(0)], word)
    key = key.translate(_LETTERS)
    key = key.replace("ie", "e").replace("ei", "i")
    return _DOUBLED.sub(r"\1", key)


@lru_cache(maxsize=200_000)
def fold(words: str) -> str:
    """The key of each word of ``words`` (lower-case Latin, space-separated)."""
    return " ".join(fold_word(word) for word in words.split())


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """``key`` without its vowels after the first letter of each word.

    >>> skeleton(fold("semenov")) == skeleton(fold("semionov"))
    True
    """
    return " ".join(
        word[:1] + "".join(ch for ch in word[1:] if ch not in _VOWELS) for word in key.split()
    )
