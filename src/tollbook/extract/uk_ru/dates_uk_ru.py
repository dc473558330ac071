"""Dates in Ukrainian and Russian: "9 березня", "9 марта 2022 року", "учора" / "вчера",
"минулого тижня" / "на прошлой неделе", weekdays ("у вівторок", "в понедельник"), "за добу"
/ "за сутки", "вночі" / "ночью", and "з початку повномасштабного вторгнення" / "с начала
вторжения", resolved against the publication date as in English (``tollbook.extract.dates``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tollbook.extract.dates import DateMention

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "січня січень января январь январе січні",
        "лютого лютий февраля февраль феврале лютому",
        "березня березень марта март марте березні",
        "квітня квітень апреля апрель апреле квітні",
        "травня травень мая май мае травні",
        "червня червень июня июнь июне червні",
        "липня липень июля июль июле липні",
        "серпня серпень августа август августе серпні",
        "вересня вересень сентября сентябрь сентябре вересні",
        "жовтня жовтень октября октябрь октябре жовтні",
        "листопада листопад ноября ноябрь ноябре листопаді",
        "грудня грудень декабря декабрь декабре грудні",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _i
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = (
    ("понеділок", "понедельник"),
    ("вівторок", "вторник"),
    ("середу", "среду"),
    ("четвер", "четверг"),
    ("п'ятницю", "пятницу"),
    ("суботу", "субботу"),
    ("неділю", "воскресенье"),
)
_WEEKDAY = {name: i for i, names in enumerate(_WEEKDAYS) for name in names}
#: the weekdays as named after "у"/"в" ("у понеділок", "в среду"), one alternation
WEEKDAY_ALT = "|".join(_WEEKDAY)

_SINCE_INVASION = (
    r"(?:з|із|від|с)\s+(?:самого\s+)?(?:початку|начала)\s+(?:повномасштабного\s+|"
    r"полномасштабного\s+|широкомасштабного\s+|великої\s+|большой\s+)?(?:російського\s+|"
    r"российского\s+)?(?:вторгнення|вторжения|війни|войны|вторгнення\s+росії|вторжения\s+россии)"
    r"|(?:з|із|с)\s+24\s+(?:лютого|февраля)\s+2022"
)
DATE_RE = re.compile(
    rf"(?P<since>{_SINCE_INVASION})"
    rf"|(?P<span>(?<![\w'])(?:з|із|с|від|от)\s+(?P<s1>\d{{1,2}})(?:\s+(?P<sm1>{_MONTH_ALT}))?"
    rf"(?:\s+(?P<sy1>(?:19|20)\d\d)(?:\s+(?:року|года|р\.|г\.))?)?\s+(?:по|до)\s+(?P<s2>\d{{1,2}})\s+"
    rf"(?P<sm2>{_MONTH_ALT})(?:\s+(?P<sy2>(?:19|20)\d\d))?)"
    # "від початку 2026 року", "с начала года", "від початку січня", "від 24 лютого 2022
    # року": a running count's period, to the day of publication (round 39)
    rf"|(?P<sincestart>(?<![\w'])(?:з|із|від|с|со)\s+(?:самого\s+)?(?:початку|начала)\s+"
    rf"(?:(?P<ssy>(?:19|20)\d\d)\s+(?:року|года)|(?:цього\s+|этого\s+|поточного\s+|"
    rf"текущего\s+)?(?:року|года)|(?P<ssm>{_MONTH_ALT})(?:\s+(?P<ssmy>(?:19|20)\d\d))?)(?![\w']))"
    rf"|(?P<sinceday>(?<![\w'])(?:з|із|від|с|со)\s+(?P<sd>\d{{1,2}})\s+(?P<sdm>{_MONTH_ALT})"
    rf"(?:\s+(?P<sdy>(?:19|20)\d\d))?(?:\s+(?:року|года|р\.|г\.))?(?![\w'])"
    rf"(?!\s*[-–—]|\s+(?:по|до)\s))"
    rf"|(?P<range>(?<!\d)(?P<d1>\d{{1,2}})\s*[-–—]\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_ALT})"
    rf"(?:\s+(?P<y2>(?:19|20)\d\d))?)"
    # a year named for what happened in it: "у 2019 році", "в 2015 году"; and the year of a
    # past event told after "since": "з 2019 року, коли ... загинули п'ятеро" (the span
    # starts at the year: not a running count since it)
    rf"|(?P<inyear>(?<![\w'])(?:у|в|во)\s+(?P<iy>(?:19|20)\d\d)\s+(?:році|году)(?![\w']))"
    rf"|(?P<whenyear>(?:(?<=(?<![\w'])з\s)|(?<=(?<![\w'])с\s))(?P<wy>(?:19|20)\d\d)\s+"
    rf"(?:року|года),\s+(?:коли|когда)(?![\w']))"
    # a month of a past year, or of last year: "у березні 2017 року", "в июле 1949 года",
    # "торік у листопаді" (the month of one past event, or a period counted over)
    rf"|(?P<monthyear>(?<![\w'])(?:у|в|во)\s+(?P<mm>{_MONTH_ALT})\s+(?P<my>(?:19|20)\d\d)(?!\d))"
    # ... and a past event's month told after "since": "с октября 2025 года, когда ..."
    rf"|(?P<whenmonth>(?:(?<=(?<![\w'])з\s)|(?<=(?<![\w'])с\s))(?P<wm>{_MONTH_ALT})\s+"
    rf"(?P<wmy>(?:19|20)\d\d)\s+(?:року|года),\s+(?:коли|когда)(?![\w']))"
    rf"|(?P<lastyear>(?<![\w'])(?:торік|минулого\s+року|в\s+прошлом\s+году|у\s+минулому\s+році)"
    rf"\s+(?:у|в|во)\s+(?P<lm>{_MONTH_ALT})(?![\w']))"
    rf"|(?P<day>(?<!\d)(?P<d>\d{{1,2}})(?:-?(?:го|е|я))?\s+(?P<m>{_MONTH_ALT})(?![\w'])"
    rf"(?:\s+(?P<y>(?:19|20)\d\d))?)"
    rf"|(?P<rel>позавчора|позавчера|учора|вчора|вчера|сьогодні|сегодня|"
    rf"минулого\s+тижня|на\s+минулому\s+тижні|минулий\s+тиждень|на\s+прошлой\s+неделе|"
    rf"прошлой\s+неделе|за\s+(?:минулий\s+|останній\s+)?тиждень|за\s+(?:прошлую\s+|последнюю\s+|"
    rf"прошедшую\s+)?неделю|"
    rf"за\s+(?:минулу\s+|останню\s+)?добу|за\s+(?:прошедшие\s+|последние\s+|минувшие\s+)?сутки|"
    rf"минулої\s+ночі|цієї\s+ночі|вночі|уночі|прошлой\s+ночью|этой\s+ночью|ночью)(?![\w'])"
    rf"|(?:(?<![\w'])(?:у|в|во)\s+)(?P<weekday>{WEEKDAY_ALT})(?![\w'])"
)
_CUMULATIVE_RELS = ("за", "з ", "с ")
INVASION = date(2022, 2, 24)


# one of these (or a digit) is in every date DATE_RE reads: tested first, as substrings
_HINTS = (
    "торік",
    "прошлом",
    "минулому",
    "вчор",
    "вчер",
    "учор",
    "сьогодн",
    "сегодн",
    "тиж",
    "недел",
    "добу",
    "сутки",
    "ноч",
    "початку",
    "начала",
    "понеділ",
    "понедел",
    "вівтор",
    "вторник",
    "середу",
    "среду",
    "четвер",
    "п'ятниц",
    "пятниц",
    "субот",
    "неділ",
    "воскрес",
)
_DIGIT_RE = re.compile(r"\d")


def find_dates_uk_ru(lower: str, published: date | None) -> list[DateMention]:
    """The dates of a sentence (``plain_lower`` text) with their spans."""
    if _DIGIT_RE.search(lower) is None and not any(h in lower for h in _HINTS):
        return []
    out: list[DateMention] = []
    for m in DATE_RE.finditer(lower):
        if m.group("weekday") and _SAID_BEFORE_RE.search(lower, max(0, m.start() - 30), m.start()):
            continue  # "сообщило в понедельник": the day it was said, as "said on Monday"
        if m.group("monthyear") and _SAID_AFTER_RE.match(lower, m.end()):
            continue  # "еще в апреле 2022-го называли цифру": the month it was said
        value, period = _value(m, published)
        # (a past event told after "since" is that event's time, not the news's)
        past = bool(m.group("whenyear") or m.group("whenmonth"))
        out.append(DateMention(m.start(), m.end(), value, period, of_event=past))
    return out


#: a verb of saying right after a month: "в апреле 2022-го называли цифру"
_SAID_AFTER_RE = re.compile(
    r"(?:-\w+)?\s+(?:\w+\s+)?(?:назива\w*|называ\w*|говори\w*|заявля\w*|сообща\w*|"
    r"повідомля\w*|казал\w*)"
)
#: a verb of saying right before a weekday: the day of the statement, not of the deaths
_SAID_BEFORE_RE = re.compile(
    r"(?:повідоми\w*|сообщи\w*|заяви\w*|сказа\w*|підтверди\w*|подтверди\w*|"
    r"розповіл\w*|рассказа\w*|оголоси\w*|объяви\w*)\s+$"
)


def is_cumulative_date(lower: str, mention: DateMention) -> bool:
    """ "за добу", "за минулий тиждень", "з початку вторгнення": a period's running count."""
    text = lower[mention.start : mention.end]
    return text.startswith(_CUMULATIVE_RELS) or text.startswith(("із ", "від ", "от ", "со "))


def _since(m: re.Match[str], published: date | None) -> str | None:
    """The period from the start of a year, a month or a day to the day of publication."""
    if published is None:
        return None
    if m.group("sinceday"):
        month, day = _MONTHS[m.group("sdm")], int(m.group("sd"))
        year = _year(month, day, m.group("sdy"), published)
    elif m.group("ssm"):
        month, day = _MONTHS[m.group("ssm")], 1
        year = _year(month, day, m.group("ssmy"), published)
    else:
        month, day, year = 1, 1, int(m.group("ssy") or published.year)
    try:
        start = date(year, month, day) if year is not None else None
    except ValueError:
        return None
    if start is None or start > published:
        return None
    return f"{start.isoformat()}/{published.isoformat()}"


def _value(m: re.Match[str], published: date | None) -> tuple[str | None, bool]:
    if m.group("since"):
        if published is None:
            return None, True
        return f"{INVASION.isoformat()}/{published.isoformat()}", True
    if m.group("span"):  # "з 1 по 15 березня", "с 24 февраля по 30 апреля": a period
        return _span(m, published), True
    if m.group("sincestart") or m.group("sinceday"):
        return _since(m, published), True
    if m.group("range"):
        year = _year(_MONTHS[m.group("m2")], int(m.group("d2")), m.group("y2"), published)
        if year is None:
            return None, True
        try:
            a = date(year, _MONTHS[m.group("m2")], int(m.group("d1")))
            b = date(year, _MONTHS[m.group("m2")], int(m.group("d2")))
        except ValueError:
            return None, True
        return f"{a.isoformat()}/{b.isoformat()}", True
    if m.group("inyear") or m.group("whenyear"):
        year = int(m.group("iy") or m.group("wy"))
        return f"{year}-01-01/{year}-12-31", True
    if m.group("monthyear") or m.group("lastyear") or m.group("whenmonth"):
        if m.group("monthyear"):
            month, year = _MONTHS[m.group("mm")], int(m.group("my"))
        elif m.group("whenmonth"):
            month, year = _MONTHS[m.group("wm")], int(m.group("wmy"))
        elif published is not None:
            month, year = _MONTHS[m.group("lm")], published.year - 1
        else:
            return None, True
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return f"{first.isoformat()}/{last.isoformat()}", True
    if m.group("day"):
        month, day = _MONTHS[m.group("m")], int(m.group("d"))
        year = _year(month, day, m.group("y"), published)
        if year is None:
            return None, False
        try:
            return date(year, month, day).isoformat(), False
        except ValueError:
            return None, False
    if published is None:
        return None, bool(m.group("rel") and m.group("rel").startswith(("за", "мин", "на", "про")))
    if m.group("weekday"):
        # the latest such day on or before publication, as in English: "в понедельник" in
        # a report of a Monday is that Monday
        back = (published.weekday() - _WEEKDAY[m.group("weekday")]) % 7
        return (published - timedelta(days=back)).isoformat(), False
    rel = m.group("rel")
    if rel in ("учора", "вчора", "вчера"):
        return (published - timedelta(days=1)).isoformat(), False
    if rel in ("позавчора", "позавчера"):
        return (published - timedelta(days=2)).isoformat(), False
    if rel in ("сьогодні", "сегодня"):
        return published.isoformat(), False
    if rel.startswith("за") and ("тиж" in rel or "недел" in rel):  # the past seven days
        return f"{(published - timedelta(days=7)).isoformat()}/{published.isoformat()}", True
    if "тиж" in rel or "недел" in rel:  # the previous Monday to Sunday
        monday = published - timedelta(days=published.weekday() + 7)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", True
    # за добу, за сутки, вночі, ночью: the day before through publication
    return f"{(published - timedelta(days=1)).isoformat()}/{published.isoformat()}", True


def _span(m: re.Match[str], published: date | None) -> str | None:
    end_month = _MONTHS[m.group("sm2")]
    start_month = _MONTHS[m.group("sm1")] if m.group("sm1") else end_month
    end_year = _year(end_month, int(m.group("s2")), m.group("sy2"), published)
    if end_year is None:
        return None
    start_year = int(m.group("sy1")) if m.group("sy1") else end_year
    if not m.group("sy1") and start_month > end_month:
        start_year -= 1
    try:
        a = date(start_year, start_month, int(m.group("s1")))
        b = date(end_year, end_month, int(m.group("s2")))
    except ValueError:
        return None
    return f"{a.isoformat()}/{b.isoformat()}" if a <= b else None


def _year(month: int, day: int, year: str | None, published: date | None) -> int | None:
    """The year of a day named without one: the latest such day not after publication."""
    if year:
        return int(year)
    if published is None:
        return None
    return (
        published.year if (month, day) <= (published.month, published.day) else published.year - 1
    )
