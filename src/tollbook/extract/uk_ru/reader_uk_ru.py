"""The pass over the Ukrainian and Russian sentences of a report: each figure read for its
outcome, hedge, victims, place, date, source, kind and scope, with what the report said
before it carried on (the town and district being talked about, the last date, the last
source), into the drafts the English pass makes (``tollbook.extract.drafts``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.domain.incident import days_before
from tollbook.domain.report import Report
from tollbook.extract.dates import DateMention
from tollbook.extract.drafts import Draft
from tollbook.extract.places import Place, PlaceMention
from tollbook.extract.sentences import Sentence
from tollbook.extract.uk_ru.dates_uk_ru import find_dates_uk_ru, is_cumulative_date
from tollbook.extract.uk_ru.hedges_uk_ru import may_rise_to, qualify
from tollbook.extract.uk_ru.kind_scope_uk_ru import (
    is_cumulative,
    kind_of,
    without_as_of,
    without_mourning,
)
from tollbook.extract.uk_ru.language import language_of
from tollbook.extract.uk_ru.numbers_uk_ru import CyrNumber, find_numbers, plain_lower
from tollbook.extract.uk_ru.outcomes_uk_ru import (
    OUTCOME_RE,
    SUBGROUP_RE,
    counts_things,
    outcome_after_parts,
    outcome_of,
    victims_of,
)
from tollbook.extract.uk_ru.places_uk_ru import (
    STREET_RE,
    find_districts,
    find_places_uk_ru,
    find_sites_uk_ru,
    is_area_mention,
    names_a_village,
    one_site_places,
    site_in_district,
    site_in_its_town,
    sites_here,
)
from tollbook.extract.uk_ru.sources_uk_ru import authority_speaks, is_official, span_of
from tollbook.extract.uk_ru.speakers_uk_ru import Sources, lead_speaker, speaker_of
from tollbook.extract.where import site_for_its_town

# a figure in a list that leaves its verb out: ", в Ірпені — троє", "; ще 2 — у Харкові"
_ELLIPSIS_BEFORE_RE = re.compile(
    r"[,;]\s*(?:(?:у|в|на|під|под|біля|возле)\s+\S+(?:\s+\S+)?\s*)?(?:[—–-]\s*)?"
    r"(?:ще|еще)?\s*$"
)
_ELLIPSIS_AFTER_RE = re.compile(r"\s*(?:[,.;]|$|(?:людей|людини|осіб|человек|[—–-]\s+(?:у|в)\s))")


_OF_THEM_RE = re.compile(
    r"\W*(?:серед\s+них|з\s+них|у\s+тому\s+числі|зокрема|среди\s+них|из\s+них|"
    r"в\s+том\s+числе)\b"
)


@dataclass
class _Carried:
    city: Place | None = None
    country: Place | None = None
    site: Place | None = None
    when: str | None = None
    filed: str | None = None  # the day of a dateline ("Ош, 3 июня 2026 года")
    #: the town the headline names: whose districts the report's districts are, unless
    #: the text names another town with them
    headline_town: Place | None = None
    #: an authority is a source somewhere in the report (``kind_of``); None until asked
    official_voice: bool | None = None


def cyrillic_drafts(report: Report, sentences: list[Sentence], cyrillic: list[bool]) -> list[Draft]:
    """Drafts of the figures of the Cyrillic sentences of ``report`` (``cyrillic[i]`` says
    whether ``sentences[i]`` is one), in the order they are stated."""
    texts = [s.text.replace("’", "'").replace("ʼ", "'") for s in sentences]
    lowers = [plain_lower(t) for t in texts]
    report_language = language_of(" ".join(t for t, c in zip(texts, cyrillic, strict=True) if c))
    sources = Sources(texts, lowers, cyrillic)
    carried = _Carried()
    drafts: list[Draft] = []
    sites: list[Place] = []
    title = (report.title or "").strip()
    day_of_attacks: str | None = None  # the period the sentence before counted attacks over
    for index, sentence in enumerate(sentences):
        if not cyrillic[index]:
            continue
        text, lower = texts[index], lowers[index]
        language = language_of(text, report_language)
        places = find_places_uk_ru(text, language)
        if _ENTRY_TIME_RE.match(text):
            # a live blog's next entry ("13:05 | ..."): not the last one's site; its town is
            # the headline's until it names another
            carried.site = None
            carried.city = carried.headline_town or carried.city
        if any(not p.place.is_country and not is_area_mention(text, p) for p in places):
            # "у поселка Бозкыр в провинции Конья": the village, not the province
            places = [p for p in places if p.place.is_country or not is_area_mention(text, p)]
        has_outcome = OUTCOME_RE.search(lower) is not None or (
            bool(drafts) and _OF_THEM_RE.match(lower) is not None  # "Серед них — 6 дітей."
        )
        own = sources.at(index).named if has_outcome else None
        # "мэр Мариуполя", "голова Харківської ОВА": an official's words, not the place; a
        # resident of a town ("Жителька Херсона Валентина розповіла") speaks of that town
        if own and is_official(own):
            spans = [span_of(part, text) for part in own.split(", ")]
            found = [x for x in spans if x[0] >= 0]
            at, span = (min(a for a, _ in found), max(b for _, b in found)) if found else (-1, -1)
            # (a country stays: "Моніторингова місія ООН в Україні" counts in Ukraine)
            places = [
                p for p in places if p.place.is_country or not (at >= 0 and at <= p.start < span)
            ]
        if index == 0 and _is_headline(sentence, report.text, title):
            towns = [
                p.place for p in places if not p.place.is_country and not is_area_mention(text, p)
            ]
            carried.headline_town = towns[0] if towns else None
        districts = find_districts(text, language, places, carried.headline_town or carried.city)
        if districts and names_a_village(text, places):
            districts = []  # "в селе Кызыл-Булак Кадамжайского района": the village
        if not districts and has_outcome:  # "поховали 47 людей ... на міському кладовищі"
            districts = sites_here(text, places, carried.city)
            site = carried.site
            if districts and site is not None and _named_before(districts[0].place, site):
                # "удару по лікарні", after "по території міської клінічної лікарні № 4"
                districts = [PlaceMention(0, 0, site)]
        elif districts:  # "по супермаркету «Колос» у Київському районі
            districts = site_in_district(text, districts)  # Харкова": the supermarket
        dates = without_mourning(
            lower, without_as_of(lower, find_dates_uk_ru(lower, report.published))
        )
        if has_outcome:
            headline = index == 0 and _is_headline(sentence, report.text, title)
            speaker = lead_speaker(sources) if headline else None
            speaker = speaker or speaker_of(index, sources, cyrillic)
            if speaker is None and carried.official_voice is None:  # only a figure with no
                carried.official_voice = authority_speaks(  # source of its own asks, once
                    (sources.at(i).named, s.text) for i, s in enumerate(sentences) if cyrillic[i]
                )
            previous_cumulative = bool(drafts) and drafts[-1].scope == "cumulative"
            told = len(drafts)
            drafts.extend(
                _figures(
                    lower,
                    sentence,
                    index,
                    _Context(
                        places,
                        districts,
                        dates,
                        speaker,
                        carried,
                        drafts,
                        lowers[index - 1] if index else "",
                    ),
                    previous_cumulative,
                    in_headline=headline,
                )
            )
            if day_of_attacks and not dates:
                # "за минувшие сутки 42 раза обстреляли громады области. Погибли четверо":
                # the day's count over those attacks
                for d in drafts[told:]:
                    d.scope, d.when = "cumulative", day_of_attacks
        day_of_attacks = None
        if not has_outcome and _TIMES_STRUCK_RE.search(lower):
            counted = [d for d in dates if d.value and is_cumulative_date(lower, d)]
            day_of_attacks = counted[-1].value if counted else None
        # "Ош, 3 июня 2026 года": where and when the report was filed, not the event's (not
        # a round-up's day heading, "Вівторок, 7 липня.")
        dateline = _is_dateline(text)
        filed_from = dateline and not _WEEKDAY_RE.match(text)
        if dateline:
            places = []  # "Душанбе, 7 октября.": where the report was filed, not the event
        local = [p for p in places if not p.place.is_country]
        if districts:
            carried.site = districts[0].place
        elif local and carried.site is not None and local[-1].place.name not in carried.site.name:
            carried.site = None
        for p in places:
            if p.place.is_country:
                carried.country = p.place
            else:
                carried.city = p.place
        streets = []
        if carried.city is not None and ("вул" in lower or "площ" in lower or "улиц" in lower):
            streets = [
                Place(f"{m.group(0)}, {carried.city.name}", carried.city.geo)
                for m in STREET_RE.finditer(text)
            ]
            sites.extend(streets)
        if carried.city is not None:
            sites.extend(
                site_in_its_town(name, text, places, carried.city)
                for name in find_sites_uk_ru(text)
                # a building told by what it is on a street the sentence names is the
                # street's ("общежитие на улице Шахтёров"); a named one is its own
                if not streets or "«" in name or "№" in name
            )
        events = [
            d for d in dates if d.value and not d.of_event and not is_cumulative_date(lower, d)
        ]
        if events and filed_from:
            carried.filed = events[-1].value  # the day it was filed, not the event's
        elif events:
            carried.when = events[-1].value
    # (a dateline's day is the event's only when no figure of the event has a day of its own)
    _backfill_when(drafts, carried.filed)
    site_for_its_town(drafts, one_site_places(sites))
    return drafts


def _named_before(site: Place, carried: Place) -> bool:
    """A site told by its one word ("лікарні") that the site carried names in full."""
    word = site.name.split(", ", 1)[0]
    return " " not in word and f" {word} " in f" {carried.name} "


#: attacks counted: "42 раза обстреляли", "понад 100 разів атакували"
_TIMES_STRUCK_RE = re.compile(
    r"\d+\s+раз(?:а|и|ів)?\s+(?:\w+\s+)?(?:обстріл|обстрел|атакува|атакова|удари|ударил)"
)


#: a live blog's time before an entry: "13:05 | ", "09.40 — "
_ENTRY_TIME_RE = re.compile(r"\W*\d{1,2}[:.]\d{2}\s*[-–—:|]\s+")


#: a dateline of its own ("Душанбе, 7 октября.", "Женева, Киев, 10 ноября."), or a release's
#: header that ends in one ("Моніторингова місія ООН ... | Київ, 10 жовтня 2026 року")
_DATELINE_RE = re.compile(
    r"(?:^|\|\s*)[А-ЯІЇЄҐЁ][\w'-]+(?:,\s*[А-ЯІЇЄҐЁ][\w'-]+)*,\s*\d{1,2}\s+[а-яіїєё]+"
    r"(?:\s+\d{4}(?:\s+(?:року|года|г))?)?\.?\s*$"
)


def _in_the_week_before(day: str, filed: str) -> bool:
    return 0 <= (days_before(day, filed) or 0) <= 7


_WEEKDAY_RE = re.compile(
    r"\W*(?i:понеділ|вівтор|серед|четвер|п'ятниц|субот|неділ|понедельн|вторн|сред|пятниц|"
    r"воскресен)"
)


def _is_dateline(text: str) -> bool:
    return len(text) < 120 and _DATELINE_RE.search(text.strip()) is not None


# a sentence that opens by saying its figures are estimates
_OPENS_ESTIMATE_RE = re.compile(r"\W*(?:за\s+(?:\w+\s+)?оцінк|по\s+(?:\w+\s+)?оценк)")


@dataclass(frozen=True)
class _Context:
    places: list[PlaceMention]
    districts: list[PlaceMention]
    dates: list[DateMention]
    speaker: str | None
    carried: _Carried
    earlier: list[Draft]
    #: the sentence before, plain lower-cased
    before: str


def _figures(
    lower: str,
    sentence: Sentence,
    index: int,
    ctx: _Context,
    previous_cumulative: bool,
    in_headline: bool,
) -> list[Draft]:
    numbers = [
        n for n in find_numbers(lower) if not any(d.start <= n.start < d.end for d in ctx.dates)
    ]
    towns = any(not p.place.is_country for p in ctx.places)
    cumulative = is_cumulative(lower, ctx.dates, previous_cumulative, ctx.before, towns)
    # "За нашими оцінками, ... загинули близько 1500": every figure of it is an estimate
    opens_estimate = _OPENS_ESTIMATE_RE.match(lower) is not None
    out: list[Draft] = []
    previous_end = 0
    for n in numbers:
        before_start = previous_end
        previous_end = n.end
        if counts_things(lower, n.end, n.start) or (_is_year(n) and not n.is_range):
            continue
        parent = out[-1] if out else (ctx.earlier[-1] if ctx.earlier else None)
        outcome = outcome_of(lower, n.start, n.end, before_start)
        subgroup = SUBGROUP_RE.search(lower, before_start, n.start) is not None
        if subgroup and parent is not None and parent.parent is not None:
            # "ранения получили 31 человек, в том числе пятеро детей. Из них 18
            # госпитализированы": of the 31, not of the five
            parent = next(
                (
                    d
                    for d in reversed(ctx.earlier + out)
                    if d.parent is None and d.outcome == parent.outcome
                ),
                parent,
            )
        if outcome is None and not subgroup:
            outcome = outcome_after_parts(lower, n.end)  # "17 людей, зокрема ..., поранені"
        if subgroup and parent is not None and outcome and parent.outcome != outcome:
            # "Погибли семь человек, 31 получил ранения. ... среди погибших — пятеро"
            parent = next((d for d in reversed(ctx.earlier + out) if d.outcome == outcome), parent)
        explained = _explained_by(out, outcome, lower, n)
        if not subgroup and explained is not None:
            subgroup, parent = True, explained
        if (
            subgroup
            and parent is not None
            and (
                outcome is None
                # "знайшли тіла 438 людей ... серед загиблих є 19 військовослужбовців": the bodies'
                or (outcome == "killed" and parent.outcome in ("bodies_found", "buried"))
            )
        ):
            outcome = parent.outcome
        if (
            outcome is None
            and out
            and _ELLIPSIS_BEFORE_RE.search(lower, before_start, n.start)
            and _ELLIPSIS_AFTER_RE.match(lower, n.end)
        ):
            later = OUTCOME_RE.search(lower, n.end)
            # "в Авдіївці загинули двоє, в Ірпені — троє"; not "погибли 9 пациентов, еще 14
            # человек, в том числе 2 медика, получили отравление"
            outcome = later.lastgroup if later else out[-1].outcome
        if outcome is None and out and _AND_ANOTHER_RE.fullmatch(lower, before_start, n.start):
            outcome = out[-1].outcome  # "вбили двох людей у Дружківці та одного чоловіка"
        if outcome is None:
            continue
        qualifier, low, high = qualify(lower, n)
        victims = victims_of(lower, n.start, n.end)
        if victims is None:
            victims = parent.victims if subgroup and parent is not None else "people"
        around = lower[max(before_start, n.start - 50) : n.end + 50]
        if opens_estimate:
            around = lower[: n.end + 50]
        may = qualifier == "up_to" and may_rise_to(lower, n)
        kind = kind_of(around, ctx.speaker, may, bool(ctx.carried.official_voice), lower)
        if kind == "reported" and out and out[-1].kind == "observed":
            # "к нам привезли 58 раненых и тела шести погибших": one count, one kind
            kind = "observed" if n.start - before_start < 40 else kind
        place = _place(n, ctx, cumulative, lower, before_start)
        draft = Draft(
            outcome=outcome,
            low=low,
            high=high,
            qualifier=qualifier,
            victims=victims,
            place=place,
            when=_when(n, ctx, cumulative),
            scope="cumulative" if cumulative else "incident",
            kind=kind,
            attributed_to=ctx.speaker,
            evidence=sentence.text,
            evidence_start=sentence.start,
            sentence_index=index,
            position=n.start,
            official_mention=is_official(ctx.speaker),
            victims_from_noun=victims != "people",
            figure_text=n.text,
            place_here=bool(ctx.places or ctx.districts),
            in_headline=in_headline,
        )
        if subgroup and parent is not None:
            draft.subgroup, draft.parent = "including", parent
        if not ctx.dates and _EARLIER_TOLL_RE.match(lower) and not cumulative:
            # "Ранее в МЧС сообщали об 11 погибших": the same event's earlier toll, of its day
            same = [
                d.when
                for d in ctx.earlier
                if d.outcome == outcome and d.scope == "incident" and d.when is not None
            ]
            draft.when = same[-1] if same else draft.when
        out.append(draft)
    return out


#: between two figures of one verb: "вбили двох [людей у Дружківці та] одного чоловіка"
_AND_ANOTHER_RE = re.compile(
    r"\s+(?:[а-яіїєґё'-]+\s+){0,4}?(?:(?:у|в|на|під|под)\s+[а-яіїєґё'-]+\s+)?(?:та|і|й|и)\s+"
)


#: a sentence that gives an earlier toll: "Раніше повідомлялося про вісьмох загиблих",
#: "Накануне ведомство сообщало о 16 погибших"
_EARLIER_TOLL_RE = re.compile(
    r"\W*(?:раніше|ранее|напередодні|накануне|до\s+цього|до\s+этого|утром|вранці|уранці|"
    r"спочатку|сначала|первоначально|изначально)\b[^.]{0,60}?"
    r"(?:повідом|сообщ|говори|заявля|называ|назива)"
)


def _explained_by(out: list[Draft], outcome: str | None, lower: str, n: CyrNumber) -> Draft | None:
    """A figure of the sentence before a colon that this smaller one of the same outcome,
    after the colon, explains ("сообщило о восьми погибших: по его словам, один из
    пострадавших скончался по дороге в больницу")."""
    for d in reversed(out):
        if d.outcome == outcome and d.low is not None and n.low is not None and n.low < d.low:
            between = lower[d.position : n.start]
            return d if ":" in between else None
    return None


def _is_headline(sentence: Sentence, text: str, title: str) -> bool:
    """The report's title, or, with none given, a first line that is a sentence of its own
    ("Обстрел Белгорода: погибли пять человек" above the body)."""
    if title:
        return sentence.text.strip() == title
    return sentence.start == len(text) - len(text.lstrip()) and text[sentence.end :].startswith(
        ("\n", "\r\n")
    )


def _is_year(n: CyrNumber) -> bool:
    return n.low is not None and 1900 <= n.low <= 2100 and n.text.isdigit()


_CLAUSE_BREAK_RE = re.compile(r"[,;:—]")
#: the dash of a list's ellipsis after a figure: "двое — в Славянске", "один человек — в селе"
_LIST_DASH_RE = re.compile(r"^\s*(?:[^\W\d]+\s+)?[—–]\s*")
_IN_BEFORE_RE = re.compile(
    r"(?<![\w'])(?:у|в|во|на|під|под)\s+"
    r"(?:сел[іе]\s+|селищі\s+|поселке\s+|посёлке\s+|місті\s+|городе\s+)?$"  # "в селе X"
)


def _place(
    n: CyrNumber, ctx: _Context, cumulative: bool, lower: str, previous_end: int
) -> Place | None:
    if ctx.districts:
        return ctx.districts[0].place
    local = [p for p in ctx.places if not p.place.is_country]
    if local:
        before = [p for p in local if p.start <= n.start]
        after = [
            p
            for p in local
            if n.end <= p.start <= n.end + 30
            and _IN_BEFORE_RE.search(lower, max(0, p.start - 12), p.start)
            # not "троє, у Кривому Розі"; but "двое — в Славянске", a list's ellipsis
            and not _CLAUSE_BREAK_RE.search(_LIST_DASH_RE.sub("", lower[n.end : p.start], 1))
        ]
        if (
            after
            and before
            and (
                previous_end > 0  # the place between two figures is the first one's
                or _CLAUSE_BREAK_RE.search(lower, before[-1].end, n.start)
            )
        ):
            # "Крім Краматорська, ... вбили двох людей у Дружківці та одного в Костянтинівці"
            return after[0].place
        return (before[-1] if before else local[0]).place
    if not ctx.places:
        if ctx.carried.site is not None and not cumulative:
            return ctx.carried.site
        if ctx.carried.city is not None:
            return ctx.carried.city
    country = [p for p in ctx.places if p.place.is_country]
    return country[0].place if country else ctx.carried.country


def _when(n: CyrNumber, ctx: _Context, cumulative: bool) -> str | None:
    dates = [d for d in ctx.dates if d.value]
    if dates:
        periods = [d for d in dates if d.is_period]
        if cumulative and periods:
            return periods[0].value
        return min(dates, key=lambda d: abs(d.start - n.start)).value
    return None if cumulative else ctx.carried.when


#: a past event told for context ("Контекст: попередня масована атака на Київ 14 вересня"):
#: its date is not the news's
_PAST_EVENT_RE = re.compile(
    r"(?i)(?<![\w'])(?:попередн\w+|предыдущ\w+|контекст|нагадаємо|напомним)(?![\w'])"
)


def _backfill_when(drafts: list[Draft], filed: str | None) -> None:
    """Figures before the first date (a headline, a lead) are about that first event: the
    day of the first figure of one event that has one ("Авария произошла в субботу ...
    Шесть человек погибли на месте", after a toll dated only by the dateline), else the
    day the report was ``filed`` (its dateline's), which a day more than a week before it
    does not replace (a past event's, "взрыв на шахте «Листвяжная» ... погиб 51 человек")."""
    first = next(
        (
            d.when
            for d in drafts
            if d.when is not None
            and d.scope == "incident"
            and "/" not in d.when
            and not _PAST_EVENT_RE.search(d.evidence)
        ),
        filed,
    )
    if filed and first and "/" not in filed and not _in_the_week_before(first, filed):
        first = filed
    if first is None:
        return
    for d in drafts:
        if d.when is not None:
            break
        if d.scope == "incident":
            d.when = first
