"""The mistakes of people writing names and dates down in a hurry, as pure functions of a
``random.Random`` (seeded by the caller)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from tollbook.names.transliteration import (
    icao_9303,
    is_cyrillic,
    russian_bgn_pcgn,
    ukrainian_national,
)

# Letters easily confused when writing or reading a name.
_CYRILLIC_CONFUSIONS: dict[str, str] = {
    "и": "іе", "і": "иї", "ї": "і", "е": "єи", "є": "е", "о": "а", "а": "о", "г": "ґх",
    "ґ": "г", "ш": "щ", "щ": "ш", "л": "м", "м": "л", "н": "п", "п": "н", "к": "х",
    "х": "к", "в": "б", "б": "в", "й": "и", "ь": "ъ", "с": "з", "з": "с", "ю": "у",
    "я": "а", "т": "д", "д": "т", "ц": "ч", "ч": "ц", "ж": "ш", "у": "ю", "р": "л",
}  # fmt: skip
_LATIN_CONFUSIONS: dict[str, str] = {
    "i": "yj", "y": "ij", "e": "a", "a": "oe", "o": "a", "k": "ch", "c": "k", "h": "gk",
    "g": "h", "s": "z", "z": "s", "v": "w", "w": "v", "u": "o", "n": "m", "m": "n",
    "t": "d", "d": "t", "l": "r", "r": "l", "j": "y", "p": "b", "b": "p",
}  # fmt: skip


def typo(word: str, rng: random.Random) -> str:
    """One slip of the pen: a letter dropped, doubled, swapped with the next, or confused."""
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word))  # the first letter is rarely wrong
    op = rng.random()
    if op < 0.25:
        return word[:i] + word[i + 1 :]
    if op < 0.45:
        return word[:i] + word[i] + word[i:]
    if op < 0.6 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    ch = word[i]
    table = _CYRILLIC_CONFUSIONS if is_cyrillic(ch) else _LATIN_CONFUSIONS
    options = table.get(ch.lower())
    if not options:
        return word[:i] + word[i + 1 :]
    new = rng.choice(options)
    return word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1 :]


def drop_yo(word: str) -> str:
    """Ё written as Е, as most Russian clerks do."""
    return word.replace("ё", "е").replace("Ё", "Е")


def romanize(word: str, russian: bool, rng: random.Random) -> str:
    """A name in Latin letters under the scheme a clerk of that language would likely use:
    Ukrainian forms mostly under the national system, sometimes ICAO; Russian forms under
    BGN/PCGN or ICAO (Russian passports)."""
    u = rng.random()
    if russian:
        return russian_bgn_pcgn(word) if u < 0.6 else icao_9303(word, ukrainian=False)
    return ukrainian_national(word) if u < 0.75 else icao_9303(word, ukrainian=True)


def shift_date(day: date, max_days: int, rng: random.Random) -> date:
    """A date off by 1..max_days days, either way."""
    delta = rng.randint(1, max(1, max_days))
    return day + timedelta(days=delta if rng.random() < 0.5 else -delta)


def garble_birth_date(birth: date, rng: random.Random) -> date:
    """A birth date written wrong: day and month swapped, a year off, or a digit slip."""
    u = rng.random()
    if u < 0.4 and birth.day <= 12 and birth.day != birth.month:
        try:
            return birth.replace(day=birth.month, month=birth.day)
        except ValueError:
            pass
    if u < 0.7:
        try:
            return birth.replace(year=birth.year + rng.choice((-1, 1)))
        except ValueError:
            return birth + timedelta(days=365)
    return birth + timedelta(days=rng.choice((-10, -1, 1, 10)))
