"""Find the numbers a sentence states, in digits or in words, with ranges and vague amounts.

Pure functions over normalised text (see ``text_clean``): no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

#: Words that stand for an unknown number of people (CLAIMS.md: qualifier ``vague``).
VAGUE_WORDS = (
    "tens of thousands",
    "hundreds of thousands",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "many",
    "several",
    "numerous",
    "countless",
    "a number of",
    "a handful of",
    "a few",
    "untold numbers of",
    "multiple",
)

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
# "one hundred and twenty-five", "forty", "twenty five thousand", "a hundred"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?|an?)"
    rf"(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?:half\s+a|a|one|two|three|four|five|six|half)\s+dozen"
    rf"|(?:{_DIGITS})(?:\s*(?:{_SCALE})\b|(?:k|m|mn|bn)\b)?"
    rf"|(?<![\w-])(?:{_WORD_NUMBER})(?![\w-]))"
)
_RANGE_SEP = r"\s*(?:-|–|—|to|or)\s*"

NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{_NUMBER})")
RANGE_RE = re.compile(
    rf"(?<![\w.,])(?:between\s+(?P<a>{_NUMBER})\s+and\s+(?P<b>{_NUMBER})"
    rf"|(?:from\s+)?(?P<c>{_NUMBER}){_RANGE_SEP}(?P<d>{_NUMBER}))(?![\w])",
)
_RISE_RE = re.compile(
    r"\b(?:rose|risen|rise|rises|climbed|climbs|increased|jumped|grew|grown|went\s+up|"
    r"revised|raised|fell|dropped|lowered)\s*$",
)
VAGUE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in VAGUE_WORDS) + r")(?![\w-])",
)


@dataclass(frozen=True)
class NumberMention:
    """A number (or range, or vague amount) found at ``start:end`` of a sentence."""

    start: int
    end: int
    low: int | None
    high: int | None
    text: str
    is_range: bool = False
    is_vague: bool = False
    in_words: bool = False


def parse_number(text: str) -> int | None:
    """The value of one number phrase: "1,200", "1.2 million", "Forty", "a dozen", "5k"."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    if t.endswith("dozen"):
        head = t[: -len("dozen")].strip()
        if head in ("a", ""):
            return 12
        if head == "half a":
            return 6
        if head == "half":
            return 6
        n = UNITS.get(head)
        return n * 12 if n is not None else None
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([a-z]+)?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        suffix = m.group(2)
        if suffix:
            scale = SCALES.get(suffix) or SHORT_SCALES.get(suffix)
            if scale is None:
                return None
            value *= scale
        return round(value)
    return _parse_words(t)


def _parse_words(t: str) -> int | None:
    total = 0
    current = 0
    seen = False
    for word in t.split():
        if word == "and":
            continue
        if word in ("a", "an"):
            current = 1 if current == 0 else current
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def find_numbers(sentence: str) -> list[NumberMention]:
    """Every number, range and vague amount in a normalised sentence, left to right.

    The patterns are lower case: give them the sentence lower-cased (``find_numbers``
    lower-cases it for you; ``find_numbers_lower`` trusts it already is).
    """
    return find_numbers_lower(sentence.lower())


def find_numbers_lower(sentence: str) -> list[NumberMention]:
    """:func:`find_numbers` on an already lower-cased sentence.

    A range ("between 10 and 15", "three to four", "10-15") is one mention; numbers
    inside it are not reported again. Bare "a"/"an" are not numbers unless scaled
    ("a hundred", "a dozen").
    """
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for m in RANGE_RE.finditer(sentence):
        if _RISE_RE.search(sentence, max(0, m.start() - 40), m.start()) and re.match(
            r"from\s", m.group(0), re.IGNORECASE
        ):
            continue  # "rose from 35 to 52": a new figure, not a range
        a = m.group("a") or m.group("c")
        b = m.group("b") or m.group("d")
        low, high = parse_number(a), parse_number(b)
        if low is None or high is None or low >= high or _bare_article(a) or _bare_article(b):
            continue
        if _looks_like_year_span(a, b):
            continue
        found.append(
            NumberMention(
                m.start(),
                m.end(),
                low,
                high,
                m.group(0),
                is_range=True,
                in_words=not any(ch.isdigit() for ch in m.group(0)),
            )
        )
        taken.append((m.start(), m.end()))
    for m in NUMBER_RE.finditer(sentence):
        if _overlaps(m.start(), m.end(), taken) or _bare_article(m.group(0)):
            continue
        value = parse_number(m.group(0))
        if value is None:
            continue
        found.append(
            NumberMention(
                m.start(),
                m.end(),
                value,
                value,
                m.group(0),
                in_words=not any(ch.isdigit() for ch in m.group(0)),
            )
        )
        taken.append((m.start(), m.end()))
    for m in VAGUE_RE.finditer(sentence):
        if _overlaps(m.start(), m.end(), taken):
            continue
        found.append(NumberMention(m.start(), m.end(), None, None, m.group(0), is_vague=True))
    found.sort(key=lambda n: n.start)
    return found


def _bare_article(text: str) -> bool:
    return text.strip().lower() in ("a", "an")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _looks_like_year_span(a: str, b: str) -> bool:
    """ "2022-2023", "1992-95": years, not a casualty range."""
    a, b = a.strip(), b.strip()
    if not (a.isdigit() and b.isdigit()):
        return False
    return len(a) == 4 and len(b) in (2, 4) and a[:2] in ("19", "20")
