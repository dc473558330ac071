"""Suicide bombers who died in their own blast: dead beside the toll, as the count layer
counts an attack's perpetrators (docs/counting.md). "A suicide bomber blew himself up
among traders, killing 16 people" tells 17 dead; "killing four people besides herself",
five. No figure names the bomber, so none is read; this adds it."""

from __future__ import annotations

import re
from dataclasses import replace

from tollbook.extract.drafts import Draft, kept_of
from tollbook.extract.perpetrators import is_perpetrators

_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
#: "A suicide bomber blew himself up", "a woman blew herself up at the cattle market",
#: "killing eight people besides herself", "besides the bomber"
_ONE_RE = re.compile(
    r"\b(?:a|one)\s+(?:(?:female|male|teenage|young|suspected)\s+)?"
    r"(?:suicide\s+bomber|bomber|woman|man|girl|boy|teenager)\s+blew\s+(?:him|her)self\s+up\b"
    r"|\bbesides\s+(?:him|her)self\b|\bbesides\s+the\s+(?:suicide\s+)?bomber\b"
)
#: "Two suicide bombers blew themselves up"
_MANY_RE = re.compile(
    r"\b(?P<n>two|three|four|[234])\s+(?:(?:female|male|teenage|young)\s+)?(?:suicide\s+)?"
    r"(?:bombers|women|girls)\s+blew\s+themselves\s+up\b"
)
#: a toll that holds the bombers: "23 people had been killed, including the two bombers",
#: "a figure that included the remains of the bomber" (not "does not include the bomber")
_INSIDE_RE = re.compile(
    r"(?<!not )(?<!n't )\binclud\w*\s+(?:the\s+remains\s+of\s+)?(?:the\s+)?(?:two\s+|both\s+)?"
    r"(?:suicide\s+)?(?:bombers?|attackers)\b"
)


def _bombers_in(lower: str) -> int:
    many = _MANY_RE.search(lower)
    if many:
        return _WORDS[many.group("n")]
    return 1 if _ONE_RE.search(lower) else 0


def bombers_beside(kept: list[Draft], drafts: list[Draft], lowers: list[str]) -> None:
    """Add the bombers of each event whose sentence tells them blowing themselves up, after
    the event's figure, unless the report counts the event's dead attackers itself or says
    a toll includes the bombers."""
    told = [i for i, lower in enumerate(lowers) if "blew " in lower or "besides " in lower]
    if not told or any(_INSIDE_RE.search(lower) for lower in lowers):
        return
    kept_ids = {id(d) for d in kept}  # (by identity: drafts are dataclasses, == compares fields)
    found: dict[int, tuple[Draft, Draft, int]] = {}
    for index in told:
        count = _bombers_in(lowers[index])
        own = next(
            (d for d in drafts if d.sentence_index == index and d.outcome == "killed"),
            None,
        )
        if not count or own is None:
            continue
        event = kept_of(own)
        while event.parent is not None:  # ("killing 17", part of the headline's 19)
            event = kept_of(event.parent)
        if event.scope != "incident" or id(event) not in kept_ids or id(event) in found:
            continue
        if any(_counts_attackers(d, event) for d in kept):
            continue  # "Two attackers died: the bomber and a second man who was shot dead"
        found[id(event)] = (event, own, count)
    for event, own, count in found.values():
        bombers = replace(
            event,
            low=count,
            high=count,
            qualifier="exact",
            victims="suicide bomber" if count == 1 else "suicide bombers",
            evidence=own.evidence,
            evidence_start=own.evidence_start,
            sentence_index=own.sentence_index,
            position=own.position,
            figure_text="",
            in_headline=False,
            subgroup=None,
            parent=None,
            merged_into=None,
            taken_over=False,
            base=None,
        )
        at = next(i for i, d in enumerate(kept) if d is event)
        kept.insert(at + 1, bombers)


def _counts_attackers(d: Draft, event: Draft) -> bool:
    """Whether ``d`` counts the dead attackers of ``event`` (the same place and day)."""
    return (
        d.outcome == "killed"
        and (is_perpetrators(d.victims) or "bomber" in d.victims.lower())
        and d.when == event.when
        and d.place == event.place
    )
