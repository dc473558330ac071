"""A running total told again in round figures: "deep south toll tops 7,700" in a headline
over "the insurgency has killed 7,712 people since January 2004" in the body.

Read alone, the headline's "tops 7,700" names no period and would be counted as one event,
adding a whole war's dead to the documented count. When a report gives a running total and
another of its figures of the same outcome is a rounded statement of it ("more than",
"at least", "about", "tops"), at most that total and within 2% of it, that figure is the
same running total and is read as ``cumulative``. An exact figure is left alone ("the quake
killed 2,000, bringing this year's toll to 2,010" stays one event), and so is a share of
the total (a figure well below it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tollbook.extract.drafts import Draft, kept_of, value_of

#: How close a rounded figure must be to a running total, as a share of it.
CLOSENESS = 0.02
_ROUNDED = ("more_than", "at_least", "about")


def restated_totals(kept: Sequence[Draft]) -> None:
    """Read each rounded restatement of the report's running totals as one of them."""
    _parts_of_a_figure_named_again(kept)
    totals = [d for d in kept if d.scope == "cumulative" and value_of(d) > 0]
    if not totals:
        return
    for d in kept:
        if d.scope != "incident" or d.qualifier not in _ROUNDED or d.parent is not None:
            continue
        figure = value_of(d)
        if any(
            t.outcome == d.outcome
            and figure <= value_of(t)
            and value_of(t) - figure <= CLOSENESS * value_of(t)
            for t in totals
        ):
            d.scope = "cumulative"
    _totals_referred_to(kept, totals)


#: "Of the 38 deaths, 12 occurred in the treatment centre": the figure refers back
_OF_THE_RE = re.compile(r"\bof\s+(?:the|these|those|its)\s+$", re.IGNORECASE)


def _totals_referred_to(kept: Sequence[Draft], totals: list[Draft]) -> None:
    """A figure that refers back to a running total the report gave ("Of the 38 deaths,
    12 occurred in Adre") is that total again, over its period and at its place."""
    for d in kept:
        if d.scope != "incident" or d.qualifier != "exact":
            continue
        before = d.evidence[max(0, d.position - 12) : d.position]
        if not _OF_THE_RE.search(before):
            continue
        total = next(
            (
                t
                for t in totals
                if t.outcome == d.outcome
                and value_of(t) == value_of(d)
                and t.sentence_index < d.sentence_index
            ),
            None,
        )
        if total is not None:
            d.scope, d.when, d.place = "cumulative", total.when, total.place


#: a figure named again to break it down: "Of the 29 in Murcia, 13 died in Lorca", "The 34
#: include the three people who died in hospital"
_NAMED_AGAIN_RE = re.compile(
    r"^\W*of\s+the\s+(?P<n>[\d,]+)\b|\bthe\s+(?P<m>[\d,]+)\s+(?:include|includes|included)\b",
    re.IGNORECASE,
)


def _parts_of_a_figure_named_again(kept: Sequence[Draft]) -> None:
    """A figure of a sentence that names an earlier figure again to break it down is a part
    of that figure ("Of the 29 in Murcia, 13 died in the municipality of Lorca": not 13 dead
    of an event at Lorca beside the 29)."""
    for i, d in enumerate(kept):
        if d.parent is not None or d.scope != "incident":
            continue
        named = _NAMED_AGAIN_RE.search(d.evidence)
        if named is None or named.end() > d.position:
            continue
        value = int((named.group("n") or named.group("m")).replace(",", ""))
        whole = next(
            (
                t
                for t in reversed(kept[:i])
                if t.outcome == d.outcome
                and value_of(t) == value
                and t.sentence_index < d.sentence_index
            ),
            None,
        )
        if whole is not None and value_of(d) < value:
            d.parent = whole


#: a figure an earlier statement gave: "Earlier, the headquarters had reported 12 dead",
#: "Ранее в оперштабе сообщали о 12 погибших", "Раніше повідомлялося про 12 загиблих"
_EARLIER_RE = re.compile(
    r"^\W*(?:earlier|previously|initially)\b|\b(?:had\s+earlier|earlier\s+(?:put|gave|said|"
    r"reported))\b|^\W*(?:раніше|ранее|спочатку|сначала)\b",
    re.IGNORECASE,
)


def earlier_totals(kept: Sequence[Draft]) -> None:
    """A figure an earlier statement gave, below a running total the report gave before it
    for the same outcome, is an earlier state of that total: ``cumulative``, with its place
    and days ("Since 6 August 14 civilians have been killed in Kursk region ... Earlier,
    the headquarters had reported 12 dead": not 12 more dead in the district last named)."""
    for i, d in enumerate(kept):
        if d.scope != "incident" or d.parent is not None or not _EARLIER_RE.search(d.evidence):
            continue
        figure = value_of(d)
        totals = [
            t
            for t in kept[:i]
            if t.scope == "cumulative" and t.outcome == d.outcome and value_of(t) > figure > 0
        ]
        if totals:
            total = totals[-1]
            d.scope, d.place, d.when = "cumulative", total.place, total.when


#: an earlier toll told right after the latest: "46 dead, ..., up from 31 on Monday"
_UP_FROM_RE = re.compile(
    r"\b(?:up|down)\s+from\s+(?:an?\s+(?:earlier|previous)\s+[a-z]+\s+of\s+)?$"
)


def earlier_toll_of_the_figure(here: Sequence[Draft], lower: str) -> None:
    """The earlier toll a sentence gives after its latest ("killed at least 46 people in
    Mozambique, all of them in the provinces of Zambezia, Sofala and Manica, the institute
    said, up from 31 on Monday") is of the same event: its place and scope, not the place
    named last before it."""
    if " from " not in lower:
        return
    for i, d in enumerate(here):
        if i == 0 or not _UP_FROM_RE.search(lower, max(0, d.position - 40), d.position):
            continue
        latest = here[i - 1]
        if latest.outcome == d.outcome and latest.subgroup is None and d.subgroup is None:
            d.place, d.scope = latest.place, latest.scope


#: a sum of what was told before: "In all, ...", "Загалом загинули 24 людини", "Всего погибли"
_IN_ALL_RE = re.compile(
    r"^\W*(?:in\s+all|in\s+total|altogether|загалом|усього|всього|всего|в\s+общей\s+сложности)\b",
    re.IGNORECASE,
)
_DEAD = ("killed", "bodies_found")


def summed_totals(kept: Sequence[Draft], drafts: Sequence[Draft]) -> None:
    """A total "in all" that is the sum of two or more figures of the dead the report gave
    before it for one event is that event's toll, not a running total ("22 bodies were pulled
    from the rubble and two more died in hospital. In all, 24 people died"). ``drafts`` are
    all the report's drafts, the repeats merged into ``kept`` among them (the "in all" may
    be a repeat of the headline's figure)."""
    for d in kept:
        if d.scope != "cumulative" or d.outcome != "killed":
            continue
        said = [x for x in drafts if kept_of(x) is d and _IN_ALL_RE.search(x.evidence)]
        if not said:
            continue
        parts = [
            p
            for p in kept
            if p is not d
            and p.scope == "incident"
            and p.outcome in _DEAD
            and p.parent is None
            and p.sentence_index < said[0].sentence_index
        ]
        start = _summed_from(value_of(d), [value_of(p) for p in parts])
        if start is not None:
            d.scope, d.place = "incident", parts[start].place
            for part in kept:
                if part.parent is d:  # "серед них п'ятеро дітей": the event's, as its toll
                    part.scope, part.place = "incident", d.place


def _summed_from(figure: int, values: list[int]) -> int | None:
    """Where the last two or more ``values`` that add up to ``figure`` begin, or None."""
    for start in range(len(values) - 2, -1, -1):
        if sum(values[start:]) == figure:
            return start
    return None
