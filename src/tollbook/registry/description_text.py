"""A family's own words about a missing person, read into the registry's vocabulary.

"green jacket", "зелена куртка" and "зелёная куртка" all give ``jacket:green``; "tattoo
of an anchor on her left shoulder", "татуювання якоря на лівому плечі" and "наколка якорь
на левом плече" give ``tattoo:anchor:left shoulder``. The vocabulary is the one the burial
teams code bodies with (garment:colour; kind:motif:place; effects), so the two can be
compared. Words are found by stem and case ending (:mod:`.description_lexicon`); within
a sentence, a garment takes the colour written next to it, and a mark its motif and the
place on the body written after it (or before the first mark). Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from tollbook.registry import description_lexicon as lex

_SENTENCES = re.compile(r"[.;!?\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|,")
_FOLD = str.maketrans({"ё": "е", "ґ": "г", "’": "'", "ʼ": "'", "`": "'", "´": "'"})


@dataclass(frozen=True)
class ParsedDescription:
    clothing: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    value: str


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _word_matches(token: str, stem: str, *, adjective: bool) -> bool:
    if token in lex.NOT_TERMS or not token.startswith(stem):
        return False
    ending = token[len(stem) :]
    if not _is_cyrillic(stem):
        return ending in lex.ENGLISH_ENDINGS
    return ending in (lex.ADJECTIVE_ENDINGS if adjective else lex.SLAVIC_ENDINGS)


class _Terms:
    """One category's terms: value -> stems, each stem one or more words."""

    def __init__(self, terms: Mapping[str, Iterable[str]], *, adjective: bool = False) -> None:
        self.adjective = adjective
        self.stems: list[tuple[tuple[str, ...], str]] = sorted(
            ((tuple(stem.split()), value) for value, stems in terms.items() for stem in stems),
            key=lambda pair: -len(pair[0]),
        )

    def find(self, tokens: list[str]) -> list[_Mention]:
        """Every mention, left to right; the longest at each place, none overlapping."""
        found: list[_Mention] = []
        i = 0
        while i < len(tokens):
            hit = self._at(tokens, i)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.end
        return found

    def _at(self, tokens: list[str], i: int) -> _Mention | None:
        best: _Mention | None = None
        for words, value in self.stems:
            end = i + len(words)
            if end > len(tokens) or (best is not None and best.end >= end):
                continue
            if all(
                _word_matches(tokens[i + k], w, adjective=self.adjective)
                for k, w in enumerate(words)
            ):
                best = _Mention(i, end, value)
        return best


def _one(value: str, stems: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {value: stems}


@lru_cache(maxsize=1)
def _terms() -> dict[str, _Terms]:
    return {
        "garment": _Terms(lex.GARMENTS),
        "colour": _Terms(lex.COLOURS, adjective=True),
        "tattoo": _Terms(_one("tattoo", lex.TATTOO)),
        "motif": _Terms(lex.MOTIFS),
        "scar": _Terms(_one("scar", lex.SCAR)),
        "surgical": _Terms(_one("surgical", lex.SURGICAL)),
        "birthmark": _Terms(_one("birthmark", lex.BIRTHMARK)),
        "finger": _Terms(_one("finger", lex.FINGER)),
        "absent": _Terms(_one("absent", lex.ABSENT)),
        "tooth": _Terms(_one("tooth", lex.TOOTH)),
        "gold": _Terms(_one("gold", lex.GOLD), adjective=True),
        "dentures": _Terms(_one("dentures", lex.DENTURES)),
        "side": _Terms(lex.SIDES, adjective=True),
        "place": _Terms(lex.BODY_PLACES),
        "effect": _Terms(lex.EFFECTS),
        "pension": _Terms(_one("pension", lex.PENSION), adjective=True),
        "negation": _Terms(_one("no", lex.NEGATIONS)),
        "chain": _Terms(_one("chain", lex.CHAIN)),
        "colour word": _Terms(_one("colour", lex.COLOUR_WORDS)),
    }


def words(text: str) -> list[list[str]]:
    """The folded words of each sentence of ``text`` (a comma is a word of its own)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    out = []
    for sentence in _SENTENCES.split(folded):
        tokens = [t.strip("'") for t in _WORD.findall(sentence.replace("-", " "))]
        if tokens:
            out.append([t for t in tokens if t])
    return out


def parse_description(text: str) -> ParsedDescription:
    """``text`` (English, Ukrainian or Russian, any mix) in the registry's vocabulary."""
    clothing: list[str] = []
    marks: list[str] = []
    effects: list[str] = []
    for tokens in words(text):
        found = {name: terms.find(tokens) for name, terms in _terms().items()}
        clothing.extend(_clothing(found))
        sentence_marks, used_crosses = _marks(found, tokens)
        marks.extend(sentence_marks)
        effects.extend(_effects(found, used_crosses))
    return ParsedDescription(_unique(clothing), _unique(marks), _unique(effects))


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _clothing(found: dict[str, list[_Mention]]) -> list[str]:
    garments = found["garment"]
    colours = found["colour"]
    taken: set[int] = set()
    colour_of: dict[int, str] = {}
    # "куртка зеленого кольору": the colour is the garment's before it
    after_only = {c for c, colour in enumerate(colours) for w in found["colour word"]
                  if w.start == colour.end}  # fmt: skip
    # a colour written just before its garment ("green jacket", "зелена куртка")
    for g, garment in enumerate(garments):
        low = garments[g - 1].end if g else 0
        before = [
            c
            for c, colour in enumerate(colours)
            if low <= colour.start < garment.start
            and garment.start - colour.end <= 1
            and c not in after_only
        ]
        if before:
            colour_of[g] = colours[before[-1]].value
            taken.add(before[-1])
    # or just after it ("куртка зеленого кольору", "jacket was green")
    for g, garment in enumerate(garments):
        if g in colour_of:
            continue
        high = garments[g + 1].start if g + 1 < len(garments) else 10**9
        after = [
            c
            for c, colour in enumerate(colours)
            if c not in taken
            and garment.end <= colour.start < high
            and colour.start - garment.end <= 3
        ]
        if after:
            colour_of[g] = colours[after[0]].value
            taken.add(after[0])
    return [
        f"{garment.value}:{colour_of[g]}" if g in colour_of else garment.value
        for g, garment in enumerate(garments)
    ]


def _near(mentions: list[_Mention], start: int, end: int) -> list[_Mention]:
    return [m for m in mentions if start <= m.start and m.end <= end]


def _anchors(found: dict[str, list[_Mention]]) -> list[_Mention]:
    """Where each mark is named, with its kind."""
    anchors: list[_Mention] = []
    negations = found["negation"]

    def negated(m: _Mention) -> bool:
        return any(0 < m.start - n.end + 1 <= 2 for n in negations)

    for m in found["tattoo"] + found["scar"] + found["birthmark"]:
        if not negated(m):
            anchors.append(_Mention(m.start, m.end, m.value))
    for m in found["finger"]:
        if any(abs(a.start - m.start) <= 4 for a in found["absent"]):
            anchors.append(_Mention(m.start, m.end, "missing finger"))
    for m in found["tooth"]:
        if any(abs(g.start - m.start) <= 2 for g in found["gold"]):
            anchors.append(_Mention(m.start, m.end, "gold tooth"))
    dentures = found["dentures"]
    anchors.extend(_Mention(m.start, m.end, "dentures") for m in dentures)
    # "зубной протез" is dentures, not a tooth
    anchors = [
        a
        for a in anchors
        if a.value != "gold tooth" or not any(d.start <= a.start < d.end for d in dentures)
    ]
    return sorted(anchors, key=lambda a: a.start)


def _body_place(found: dict[str, list[_Mention]], places: list[_Mention]) -> str:
    """The place on the body: a sided one with its side written before it first."""
    sides = found["side"]
    for place in places:
        side = [s for s in sides if s.end <= place.start and place.start - s.end <= 2]
        if side and place.value in lex.SIDED:
            return f"{side[-1].value} {place.value}"
    return places[0].value if places else ""


def _clause(tokens: list[str], at: int) -> tuple[int, int]:
    """The words between the commas around ``at``."""
    start = at
    while start > 0 and tokens[start - 1] != ",":
        start -= 1
    end = at
    while end < len(tokens) and tokens[end] != ",":
        end += 1
    return start, end


def _marks(found: dict[str, list[_Mention]], tokens: list[str]) -> tuple[list[str], set[int]]:
    length = len(tokens)
    anchors = _anchors(found)
    crosses_worn = {
        m.start for m in found["motif"] for c in found["chain"] if abs(c.start - m.start) <= 3
    }
    marks: list[str] = []
    used_crosses: set[int] = set()
    used_places: set[int] = set()
    for k, anchor in enumerate(anchors):
        end = anchors[k + 1].start if k + 1 < len(anchors) else length
        begin = anchors[k - 1].end if k else 0
        free = [p for p in found["place"] if p.start not in used_places]
        low, high = _clause(tokens, anchor.start)
        # its own clause first ("на лівій руці татуювання птаха, на шиї родинка"),
        # after the mark, then before it; then on to the next mark, or back to the last
        places = (
            _near(free, anchor.end, min(end, high))
            or _near(free, max(begin, low), anchor.start)[-1:]
            or _near(free, anchor.end, end)
            or _near(free, begin, anchor.start)[-1:]
        )
        place = _body_place(found, places)
        used_places.update(p.start for p in places[:1])
        kind = anchor.value
        if kind == "scar" and _near(found["surgical"], max(begin, anchor.start - 3), end):
            kind = "surgical scar"
        if kind == "tattoo":
            low, high = _clause(tokens, anchor.start)
            motifs = [
                m
                for m in _near(found["motif"], anchor.end, min(end, high))
                or _near(found["motif"], max(begin, low, anchor.start - 3), anchor.start)
                if m.start not in crosses_worn
            ]
            for motif in motifs:
                used_crosses.add(motif.start)
                marks.append(f"tattoo:{motif.value}:{place}" if place else f"tattoo:{motif.value}")
            continue
        if kind in ("gold tooth", "dentures"):
            marks.append(kind)
            continue
        marks.append(f"{kind}:{place}" if place else kind)
    return marks, used_crosses


def _effects(found: dict[str, list[_Mention]], used_crosses: set[int]) -> list[str]:
    out = []
    negations = found["negation"]
    for m in found["effect"]:
        if m.value == "cross on a chain" and m.start in used_crosses:
            continue
        if any(n.end == m.start for n in negations):
            continue
        value = m.value
        if value == "bank card" and any(0 <= m.start - p.end <= 1 for p in found["pension"]):
            value = "pension card"
        out.append(value)
    return out
