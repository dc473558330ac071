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
райцентре Гарм") are its shares by place, not events to add to it.
"""

from __future__ import annotations

from tollbook.extract.drafts import Draft, value_of

_BULLETS = ("-", "–", "—", "•", "*")


def is_list_line(evidence: str) -> bool:
    return evidence.lstrip().startswith(_BULLETS)


def link_list_parts(kept: list[Draft]) -> None:
    for block in _blocks(kept):
        first = kept.index(block[0])
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
            for d in items:
                d.subgroup, d.parent = "including", parent
                if d.when is None:
                    d.when = parent.when


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
            and d.place_here
            and d.scope == "incident"
            and d.qualifier == "exact"
            and 0 < value_of(d) < value_of(toll)
        ]
        if len(shares) >= 2 and sum(value_of(d) for d in shares) == value_of(toll):
            for d in shares:
                d.subgroup, d.parent = "including", toll
