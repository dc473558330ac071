"""Numbers in Ukrainian and Russian text: digits ("1 300", "10 000", "20 тисяч"), number
words in all their case forms ("сімнадцять", "сімнадцяти", "двохсот", "семнадцати"),
collective numbers ("двоє", "троє", "пятеро"), "півтори / полторы тисячі", ranges ("від семи
до десяти", "от 500 до 700", "10-15") and vague amounts ("десятки", "сотні", "десятки
тысяч"). Pure functions over lower-cased text (apostrophes made plain by ``plain_lower``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.numbers import shared_multiplier


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
        "одном",
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
        "тис",
        "тыс",
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

_DIGITS = r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)?"
# words and numbers in digits ("1 300" is one): the numbers are read token by token, with
# dictionaries of the word forms, which is several times faster than one regex alternation
# of all the forms
_TOKEN_RE = re.compile(rf"{_DIGITS}|[^\W\d_][\w']*")
_BETWEEN_RANGE_RE = re.compile(r"\s*[-–—]\s*|\s+(?:до|або|или|чи)\s+")
_RANGE_OPENER = ("від ", "от ", "из ")
_AGE_AFTER_RE = re.compile(r"-?\s?(?:річн|летн)")
_SINGULAR_SCALES = frozenset(("тисячу", "тисяча", "тысячу", "тысяча", "мільйон", "миллион"))
_VAGUE_FIRST = frozenset(w.split()[0] for w in VAGUE_WORDS)
_VAGUE_THOUSANDS = frozenset(("тисяч", "тысяч"))
_HEDGED_RE = re.compile(
    r"(?:понад|більше|більш|близько|приблизно|майже|щонайменше|принаймні|менше|до|"
    r"более|больше|свыше|около|порядка|почти|мере|минимум|менее|примерно)(?: ніж| як| чем)?\s+$"
)


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
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(lower)]
    count = len(tokens)

    def next_to(i: int, j: int) -> bool:
        return j < count and lower[tokens[i][1] : tokens[j][0]].isspace()

    found: list[CyrNumber] = []
    i = 0
    while i < count:
        start, end, text = tokens[i]
        j = i + 1
        value: int | None = None
        vague = False
        if text[0].isdigit():
            if (
                (start and (lower[start - 1].isalnum() or lower[start - 1] in ".,_/№:"))
                # a house number: "на вулиці Дорошенка, 12"
                or _ADDRESS_BEFORE_RE.search(lower, max(0, start - 40), start)
                # a number of a building or a hospital: "школи № 6", "лікарні № 4"
                or lower.endswith("№ ", 0, start)
                # part of a name: "шахта «Полярная-2»", "ТЕЦ-5"
                or (start > 1 and lower[start - 1] == "-" and lower[start - 2].isalpha())
                # a time of day: "станом на 10:00" (not "достигло 11: двое ...")
                or (lower[end : end + 1] == ":" and lower[end + 1 : end + 2].isdigit())
                or _LEGAL_REFERENCE_RE.search(lower, max(0, start - 12), start)
            ):
                i = j
                continue
            if ("," in text or "." in text) and not (next_to(i, j) and tokens[j][2] in SCALES):
                i = j  # "магнитудой 6,4", "4.8": a measure; "1,5 тыс." is a count
                continue
            value = value_of(text)
            if next_to(i, j) and tokens[j][2] in SCALES and value is not None:
                # "1,5 тисячі": the fraction before the scale ("1 300" has no comma)
                value = int(float(text.replace(" ", "").replace(",", ".")) * SCALES[tokens[j][2]])
                end, j = _with_dot(lower, tokens[j][1]), j + 1
        elif text in HALVES:
            if next_to(i, j) and tokens[j][2] in SCALES:
                value, end, j = int(1.5 * SCALES[tokens[j][2]]), tokens[j][1], j + 1
        elif text in WORDS and text not in SCALES:
            if UNITS.get(text) == 1 and _one_not_counted(tokens, j, next_to(i, j)):
                i = j  # "жертв однієї пожежі", "за одну ніч": one fire, one night, no one
                continue  # dead; "один із загиблих": a person, not a count
            while next_to(j - 1, j) and (tokens[j][2] in WORDS or tokens[j][2] in SCALES):
                j += 1
            end = tokens[j - 1][1]
            value = value_of(lower[start:end])
            if (
                value is not None
                and j + 2 < count
                and tokens[j][2] in ("з", "із", "с")
                and tokens[j + 1][2] in ("половиною", "половиной")
                and tokens[j + 2][2] in SCALES
            ):  # "двох з половиною тисяч": 2,500
                value = int((value + 0.5) * SCALES[tokens[j + 2][2]])
                end, j = tokens[j + 2][1], j + 3
        elif text in SCALES:  # "понад тисячу", "более тысячи"; "тисячі людей" is vague
            if text in _SINGULAR_SCALES or _HEDGED_RE.search(lower, max(0, start - 24), start):
                while next_to(j - 1, j) and tokens[j][2] in WORDS:  # "тисяча двісті"
                    j += 1
                end = tokens[j - 1][1]
                value = value_of(lower[start:end]) or SCALES[text]
            elif text in _VAGUE_FIRST:
                vague = True
        elif text in _VAGUE_FIRST:
            vague = True
            if next_to(i, j) and tokens[j][2].startswith(("тисяч", "тысяч")):
                end, j = tokens[j][1], j + 1
        if vague:
            found.append(CyrNumber(start, end, None, None, lower[start:end], vague=True))
        elif value is not None:
            found.append(CyrNumber(start, end, value, value, lower[start:end]))
        i = j
    return _ranges(lower, found)


def _one_not_counted(tokens: list[tuple[int, int, str]], j: int, adjacent: bool) -> bool:
    """Whether "one" at the token before ``j`` counts an event or a span ("однієї пожежі",
    "ще одна смертельна пожежа"), or names one of the dead ("звідки був один із загиблих")."""
    if not adjacent or j >= len(tokens):
        return False
    word = tokens[j][2]
    if word in ("із", "з", "из"):  # (not "один из пострадавших скончался": one more dead)
        return j + 1 < len(tokens) and tokens[j + 1][2].startswith(("загибл", "погибш", "жертв"))
    if word.startswith(_ONE_EVENT):
        return True
    return (
        word.endswith(("на", "ний", "ная", "ный", "не", "ное"))
        and j + 1 < len(tokens)
        and tokens[j + 1][2].startswith(_ONE_EVENT)
    )


#: a street and the house number after it: "на вулиці Дорошенка, 12", "ул. Ленина, 5"
_ADDRESS_BEFORE_RE = re.compile(
    r"(?:вулиц\w*|улиц\w*|вул\.|ул\.|проспект\w*|просп\.|провулк\w*|переул\w*)\s+"
    r"[\w'’.-]+(?:\s+[\w'’.-]+)?,\s*$"
)
#: what "one" counts when it is an event or a span, not a person
_ONE_EVENT = (
    "пожеж",
    "пожар",
    "атак",
    "авар",
    "вибух",
    "взрыв",
    "удар",
    "обстріл",
    "обстрел",
    "катастроф",
    "ніч",
    "ноч",
    "доб",
    "сут",
    "раз",
)
#: a part or article of a law: "ч. 2 ст. 438 КК України", "частина 2 статті 438", "п. 3"
_LEGAL_REFERENCE_RE = re.compile(
    r"(?<![\w'])(?:ч|ст|п|пп|чч)\.\s*$|(?<![\w'])(?:частин[аиіу]|стат(?:ті|тя|тю|ьи|ья|ью)|"
    r"пункт[ау]?)\s+$"
)


def _with_dot(lower: str, end: int) -> int:
    """ "20 тис." takes its dot."""
    return (
        end + 1 if lower[end - 3 : end] in ("тис", "тыс") and lower[end : end + 1] == "." else end
    )


def _ranges(lower: str, found: list[CyrNumber]) -> list[CyrNumber]:
    """ "від семи до десяти", "от 500 до 700", "10-15": one figure."""
    out: list[CyrNumber] = []
    for n in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and not previous.vague
            and not n.vague
            and not previous.is_range
            and previous.low is not None
            and n.low is not None
            and previous.low < n.low
            and not (_is_year(previous.low) and _is_year(n.low))
            and _BETWEEN_RANGE_RE.fullmatch(lower, previous.end, n.start)
            # "погибли двое — 71-летний хозяин дома и его дочь": an age after a count
            and not _AGE_AFTER_RE.match(lower, n.end)
        ):
            start = previous.start
            if lower.endswith(_RANGE_OPENER, 0, start):
                start -= len(next(o for o in _RANGE_OPENER if lower.endswith(o, 0, start)))
            low = shared_multiplier(previous.low, previous.text, n.low, n.text)
            out[-1] = CyrNumber(start, n.end, low, n.low, lower[start : n.end], True)
            continue
        out.append(n)
    return out


def _is_year(value: int) -> bool:
    return 1900 <= value <= 2100
