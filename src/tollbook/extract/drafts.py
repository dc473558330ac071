"""What the extractor holds about a figure while it reads a report: a draft claim, and
what one number was read to count."""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.domain.claim import Claim
from tollbook.extract.places import Place


@dataclass
class Draft:
    outcome: str
    low: int | None
    high: int | None
    qualifier: str
    victims: str
    place: Place | None
    when: str | None
    scope: str
    kind: str
    attributed_to: str | None
    evidence: str
    evidence_start: int
    sentence_index: int
    position: int
    official_mention: bool = False
    victims_from_noun: bool = False
    figure_text: str = ""
    place_here: bool = False
    #: stated in the report's headline (its first line)
    in_headline: bool = False
    #: how this figure is part of another (subgroups.subgroup_cue), and which one
    subgroup: str | None = None
    parent: Draft | None = None
    #: the draft this repeat was merged into
    merged_into: Draft | None = None
    #: a headline figure has taken its fields from the body
    taken_over: bool = False
    #: the figure a derived figure multiplies
    base: Draft | None = None
    #: its sentence names one event ("a single strike")
    one_event: bool = False
    #: the bulletin story it was told in (``Carried.story``): no share of another story's
    story: int = 0


def kept_of(d: Draft) -> Draft:
    """The draft a repeat was merged into (itself when it was kept)."""
    while d.merged_into is not None:
        d = d.merged_into
    return d


@dataclass(frozen=True)
class Reading:
    outcome: str
    low: int | None
    high: int | None
    qualifier: str
    victims: str | None
    body_noun: bool


def value_of(d: Draft) -> int:
    return d.low if d.low is not None else (d.high or 0)


def figure_key(d: Draft) -> tuple[object, ...]:
    if d.qualifier == "vague":
        return (d.outcome, "vague", d.figure_text)
    if d.qualifier in ("range", "derived"):
        return (d.outcome, d.low, d.high)
    return (d.outcome, d.low if d.low is not None else d.high)


#: How far after a number its words are read (a sentence can be a whole pasted page).
WINDOW = 200


def draft_claim(article: str, d: Draft, part_of: int | None) -> Claim:
    """The claim a kept draft states, with the index of the claim it is part of."""
    return Claim(
        article=article,
        outcome=d.outcome,  # type: ignore[arg-type]
        low=d.low,
        high=d.high,
        qualifier=d.qualifier,  # type: ignore[arg-type]
        victims=d.victims,
        place=d.place.name if d.place else None,
        when=d.when,
        scope=d.scope,  # type: ignore[arg-type]
        kind=d.kind,  # type: ignore[arg-type]
        attributed_to=d.attributed_to,
        evidence=d.evidence,
        evidence_start=d.evidence_start,
        geo=d.place.geo if d.place else None,
        part_of=part_of,
    )
