"""Numbers in Ukrainian and Russian text: digits ("1 300", "10 000", "20 тисяч"), number
words in all their case forms ("сімнадцять", "сімнадцяти", "двохсот", "семнадцати"),
collective numbers ("двоє", "троє", "пятеро"), "півтори / полторы тисячі", ranges ("від семи
до десяти", "от 500 до 700", "10-15") and vague amounts ("десятки", "сотні", "десятки
тысяч"). Pure functions over lower-cased text (apostrophes made plain by ``plain_lower``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def plain_lower(text: str) -> str:
    """Lower-cased text with one apostrophe and plain spaces; same length as ``text``."""
    return (
        text.lower()
        .replace("’", "'")
        .replace("ʼ", "'")
        .replace("`", "'")
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("ё", "е")
    )


def _forms(value: int, *words: str) -> dict[str, int]:
    return dict.fromkeys(words, value)


# Every case form of the number words (Ukrainian and Russian together; "ё" is read as "е").
UNITS: dict[str, int] = {
    **_forms(
        1,
        "один",
        "одна",
        "одне",
        "одно",
        "одного",
        "одній",
        "одной",
        "одним",
        "одну",
        "однієї",
        "одному",
    ),
    **_forms(2, "два", "дві", "две", "двох", "двух", "двом", "двум", "двома", "двумя"),
    **_forms(3, "три", "трьох", "трех", "трьом", "трем", "трьома", "тремя"),
    **_forms(
        4, "чотири", "чотирьох", "чотирьом", "чотирма", "четыре", "четырех", "четырем", "четырьмя"
    ),
    **_forms(1000, "тисяча", "тысяча"),
}
_TEEN_STEMS = {
    # value: (Ukrainian nominative, Russian nominative)
    5: ("п'ять", "пять"),
    6: ("шість", "шесть"),
    7: ("сім", "семь"),
    8: ("вісім", "восемь"),
    9: ("дев'ять", "девять"),
    10: ("десять", "десять"),
    11: ("одинадцять", "одиннадцать"),
    12: ("дванадцять", "двенадцать"),
    13: ("тринадцять", "тринадцать"),
    14: ("чотирнадцять", "четырнадцать"),
    15: ("п'ятнадцять", "пятнадцать"),
    16: ("шістнадцять", "шестнадцать"),
    17: ("сімнадцять", "семнадцать"),
    18: ("вісімнадцять", "восемнадцать"),
    19: ("дев'ятнадцять", "девятнадцать"),
    20: ("двадцять", "двадцать"),
    30: ("тридцять", "тридцать"),
}
# oblique forms that are not the nominative with its ending changed
_IRREGULAR = {
    **_forms(5, "п'яти", "п'ятьох", "п'ятьма", "пяти", "пятью"),
    **_forms(6, "шести", "шістьох", "шістьма", "шестью"),
    **_forms(7, "семи", "сімох", "сьома", "сімома", "семью"),
    **_forms(8, "восьми", "вісьмох", "вісьмома", "восемью", "восьмью"),
    **_forms(40, "сорок", "сорока"),
    **_forms(50, "п'ятдесят", "п'ятдесяти", "п'ятдесятьох", "пятьдесят", "пятидесяти"),
    **_forms(60, "шістдесят", "шістдесяти", "шістдесятьох", "шестьдесят", "шестидесяти"),
    **_forms(70, "сімдесят", "сімдесяти", "сімдесятьох", "семьдесят", "семидесяти"),
    **_forms(80, "вісімдесят", "вісімдесяти", "вісімдесятьох", "восемьдесят", "восьмидесяти"),
    **_forms(90, "дев'яносто", "дев'яноста", "девяносто", "девяноста"),
    **_forms(100, "сто", "ста", "сотня", "сотню"),
    **_forms(200, "двісті", "двохсот", "двомстам", "двести", "двухсот", "двумстам"),
    **_forms(300, "триста", "трьохсот", "трехсот", "тремстам"),
    **_forms(400, "чотириста", "чотирьохсот", "четыреста", "четырехсот"),
    **_forms(500, "п'ятсот", "п'ятисот", "пятьсот", "пятисот"),
    **_forms(600, "шістсот", "шестисот", "шестьсот"),
    **_forms(700, "сімсот", "семисот", "семьсот"),
    **_forms(800, "вісімсот", "восьмисот", "восемьсот"),
    **_forms(900, "дев'ятсот", "дев'ятисот", "девятьсот", "девятисот"),
}
#: collective numbers: "двоє", "троє", "п'ятеро" (and their oblique forms)
COLLECTIVES: dict[str, int] = {
    **_forms(2, "двоє", "двое", "двоих"),
    **_forms(3, "троє", "трое", "троих"),
    **_forms(4, "четверо", "четверых"),
    **_forms(5, "п'ятеро", "пятеро", "пятерых"),
    **_forms(6, "шестеро", "шестерых"),
    **_forms(7, "семеро", "семерых"),
    **_forms(8, "восьмеро", "восьмерых"),
    **_forms(9, "дев'ятеро", "девятеро", "девятерых"),
    **_forms(10, "десятеро", "десятерых"),
}


def _all_words() -> dict[str, int]:
    words = {**UNITS, **_IRREGULAR, **COLLECTIVES}
    for value, (uk, ru) in _TEEN_STEMS.items():
        # сімнадцять, сімнадцяти, сімнадцятьох, сімнадцятьма; семнадцать, семнадцати, семнадцатью
        words.setdefault(uk, value)
        words.setdefault(uk[:-1] + "и", value)
        words.setdefault(uk + "ох", value)
        words.setdefault(uk + "ма", value)
        if value > 10:  # "одинадцятеро", "сімнадцятеро", "двадцятеро"
            words.setdefault(uk[:-1] + "еро", value)
        words.setdefault(ru, value)
        words.setdefault(ru[:-1] + "и", value)
        words.setdefault(ru[:-1] + "ью", value)
    return words


WORDS: dict[str, int] = _all_words()
SCALES: dict[str, int] = {
    **_forms(
        1000,
        "тисяча",
        "тисячі",
        "тисяч",
        "тисячу",
        "тисячею",
        "тисячам",
        "тисячами",
        "тысяча",
        "тысячи",
        "тысяч",
        "тысячу",
        "тысячей",
        "тысячам",
        "тысячами",
        "тис.",
        "тыс.",
    ),
    **_forms(
        1_000_000,
        "мільйон",
        "мільйона",
        "мільйони",
        "мільйонів",
        "миллион",
        "миллиона",
        "миллионы",
        "миллионов",
        "млн",
        "млн.",
    ),
}
HALVES = ("півтори", "півтора", "полторы", "полтора", "полутора")

#: vague amounts (CLAIMS.md ``vague``): the longest first
VAGUE_WORDS = (
    "десятки тисяч",
    "десятків тисяч",
    "десятки тысяч",
    "десятков тысяч",
    "сотні тисяч",
    "сотень тисяч",
    "сотни тысяч",
    "сотен тысяч",
    "десятки",
    "десятків",
    "десятков",
    "сотні",
    "сотень",
    "сотни",
    "сотен",
    "тисячі",
    "тисяч",
    "тысячи",
    "тысяч",
    "кілька",
    "кількох",
    "декілька",
    "декількох",
    "несколько",
    "нескольких",
    "численні",
    "многочисленные",
)

_WORD_ALT = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
_SCALE_ALT = "|".join(sorted((re.escape(w) for w in SCALES), key=len, reverse=True))
_HALF_ALT = "|".join(HALVES)
_DIGITS = r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_B = r"(?<![\w'])"  # a word starts
_E = r"(?![\w'])"  # a word ends
_ONE = (
    rf"(?:(?:{_HALF_ALT}){_E}\s+(?:{_SCALE_ALT}){_E}"
    rf"|(?:{_DIGITS})(?:\s*(?:{_SCALE_ALT}){_E})?"
    rf"|{_B}(?:{_WORD_ALT}){_E}(?:\s+(?:{_WORD_ALT}|{_SCALE_ALT}){_E})*)"
)
_NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{_ONE})")
# "понад тисячу", "более тысячи", "мільйон": a scale word on its own is one of it, but
# "тисячі людей" without a hedge before it is "thousands" (vague)
_BARE_SCALE_RE = re.compile(
    rf"{_B}(?:тисяч[уаі]|тисяч|тысяч[уаи]|тысяч|мільйон[а]?|миллион[а]?){_E}"
)
_HEDGED_RE = re.compile(
    r"(?:понад|більше|більш|близько|приблизно|майже|щонайменше|принаймні|менше|до|"
    r"более|больше|свыше|около|порядка|почти|мере|минимум|менее|примерно)(?: ніж| як| чем)?\s+$"
)
_RANGE_RE = re.compile(
    rf"(?:{_B}(?:від|от|из)\s+)?(?P<a>{_ONE})\s*(?:[-–—]|\s+(?:до|або|или|чи)\s+)\s*(?P<b>{_ONE})"
)
_VAGUE_RE = re.compile(rf"{_B}(?:{'|'.join(VAGUE_WORDS)}){_E}")


@dataclass(frozen=True)
class CyrNumber:
    """A number found in a sentence: its span, its bounds and how it is written."""

    start: int
    end: int
    low: int | None
    high: int | None
    text: str
    is_range: bool = False
    vague: bool = False


def value_of(text: str) -> int | None:
    """The value of one number as written ("двохсот" 200, "10 000", "півтори тисячі" 1500,
    "двадцять п'ять тисяч" 25000), or None."""
    text = text.strip()
    half = next((h for h in HALVES if text.startswith(h)), None)
    if half is not None:
        scale = SCALES.get(text[len(half) :].strip())
        return int(1.5 * scale) if scale else None
    m = re.match(rf"({_DIGITS})\s*(.*)$", text)
    if m:
        digits = m.group(1).replace(" ", "")
        scale = SCALES.get(m.group(2).strip(), 1) if m.group(2) else 1
        try:
            return int(float(digits.replace(",", ".")) * scale)
        except ValueError:
            return None
    total = current = 0
    for word in text.split():
        if word in SCALES and (word not in WORDS or current):
            total += (current or 1) * SCALES[word]
            current = 0
        elif word in WORDS:
            current += WORDS[word]
        else:
            return None
    return total + current


def find_numbers(lower: str) -> list[CyrNumber]:
    """The numbers of a sentence (``plain_lower`` text), ranges as one, vague words too."""
    out: list[CyrNumber] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE_RE.finditer(lower):
        a, b = value_of(m.group("a")), value_of(m.group("b"))
        if a is None or b is None or not a < b or (_is_year(a) and _is_year(b)):
            continue
        out.append(CyrNumber(m.start(), m.end(), a, b, m.group(0), is_range=True))
        taken.append((m.start(), m.end()))
    for m in _NUMBER_RE.finditer(lower):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = value_of(m.group(0))
        if value is None:
            continue
        out.append(CyrNumber(m.start(), m.end(), value, value, m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _BARE_SCALE_RE.finditer(lower):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _HEDGED_RE.search(lower, max(0, m.start() - 24), m.start()) or m.group(0) in (
            "тисячу",
            "тисяча",
            "тысячу",
            "тысяча",
            "мільйон",
            "миллион",
        ):
            value = 1_000_000 if m.group(0).startswith(("мільйон", "миллион")) else 1000
            out.append(CyrNumber(m.start(), m.end(), value, value, m.group(0)))
            taken.append((m.start(), m.end()))
    for m in _VAGUE_RE.finditer(lower):
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(CyrNumber(m.start(), m.end(), None, None, m.group(0), vague=True))
        taken.append((m.start(), m.end()))
    return sorted(out, key=lambda n: n.start)


def _is_year(value: int) -> bool:
    return 1900 <= value <= 2100
