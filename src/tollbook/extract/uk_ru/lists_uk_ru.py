"""A list by community or district under a total ("Загинули троє людей ..." then
"- Нікопольська громада: 1 загиблий, 5 поранених", one line per community): each line's
figure is a part of the total above it, not an event to add to it.

A list line is a sentence that begins with a dash or a bullet. Its figures of one outcome
are linked to the nearest figure of that outcome stated before the list (and not in a
list) when the list's figures of that outcome add up to no more than it and it is one
incident's (a day's) toll; the parts take its date when they have none. Under a running
total ("В результате обстрелов погибли четыре человека" of a day's summary, read as a
period's count) the lines stay what they are: the day's events, counted.
"""

from __future__ import annotations

from tollbook.extract.drafts import Draft

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
