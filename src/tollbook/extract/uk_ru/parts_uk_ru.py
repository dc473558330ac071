"""The parts of a report's toll by place.

A list by community or district under a total ("Загинули троє людей ..." then
"- Нікопольська громада: 1 загиблий, 5 поранених", one line per community): each line's
figure is a part of the total above it, not an event to add to it.

A list line is a sentence that begins with a dash or a bullet. Its figures of one outcome
are linked to the nearest figure of that outcome stated before the list (and not in a
list) when the list's figures of that outcome add up to no more than it and it is one
incident's (a day's) toll; the parts take its date when they have none. Under a running
total ("В результате обстрелов погибли четыре человека" of a day's summary, read as a
period's count) the lines stay what they are: the day's events, counted.

And figures of later sentences, each placed in its own sentence, that add up exactly to the
toll of the headline or the lead ("число погибших выросло до 19", then "в кишлаке
Калаи-Сурх ... погибли 11 человек" and "Еще пятеро погибли в кишлаке Ширинобод, трое — в
райцентре Гарм") are its shares by place, not events to add to it; so is one such figure
smaller than a headline's toll, of the same days, when nothing says it is another event
("Найбільших руйнувань зазнало місто Доганшехір ...; там загинули 22 людини" under 38), as
long as the shares so read add up to no more than the toll; so are the later figures of the
villages and towns of a lead's toll placed at an oblast, a district or a hromada (a round-up's
total for the day), but no village outside a town's toll.

And a later toll of the report's event that names no place of its own ("тож кількість
загиблих зросла до восьми") is that event's: it takes the toll's place and day
(``follow_the_event``).
"""

from __future__ import annotations

import re

from tollbook.domain.incident import when_bounds
from tollbook.extract.drafts import Draft, kept_of, value_of

_BULLETS = ("-", "–", "—", "•", "*")


def is_list_line(evidence: str) -> bool:
    return evidence.lstrip().startswith(_BULLETS)


def link_list_parts(kept: list[Draft], read: list[Draft]) -> None:
    """``read``: every draft of the report, repeats too (``kept`` after ``merge_repeats``)."""
    for block in _blocks(kept):
        first = kept.index(block[0])
        _bodies_by_day(block, kept[:first])
        # the block's lines, and a few before it whose figures were all repeats
        lines = range(block[0].sentence_index - 3, block[-1].sentence_index + 1)
        for outcome in {d.outcome for d in block}:
            items = [d for d in block if d.outcome == outcome and d.parent is None]
            total = sum(d.low or 0 for d in items)
            parent = next(
                (
                    d
                    for d in reversed(kept[:first])
                    if d.outcome == outcome
                    and not is_list_line(d.evidence)
                    and d.parent is None
                    and d.scope == "incident"
                    and d.low is not None
                    and d.low >= total
                ),
                None,
            )
            if parent is None or not items:
                continue
            if any(
                kept_of(d) is parent
                and d is not parent
                and d.sentence_index in lines
                and is_list_line(d.evidence)
                for d in read
            ):
                continue  # a list of key points that repeats the total: its lines are news
            for d in items:
                d.subgroup, d.parent = "including", parent
                if d.when is None:
                    d.when = parent.when


_BODY_WORD_RE = re.compile(r"(?<![\w'])(?:тіл[аоі]?|тел[ао]?|трупів|трупов)(?![\w'])")
_DIED_RE = re.compile(r"(?<![\w'])(?:загин|загибл|погиб|вбит|убит|помер|умер|скончал)")


def _bodies_by_day(block: list[Draft], before: list[Draft]) -> None:
    """ "- 3 липня: 5 тіл" under "дістали тіла 11 загиблих": bodies found, by day."""
    if not any(d.outcome == "bodies_found" for d in before):
        return
    for d in block:
        low = d.evidence.lower()
        if d.outcome == "killed" and _BODY_WORD_RE.search(low) and not _DIED_RE.search(low):
            d.outcome = "bodies_found"


def _blocks(kept: list[Draft]) -> list[list[Draft]]:
    """Runs of drafts from list lines of consecutive sentences."""
    blocks: list[list[Draft]] = []
    last_index = -2
    for d in kept:
        if not is_list_line(d.evidence):
            last_index = -2
            continue
        if blocks and d.sentence_index - last_index <= 2:
            blocks[-1].append(d)
        else:
            blocks.append([d])
        last_index = d.sentence_index
    return blocks


def link_place_shares(kept: list[Draft]) -> None:
    body = [d.sentence_index for d in kept if not d.in_headline]
    if not body:
        return
    lead = min(body)
    for outcome in {d.outcome for d in kept}:
        tolls = [
            d
            for d in kept
            if d.outcome == outcome
            and (d.in_headline or d.sentence_index == lead)
            and d.parent is None
            and d.scope == "incident"
            and d.qualifier in ("exact", "at_least", "more_than")
            and d.kind != "estimate"
        ]
        toll = max(tolls, key=value_of, default=None)
        if toll is None:
            continue
        shares = [
            d
            for d in kept
            if d.outcome == outcome
            and d.sentence_index > toll.sentence_index
            and d.parent is None
            and d.subgroup is None
            and (d.place_here or _item_place(d, toll))
            and d.scope == "incident"
            and d.qualifier == "exact"
            and 0 < value_of(d) < value_of(toll)
            and not is_list_line(d.evidence)  # (a list's lines are read as a list)
            and not _OTHER_EVENT_RE.search(d.evidence.lower())
        ]
        if len(shares) >= 2 and sum(value_of(d) for d in shares) == value_of(toll):
            for d in shares:
                d.subgroup, d.parent = "including", toll
            continue
        if not toll.in_headline and (
            toll.place is None or _AREA_NAME_RE.search(toll.place.name) is None
        ):
            continue  # the lead's first figure may be one of several events, not their total
            # (placed at an oblast or a district, it is the day's total of the area's events)
        taken = 0
        for d in shares:
            if (
                d.kind != "estimate"
                and _same_days(d.when, toll.when)
                and not _one_more(d)
                and taken + value_of(d) <= value_of(toll)
                and _inside(d, toll)
            ):
                d.subgroup, d.parent = "including", toll
                taken += value_of(d)


def _inside(d: Draft, toll: Draft) -> bool:
    """Whether ``d`` is placed inside the toll's place: any place of an area's toll, else
    the toll's town (a village elsewhere is another event: "Удар по вокзалу в Павлограді",
    then two dead in Андріївка)."""
    if toll.place is None or _AREA_NAME_RE.search(toll.place.name) is not None:
        return True
    if d.place is None or d.place.is_country or _AREA_NAME_RE.search(d.place.name):
        return True  # (placed no nearer than the toll: nothing says it is elsewhere)
    return d.place.name.rsplit(", ", 1)[-1] == toll.place.name.rsplit(", ", 1)[-1]


def _item_place(d: Draft, toll: Draft) -> bool:
    """Whether ``d`` keeps the town or village of the item it belongs to, told in the
    sentence before it ("Харків. ... удару по Слобідському району міста. Загинули двоє"),
    under an area's toll."""
    return (
        d.place is not None
        and toll.place is not None
        and d.place.name != toll.place.name
        and _AREA_NAME_RE.search(toll.place.name) is not None
        and _AREA_NAME_RE.search(d.place.name) is None
    )


#: words that make a figure another event than the toll's
_OTHER_EVENT_RE = re.compile(
    r"(?<![\w'])(?:окремо|отдельно|інш\w+|друг(?:ий|ой|ого|ом|ому)|раніше|ранее|минулого|прошл\w+|"
    r"попередн\w+|предыдущ\w+|контекст|нагадаємо|напомним|крім|кроме|окрім|"
    r"напередодні|накануне|також|также)(?![\w'])"
)


#: one more dead than the toll told: "повідомила про ще одну загиблу" adds to it
_ONE_MORE_RE = re.compile(r"(?<![\w'])(?:ще|еще|ещё)\s+(?:одн\w+|один|двоє|двое|троє|трое)")
_DEATH_WORD_RE = re.compile(r"загин|загибл|погиб|помер|умер|смерт|тіл|тел")
_DIED_BEFORE_RE = re.compile(r"(?:загин|погиб|помер|умер|скончал)\w*\s+$")


def _one_more(d: Draft) -> bool:
    """Whether the sentence tells one more of the figure's dead ("ще одну загиблу"), not one
    more injured beside them ("загинули троє людей, ще одного чоловіка поранено")."""
    lower = d.evidence.lower()
    m = _ONE_MORE_RE.search(lower)
    if m is None:
        return False
    near = lower[m.end() : m.end() + 40]
    if _DIED_BEFORE_RE.search(lower, max(0, m.start() - 20), m.start()):
        return True  # "загинула ще одна людина"
    return d.outcome != "killed" or _DEATH_WORD_RE.search(near) is not None


def _days_after(when: str | None, toll_when: str | None) -> int | None:
    """How many days the first day of ``when`` falls after that of ``toll_when`` (None
    when either is undated)."""
    a, b = when_bounds(when)[0], when_bounds(toll_when)[0]
    return None if a is None or b is None else (a - b).days


def _within_a_day(when: str | None, toll_when: str | None) -> bool:
    """Dated the toll's day or the next ("У п'ятницю вранці ... зросла до восьми" of
    Thursday's strike), or undated; not an earlier strike's toll, of its own day."""
    days = _days_after(when, toll_when)
    return days is None or 0 <= days <= 1


def _told_before(when: str | None, toll_when: str | None) -> bool:
    """An earlier toll's day: at most a week before the toll's, or undated."""
    days = _days_after(when, toll_when)
    return days is None or -7 <= days <= 0


def _same_days(when: str | None, toll_when: str | None) -> bool:
    """Both dated within two days of each other, or either undated."""
    days = _days_after(when, toll_when)
    return days is None or abs(days) <= 2


#: the toll of the report's event, risen: "тож кількість загиблих зросла до восьми", "число
#: погибших возросло до 12"
_ROSE_TO_RE = re.compile(
    r"(?:кількість|количество|число)\s+(?:загиблих|жертв|погибших)\s+(?:\S+\s+){0,6}?"
    r"(?:зросл\w*|збільшил\w*|возросл\w*|выросл\w*|увеличил\w*|досягл\w*|достигл\w*)\s+до\b"
)


#: an earlier toll told as such ("Вечером в воскресенье МЧС сообщало о семи погибших",
#: "Напередодні в ОВА повідомляли про трьох загиблих"): past, imperfective saying
_EARLIER_TOLL_RE = re.compile(
    r"(?<!\w)(?:сообща(?:л|ла|ло|ли|лось)|повідомля(?:в|ла|ло|ли|лося)|называ(?:л|ла|ло|ли)|"
    r"назива(?:в|ла|ло|ли)|говори(?:л|в|ла|ло|ли))\s+(?:\S+\s+){0,3}?"
    r"(?:о|об|про)\s+(?:\S+\s+){0,2}?(?:погибш\w*|загибл\w*|жертв\w*|погибел\w*)"
)


#: a strike on a town the sentence names: an event of its own
_OWN_TARGET_RE = re.compile(r"(?i:удар\w*|атак\w*|обстріл\w*|обстрел\w*)\s+(?:по|на)\s+[А-ЯІЇЄҐЁ]")


def follow_the_event(kept: list[Draft]) -> None:
    """A later toll of the report's event ("тож кількість загиблих зросла до восьми") that
    names no place of its own is that event's: it takes the place and day of the headline's
    or the lead's toll of the same outcome, not those of the sentences between."""
    body = [d.sentence_index for d in kept if not d.in_headline]
    if not body:
        return
    lead = min(body)
    for d in kept:
        low = d.evidence.lower()
        risen = _ROSE_TO_RE.search(low) is not None
        # an earlier toll, or a hospital's own count of the event's dead, told without a
        # place ("«За ночь к нам привезли ... тела шести погибших»")
        earlier = not risen and (_EARLIER_TOLL_RE.search(low) is not None or d.kind == "observed")
        if d.place_here or d.scope != "incident" or not (earlier or risen):
            continue
        if _OWN_TARGET_RE.search(d.evidence):
            continue  # "унаслідок удару по Балаклії 30 жовтня зросла до п'яти": its own event
        toll = next(
            (
                t
                for t in kept
                if t is not d
                and t.outcome == d.outcome
                and (t.in_headline or t.sentence_index == lead)
                and t.parent is None
                and t.scope == "incident"
                and t.sentence_index < d.sentence_index
            ),
            None,
        )
        if toll is not None and (
            _told_before(d.when, toll.when) if earlier else _within_a_day(d.when, toll.when)
        ):
            d.place, d.when = toll.place, toll.when


#: a place wider than a town: a land ("Турійщина"), a hromada, a district, a region
_AREA_NAME_RE = re.compile(r"(?:щина|ччина|\sгромада|\sобласть|\sрайон|\sобласти|\sкрай)$")


#: a round-up's headline: the area's day, night or weekend ("Харківщина за добу: ...",
#: "Вихідні на Львівщині: ...", "Ночная атака на Одесщину: ...")
_ROUNDUP_RE = re.compile(
    r"(?<![\w'])(?:за\s+(?:добу|сутки|день|ніч|ночь|тиждень|неделю|вихідні|выходные)|"
    r"вихідні|выходные|ніч\s+на|ночь\s+на|нічн\w+\s+атак\w*|ночн\w+\s+атак\w*|підсумки|"
    r"итоги|обстановка)(?![\w'])"
)


def headline_at_the_event(kept: list[Draft]) -> None:
    """A headline's toll of one event placed at a land, a hromada, a district or nowhere
    ("На Турійщині в ДТП загинули троє людей") is the toll of the event the body places
    in a village or a town ("на околиці села Озеряни ... Двоє людей ... загинули на місці"):
    it takes the place of the body's first figure of that outcome, of the same days and no
    larger; unless it is a round-up's ("Харківщина за добу: ...") or the body's figures lie
    in several places. A headline with shares takes their village only when they all lie
    there and add up to it."""
    for d in kept:
        if not (
            d.in_headline
            and d.scope == "incident"
            and d.low is not None
            and (d.place is None or _AREA_NAME_RE.search(d.place.name) is not None)
        ):
            continue
        shares = [b for b in kept if b.parent is d and b.place is not None]
        if shares:
            # its shares all told in one village, adding up to it: that village's event
            if len({b.place.name for b in shares if b.place}) == 1 and sum(
                value_of(b) for b in shares
            ) == value_of(d):
                d.place = shares[0].place
            continue
        events = [
            b
            for b in kept
            if not b.in_headline
            and b.outcome == d.outcome
            and b.scope == "incident"
            and b.parent is None
            and b.place is not None
            and not b.place.is_country
            and _AREA_NAME_RE.search(b.place.name) is None
            and 0 < value_of(b) <= value_of(d)
            and _same_days(b.when, d.when)
        ]
        # (a round-up's headline sums the events of several places: "Харківщина за добу:
        # шестеро загиблих", then two killed in one village and four in a town)
        if (
            events
            and len({b.place.name for b in events if b.place is not None}) == 1
            and not _ROUNDUP_RE.search(d.evidence.lower())
        ):
            d.place = events[0].place
