"""Scoring extracted claims against gold claims: strict precision, recall and F1.

A predicted claim matches a gold claim of the same article when outcome, low and high
are all equal (the "strict" match of the issue); each gold claim matches at most once.
Among matched claims, the other fields are compared by equality, except the place
(``place_agrees``), the source (``source_agrees``, a loose match) and the subgroup link
(``subgroup_agreement``), whose rules docs/extraction.md gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def strict_key(claim: Mapping[str, Any]) -> tuple[str, str, Any, Any]:
    return (str(claim["article"]), str(claim["outcome"]), claim["low"], claim["high"])


def strict_score(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> Score:
    want = Counter(strict_key(c) for c in gold)
    got = Counter(strict_key(c) for c in predicted)
    tp = sum((want & got).values())
    return Score(tp, sum(got.values()) - tp, sum(want.values()) - tp)


def field_accuracy(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]], field: str
) -> float:
    """Among strictly matched claims, the share whose ``field`` agrees with the gold."""
    return agreement(gold, predicted, field)


# --- Field agreement rules for place and source (docs/extraction.md, "Scoring") ---------

#: Words that name what kind of place a name is; "Kyivskyi district" and "Kyivskyi" agree.
_PLACE_KIND_WORDS = frozenset(
    """province state region oblast governorate district upazila county village city
    barangay municipality neighbourhood neighborhood quarter raion hromada territory camp
    island department prefecture""".split()
)
#: "Baghlan and Takhar provinces", "Kordofan states": a kind word in the plural names the
#: same kind ("Zamzam camp and Abu Shouk camp" and "Zamzam and Abu Shouk camps" agree), and
#: "refugee camp" or "displacement camp" is a camp.
_PLURAL_KIND_WORDS = frozenset(
    """provinces states regions oblasts governorates districts upazilas counties villages
    cities municipalities neighbourhoods neighborhoods quarters raions hromadas territories
    camps islands departments prefectures""".split()
)
_CAMP_OF_RE = re.compile(r"\b(?:refugee|displacement|displaced\s+persons|idp)\s+(?=camps?\b)")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[’'`]", "'", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


#: Case endings of Ukrainian and Russian nouns and adjectives, longest first: "Сумській
#: міській раді" and "Сумська міська рада" are one source written in two cases (the Russian
#: "-ия", "-ию" and "-ы" since round 39: "автостанции" and "автостанция" are one site,
#: "Украины" and "Украина" one country).
_CYRILLIC_ENDINGS = tuple(
    sorted(
        {
            # as ``_plain`` writes them: "й" has lost its breve and "ї" its diaeresis
            "".join(
                ch for ch in unicodedata.normalize("NFKD", ending) if not unicodedata.combining(ch)
            )
            for ending in """ого ому ими ією ої ою ій ий ой ый ее ие ые іє ая яя ую юю ое их ім
            им ам ям ах ях ів ей ов ом ем ія ії ію ия ию ья ье а я у ю і и ы е о ь ї є""".split()
        },
        key=len,
        reverse=True,
    )
)
_CYRILLIC_WORD_RE = re.compile(r"[а-яіїєґё'’ʼ-]+")


def _stem(word: re.Match[str]) -> str:
    text = word.group(0)
    for ending in _CYRILLIC_ENDINGS:
        if text.endswith(ending) and len(text) - len(ending) >= 3:
            return text[: -len(ending)]
    return text


def _uncased(text: str) -> str:
    """Ukrainian and Russian words without their case ending (text already lower-cased)."""
    return _CYRILLIC_WORD_RE.sub(_stem, text) if text.isascii() is False else text


def normal_place(place: str) -> str:
    """A place as scored: parts split at commas, each without case, diacritics, a leading
    "the" or words naming the kind of place ("district", "oblast", "village")."""
    parts = []
    for part in _uncased(_CAMP_OF_RE.sub("", _plain(place))).split(","):
        words = [
            w
            for w in re.split(r"[\s]+", part.strip())
            if w and w not in _PLACE_KIND_WORDS and w not in _PLURAL_KIND_WORDS
        ]
        if words and words[0] == "the":
            words = words[1:]
        if words:
            parts.append(_oblast(" ".join(words)))
    return ", ".join(parts)


# an oblast by its two names: "Харківська область" and "Харківщина", "Донецкая область"
# and "Донеччина" (as ``_uncased`` writes them: "харківськ област", "донеччин")
_OBLAST_RE = re.compile(r"^(?P<stem>\S+?)(?:(?P<c>ц)ь?к|сь?к)\s+област$")
_LAND_RE = re.compile(r"^(?P<stem>\S+?)(?:(?P<c>ч)чин|щин|чин)$")


def _oblast(part: str) -> str:
    """One name for an oblast written either way ("X област")."""
    m = _OBLAST_RE.match(part) or _LAND_RE.match(part)
    if m is None:
        return part
    return f"{m.group('stem')}{'ц' if m.group('c') else ''} област"


def place_agrees(gold: object, predicted: object) -> bool:
    """The place rule: the same places in the same order, as ``normal_place`` writes them
    ("Maternity Hospital No. 3, Mariupol" is not "Mariupol", nor the reverse)."""
    if gold is None or predicted is None:
        return gold is predicted
    return normal_place(str(gold)) == normal_place(str(predicted))


def _source_words(text: str) -> str:
    return re.sub(r"[^\w' ]+", " ", _plain(text)).strip()


def source_agrees(gold: object, predicted: object) -> bool:
    """Loose match of ``attributed_to``: the same source even when the role is written
    differently or left out. Both null agree; otherwise the two agree when equal, when their
    first parts (the name or body, before a comma) are equal, or when one's first part is
    a whole-word part of the other ("ministry" and "Ministry of Health in Gaza")."""
    if gold is None or predicted is None:
        return gold is predicted
    g, p = _uncased(_plain(str(gold))), _uncased(_plain(str(predicted)))
    if g == p:
        return True
    g_head, p_head = _source_words(g.split(",")[0]), _source_words(p.split(",")[0])
    if not g_head or not p_head:
        return False
    if g_head == p_head:
        return True
    g_all, p_all = f" {_source_words(g)} ", f" {_source_words(p)} "
    return f" {p_head} " in g_all or f" {g_head} " in p_all


def matched_pairs(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Gold and predicted claims paired by strict key, in the order ``field_accuracy`` uses."""
    by_key: dict[tuple[str, str, Any, Any], list[Mapping[str, Any]]] = {}
    for c in predicted:
        by_key.setdefault(strict_key(c), []).append(c)
    pairs = []
    for g in gold:
        candidates = by_key.get(strict_key(g))
        if candidates:
            pairs.append((g, candidates.pop(0)))
    return pairs


def agreement(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Mapping[str, Any]],
    field: str,
    agree: Callable[[object, object], bool] | None = None,
) -> float:
    """Among strictly matched claims, the share whose ``field`` agrees by ``agree``
    (equality when None)."""
    pairs = matched_pairs(gold, predicted)
    if not pairs:
        return 1.0
    test = agree or (lambda a, b: a == b)
    return sum(test(g.get(field), p.get(field)) for g, p in pairs) / len(pairs)


def parents_by_key(claims: Sequence[Mapping[str, Any]]) -> dict[int, object]:
    """Each claim's larger figure by strict key (None when it is part of none), keyed by
    ``id`` of the claim: ``part_of`` counts within the claim's own article."""
    by_article: dict[str, list[Mapping[str, Any]]] = {}
    for c in claims:
        by_article.setdefault(str(c["article"]), []).append(c)
    out: dict[int, object] = {}
    for items in by_article.values():
        for c in items:
            index = c.get("part_of")
            ok = isinstance(index, int) and 0 <= index < len(items)
            out[id(c)] = strict_key(items[index]) if ok else None  # type: ignore[index]
    return out


def subgroup_agreement(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> float:
    """Among strictly matched claims, the share whose ``part_of`` names the same larger
    figure (by strict key) as the gold, or none when the gold names none."""
    pairs = matched_pairs(gold, predicted)
    if not pairs:
        return 1.0
    g_parent, p_parent = parents_by_key(gold), parents_by_key(predicted)
    return sum(g_parent[id(g)] == p_parent[id(p)] for g, p in pairs) / len(pairs)
