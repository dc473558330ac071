"""Cyrillic -> Latin transliteration of names under the schemes real lists use.

Pure functions, no state; reusable by record linkage.

``ukrainian_national``
    Ukraine's official system (Cabinet of Ministers resolution No. 55 of 27 January 2010),
    used in Ukrainian passports since 2010: Г h, Ґ g, И y, І i, Х kh, Ц ts, Щ shch;
    Є Ї Й Ю Я are ye yi y yu ya at the start of a word and ie i i iu ia elsewhere;
    "зг" is "zgh"; the soft sign and the apostrophe are dropped.
    Олександр -> Oleksandr, Григорій -> Hryhorii, Згорани -> Zghorany, Юрій -> Yurii.
``russian_bgn_pcgn``
    The BGN/PCGN system for Russian, simplified as English-language media write it (no
    diacritics or primes): Е is "ye" at the start of a word and after a vowel or a hard or
    soft sign; Ё "yo"; Й "y"; Ы "y"; Ю "yu"; Я "ya". Александр -> Aleksandr,
    Сергей -> Sergey, Елена -> Yelena, Юрий -> Yuriy. Ukrainian letters are passed as
    і i, ї yi, є ye, ґ g.
``icao_9303``
    The table of ICAO Doc 9303 (machine-readable travel documents), used in Russian
    passports since 2013: Й i, Ю iu, Я ia, Ъ ie, Е and Ё e, Х kh, Ц ts; Ukrainian И is "y"
    and Є "ie", Ї "i". Александр -> Aleksandr, Юлия -> Iuliia, Сергей -> Sergei.

Letter case follows the source: "ЮРІЙ" gives "YURII", "Юрій" gives "Yurii". Characters
that are not Cyrillic (spaces, hyphens, Latin letters, digits) pass through unchanged, and
a hyphen or space starts a new word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

Scheme = Literal["ukrainian_national", "russian_bgn_pcgn", "icao_9303"]
SCHEMES: tuple[Scheme, ...] = get_args(Scheme)

_APOSTROPHES = frozenset("'’ʼ`")

# Letters that map the same way in every position, lower case.
_NATIONAL = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    # Russian letters, should a Russian form reach this scheme
    "ё": "io", "ъ": "", "ы": "y", "э": "e",
}  # fmt: skip
_NATIONAL_INITIAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"),
                     "ю": ("yu", "iu"), "я": ("ya", "ia")}  # fmt: skip

_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip
_RU_VOWELS_AND_SIGNS = frozenset("аеёиоуыэюяіїєъь")

_ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# Letters only Ukrainian has: a word holding one is Ukrainian, and its И is "y" (Doc 9303).
_UKRAINIAN_ONLY = frozenset("іїєґ")
_RUSSIAN_ONLY = frozenset("ёъыэ")


def ukrainian_national(text: str) -> str:
    """Transliterate under Ukraine's national system of 2010 (KMU resolution No. 55)."""
    return _transliterate(text, _national_letter)


def russian_bgn_pcgn(text: str) -> str:
    """Transliterate under BGN/PCGN for Russian, simplified (no diacritics, no primes)."""
    return _transliterate(text, _bgn_letter)


def icao_9303(text: str, ukrainian: bool | None = None) -> str:
    """Transliterate under ICAO Doc 9303 (passports).

    ``ukrainian`` selects the Ukrainian reading of И ("y"); ``None`` guesses it per word
    from letters only Ukrainian has (і, ї, є, ґ), else reads the word as Russian.
    """

    def letter(word: str, i: int) -> str:
        ch = word[i]
        if ch == "и":
            is_uk = ukrainian if ukrainian is not None else _looks_ukrainian(word)
            return "y" if is_uk else "i"
        return _ICAO.get(ch, ch)

    return _transliterate(text, letter)


def transliterate(text: str, scheme: Scheme) -> str:
    """Transliterate ``text`` under one of :data:`SCHEMES`."""
    try:
        return _SCHEME_FUNCTIONS[scheme](text)
    except KeyError:
        raise ValueError(
            f"unknown transliteration scheme {scheme!r}; use one of {SCHEMES}"
        ) from None


def all_romanizations(text: str) -> dict[Scheme, str]:
    """``text`` under every scheme, e.g. for blocking keys in record linkage."""
    return {scheme: transliterate(text, scheme) for scheme in SCHEMES}


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` holds any Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _national_letter(word: str, i: int) -> str:
    ch = word[i]
    if ch in _NATIONAL_INITIAL:
        initial, medial = _NATIONAL_INITIAL[ch]
        return initial if i == 0 else medial
    if ch == "г" and i > 0 and word[i - 1] == "з":
        return "gh"  # зг -> zgh, so that it is not read as ж (zh)
    return _NATIONAL.get(ch, ch)


def _bgn_letter(word: str, i: int) -> str:
    ch = word[i]
    if ch in "её":
        after_vowel = i == 0 or word[i - 1] in _RU_VOWELS_AND_SIGNS
        if ch == "е":
            return "ye" if after_vowel else "e"
        return "o" if i > 0 and word[i - 1] in "жчшщ" else "yo"
    return _BGN.get(ch, ch)


def _looks_ukrainian(word: str) -> bool:
    return any(ch in _UKRAINIAN_ONLY for ch in word) and not any(ch in _RUSSIAN_ONLY for ch in word)


def _transliterate(text: str, letter: Callable[[str, int], str]) -> str:
    # Walk word by word: a word is a run of letters and apostrophes.
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if not (text[i].isalpha() or text[i] in _APOSTROPHES):
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < n and (text[j].isalpha() or text[j] in _APOSTROPHES):
            j += 1
        out.append(_word(text[i:j], letter))
        i = j
    return "".join(out)


def _word(word: str, letter: Callable[[str, int], str]) -> str:
    # Apostrophes are not letters of the source: drop them before reading positions.
    source = "".join(ch for ch in word if ch not in _APOSTROPHES)
    lower = source.lower()
    all_upper = len(source) > 1 and source.isupper()
    parts: list[str] = []
    for i, ch in enumerate(source):
        if not ("\u0400" <= ch <= "\u04ff"):
            parts.append(ch)
            continue
        latin = letter(lower, i)
        if ch.isupper() and latin:
            latin = latin.upper() if all_upper else latin[0].upper() + latin[1:]
        parts.append(latin)
    return "".join(parts)


_SCHEME_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "ukrainian_national": ukrainian_national,
    "russian_bgn_pcgn": russian_bgn_pcgn,
    "icao_9303": icao_9303,
}
