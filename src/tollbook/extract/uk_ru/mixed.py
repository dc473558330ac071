"""A report with Ukrainian or Russian sentences, maybe mixed with English: the Cyrillic
sentences are read by ``reader_uk_ru``, the others by the English pass (given the report
with the Cyrillic sentences blanked out, so every offset and evidence stays that of the
input), and the two lists are joined in the order the figures are stated. A figure the report
gives in both languages is one claim."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract.drafts import draft_claim
from tollbook.extract.places import Gazetteer
from tollbook.extract.repeats import merge_repeats
from tollbook.extract.restated import earlier_totals, restated_totals, summed_totals
from tollbook.extract.subgroups import follow_parent_voice, part_of_indices
from tollbook.extract.uk_ru.language import is_cyrillic
from tollbook.extract.uk_ru.parts_uk_ru import (
    follow_the_event,
    headline_at_the_event,
    link_list_parts,
    link_place_shares,
)
from tollbook.extract.uk_ru.reader_uk_ru import cyrillic_drafts
from tollbook.extract.uk_ru.sentences_uk_ru import split_sentences_uk_ru

English = Callable[[Report, Gazetteer | None], list[Claim]]


def extract_mixed(report: Report, gazetteer: Gazetteer | None, english: English) -> list[Claim]:
    """The claims of a report with Cyrillic sentences (``english`` is the English pass)."""
    sentences = split_sentences_uk_ru(report.text)
    cyrillic = [is_cyrillic(s.text) for s in sentences]
    english_claims: list[Claim] = []
    if not all(cyrillic):
        blanked = list(report.text)
        for s, cyr in zip(sentences, cyrillic, strict=True):
            if cyr:
                blanked[s.start : s.end] = [" " if ch != "\n" else ch for ch in s.text]
        title = report.title if report.title and not is_cyrillic(report.title) else None
        english_claims = english(
            dataclasses.replace(report, text="".join(blanked), title=title), gazetteer
        )
    drafts = cyrillic_drafts(report, sentences, cyrillic)
    kept = merge_repeats(drafts, parts_apart=True)
    link_list_parts(kept, drafts)
    link_place_shares(kept)
    headline_at_the_event(kept)
    follow_the_event(kept)  # (the headline's place first: a later toll follows its village)
    restated_totals(kept)  # "более 94 тысяч" over the body's count of 94,318: that count
    earlier_totals(kept)
    summed_totals(kept, drafts)
    follow_parent_voice(kept)
    cyrillic_claims = [
        draft_claim(report.id, d, p) for d, p in zip(kept, part_of_indices(kept), strict=True)
    ]
    return _joined(english_claims, cyrillic_claims)


def _joined(first: list[Claim], second: list[Claim]) -> list[Claim]:
    """Both lists in the order their figures are stated, a figure repeated in the other
    language once, ``part_of`` pointing at the new positions."""
    if not first:
        return second
    said = {(c.outcome, c.low, c.high, c.qualifier) for c in first if c.qualifier != "vague"}
    tagged = [(c, 0, i) for i, c in enumerate(first)] + [
        (c, 1, i)
        for i, c in enumerate(second)
        if (c.outcome, c.low, c.high, c.qualifier) not in said
    ]
    tagged.sort(key=lambda t: (t[0].evidence_start or 0, t[1], t[2]))
    where = {(part, i): at for at, (_, part, i) in enumerate(tagged)}
    return [
        dataclasses.replace(c, part_of=where.get((part, c.part_of))) if c.part_of is not None else c
        for c, part, _ in tagged
    ]
