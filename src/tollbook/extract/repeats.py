"""One claim per distinct figure: repeats merged, unless places or victims differ."""

from __future__ import annotations

import re

from tollbook.domain.incident import days_before, when_bounds
from tollbook.extract.drafts import Draft, figure_key
from tollbook.extract.perpetrators import is_perpetrators
from tollbook.extract.places import is_wide


def merge_repeats(drafts: list[Draft], parts_apart: bool = False) -> list[Draft]:
    """One claim per distinct figure per outcome, victims and place; a repeat can show the
    figure is official. The same number for two places named in their sentences ("1 in
    Kostiantynivka and 1 in Toretsk"), or for two victim groups, is two claims.

    ``parts_apart`` (the Ukrainian and Russian pass): a part of a toll ("серед них двоє
    волонтерів") and a figure told in another body sentence ("вбили двох людей у
    Дружківці") are two figures."""
    kept: dict[tuple[object, ...], list[Draft]] = {}
    out: list[Draft] = []
    for d in drafts:
        same = kept.setdefault(figure_key(d), [])
        first = next(
            (
                k
                for k in same
                if _same_place(k, d)
                and _same_victims(k, d)
                and _same_time(k, d)
                and not (parts_apart and (_part_and_whole(k, d) or _told_apart(k, d)))
                and not (k.sentence_index != d.sentence_index and _SEPARATELY_RE.match(d.evidence))
            ),
            None,
        )
        if first is None:
            same.append(d)
            out.append(d)
        else:
            d.merged_into = first
            _take_over(first, d)
    return out


#: a sentence that says it tells another event: "Separately, a landslide on 1 August
#: buried a car ..., killing the two people inside"
_SEPARATELY_RE = re.compile(
    r"\W*(?:separately|elsewhere|in\s+(?:a|an)\s+(?:separate|unrelated)\s+[a-z]+)\b",
    re.IGNORECASE,
)


def _part_and_whole(a: Draft, b: Draft) -> bool:
    if (a.parent is None) == (b.parent is None) or a.sentence_index == b.sentence_index:
        return False
    if not (a.in_headline or b.in_headline):
        return True
    # a headline's figure is no part of a running total told later ("погибших уже четверо",
    # then "с начала года ... погибли 11 человек, из них четверо детей")
    part = a if a.parent is not None else b
    return part.parent is not None and part.parent.scope == "cumulative"


def _told_apart(a: Draft, b: Draft) -> bool:
    """Two figures days apart, one placed by its own sentence elsewhere than the other
    ("Напомним, 3 февраля ... гибели двух человек ... в Прокопьевске" beside the two
    employees among the dead of 11 February in Novokuznetsk; "раненая 16 октября в
    Дружковке ... число погибших ... возросло до трех" beside the three killed in Kramatorsk
    on 18 October): two events."""
    a_day, b_day = when_bounds(a.when)[0], when_bounds(b.when)[0]
    if a_day is None or b_day is None or abs((a_day - b_day).days) < 2:
        return False
    if not (a.place_here or b.place_here) or a.place is None or b.place is None:
        return False
    return a.place.name.lower() != b.place.name.lower()


def _same_place(a: Draft, b: Draft) -> bool:
    if a.in_headline or b.in_headline:
        return True  # a headline names the city of a figure the body places more exactly
    if a.place is None or b.place is None:
        return True
    if not (a.place_here and b.place_here):
        # the same figure placed in another town by its own sentence, after one the report
        # carried ("two who died at the school" in Kosti; "two workers killed when a drone
        # hit a fuel depot on the edge of Rabak"): two events; not so the next sentence,
        # which tells a heading's or a lead's figure more fully ("16:45 | Four more bodies
        # found", then where they were found)
        return not (
            b.place_here
            and b.sentence_index > a.sentence_index + 1
            and _town_of(a) != _town_of(b)
            and not any(p.is_country or is_wide(p) for p in (a.place, b.place))
        )
    return a.place.name.lower() == b.place.name.lower()


def _town_of(d: Draft) -> str:
    return d.place.name.rsplit(", ", 1)[-1].lower() if d.place is not None else ""


def _same_time(a: Draft, b: Draft) -> bool:
    """Not a repeat when the two are dated weeks apart: "8 killed" in a headline and "In
    January 2025, a blast killed eight" a year before are two events."""
    if a.scope != "incident" or b.scope != "incident":
        return True  # a running total's period is written in many ways
    a_day, b_day = when_bounds(a.when)[0], when_bounds(b.when)[0]
    if a_day is None or b_day is None:
        return True
    if _NAMED_AGAIN_RE.search(b.evidence):
        return True  # "Of the 73 dead, 21 were children": the 73 told before, whenever
    if _sums_up_lead(a, b) or _sums_up_lead(b, a):
        return True  # the headline sums up its lead, of whatever year: "over wedding strike
        # that killed 31" and "... the strike ... that killed 31 civilians in June last year"
    if _told_on_days_apart(a, b, abs((a_day - b_day).days)):
        return False
    if (a.in_headline or b.in_headline) and a_day.year == b_day.year:
        # a headline is dated by the report's dateline: "killed at least 37" on 2 July is the
        # body's "On 9 May, ... executed at least 37" (not a past year's event of that size)
        return abs((a_day - b_day).days) <= _HEADLINE_DAYS
    return abs((a_day - b_day).days) <= _REPEAT_DAYS


#: a figure named again as the dead it counted: "Of the 73 dead", "Of the 163,", "Among the
#: 187 dead"
_NAMED_AGAIN_RE = re.compile(
    r"^\W*(?:of|among)\s+the\s+[\d,]+(?:\s+(?:dead|killed|victims|deaths)\b|,)", re.I
)

#: a day a sentence names: "on 11 October", "October 11", "on Saturday"
_DAY_NAMED_RE = re.compile(
    r"\b(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b|"
    r"(?:on|late\s+on|early\s+on)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    re.IGNORECASE,
)


def _told_on_days_apart(a: Draft, b: Draft, days: int) -> bool:
    """Two figures of the body dated days apart, one by a day its own sentence names ("Two
    men were shot dead ..." on the 19th and "... a shooting on 11 October ... raising the
    number of dead to two"): two events, whatever their places."""
    if days < 3 or a.in_headline or b.in_headline or "/" in (a.when or "") + (b.when or ""):
        return False
    return bool(_DAY_NAMED_RE.search(a.evidence) or _DAY_NAMED_RE.search(b.evidence))


def _sums_up_lead(headline: Draft, lead: Draft) -> bool:
    """A headline's figure dated by the dateline alone (a day, no period of its own) and
    the same figure in the body's first sentence."""
    return headline.in_headline and lead.sentence_index == 1 and "/" not in (headline.when or "/")


#: the most days apart two figures may be dated and still be one figure told twice
_REPEAT_DAYS = 14
#: ... when one of them is a headline's (dated by the dateline, not by what it tells)
_HEADLINE_DAYS = 90


def _same_victims(a: Draft, b: Draft) -> bool:
    if "people" in (a.victims, b.victims) or not (a.victims_from_noun and b.victims_from_noun):
        return True
    if is_perpetrators(a.victims) and is_perpetrators(b.victims):
        return True  # "three attackers die" in a headline, "three gunmen were killed" below
    return _noun(a.victims) == _noun(b.victims)


def _noun(victims: str) -> str:
    """ "civilian lives" and "civilians" are one group."""
    words = victims.lower().replace(" lives", "").split()
    return " ".join(w.rstrip("s") for w in words)


#: the marks of a list's lines ("• 96 people killed" among a release's highlights)
_BULLETS = ("•", "-", "*", "–", "·")


def _take_over(first: Draft, repeat: Draft) -> None:
    """What a repeat adds to the figure first stated: that it is official, who gave it
    (a headline or a release's highlights name no source), and where (a headline names only
    the city)."""
    if repeat.official_mention and first.kind == "reported" and first.qualifier != "derived":
        first.kind = "official"
    if (
        (
            first.in_headline
            or first.evidence.lstrip().startswith(_BULLETS)
            or _ENTRY_HEADING_RE.match(first.evidence) is not None
        )
        and first.attributed_to is None
        and repeat.attributed_to is not None
    ):
        # a headline or a release's highlights state figures without their source
        first.attributed_to = repeat.attributed_to
        if first.kind == "reported":
            first.kind = repeat.kind
    if first.in_headline and not repeat.in_headline and not first.taken_over:
        # a headline's figure is told in full in the body: where, when, its scope
        first.taken_over = True
        first.place = repeat.place or first.place
        first.scope = repeat.scope
        if not _NAMED_AGAIN_RE.search(repeat.evidence):  # ("Of the 64 dead": a day carried)
            first.when = repeat.when or first.when
        if repeat.kind != "reported":
            first.kind = repeat.kind


#: a live page's entry heading: "21:15 | Toll rises to 12" (its source is in the entry)
_ENTRY_HEADING_RE = re.compile(
    r"^\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[|–—-]\s"
)


def headline_at_its_event(kept: list[Draft]) -> None:
    """A headline's toll given as a floor ("as massacre toll passes 50") and placed only at
    an area or a country, over the body's larger figure of one event ("had killed at least
    52 civilians ... in the village of Kasana-Mbau"), is that event's toll: it takes the
    event's place and day (its own day is the report's, its area the event's wider one)."""
    for d in kept:
        if not (
            d.in_headline
            and d.scope == "incident"
            and d.qualifier in ("more_than", "at_least")
            and d.low is not None
            and (d.place is None or d.place.is_country or is_wide(d.place))
        ):
            continue
        event = next(
            (
                b
                for b in kept
                if not b.in_headline
                and b.outcome == d.outcome
                and b.scope == "incident"
                and b.parent is None
                and b.place is not None
                and b.low is not None
                and (b.place_here or b.place.name.split(", ")[0] in b.evidence)
                and not is_wide(b.place)
                and d.low <= b.low <= d.low * 5 // 4
                and _up_to_days_before(b.when, d.when)
            ),
            None,
        )
        if event is not None:
            d.place, d.when = event.place, event.when


def _up_to_days_before(when: str | None, headline: str | None) -> bool:
    """``when`` begins on the headline's day or up to ``_REPEAT_DAYS`` before it."""
    days = days_before(when, headline)
    return days is not None and 0 <= days <= _REPEAT_DAYS
