"""Find the numbers a sentence states, in digits or in words, with ranges and vague amounts.

Pure functions over normalised text (see ``text_clean``): no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.screens import holds_any

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
# "one hundred and twenty-five", "forty", "twenty five thousand", "a hundred" (a bare "a" is
# not tried: the look-ahead wants a scale word after it)
_WORD_NUMBER = (
    rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?|an?(?=\s+(?:{_SCALE})))"
    rf"(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?:half\s+a|a|one|two|three|four|five|six|half)\s+dozen"
    rf"|(?:{_DIGITS})(?:\s*(?:{_SCALE})\b|(?:k|m|mn|bn)\b)?"
    rf"|(?<![\w-])(?:{_WORD_NUMBER})(?![\w-]))"
)
NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{_NUMBER})")
_RISE_RE = re.compile(
    r"\b(?:rose|risen|rise|rises|climbed|climbs|increased|jumped|grew|grown|went\s+up|"
    r"revised|raised|fell|dropped|lowered|"
    # "raising the toll of that attack from five to seven"
    r"(?:raising|bringing|taking|pushing)\s+the\s+(?:death\s+)?(?:toll|number|tally|count)"
    r"(?:\s+of\s+[\w'’ ]{1,30}?)?)\s*$",
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


_A_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([a-z]+)?")


def parse_number(text: str) -> int | None:
    """The value of one number phrase: "1,200", "1.2 million", "Forty", "a dozen", "5k"."""
    if text.isdecimal() and len(text) < 16:
        return int(text)  # plain digits, the common case (what the pattern below gives)
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
    m = _DIGITS_RE.fullmatch(t)
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
    singles: list[NumberMention] = []
    for m in NUMBER_RE.finditer(sentence):
        text = m.group(0)
        if _bare_article(text):
            continue
        value = parse_number(text)
        if value is not None:
            # a match's digits are all ``\d`` (Unicode Nd), so this is "holds a digit"
            in_words = _A_DIGIT_RE.search(text) is None
            singles.append(NumberMention(m.start(), m.end(), value, value, text, in_words=in_words))
    found = _pair_ranges(sentence, singles)
    taken = [(n.start, n.end) for n in found]
    for m in VAGUE_RE.finditer(sentence) if holds_any(sentence, _VAGUE_STEMS) else ():
        if not _overlaps(m.start(), m.end(), taken) and not _bounds_a_figure(sentence, m):
            found.append(NumberMention(m.start(), m.end(), None, None, m.group(0), is_vague=True))
    found.sort(key=lambda n: n.start)
    return found


#: "as many as 60": the "many" bounds the figure after it, and is no amount of its own
_AS_MANY_AS_RE = re.compile(r"\s+as\s+(?:\d|[a-z]+\b(?!\s+(?:of|people|were|are)\b))")


def _bounds_a_figure(sentence: str, m: re.Match[str]) -> bool:
    return (
        m.group(0) == "many"
        and sentence.endswith("as ", 0, m.start())
        and _AS_MANY_AS_RE.match(sentence, m.end()) is not None
    )


#: A word of each of ``VAGUE_WORDS`` ("thousands" for "tens of thousands", "few" for "a few").
_VAGUE_STEMS = (
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "many",
    "several",
    "numerous",
    "countless",
    "number",
    "handful",
    "few",
    "multiple",
)


_RANGE_GAP_RE = re.compile(r"\s*(?:-|–|—|to|or)\s*")
_BETWEEN_RE = re.compile(r"\bbetween\s+$")
_FROM_RE = re.compile(r"\bfrom\s+$")


def _pair_ranges(sentence: str, singles: list[NumberMention]) -> list[NumberMention]:
    """Join neighbouring numbers into ranges: "10-15", "three to four", "between 10 and 15".

    "rose from 35 to 52" is not a range but a new figure: the two stay apart.
    """
    out: list[NumberMention] = []
    i = 0
    while i < len(singles):
        a = singles[i]
        b = singles[i + 1] if i + 1 < len(singles) else None
        joined = _as_range(sentence, a, b) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _as_range(sentence: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    gap = sentence[a.end : b.start]
    before = sentence[max(0, a.start - 12) : a.start]
    start = a.start
    if _BETWEEN_RE.search(before) and gap.strip() == "and":
        start = a.start - len(before) + _BETWEEN_RE.search(before).start()  # type: ignore[union-attr]
    elif not _RANGE_GAP_RE.fullmatch(gap):
        return None
    elif _FROM_RE.search(before):
        if _RISE_RE.search(sentence, max(0, a.start - 70), a.start - len("from ")):
            return None  # "rose from 35 to 52": a new figure, not a range
        start = a.start - len(before) + _FROM_RE.search(before).start()  # type: ignore[union-attr]
    if a.low is None or b.low is None or a.low >= b.low or _looks_like_year_span(a.text, b.text):
        return None
    if gap.strip() in ("-", "–", "—") and _DATELINE_DAY_RE.search(before):
        return None  # "POKHARA, August 12 - Fourteen people": a dateline's day, then the figure
    year = a.text.strip()
    if _DATELINE_DAY_RE.search(before) and len(year) == 4 and year[:2] in ("19", "20"):
        return None  # "the toll since October 2023 to 68,212": a month's year, then the toll
    if sentence[b.end : b.end + 1].isalnum():
        return None
    text = sentence[start : b.end]
    low = shared_multiplier(a.low, a.text, b.low, b.text)
    return NumberMention(
        start, b.end, low, b.low, text, is_range=True, in_words=a.in_words and b.in_words
    )


_MULTIPLIER_RE = re.compile(
    r"(?:thousand|million|тисяч\w*|тысяч\w*|тис\.?|тыс\.?|мільйон\w*|миллион\w*|млн\.?)\s*$",
    re.IGNORECASE,
)


def shared_multiplier(low: int, low_text: str, high: int, high_text: str) -> int:
    """The low end of a range whose multiplier is written once, after the high end: "20-25
    thousand", "22–25 тисяч" run from 20,000, not from 20."""
    m = _MULTIPLIER_RE.search(high_text)
    if m is None or _MULTIPLIER_RE.search(low_text):
        return low
    word = m.group(0).lower()
    times = 1_000 if word.startswith(("thousand", "тис", "тыс")) else 1_000_000
    return low * times if low * times <= high else low


# a month name right before a number: the day of a date ("august 12 - fourteen")
_DATELINE_DAY_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december)\.?\s+$"
)


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


#: whether a text holds a figure at all: a digit or a number word ("two", "dozens")
HAS_FIGURE_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds)\b",
    re.IGNORECASE,
)
