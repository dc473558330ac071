"""Towns a Ukrainian or Russian sentence names that are not where its event happened
(pure): the ends of a route, the town the wounded were taken to, the person a street is
named after, where victims came from, a coast's adjective, a name in quotes."""

from __future__ import annotations

import re

from tollbook.extract.places import PlaceMention

#: a road or a route between two places ("на автодорозі Київ – Чоп", "автобуса «Рівне –
#: Київ»"), or a name in quotes: not where the event was
_ROUTE_AFTER_RE = re.compile(r"\s*[–—-]\s*[А-ЯІЇЄҐЁ]")
_ROUTE_BEFORE_RE = re.compile(r"[А-ЯІЇЄҐЁ][\w'-]*\s*[–—-]\s*$")


#: the hospitals or morgue of a town the wounded or the bodies were taken to ("доправили до
#: лікарень Житомира", "в больницах Коньи и Бейшехира", "в больницы Дилижана, Иджевана и
#: Еревана"): not where they were hurt
_RECEIVING_BEFORE_RE = re.compile(
    r"(?:(?:лікар|больниц|госпітал|госпитал|морг)\w*\s+|"
    # in a hospital in a town: "перебувають у лікарні в Ковелі", "лечатся в больнице в Чите"
    # (not "попала в городскую больницу в Сумах": the hospital struck)
    r"(?:лікарн(?:і|ях)|больниц(?:е|ах)|госпітал(?:і|ях)|госпитал(?:е|ях))\s+(?:в|у|во)\s+|"
    # a town victims were taken to: "доправили до обласної лікарні в Полтаві", "двоих позже
    # перевезли в Полтаву" (not "авиабомба попала в городскую больницу в Сумах")
    r"\b(?:доставил|доставлен|доправил|доправлен|перевезл|перевезен|перевезён|евакуюва|"
    r"эвакуирова|госпіталізова|госпитализирова)\w*\s+(?:[а-яіїєґё'-]+\s+){0,4}?"
    r"(?:в|у|до|во)\s+)"
    r"(?:[А-ЯІЇЄҐЁ][\w'-]*(?:\s*,\s*|\s+(?:і|и|та)\s+)){0,3}$"
)
_STREET_BEFORE_RE = re.compile(
    r"(?:вулиц\w*|вул\.|улиц\w*|ул\.|проспект\w*|просп\.|бульвар\w*|провулк\w*|переулк\w*)"
    r"\s+(?:[А-ЯІЇЄҐЁ][\w'-]*\s+)?$"
)


def named_thing(text: str, p: PlaceMention) -> bool:
    """Whether a town named in a Ukrainian or Russian sentence is not where its event was:
    an end of a route, a town victims were taken to, a street's namesake, where a person
    came from, an adjective of a coast, or a name in quotes."""
    if _ROUTE_AFTER_RE.match(text, p.end) or _ROUTE_BEFORE_RE.search(
        text, max(0, p.start - 30), p.start
    ):
        return True
    if _RECEIVING_BEFORE_RE.search(text, max(0, p.start - 60), p.start):
        return True
    if _STREET_BEFORE_RE.search(text, max(0, p.start - 30), p.start):
        return True  # "на вулиці Ярослава Мудрого": a person a street is named after
    if _FROM_PERSON_RE.search(text, max(0, p.start - 60), p.start) or (
        _COAST_AFTER_RE.match(text, p.end) and text[p.start : p.end] != p.place.name
    ):  # "жінка та її 8-річний син із Дніпра": where they came from; "на Черноморском
        return True  # побережье": an adjective, not the town Черноморск
    return text.count("«", 0, p.start) > text.count("»", 0, p.start)


_COAST_AFTER_RE = re.compile(r"\w*\s+(?:побереж|узбереж|напрям|направлени)")
#: a person "from" a town ("її 8-річний син із Дніпра", "жители из Гюмри"): an origin
_FROM_PERSON_RE = re.compile(
    r"(?i:син\w*|донь\w*|доч\w*|сын\w*|жінк\w*|женщин\w*|чоловік\w*|мужчин\w*|"
    r"дитин\w*|діт\w*|дет\w*|ребен\w*|ребён\w*|жител\w*|мешкан\w*|турист\w*|"
    r"пасажир\w*|пассажир\w*|студент\w*|родин\w*|семь\w*|сім'\w*)"
    r"(?:\s+[\w'-]+){0,2}\s+(?:з|із|зі|из|изо)\s+$"
)
