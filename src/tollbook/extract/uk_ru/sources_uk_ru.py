"""Who gave a Ukrainian or Russian figure: "повідомив начальник ОВА Олександр Прокудін",
"за словами голови ОВА Олега Синєгубова", "за даними міської ради", "як зазначили в поліції",
"сообщил заместитель мэра Сергей Орлов", "по данным ООН", "по словам ...", "заявил ...",
"Маріупольська міська рада: ...". A person with a role is written "Name, role" as in
English; a source named in the genitive or the locative is put in the nominative
("за даними міської ради": "міська рада"; :mod:`.nominative`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tollbook.extract.uk_ru.dates_uk_ru import WEEKDAY_ALT as _WEEKDAY_ALT
from tollbook.extract.uk_ru.language import language_of
from tollbook.extract.uk_ru.nominative import in_nominative

_VERB = (
    r"повідоми\w*|повідомля\w*|сказа\w*|заяви\w*|зазначи\w*|розповіл\w*|розповів|"
    r"поінформува\w*|уточни\w*|написа\w*|додав|додала|інформує|наголоси\w*|підтверди\w*|"
    r"сообщи\w*|сообща\w*|отмети\w*|рассказа\w*|добави\w*|информирует|подтверди\w*|"
    r"пише|пишет|зафіксува\w*|задокументува\w*|верифікува\w*|зафиксирова\w*|"
    r"задокументирова\w*|подтверди\w*|говори\w*|каже|кажуть|розповіда\w*|рассказыва\w*|"
    r"згаду\w*|вспомина\w*"
)
# when it was said, between the verb and the speaker or after the speaker: "сообщило в
# понедельник агентство AFAD", "повідомила Запорізька ОВА в четвер"
_WHEN_SAID = (
    rf"(?:(?:у|в|во)\s+(?:{_WEEKDAY_ALT})|вчора|учора|вчера|сьогодні|сегодня|раніше|ранее|"
    r"пізніше|позже|ввечері|увечері|вечером|вранці|уранці|утром|днем|вдень)"
)
# whom it was told, between the verb and the speaker: "сообщили журналистам в ГУ МЧС"
_TOLD_TO = (
    r"(?:журналистам|журналістам|репортерам|агентству\s+\S+|изданию|виданню|Суспільному|"
    r"Укрінформу|Интерфаксу|ТАСС|РИА\s+Новости)"
)
_AFTER_RE = re.compile(
    rf"(?:,\s*|\s[-—–]\s*)(?:як\s+|как\s+)?(?:{_VERB})\s+(?:{_WHEN_SAID}\s+)?"
    rf"(?:{_TOLD_TO}\s+)?(?P<who>[^,.;:!?]+?)(?:\s+{_WHEN_SAID})?\s*(?:[.!;]\s*$|$|,)"
)
_ACCORDING_RE = re.compile(
    r"(?<![\w'])(?:за\s+(?:попередніми\s+|офіційними\s+|оновленими\s+|уточненими\s+)?(?:даними|"
    r"словами|інформацією|оцінками|оцінкою|підрахунками)|по\s+(?:предварительным\s+|"
    r"официальным\s+|уточненным\s+|последним\s+)?(?:данным|словам|информации|оценкам|оценке|"
    r"подсчетам)|"
    rf"(?:як|как)\s+(?:{_VERB})(?:\s+(?:в|у|во))?)\s+(?P<who>[^,.;:!?]+)"
)
# an adverb is no speaker: "Раніше повідомлялося про ...", "Ранее сообщалось о ..."; the
# body after it is: "Ранее в МЧС сообщали о 115 погибших"
_ADVERB = (
    r"(?:Раніше|Ранее|Пізніше|Позже|Згодом|Також|Также|Тепер|Теперь|Вчора|Вчера|Сьогодні|"
    r"Сегодня|Нині|Ныне|Зараз|Сейчас|Зокрема|В\s+частности|Спершу|Спочатку|Сначала|Потім|"
    r"Затем|Накануне|Напередодні)"
)
_SUBJECT_RE = re.compile(
    rf"^(?!{_ADVERB}\s)"
    rf"(?P<who>[А-ЯІЇЄҐЁA-Z][^,.;:!?]{{2,70}}?)\s+(?:{_VERB})"
    # (not an infinitive: "просят жителей ... сообщать о них")
    r"(?<!ать)(?<!ить)(?<!ити)(?<!ати)(?<!яти)(?:,|\s+(?:що|что|про|о|об)\b|"
    # "Жителька Херсона Валентина розповіла Суспільному: «...»": a quote follows
    r"[^.!?«\"]{0,40}:\s*[«\"])"
)
_AFTER_ADVERB_RE = re.compile(
    rf"^{_ADVERB},?\s+(?:(?:в|у|во)\s+(?P<who>[^,.;:!?]{{2,70}}?)|"
    rf"(?P<who2>[А-ЯІЇЄҐЁA-Z][^,.;:!?]{{2,70}}?))\s+(?:{_VERB})(?:,|\s+(?:що|что|про|о|об)\b)"
)
# "Про це повідомив X." / "Об этом сообщил X.": a sentence that only says who said it
_ABOUT_THIS_RE = re.compile(
    rf"^(?:про\s+це|об\s+этом)\s+(?:{_VERB})\s+(?:в\s+|у\s+|во\s+)?(?P<who>[^,.;:!?]+)"
)
# "..., — Олег Синєгубов.": a Telegram post's signature
_SIGNED_RE = re.compile(r",?\s+[—–-]\s+(?P<who>[А-ЯІЇЄҐЁ][^,.;:!?«»]{2,60}?)\.?\s*$")
# "Моніторингова місія ООН зафіксувала загибель ...": a body that recorded the figure
_RECORDED_RE = re.compile(
    r"^(?P<who>[А-ЯІЇЄҐЁ][^,.;:!?]{2,70}?)\s+(?:зафіксува\w*|задокументува\w*|верифікува\w*|"
    r"підтверди\w*|зафиксирова\w*|задокументирова\w*|подтверди\w*|встанови\w*|установи\w*)"
    r"(?![\w'])"
)
_COLON_RE = re.compile(r"^(?P<who>[А-ЯІЇЄҐЁ][^,.;:!?\d]{2,60}):\s")
# ("Вдень ми повідомляли про трьох загиблих": the post's author, named before)
_PRONOUN_RE = re.compile(
    r"^(?:його|її|їх|его|ее|её|их|він|вона|вони|он|она|они|ми|мы|я)$", re.IGNORECASE
)
#: a signature is a name, not a clause of the event: "на трассе Кишинёв — Унгены в
#: столкновении ... погибли девять человек"
_CLAUSE_WORDS_RE = re.compile(
    r"(?<![\w'])(?:погиб\w*|загин\w*|помер\w*|умер\w*|поранен\w*|ранен\w*|в\s+результате|"
    r"унаслідок|внаслідок)(?![\w'])"
)
#: a headline that names the event before its colon: "Удар по вокзалу в Павлограді: ..."
_EVENT_FIRST_RE = re.compile(
    r"^(?:Удар|Атака|Обстріл|Обстрел|Вибух|Взрыв|Трагеді|Трагеди|ДТП|Пожеж|Пожар|Аварі|"
    r"Напад|Теракт|Катастроф|Повін|Паводок|Наводнени|Землетрус|Землетрясени|Зсув|Оползень)"
)
_NAME_RE = re.compile(r"[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ-]+")
_LEADING_PREP_RE = re.compile(r"^(?:в|у|во|із|з|от|від)\s+")

#: words of a source that speaks for an authority (kind ``official``)
OFFICIAL_RE = re.compile(
    r"(?:рад[аиіу]|раді|радою|горсовет|совет|адміністрац|администрац|прокур|"
    r"поліц|полиц|дснс|мнс|мчс|моз\b|минздрав|міністр|министр|мвс|мвд|оон|обсє|обсе|"
    r"мер\b|мера|мэр|голов[аиі]\b|глав[аые]\b|губернатор|начальник|заступник|заместител|офіс|"
    r"омбудсмен|уповноважен|уполномочен|генштаб|зсу|всу|президент|уряд|правительств|сбу|"
    r"служб|департамент|управлін|управлени|штаб|командуван|командован|міськвиконком|"
    r"military|посадов|чиновник|речник|пресс-служб|пресслужб|прес-служб|сил\b|війсь|войск|"
    # ministries and committees ("Министерство внутренних дел", "Міністерство охорони
    # здоров'я"), the akim and akimat of Kazakhstan
    r"министерств|міністерств|комитет|комітет|акимат|аким\b|мэри[яи])",
    re.IGNORECASE,
)


#: the military administrations' acronyms, in capitals only: "ова" ends "Харкова" and "ода"
#: ends "года" and "города", which name no authority
_OFFICIAL_ACRONYM_RE = re.compile(
    r"(?<![А-ЯІЇЄҐЁа-яіїєґё])(?:ОВА|ОДА|МВА|ВЦА|ММПЛУ|ММПЧУ|УВКПЛ|УВКПЧ)(?![А-ЯІЇЄҐЁа-яіїєґё])"
)


_THEIR_WORDS_RE = re.compile(
    r"(?<![\w'])(?:за\s+(?:його|її|їхніми|їх)\s+словами|по\s+(?:его|ее|их)\s+словам)"
)


# a period or a total before the subject: "Всего с 24 февраля 2022 года ММПЧУ подтвердила",
# "Загалом від 24 лютого 2022 року до 30 вересня 2026 року ММПЛУ підтвердила"
_LEADING_PERIOD_RE = re.compile(
    r"^(?:(?:\S+\s+){0,12}?(?:року|роки|році|года|году|годы)|"
    # "В течение месяца ММПЧУ также зафиксировала", "Упродовж місяця місія"
    r"(?:[Вв]\s+течение|[Пп]ротягом|[Уу]продовж|[Зз]а)\s+(?:\w+\s+)?(?:месяца|місяця|недели|"
    r"тижня|суток|доби|дня|года|року))\s+(?=[А-ЯІЇЄҐЁA-Z])"
)
_TRAILING_ALSO_RE = re.compile(
    r"\s+(?:(?:в|у)\s+(?:своём|своем|своєму|своему)\s.*|"
    r"также|також|тоже|теж|еще|ещё|ще|раніше|ранее|спершу|сначала|"
    r"(?:станом|по\s+состоянию)\s+на\s+.*)$"
)


#: time words before a subject ("Ещё в понедельник вечером департамент сообщал", "Вечером
#: в воскресенье МЧС Армении сообщало"): not part of who spoke
_TIME_WORDS = frozenset(
    """ещё еще ще также також вечером утром днём днем ночью накануне напередодні увечері
    ввечері вранці вдень вночі вчера вчора сегодня сьогодні понедельник вторник среду
    четверг пятницу субботу воскресенье понеділок вівторок середу четвер п'ятницю суботу
    неділю""".split()
)
#: what stands where a subject would and is none: "Первоначально сообщалось", "Наибольшее
#: число погибших зафиксировано"
_NOT_WHO_RE = re.compile(
    r"^(?:первоначально|изначально|ранее|раніше|спочатку|сначала|спершу|наибольш\w*|"
    r"найбільш\w*|больше\s+всего|більше\s+всього|всего|итого|загалом|усього|всього)(?:\s|$)",
    re.IGNORECASE,
)


def _signs(who: str) -> bool:
    """Whether the words after a closing dash may sign a post: a name ending in two
    capitalised words, an acronym, or an authority ("Сочи частично ограничено" does not)."""
    words = who.split()
    return (
        all(w[:1].isupper() for w in words[-2:])
        or is_official(who)
        or bool(_OFFICIAL_ACRONYM_RE.search(who))
    )


def _without_time(who: str) -> str:
    words = who.split()
    cut = 0
    while cut < len(words) - 1:
        if words[cut].lower() in _TIME_WORDS:
            cut += 1
        elif words[cut].lower() in ("в", "у", "во") and words[cut + 1].lower() in _TIME_WORDS:
            cut += 2  # "в понедельник"; "в ДСНС" stays for the locative
        else:
            break
    return " ".join(words[cut:]) if cut else who


def source_of(text: str, lower: str) -> tuple[str | None, bool]:
    """The source a sentence names, and whether it is a pronoun ("за його словами"): then
    the caller takes the last source named. ``lower`` is ``plain_lower(text)`` (the same
    length), searched for the cue words; the source is cut from ``text``."""
    found = _source_of(text, lower)
    period = _LEADING_PERIOD_RE.match(text) or _LEADING_SINCE_RE.match(text)
    if period is not None and (
        found[0] is None or any(c.isdigit() for c in found[0]) or period.end() > text.find(found[0])
    ):
        rest = text[period.end() :]
        # "Від початку вторгнення поліція Сумщини задокументувала": the subject after it
        after = _source_of(rest[:1].upper() + rest[1:], lower[period.end() :])
        if after[0] is not None or after[1]:
            return after
    return found


_LEADING_SINCE_RE = re.compile(
    r"^(?:Від|З|Із|С|Со)\s+(?:початку|начала)\s+(?:повномасштабного\s+|полномасштабного\s+)?"
    r"(?:вторгнення|вторжения|війни|войны|року|года|місяця|месяца|агресії|агрессии)\s+"
)


def _source_of(text: str, lower: str) -> tuple[str | None, bool]:
    if _THEIR_WORDS_RE.search(lower):
        return None, True
    for regex, where in (
        (_ABOUT_THIS_RE, lower),
        (_ACCORDING_RE, lower),
        (_AFTER_RE, lower),
        (_SUBJECT_RE, text),
        (_AFTER_ADVERB_RE, text),
        (_RECORDED_RE, text),
        (_SIGNED_RE, text),
    ):
        m = regex.search(where)
        if m is not None:
            # the speaker after an adverb with no preposition is ``who2``
            group = "who2" if m.groupdict().get("who2") is not None else "who"
            who = _without_time(text[m.start(group) : m.end(group)].strip())
            if _NOT_WHO_RE.match(who) or (
                regex is _SIGNED_RE and (_CLAUSE_WORDS_RE.search(who) or not _signs(who))
            ):
                return None, False
            first = who.split()[0] if who.split() else ""
            if _PRONOUN_RE.match(first):
                return None, True
            before = lower[m.start() : m.start(group)]
            prep = _LEADING_PREP_RE.match(who)
            if prep is not None:  # ", повідомили в Херсонській ОВА": the locative
                before, who = f"{before} {prep.group(0).strip()} ", who[prep.end() :]
            who = _TRAILING_ALSO_RE.sub("", who)
            if who and not who.lower().startswith(("що", "что", "це", "это")):
                who = name_and_role(who)
                case = _case_after(before)
                if case is not None:  # "за даними міської ради": "міська рада"
                    who = in_nominative(who, case, language_of(text))
                return who, False
    body = _colon_body(text)
    if (
        body is not None
        and not _EVENT_FIRST_RE.match(text)
        and not _NOT_A_BODY_RE.search(body)
        and not _ADVICE_RE.search(body)
        and not _NOT_WHO_RE.match(body)
    ):
        return body.strip(), False
    return None, False


def authority_speaks(sentences: Iterable[tuple[str | None, str]]) -> bool:
    """Whether an authority speaks anywhere in a report, given each sentence's source and
    text (asked lazily: the first authority ends the search): as the source of a sentence,
    or in advice of its own ("ДСНС нагадує: ...")."""
    return any(is_official(named) or _advises(text) for named, text in sentences)


def _colon_body(text: str) -> str | None:
    """The authority a sentence names before its colon ("Маріупольська міська рада: ...")."""
    m = _COLON_RE.match(text)
    return m.group("who") if m is not None and is_official(m.group("who")) else None


def _advises(text: str) -> bool:
    """Whether the sentence is an authority's advice to readers ("ДСНС нагадує: ..."): no
    source of a figure, but the authority's own post."""
    body = _colon_body(text)
    return body is not None and _ADVICE_RE.search(body) is not None


#: advice before a colon ("Поліція нагадує:", "ДСНС закликає:"): no body speaking a figure
_ADVICE_RE = re.compile(
    r"(?<![\w'])(?:нагаду\w*|напомина\w*|закликає|закликають|призыва\w*|проси\w*|прося\w*|"
    r"рекоменду\w*|попереджа\w*|предупрежда\w*)(?![\w'])"
)
#: a place the sentence opens on before its colon, no body: "У Бериславі FPV-дрон атакував ...:"
_NOT_A_BODY_RE = re.compile(r"^(?:У|В|Во|На|Під|Под|Біля|Возле|Поблизу)\s")


#: the words before a source that put it in the genitive ("за даними", "по словам") or the
#: locative ("як повідомили в", "как сообщили в")
_GENITIVE_BEFORE_RE = re.compile(r"^(?:за|по)\s")
_LOCATIVE_BEFORE_RE = re.compile(r"\s(?:в|у|во)\s+$")


def _case_after(before: str) -> str | None:
    if _LOCATIVE_BEFORE_RE.search(before):
        return "loct"
    if _GENITIVE_BEFORE_RE.match(before):
        return "gent"
    return None


def name_and_role(who: str) -> str:
    """ "начальник Херсонської ОВА Олександр Прокудін" -> "Олександр Прокудін, начальник
    Херсонської ОВА"; a body or a name alone as written."""
    words = who.split()
    if (
        len(words) >= 3
        and all(_NAME_RE.fullmatch(w) for w in words[-2:])
        and any(w[:1].islower() for w in words[:-2])
        # "управлении МЧС по Республике Коми": a body's area, not a person's name
        and words[-3] not in _PREPOSITIONS
    ):
        return f"{' '.join(words[-2:])}, {' '.join(words[:-2])}"
    return who


_PREPOSITIONS = frozenset("по в у во на з із с от від для при".split())


def is_official(source: str | None) -> bool:
    return (
        source is not None
        and (
            OFFICIAL_RE.search(source) is not None
            or _OFFICIAL_ACRONYM_RE.search(source) is not None
        )
        and _NOT_STATE_RE.search(source) is None
    )


#: civil society and the press, whatever their heads and services are called ("глава
#: общественной организации", "Русская служба Би-би-си")
_NOT_STATE_RE = re.compile(
    r"общественн\w*\s+организац|громадськ\w*\s+організац|правозахисн|правозащитн|"
    r"издани[ея]|видання|би-би-си|бі-бі-сі|медиазон|волонтер",
    re.IGNORECASE,
)


def span_of(named: str, text: str) -> tuple[int, int]:
    """Where a source the text names lies in it, though put in the nominative ("Національна
    поліція Донеччини" of "уточнили в Національній поліції Донеччини"): as written, else by
    its last word, which a name in the genitive keeps."""
    at = text.find(named)
    if at >= 0:
        return at, at + len(named)
    words = named.split()
    last = words[-1] if words else ""
    end = text.find(last) if len(last) > 3 else -1
    if end < 0:
        return -1, -1
    # (the occurrence that its first word's stem comes before: "в селе Небуг Туапсинского
    # района ..., сообщили в администрации Туапсинского района" is the second)
    stem = words[0][:5].lower()
    at = end
    while at >= 0:
        if stem in text[max(0, at - len(named) - 4) : at].lower():
            end = at
            break
        at = text.find(last, at + 1)
    return max(0, end - len(named) - 4), end + len(last)
