"""Places a sentence names only to say where another lies ("12 kilometres from the town of
Dikwa"), and places listed together as one ("in Baghlan and Takhar provinces"). Pure.
"""

from __future__ import annotations

import re

from tollbook.extract.places import Place, PlaceMention

# "in Nairobi, Mombasa and Nakuru", "in Jamaica and Haiti": places listed together
_LIST_SEP_RE = re.compile(r",\s+|,?\s+and\s+")
_PLURAL_KINDS = (
    r"provinces|states|regions|districts|territories|counties|oblasts|governorates|camps|"
    r"villages|islands"
)
_PLURAL_KIND_RE = re.compile(rf"\s+(?:{_PLURAL_KINDS})\b")
# "in Baghlan and Takhar provinces": the second name may be one the gazetteer lacks
_AND_NAMED_KIND_RE = re.compile(
    rf",?\s+and\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:{_PLURAL_KINDS})\b"
)


#: a town after the clinic or hospital people were found alive, treated or taken to
_CARED_FOR_IN_RE = re.compile(
    r"\b(?:found\s+alive|treated|admitted|taken|brought|recovering)\s+(?:at|in|to)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}?(?:clinic|hospital)\s+in\s+$"
)


_LIES_IN_GAP_RE = re.compile(r",\s+(?:in\s+)?(?:the\s+)?")


def without_landmarks(sentence: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Places named only to say where another lies: "about 12 kilometres from the town of
    Dikwa", "Chosica, on the eastern edge of Lima" (the first is where it happened); and a
    place named in an aside about someone, when the sentence names another ("Sudan's Ministry
    of Health, which answers to the government in Port Sudan, said ... in Al-Qubba")."""
    if len(places) > 1 and (", which " in sentence or ", who " in sentence):
        asides = [
            m.span() for m in _ASIDE_RE.finditer(sentence) if not _COUNT_WORD_RE.search(m.group(0))
        ]
        places = [p for p in places if not any(a <= p.start < b for a, b in asides)] or places
    if len(places) > 0 and any(w in sentence for w in (" clinic in ", " hospital in ")):
        # "two men it had listed as dead were found alive at a clinic in Marisa": where people
        # were cared for, not where anything happened (a hospital that was hit is a site)
        kept: list[PlaceMention] = []
        dropped = -1  # the end of the last town so dropped ("in Zouerat, in northern Mauritania")
        for p in places:
            if _CARED_FOR_IN_RE.search(sentence, 0, p.start) or (
                dropped >= 0 and _LIES_IN_GAP_RE.fullmatch(sentence, dropped, p.start)
            ):
                dropped = p.end
            else:
                kept.append(p)
        places = kept
    if (
        "km" not in sentence
        and "kilomet" not in sentence
        and "mile" not in sentence
        and (" edge of " not in sentence)
        and (", in " not in sentence)
    ):
        return places
    out: list[PlaceMention] = []
    for m in places:
        before = sentence[max(0, m.start - 70) : m.start]
        if _DISTANCE_FROM_RE.search(before) or (
            out and _EDGE_OF_RE.fullmatch(sentence, out[-1].end, m.start)
        ):
            continue
        out.append(m)
    return out


# ", which answers to the army-backed government in Port Sudan,": an aside about someone
_ASIDE_RE = re.compile(r",\s+(?:which|who)\s+[^,;]{3,120},")
_COUNT_WORD_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|killed|dead)\b"
)
# "about 12 kilometres (seven miles) from the town of", "40 km northeast of"
_DISTANCE_FROM_RE = re.compile(
    r"\b\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\b(?:\s*\([^)]{1,30}\))?\s+"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+"
    r"(?:the\s+)?(?:(?:town|city|village|capital)\s+(?:of\s+)?)?$"
)
# "Chosica, on the eastern edge of Lima", "Mbidjo, in Djugu"
_EDGE_OF_RE = re.compile(
    r",\s+(?:on|at)\s+the\s+(?:[a-z]+\s+)?(?:edge|fringes?)\s+of\s+(?:the\s+)?"
    r"(?:(?:town|city|capital)\s+(?:of\s+)?)?|"
    # "a displacement camp at Mbidjo, in Djugu": the territory the camp lies in
    r",\s+in\s+(?:the\s+)?"
)


def joined_places(sentence: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Places listed together as where figures happened ("in Baghlan and Takhar provinces",
    "in Nairobi, Mombasa and Nakuru", "in Jamaica and Haiti") as one place, written as the
    sentence lists them; a list ends with "and", and joins towns with towns and countries
    with countries ("Kharkiv, Ukraine" is a town and its country, not a list)."""
    if len(places) < 2 and (not places or " and " not in sentence):
        return places
    out: list[PlaceMention] = []
    i = 0
    while i < len(places):
        first = places[i]
        j = i
        while (
            j + 1 < len(places)
            and places[j + 1].place.is_country == first.place.is_country
            and _LIST_SEP_RE.fullmatch(sentence, places[j].end, places[j + 1].start)
        ):
            j += 1
        end = places[j].end
        if j > i and (
            " and" not in sentence[places[j - 1].end : places[j].start]
            or sentence.endswith("each in ", 0, first.start)
        ):
            j, end = i, first.end  # "Kadugli, South Kordofan", "two each in X and Y"
        if not first.place.is_country:
            named = _AND_NAMED_KIND_RE.match(sentence, end) if j == i else None
            kind = named or (_PLURAL_KIND_RE.match(sentence, end) if j > i else None)
            end = kind.end() if kind is not None else end
        if end == first.end:
            out.append(first)
        else:
            out.append(
                PlaceMention(first.start, end, Place(sentence[first.start : end], first.place.geo))
            )
        i = j + 1
    return out


# a district or neighbourhood is part of a town, where several events may happen; a
