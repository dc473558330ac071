"""Kind and scope of a Ukrainian or Russian figure (as ``kind.py`` and ``scope.py`` do for
English): an estimate when possibility or prediction is read around the figure ("може",
"могли", "ймовірно", "вероятно", "за оцінками"), first-hand when the speaker counted or
saw ("ми поховали", "я бачив", "наш кореспондент нарахував"), official when an authority
gave it, else reported; a running total for "з початку вторгнення", "загалом", "всего",
"станом на", "за добу" and the like."""

from __future__ import annotations

import re
from dataclasses import replace

from tollbook.extract.dates import DateMention
from tollbook.extract.uk_ru.dates_uk_ru import is_cumulative_date
from tollbook.extract.uk_ru.sources_uk_ru import is_official

_ESTIMATE_RE = re.compile(
    r"(?<![\w'])(?:може|можуть|могли|могло|могла|міг|может|могут|мог|ймовірно|імовірно|"
    r"вірогідно|можливо|вероятно|возможно|предположительно|за\s+(?:нашими\s+|їхніми\s+|його\s+)?оцінками|за\s+оцінкою|"
    r"по\s+(?:нашим\s+|их\s+|его\s+)?оценкам|по\s+оценке|оцінюють|оценивают|оцінює|оценивает|орієнтовно|"
    r"не\s+виключ\w*|не\s+исключ\w*|очікується|ожидается|прогноз\w*)(?![\w'])"
)
_OBSERVED_RE = re.compile(
    r"(?<![\w'])(?:ми\s+(?:поховали|нарахували|бачили|знайшли|привезли)|я\s+(?:бачив|бачила|"
    r"нарахував|нарахувала|поховав)|мы\s+(?:похоронили|насчитали|видели|нашли)|я\s+(?:видел|"
    r"видела|насчитал|насчитала)|наш(?:ий|і|а)?\s+кореспондент\w*|наш\s+корреспондент\w*|"
    r"на\s+відео\s+видно|на\s+видео\s+видно|"
    # a hospital's or morgue's own count: "к нам привезли ... тела шести погибших"
    r"(?:к\s+нам|до\s+нас)\s+(?:\S+\s+){0,2}?(?:привезли|доставили|доправили|поступил[иао]|"
    r"надійшл[иао]))"
)
# "загалом", "всего": a total, which is a running total unless it adds up one event's bodies
_TOTAL_RE = re.compile(
    # (not "больше всего жертв в кишлаке": where most died)
    r"(?<![\w'])(?:загалом|усього|всього|(?<!больше\s)(?<!меньше\s)всего|в\s+общей\s+сложности|"
    r"у\s+цілому|в\s+цілому)"
    r"(?![\w'])"
)
# the rubble of one strike ("з-під завалів", "под обломками", "на місці руйнувань"): a total
# in or after such a sentence adds up that event's dead ("Загалом загинули семеро")
_RUBBLE_RE = re.compile(r"(?<![\w'])(?:завал\w*|уламк\w*|обломк\w*|руйнуван\w*|разрушен\w*)")
_CUMULATIVE_RE = re.compile(
    r"(?<![\w'])(?:на\s+сьогодні|на\s+цей\s+час|на\s+данный\s+момент|на\s+сегодня|станом\s+на|по\s+состоянию"
    r"\s+на|за\s+весь\s+час|за\s+все\s+время|за\s+час\s+(?:війни|вторгнення|облоги)|"
    r"за\s+время\s+(?:войны|вторжения|осады|боев|оккупации)|за\s+час\s+(?:боїв|окупації)|з\s+початку\s+(?:року|місяця|облоги|блокади)|"
    r"с\s+начала\s+(?:года|месяца|осады|блокады)|(?:з|із|с)\s+\d{1,2}\s+\w+\s+по\s+\d|"
    r"від\s+початку|загальна\s+кількість|общее\s+число|общее\s+количество|зафіксува\w*|"
    r"задокументува\w*|верифікува\w*|зафиксирова\w*|задокументирова\w*)(?![\w'])"
)
_GOES_ON_RE = re.compile(
    r"^\W*(?:ще|ещё|еще|серед\s+(?:них|загиблих|поранених|похованих)|среди\s+(?:них|погибших|"
    r"раненых)|з\s+них|из\s+них|у\s+тому\s+числі|в\s+том\s+числе|серед\s+тих,?\s+хто|"
    r"среди\s+тех,?\s+кто)(?![\w'])"
)
# Periods and running counts the list above lacks: "з початку ...", "від 24 лютого", "с 6
# августа", "минулого місяця", "за три тижні", "у липні", "досі вважаються зниклими", "після
# деокупації" ("last week" alone is seven days: one event's count, as in English).
_MORE_CUMULATIVE_RE = re.compile(
    r"(?<![\w'])(?:з\s+початку|с\s+начала|від\s+початку|"
    r"(?:з|із|с|со|від)\s+\d{1,2}\s+[а-яіїє]+|"
    r"минулого\s+місяця|в\s+прошлом\s+месяце|"
    r"за\s+(?:\w+\s+)?(?:тиждень|тижні|тижнів|неделю|недели|недель|місяць|місяці|місяців|месяц|"
    r"месяца|месяцев)|(?:досі|до\s+сих\s+пор)\s+(?:вважаю\w*|считаю\w*|числя\w*|лежать|лежат|"
    r"залишаю\w*|остаю\w*)|"
    r"після\s+(?:деокупації|звільнення)|"
    # a total that holds one strike's dead: "Загинули п'ятеро людей, включно з жертвами удару
    # по маршрутці", "включая погибших при ударе по рынку"
    r"включно\s+з\s+(?:\w+\s+){0,2}?(?:жертвами|загиблими)|"
    r"включая\s+(?:\w+\s+){0,2}?(?:жертв|погибших)|"
    # round 27: the same period a year before, and where most of a period's dead died
    r"за\s+(?:той\s+самий|той\s+же|аналогічний|тот\s+же|аналогичный)\s+період|"
    r"за\s+(?:тот\s+же|аналогичный)\s+период|"
    # the period the sentence before named: "В Витебской области за это время утонули девять"
    r"за\s+(?:это|этот|цей|той)\s+(?:время|период|час|період)|"
    # a weekend's count: "Всего за выходные на водоёмах области утонули пять человек"
    r"за\s+(?:выходные|вихідні)|"
    # a whole month or year: "торік за весь січень вогонь забрав життя 16 мешканців"
    r"за\s+(?:весь|увесь|весь|цілий|целый)\s+[а-яіїєё]+|"
    r"(?:найбільше|больше\s+всего)\s+(?:[а-яіїєё'-]+\s+){0,2}(?:загин|погиб)\w*|"
    # a whole year ("у 2024 році", "за 2025 год"), and many attacks or "aggression" as the cause
    # of the deaths ("внаслідок обстрілів області", "в результате атак ВСУ"): a period's count
    r"(?:у|в|за)\s+(?:19|20)\d\d\s+(?:році|рік|роки|году|год)|"
    r"повномасштабн\w*|полномасштабн\w*|"
    # years and whole months: "за десять лет войны", "за июль 2026 года"
    r"за\s+(?:[а-яіїєё'-]+\s+)?(?:рік|роки|років|лет|год|года|годы)(?![\w'])|"
    r"за\s+(?:січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|"
    r"листопад|грудень|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|"
    r"ноябрь|декабрь)(?![\w'])|"
    r"(?:внаслідок|унаслідок|через|в\s+результате|из-за)\s+(?:[а-яіїєё'-]+\s+){0,2}(?:обстрілів|"
    r"обстрелов|атак|ударів|ударов|агресії|агрессии)|"
    r"после\s+(?:деоккупации|освобождения)|"
    # round 21: a war's dead ("погибших на войне в Украине с февраля 2022 года"), a city's
    # dead as a whole ("кількість загиблих мирних жителів міста"), the real number
    r"(?:на|у|в)\s+(?:війні|войне)|(?:з|с|від|со)\s+(?:лютого|февраля)\s+20\d\d|"
    r"(?:кількість|число)\s+(?:загиблих|погибших)\s+(?:мирних\s+)?(?:жителів|жителей)\s+"
    r"(?:міста|города)|реальн\w+\s+(?:число|кількість))(?![\w'])"
)
_MONTH_RE = re.compile(
    r"(?<![\w'])(?:у|в)\s+(?:січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|"
    r"жовтні|листопаді|грудні|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|"
    r"октябре|ноябре|декабре)(?![\w'])"
)
# "в марте говорил о 280 погибших", "заявляв у березні": the month it was said in
_SAID = (
    r"(?:говори\w*|сообщ\w*|заяв\w*|повідом\w*|казав|казала|казали|сказа\w*|"
    r"оцінюва\w*|оценива\w*)"
)
_SAID_BEFORE_RE = re.compile(rf"{_SAID}\s+$")
_SAID_AFTER_RE = re.compile(rf"\s+{_SAID}")


def _said_in(lower: str, month: re.Match[str]) -> bool:
    """Whether the month is that of a statement: a verb of saying right before or after it."""
    return bool(
        _SAID_BEFORE_RE.search(lower, 0, month.start()) or _SAID_AFTER_RE.match(lower, month.end())
    )


# one strike or blast: a month named with it is when it happened, not a period's count
_ONE_EVENT_RE = re.compile(
    r"(?<![\w'])(?:удар|ударом|удару|влучи\w*|вибух\w*|взрыв\w*|"
    # one disaster, in the singular: "в липні 2008 року під час паводку", "пожар в марте 2018"
    r"землетрус|землетрусу|землетрусі|землетрясение|землетрясения|землетрясении|"
    r"пожежа|пожежі|пожежу|пожар|пожара|пожаре|паводок|паводку|паводка|обвал|обвалу|обвала|"
    r"аварія|аварії|авария|аварии|катастрофа|катастрофи|катастрофы|крушение|крушения|"
    r"оползень|оползня|зсув|зсуву|теракт|теракту|теракта)(?![\w'])"
)
# "станом на 13:00": the toll of one event as of an hour, not a running total
_AS_OF_HOUR_RE = re.compile(r"(?:станом|по\s+состоянию)\s+на\s+\d{1,2}[:.]\d{2}")
_AS_OF_TIME_OF_DAY_RE = re.compile(
    r"(?:станом|по\s+состоянию)\s+на\s+(?:ранок|ранку|вечір|вечора|полудень|утро|вечер|"
    r"полдень|обед)(?![\w'])"
)
# "станом на ранок п'ятниці", "по состоянию на утро 5 мая": as of when, of one strike's toll
_AS_OF_RE = re.compile(r"(?:станом|по\s+состоянию)\s+на")
# "на цей час відомо про шістьох загиблих": the report's event's toll so far
_AS_OF_NOW_RE = re.compile(
    r"(?<![\w'])(?:на\s+цей\s+час|на\s+даний\s+час|на\s+данный\s+момент|на\s+этот\s+час)(?![\w'])"
)
# one attack's toll, risen or in all: "Загальна кількість загиблих зросла до восьми",
# "загалом на Київщині внаслідок нічної атаки загинули 9 людей" (one attack, in the singular)
_RISEN_RE = re.compile(r"(?:зросл\w*|збільшил\w*|возросл\w*|выросл\w*|увеличил\w*)\s+до(?![\w'])")
_ONE_ATTACK_RE = re.compile(
    r"(?<![\w'])(?:внаслідок|унаслідок|в\s+результаті|в\s+результате|під\s+час|во\s+время)\s+"
    r"(?:\S+\s+){0,2}?(?:атаки|удару|удара|обстрілу|обстрела|вибуху|взрыва|пожежі|пожара|"
    r"аварії|аварии|теракту|теракта)(?![\w'])"
)
_IN_ALL_RE = re.compile(
    r"(?<![\w'])(?:загальна\s+кількість|загалом|общее\s+число|общее\s+количество|"
    r"в\s+общей\s+сложности)(?![\w'])"
)


# Authorities the source list does not name: a mayor in the genitive ("городского головы"),
# the UN mission ("Місія", "миссия"), the defence ministry ("міноборони", "Минобороны"),
# investigators ("следствия", "СК", "слідчі", "за даними слідства").
_MORE_OFFICIAL_RE = re.compile(
    r"(?:голов[иы]\b|головою|місі[яїюі]|мисси[яиюе]|міноборон|минобороны|следств|слідч|слідств|"
    r"следовател|(?<![\w])СК\b|Следственн|"
    # round 50 (the kind only: as the words of a source they would take a sentence's
    # subject, "Власти продолжают вывозить жителей", for its speaker): the authorities, an
    # agency, a consulate or embassy, an inspectorate, the state labour service, the foreign
    # ministry, the emergency services and the Kyiv city administrations by their acronyms
    r"\bвлад[аиуі]\b|\bвладою\b|\bвласт(?:и|ей|ям|ями|ях|ь)\b|відомств|ведомств|"
    r"консульств|посольств|інспекторат|инспекторат|держпрац|\bмзс\b|\bмид\b|гсчс|гичс|"
    r"(?<![\w])(?:КМВА|КМДА)(?![\w]))",
    re.IGNORECASE,
)


def kind_of(
    around: str,
    source: str | None,
    qualifier_from_may: bool,
    official_voice: bool = False,
    sentence: str = "",
) -> str:
    """``around``: the clause of the figure (plain lower-cased). A figure with no source of
    its own in a report an authority speaks in (``official_voice``: a release, or a regional
    site's story told on its word) is official, unless its ``sentence`` is a quotation (a
    witness's words)."""
    if qualifier_from_may or _ESTIMATE_RE.search(around):
        return "estimate"
    if _OBSERVED_RE.search(around):
        return "observed"
    if is_official(source) or (source is not None and _MORE_OFFICIAL_RE.search(source)):
        return "official"
    if source is None and official_voice and not sentence.lstrip().startswith(_QUOTE_OPENERS):
        return "official"
    return "reported"


_QUOTE_OPENERS = ("«", '"', "“", "—", "–")


def is_cumulative(
    lower: str,
    dates: list[DateMention],
    previous_cumulative: bool,
    before: str = "",
    names_town: bool = True,
) -> bool:
    """A running total: a period's count, a total, or "ще ..." after a running total.

    ``before``: the sentence before (plain lower-cased); a total that follows the rubble of
    one strike there or in its own sentence is that strike's toll, not a running total.
    ``names_town``: the sentence names a town ("станом на ранок четверга в Маріуполі
    загинули": a city's toll); with none, "станом на ранок п'ятниці загинули 38 людей" is
    the report's event's toll as of a morning."""
    if any(is_cumulative_date(lower, d) for d in dates):
        return True
    if "станом" in lower or "состоянию" in lower:
        lower = _AS_OF_HOUR_RE.sub("", lower)
        if not names_town:
            lower = _AS_OF_TIME_OF_DAY_RE.sub("", lower)
        if _ONE_EVENT_RE.search(lower):  # "станом на ранок п'ятниці ... унаслідок удару"
            lower = _AS_OF_RE.sub("", lower)
    if not names_town and ("на " in lower):
        lower = _AS_OF_NOW_RE.sub("", lower)
    if _RISEN_RE.search(lower) or _ONE_ATTACK_RE.search(lower):
        lower = _IN_ALL_RE.sub("", lower)
    if _CUMULATIVE_RE.search(lower) or _MORE_CUMULATIVE_RE.search(lower):
        return True
    if _TOTAL_RE.search(lower) and not (_RUBBLE_RE.search(lower) or _RUBBLE_RE.search(before)):
        return True
    month = _MONTH_RE.search(lower)
    if month and not _ONE_EVENT_RE.search(lower) and not _said_in(lower, month):
        return True
    return previous_cumulative and bool(_GOES_ON_RE.match(lower))


_AS_OF_BEFORE_RE = re.compile(r"(?:станом|по\s+состоянию)\s+на\s+(?:\S+\s+){0,3}$")


def without_as_of(lower: str, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence less the day one strike's toll is given as of ("Станом на
    ранок п'ятниці, 22 травня, кількість загиблих унаслідок удару зросла до 11"): that is
    when it was counted, not when the strike was."""
    if (
        not dates
        or not ("станом" in lower or "состоянию" in lower)
        or not _ONE_EVENT_RE.search(lower)
    ):
        return dates
    return [d for d in dates if not _AS_OF_BEFORE_RE.search(lower, max(0, d.start - 40), d.start)]


#: a day of mourning declared ("28 мая в городе объявлен днём траура", "оголошено днем
#: жалоби"): a day to come, not the event's
_MOURNING_RE = re.compile(r"траур|жалоб[иау](?![\w'])")


def without_mourning(lower: str, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence, the day of mourning it declares left undated (still a date,
    so its day is read as no count: "23 лютого в Одесі оголошено днем жалоби")."""
    if not dates or not _MOURNING_RE.search(lower):
        return dates
    return [
        replace(d, value=None)
        if _MOURNING_RE.search(lower, max(0, d.start - 40), d.end + 40)
        else d
        for d in dates
    ]
