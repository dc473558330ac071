"""Who speaks for each figure of a Ukrainian or Russian report: the source its sentence
names (worked out only when a figure asks), the last one named after "за його словами", an
official source of a sentence near it, the post's signature or header, or the official source
its lead names (a round-up told in an authority's name). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.source_text import named_in_full
from tollbook.extract.uk_ru.language import language_of
from tollbook.extract.uk_ru.nominative import in_nominative
from tollbook.extract.uk_ru.sources_uk_ru import is_official, name_and_role, source_of


@dataclass(frozen=True)
class _Source:
    named: str | None
    pronoun: bool


class Sources:
    """The source each sentence names, worked out when a figure asks for it."""

    def __init__(self, texts: list[str], lowers: list[str], cyrillic: list[bool]) -> None:
        self._texts, self._lowers, self.cyrillic = texts, lowers, cyrillic
        self._found: dict[int, _Source] = {}
        self._signature: tuple[str] | None = None

    def __len__(self) -> int:
        return len(self._texts)

    def signature(self) -> str | None:
        """Who signs the post: its last line when that line is only a name, a name and a
        role, or an official body ("Олег Синюк, голова Харківської ОВА", "Одеська міська
        рада"); else an official source the last line names ("..., повідомили в Головному
        управлінні Національної поліції"): the source of the post's figures that name none."""
        if self._signature is None:
            self._signature = ("",)
            last = len(self._texts) - 1
            if last >= 0 and self.cyrillic[last]:
                line = self._texts[last].strip().rstrip(".")
                if _SIGNATURE_RE.fullmatch(line) or (
                    len(line) <= 80
                    and not any(ch.isdigit() for ch in line)
                    and len(line.split()) <= 6
                    and is_official(line)
                    and not _has_verb(self._texts[last])
                ):
                    self._signature = (name_and_role(line),)
                elif last > 0 and is_official(self.at(last).named):
                    self._signature = (self.at(last).named or "",)
        return self._signature[0] or None

    def text(self, index: int) -> str:
        return self._texts[index]

    def header(self) -> str | None:
        """The body a release's header names ("Херсонська обласна прокуратура | 9 червня
        2026 року", "ДСНС України | Оперативна інформація станом на 18:00"): the source of
        its figures that name none."""
        for i in range(min(3, len(self._texts))):
            line = self._texts[i].strip()
            if not self.cyrillic[i]:
                continue
            if " | " in line:
                left = line.split(" | ")[0].strip()
            elif i > 0 and (dated := _BODY_DATED_RE.match(line)) is not None:
                left = dated.group("body").strip()  # "ГУ МЧС по Республике Дагестан, 24 июля"
            elif i > 0 and len(line) <= 120 and not line.endswith((".", "!", "?", ":")):
                left = line  # the body alone on the line under the title
            else:
                continue
            if len(left) <= 100 and not any(ch.isdigit() for ch in left) and is_official(left):
                press = _PRESS_SERVICE_RE.match(left)
                if press is not None:  # "Пресс-служба Одесской областной прокуратуры"
                    return in_nominative(left[press.end() :], "gent", language_of(left))
                return left
        return None

    def at(self, index: int) -> _Source:
        found = self._found.get(index)
        if found is None:
            if self.cyrillic[index]:
                found = _Source(*source_of(self._texts[index], self._lowers[index]))
            else:
                found = _Source(None, False)
            self._found[index] = found
        return found


#: a release's header line: the body, then the day ("Главное управление МЧС России по
#: Республике Дагестан, 24 июля 2026 года, 18:00")
_BODY_DATED_RE = re.compile(r"^(?P<body>[^,|.!?]{3,120}),\s*\d{1,2}\s+[а-яіїєё]+\s+\d{4}")

_PRESS_SERVICE_RE = re.compile(r"(?:Пресс-служба|Прес-служба|Пресс-центр|Прес-центр)\s+")

#: a body named by its kind only, as the one named before: "в ведомстве", "відомство"
_THE_AGENCY_RE = re.compile(r"(?i)(?:ведомств\w*|відомств\w*|министерств[оеа]|міністерств[оі])")


def speaker_of(index: int, sources: Sources, cyrillic: list[bool]) -> str | None:
    """The sentence's own source; after "за його словами" the last one named; else an
    official source of one of the two sentences before, else of the next sentence."""
    here = sources.at(index)
    if here.named and _THE_AGENCY_RE.fullmatch(here.named):
        # "Ранее в ведомстве сообщали": the body named before
        earlier = (sources.at(i).named for i in range(index - 1, -1, -1))
        return next((e for e in earlier if e and is_official(e)), None) or sources.header()
    if here.named:
        return _in_full(here.named, index, sources)
    if here.pronoun:
        return next(
            (sources.at(i).named for i in range(index - 1, -1, -1) if sources.at(i).named), None
        )
    for back in (index - 1, index - 2):
        if back >= 0 and is_official(sources.at(back).named):
            return sources.at(back).named
    if (
        index + 1 < len(sources)
        and cyrillic[index + 1]
        and is_official(sources.at(index + 1).named)
    ):
        return sources.at(index + 1).named
    # (a round-up told in an authority's name: its lead's source speaks for the rest)
    return sources.signature() or sources.header() or _lead_official(sources, index)


#: a year in a sentence, or a reminder: a past event named for comparison, not the round-up's
_A_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|^\W*(?:[Нн]апомним|[Нн]агадаємо)")


def _lead_official(sources: Sources, index: int) -> str | None:
    """The first official source the first four sentences name (in full), for a sentence
    that names no year (a past disaster named for comparison is no one's)."""
    if _A_YEAR_RE.search(sources.text(index)):
        return None
    for i in range(min(len(sources), 4)):
        named = sources.at(i).named
        if sources.cyrillic[i] and named and is_official(named):
            return _in_full(named, i, sources)
    return None


def lead_speaker(sources: Sources) -> str | None:
    """The source of a headline that names none: the first the lead's sentences name (the
    headline sums them up), as English headlines take theirs."""
    if sources.at(0).named:
        return None
    for i in range(1, min(len(sources), 4)):
        if sources.cyrillic[i] and sources.at(i).named:
            return _in_full(sources.at(i).named or "", i, sources)
    return None


def _in_full(named: str, index: int, sources: Sources) -> str:
    """A surname alone ("додав Бондар") as the report named the person before, with the
    first name and role ("Сергій Бондар, начальник слідчого управління")."""
    if " " in named or not named[:1].isupper():
        return named
    earlier = (sources.at(i).named for i in range(index - 1, -1, -1))
    return named_in_full(named, named, earlier) or named


# "Олег Синюк, голова Харківської ОВА", "Ігор Терещенко": a post's signature line
_SIGNATURE_RE = re.compile(
    r"[А-ЯІЇЄҐЁ][а-яіїєґё'ʼ-]+(?:\s+[А-ЯІЇЄҐЁ][а-яіїєґё'ʼ-]+){1,2}"
    r"(?:,\s+[а-яіїєґё][^.!?\d]{3,90})?"
)
_VERB_IN_LINE_RE = re.compile(r"(?:ли|ла|ло|в|ть|ться|ются|ються|ет|ит|ють|ют)\b")


def _has_verb(line: str) -> bool:
    """Whether a line holds a word with a verb's ending that is no body's name ("совет"
    ends as "сидит" does) nor a name ("Гордеев")."""
    return any(
        _VERB_IN_LINE_RE.search(w) and not is_official(w) and not w[:1].isupper()
        for w in line.split()
    )
