"""The phrases of simulated news: outlets, boilerplate, hedged figures, numbers in words,
how a report names an earlier day, and the odd typo the corpus notes allow."""

from __future__ import annotations

import random
import re
from datetime import date

BOILERPLATE: tuple[str, ...] = (
    "Sign up to our newsletter for the latest updates from Ukraine",
    "Follow our live coverage of the war in Ukraine",
    "Advertisement · Scroll to continue",
    "Read more: how volunteers keep the city's hospitals running",
)
OUTLETS: tuple[str, ...] = ("Steppe Wire", "Azov Courier", "Evening Dispatch", "Frontline Daily")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def hedged(n: int, rng: random.Random) -> tuple[str, int | None, int | None, str]:
    """A figure with a hedge as a reporter writes it, and its (low, high, qualifier)."""
    u = rng.random()
    if u < 0.45:
        return f"at least {n:,}", n, None, "at_least"
    if u < 0.6:
        return f"more than {n:,}", n, None, "more_than"
    if u < 0.75:
        return f"about {n:,}", n, n, "about"
    if u < 0.85:
        return f"nearly {n:,}", None, n, "up_to"
    return f"{n:,}", n, n, "exact"


SPLITTABLE_RE = re.compile(
    r"\b(?:killing|killed|wounded|wounding|unaccounted|rubble|according|building|earlier"
    r"|streets|shelling)\b"
)


def split_word(sentence: str, rng: random.Random) -> str:
    """A typo the corpus notes allow: one long lower-case word split by a stray space."""
    words = list(SPLITTABLE_RE.finditer(sentence))
    if not words:
        return sentence
    m = rng.choice(words)
    cut = m.start() + rng.randint(2, len(m.group()) - 2)
    return sentence[:cut] + " " + sentence[cut:]


def number_words(n: int) -> str:
    """A number under 100 in words ("forty-two"); larger ones in digits with commas."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")
    return f"{n:,}"


def figure(n: int, rng: random.Random) -> str:
    """A figure as a reporter writes it mid-sentence: small ones often in words."""
    if n <= 12 and rng.random() < 0.7:
        return number_words(n)
    return f"{n:,}"


def day_phrase(day: date, published: date) -> str:
    """How a report published on ``published`` names an earlier ``day``."""
    diff = (published - day).days
    if diff == 1:
        return "yesterday"
    if 1 < diff <= 6:
        return f"on {WEEKDAYS[day.weekday()]}"
    return f"on {day.day} {MONTHS[day.month - 1]}"
