"""A Ukrainian or Russian source named after "за даними", "по словам" or "як повідомили в"
is in the genitive or the locative ("за даними міської ради", "по словам городского головы
Бучи Анатолия Гордиенко", "как сообщили в Национальной полиции"); a monitor writes it as
it is named: "міська рада", "Анатолий Гордиенко, городской голова Бучи", "Национальная
полиция".

The words are put in the nominative with pymorphy3 (OpenCorpora and the Ukrainian
dictionaries), loaded only when a source needs it: a person's name word by word, and a
body or role up to its head noun (the words after the head, "Бучи", "Украины", stay as
they are: they are its genitive complement). A word the dictionaries do not know, or an
acronym ("ОВА"), is left as written.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_CYRILLIC_WORD_RE = re.compile(r"^[А-ЯІЇЄҐЁа-яіїєґё'’ʼ-]+$")
_INFLECTED = ("NOUN", "ADJF", "PRTF")


@cache
def _analyzer(language: str) -> Any:
    import pymorphy3  # loaded with its dictionaries only when a source is inflected

    return pymorphy3.MorphAnalyzer(lang="uk" if language == "uk" else "ru")


@lru_cache(maxsize=4096)  # the same bodies recur from report to report ("міської ради")
def in_nominative(who: str, case: str, language: str) -> str:
    """``who`` ("Name, role", a body or a role) with its words in ``case`` ("gent" or
    "loct") put in the nominative."""
    return ", ".join(_phrase(part, case, language) for part in who.split(", "))


def _phrase(phrase: str, case: str, language: str) -> str:
    words = phrase.split()
    out = list(words)
    morph = _analyzer(language)
    if _is_name(words, case, morph):
        return " ".join(_name_word(w, case, morph, i) for i, w in enumerate(words))
    parses: list[Any] = []
    for word in words:
        if not _CYRILLIC_WORD_RE.match(word) or word.isupper():
            break  # "ОВА", "ООН", a Latin name: nothing more agrees
        # a noun agrees with the adjectives before it ("міській раді": рада, not рад)
        parse = _parse_in(word, case, morph, parses[-1].tag.gender if parses else None)
        if parse is None:
            break
        parses.append(parse)
        if parse.tag.POS == "NOUN":
            break  # the head; what follows is its complement ("Бучи", "Украины")
    if not parses:
        return phrase
    head = parses[-1]
    agree = {"nomn", head.tag.number or "sing"}
    if head.tag.number != "plur":
        # "голова" (a mayor) is a man's title whatever the dictionary's gender
        gender = "masc" if head.normal_form == "голова" else head.tag.gender
        if gender in ("masc", "femn", "neut"):
            agree.add(gender)
            # an adjective read before its noun is known takes the noun's gender
            # ("Головному управлінні": Головне, not Головний)
            for i in range(len(parses) - 1):
                parses[i] = _parse_in(words[i], case, morph, gender) or parses[i]
    for i, parse in enumerate(parses):
        form = parse.inflect({"nomn"} if parse is head else agree) or parse.inflect({"nomn"})
        if form is not None:
            out[i] = _as_written(form.word, words[i])
    return " ".join(out)


def _is_name(words: list[str], case: str, morph: Any) -> bool:
    """A person's name ("Олега Синєгубова"): it opens with a first name in ``case``."""
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() and _CYRILLIC_WORD_RE.match(w) for w in words)
        and any("Name" in p.tag and p.tag.case == case for p in morph.parse(words[0]))
    )


#: a man's surname in the genitive the dictionaries do not know: "Синєгубова" -> "Синєгубов",
#: "Кулешова" -> "Кулешов", "Кличка" stays
_SURNAME_GENITIVE = (
    ("ського", "ський"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("єва", "єв"),
    ("іна", "ін"),
    ("ина", "ин"),
)


def _name_word(word: str, case: str, morph: Any, position: int) -> str:
    for parse in morph.parse(word):
        if parse.tag.case == case and any(g in parse.tag for g in ("Name", "Surn", "Patr")):
            form = parse.inflect({"nomn"})
            if form is not None:
                return _as_written(form.word, word)
    if position > 0 and case == "gent":
        for ending, nominative in _SURNAME_GENITIVE:
            if word.endswith(ending):
                return word[: -len(ending)] + nominative
    return word


def _as_written(form: str, word: str) -> str:
    if "ё" not in word.lower():
        form = form.replace("ё", "е")
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def _parse_in(word: str, case: str, morph: Any, gender: str | None = None) -> Any:
    """The word's reading in ``case``: of ``gender`` if it has one, else the first."""
    readings = [p for p in morph.parse(word) if p.tag.case == case and p.tag.POS in _INFLECTED]
    agreeing = [p for p in readings if gender is not None and p.tag.gender == gender]
    return (agreeing or readings or [None])[0]
