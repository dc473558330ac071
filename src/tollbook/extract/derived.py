"""Figures given as multiples or fractions of another: "three to four times more"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tollbook.extract import cues
from tollbook.extract.drafts import WINDOW, Draft, figure_key, value_of
from tollbook.extract.numbers import NumberMention
from tollbook.extract.reading import is_multiplier


def derived_figures(
    lower: str,
    numbers: list[NumberMention],
    here: list[Draft],
    earlier: list[Draft],
    speaker: str | None,
    evidence: str,
    evidence_start: int,
    index: int,
) -> list[Draft]:
    """Figures given as multiples of another: "three to four times more than the 1,200"."""
    factors: list[tuple[int, int, float, float]] = []
    for n in numbers:
        if is_multiplier(lower, n) and n.low is not None and n.high is not None:
            factors.append((n.start, n.end, float(n.low), float(n.high)))
    for m in cues.DERIVED_RE.finditer(lower):
        factor = cues.DERIVED_WORDS[" ".join(m.group("word").split())]
        factors.append((m.start(), m.end(), factor, factor))
    fractions: set[int] = set()
    for m in cues.FRACTION_OF_RE.finditer(lower):
        factor = cues.FRACTIONS[" ".join(m.group("word").split())]
        factors.append((m.start(), m.start(), factor, factor))
        if not re.search(r"the\s+(?:dead|victims|killed|injured|wounded|deceased)$", m.group(0)):
            fractions.add(m.start())  # "half of them": of a figure in this sentence only
    for n in numbers:
        more = cues.PERCENT_MORE_RE.match(lower[n.end : n.end + WINDOW])
        if more and n.low is not None and not n.is_range:
            factor = 1 + n.low / 100
            factors.append((n.start, n.end + more.end(), factor, factor))
    out: list[Draft] = []
    claimed = {d.position for d in here}
    for start, position, k_low, k_high in factors:
        named = [n for n in numbers if position <= n.start <= position + 40]
        bases = here
        if named and named[0].start not in claimed:
            # "as high as the 14 we have confirmed": a figure stated before is the base;
            # "twice the 120 it was licensed to carry" is not a casualty figure at all
            same = [d for d in earlier if d.qualifier != "derived" and value_of(d) == named[0].low]
            if not same:
                continue
            bases = [*here, replace(same[0], position=named[0].start)]
        if start in fractions and not any(d.position < start for d in here):
            continue  # "home to 4 million people, more than half of them displaced"
        refers_back = bool(cues.THAT_BASE_RE.match(lower[position : position + 40])) or bool(
            re.search(r"\b(?:that|this)\s*$", lower[start:position])
        )
        base = _base_for(
            start,
            position,
            bases,
            earlier,
            "official" in lower[position : position + WINDOW],
            refers_back,
        )
        if base is None:
            continue
        own = cues.LEFT_OUTCOME_RE.search(lower[max(0, start - 60) : start])
        group = (own.lastgroup or "").removesuffix("_label") if own else ""
        outcome = group if group in ("killed", "injured") else base.outcome
        base_low = base.low if base.low is not None else base.high
        base_high = base.high if base.high is not None else base.low
        if base_low is None or base_high is None:
            continue
        low, high = round(k_low * base_low), round(k_high * base_high)
        out.append(
            replace(
                base,
                outcome=outcome,
                low=low,
                high=high,
                qualifier="derived",
                kind="estimate",
                attributed_to=speaker,
                evidence=evidence,
                evidence_start=evidence_start,
                sentence_index=index,
                position=position,
                official_mention=False,
                base=base,
                parent=None,
                subgroup=None,
                merged_into=None,
                in_headline=False,
            )
        )
    return out


def _base_for(
    start: int,
    position: int,
    here: list[Draft],
    earlier: list[Draft],
    official: bool,
    refers_back: bool = False,
) -> Draft | None:
    """The figure a multiplier multiplies: named after it ("than the official 300"), or
    just before it in the sentence ("killed 9 and wounded twice as many"), or the report's
    toll ("three times more than the official count")."""
    figures = [d for d in here if d.qualifier not in ("vague", "derived")]
    after = [d for d in figures if d.position > position]
    if after:
        return after[0]
    before = [d for d in figures if d.position < start]
    if before:
        return before[-1]
    candidates = [d for d in earlier if d.qualifier not in ("vague", "derived")]
    if refers_back and candidates:  # "double that", "two to three times that"
        return candidates[-1]
    tests: list[Callable[[Draft], bool]] = [
        lambda d: d.outcome == "killed" and (d.kind == "official" or d.official_mention),
        lambda d: d.outcome == "killed",
        lambda d: True,
    ]
    if official:  # "than the official count": the latest official toll, as first stated
        chosen = [d for d in candidates if tests[0](d)]
        if chosen:  # "rose to 27, up from 23": of one sentence's figures, the highest
            latest = max(chosen, key=lambda d: (d.sentence_index, value_of(d)))
            return next(d for d in candidates if figure_key(d) == figure_key(latest))
    for test in tests[1:]:
        chosen = [d for d in candidates if test(d)]
        if chosen:
            # "the official toll" is the largest such figure, as first stated
            best = max(chosen, key=lambda d: (value_of(d), -d.sentence_index))
            return next(d for d in candidates if figure_key(d) == figure_key(best))
    return None
