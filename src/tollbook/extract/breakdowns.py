"""Breakdowns of a report's toll by place: "In the district of Qadis alone, 41 people were
killed" after a headline's "kills more than 60"; "Twenty-six were killed in Kadawa and
twelve in Gidan Dawa" under "Gunmen kill 38"; "the hospital had received eleven bodies" in a
report of 19 dead. Each is a part of the report's toll (``Draft.parent``), not an event of
its own: counted apart, it would be added to the toll it is part of.

A figure is read as such a part when the report's toll (the largest figure of the same
outcome stated in the headline or the body's first sentence with a figure) is larger, the
figure is in a later sentence that names its place (or a hospital that received the
victims), nothing says it is another event ("elsewhere", "separately", "in another
attack", "in 2019", "had risen", or "since" beside one incident's toll) or one begun more
than a week before the toll's, and the parts read so far do not add up to more than the
toll. Two or more figures of one later sentence that add up to the toll exactly are its
parts wherever they are placed ("seven died at the bowling alley and eight at the bar; three
died in hospital" under 18 killed). A part inside a part already read ("four members of one
family" in the district of 17, in a later sentence) is linked to that part.

And a later figure of that one incident that names no place of its own but speaks of "the
strike" or "the quake" takes the toll's place and date: it is the same event, and the
place carried from the sentences between ("rescue teams from Dnipro") is not its place.
"""

from __future__ import annotations

import re

from tollbook.domain.incident import days_before, when_bounds
from tollbook.extract.countries import country_of_town
from tollbook.extract.dates import HAS_YEAR_RE
from tollbook.extract.drafts import Draft, kept_of, value_of
from tollbook.extract.perpetrators import is_perpetrators, other_attacker, same_side
from tollbook.extract.places import Place, is_wide
from tollbook.extract.sites import is_receiving
from tollbook.extract.when import DAY_OF_MONTH, MONTH_NAMES

#: Words that make a figure another event than the report's toll ("elsewhere", "in another
#: attack" but not "Another 13 were killed in Kampak", one more share, "in 2019").
_OTHER_EVENT = (
    # (not "three were wounded in neighbouring streets": the same strike's)
    r"elsewhere|neighbou?ring(?!\s+(?:streets?|houses?|homes?|buildings?|blocks?|yards?|flats?))|"
    r"(?<!to\s)separate(?:ly)?|unrelated|"
    r"another\s+(?:[a-z-]+\s+)?(?:attack|strike|incident|bombing|raid|explosion|blast|shelling|"
    r"ambush|accident|crash|fire|quake|earthquake|landslide|event)|"
    r"other\s+(?:attacks?|strikes?|incidents?)|"
    # "Hours after the market strike, a second drone hit near the mosque"
    r"a\s+(?:second|third)\s+(?:[a-z-]+\s+)?(?:drone|attack|strike|bombing|raid|explosion|"
    r"blast|shell|missile|rocket)|"
    r"earlier\s+(?:this|that|in\s+the)\s+(?:week|month|year)|last\s+(?:week|month|year)|"
    r"previous|in\s+(?:19|20)\d\d|a\s+(?:year|month|week)\s+ago|"
    # "Hours before the bombing, on Monday, gunmen killed five farmworkers in Tibú"
    r"(?:hours|days|a\s+day|the\s+day|a\s+week)\s+(?:before|earlier)|"
    # a bulletin's next story: "In other news, police in Karachi say three were killed"
    r"in\s+other\s+news|meanwhile"
)
#: Words of a revision of the toll itself: "had risen", "up from", "the toll".
#: ("the river rose by four metres": water, not a toll)
_REVISION = (
    r"had\s+(?:risen|given|put|reported|said)|up\s+from|(?:rose|risen)(?!\s+by\s)|revised|toll"
)
#: Not a share of the toll: another event, or the toll revised.
_ANOTHER_EVENT_RE = re.compile(rf"(?<!\w)(?:{_OTHER_EVENT}|{_REVISION})(?!\w)", re.IGNORECASE)
#: Another event only: a later toll of the same event ("the police put the toll at 31")
#: follows the event.
_OTHER_EVENT_RE = re.compile(rf"(?<!\w)(?:{_OTHER_EVENT})(?!\w)", re.IGNORECASE)
#: A period ("since 2015", "since the war began"): another event than one incident's toll.
_SINCE_RE = re.compile(r"(?<!\w)since(?!\w)", re.IGNORECASE)
#: A share of a count told by who killed them: "responsible for 287 of the killings"
_OF_THE_KILLINGS_RE = re.compile(r"[\d,]+\s+of\s+(?:the|those|these)\s+(?:deaths|killings)\b")
#: A hospital or morgue that received the victims: its count is a share of the toll.
_RECEIVED_RE = re.compile(
    r"(?<!\w)(?:hospitals?|morgues?|mortuar(?:y|ies)|clinics?|medical\s+cent(?:re|er)s?)(?!\w)"
    r".{0,80}?(?<!\w)"
    r"(?:received|admitted|took\s+in|brought\s+in)(?!\w)",
    re.IGNORECASE,
)
#: The report's own event, named again: "the strike killed at least 25".
_THE_EVENT_RE = re.compile(
    r"(?<!\w)the\s+(?:[a-z-]+\s+)?(?:strikes?|airstrikes?|air\s+strikes?|attacks?|raids?|assault|"
    r"bombing|shelling|massacre|killings|blast|explosion|fire|quake|earthquake|floods?|landslide|"
    r"storm|cyclone|hurricane|typhoon|collapse|crash|sinking|stampede)(?!\w)|"
    # "confirmed the attacks but put the number of dead at 31": another toll of the event
    r"(?<!\w)(?:put|puts|gave|gives|revised)\s+the\s+(?:death\s+)?(?:toll|number|figure)(?!\w)",
    re.IGNORECASE,
)
_NO_PART_QUALIFIERS = ("vague", "derived")
_AMONG_DEAD_RE = re.compile(r"\b(?:among|including|of)\s+(?:the\s+)?(?:dead|them|those|victims)\b")
#: a line of a timeline, opening on its day or month: "- 5 June: ...", "June 1 - ...", "22 May:
#: ...", "- July 2005: ..."
_DATED_ITEM_RE = re.compile(
    rf"^\W*(?:{DAY_OF_MONTH}|{MONTH_NAMES}\s+(?:19|20)\d\d)\s*(?::|[-–—]\s)"
)

#: a live page's entry that tells a new attack: "10:15 - A drone strikes a gas station in X"
_TIMED_EVENT_RE = re.compile(
    r"^\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?[-–—|:]\s+an?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:drone|missile|rocket|shell|bomb|strike|airstrike|attack|explosion|blast|gunman|gunmen)s?\b",
    re.IGNORECASE,
)


def link_breakdowns(kept: list[Draft], read: list[Draft]) -> None:
    """Link each place's share of the report's toll to it (see the module's text).
    ``read`` holds every draft of the report, repeats too (``kept`` after
    ``merge_repeats``): the lead may repeat the headline's figure. First, a later figure of
    "the strike in Ulang" takes the day of that strike (``_the_event_named_again``)."""
    _the_event_named_again(kept)
    leads = {_lead_index(read), _lead_index(kept)} - {None}
    if not leads:
        return
    for outcome in {d.outcome for d in kept}:
        toll = _toll(kept, outcome, leads)
        if toll is None:
            continue
        parts = _exact_breakdown(kept, toll)
        if not parts and toll.scope == "cumulative":
            # a lead that tells a running total beside a new event ("raises 2025 road toll to
            # 5,104 as bus crash kills 11"): the event's toll is the one later figures add up to
            # ("Nine passengers died at the scene and two more in hospital")
            toll, parts = _event_beside(kept, toll, leads)
        for d in kept:
            if d.sentence_index <= toll.sentence_index or not _may_be_part(d, toll):
                continue
            inside = next((p for p in parts if _holds(p, d)), None)
            if inside is not None:
                d.parent = inside
                continue
            if sum(value_of(p) for p in parts) + value_of(d) > value_of(toll) and not (
                # a hospital's count of a running total's dead, whatever its breakdown by
                # sex or age ("51 were men and 17 women"): one more share of it
                toll.scope == "cumulative" and _RECEIVED_RE.search(d.evidence)
            ):
                continue
            d.parent = toll
            parts.append(d)
        if toll.scope == "incident":
            _follow_the_event(kept, toll)
        else:
            _other_counts_of_the_period(kept, toll)


def totals_of_periods(kept: list[Draft]) -> None:
    """A toll whose parts add up to it and are all counts of one period ("at least nine
    dead" of "Six of them died in the capital and three in the suburbs since the cold snap
    set in last Thursday") is that period's count, not one event, and is dated so."""
    for toll in kept:
        if toll.scope != "incident" and toll.when is not None:
            continue  # (a running total read as such but left undated takes their period)
        parts = [
            d
            for d in kept
            if d.parent is not None and kept_of(d.parent) is toll and d.outcome == toll.outcome
        ]
        if len(parts) < 2 or any(d.scope != "cumulative" for d in parts):
            continue
        periods = {d.when for d in parts}
        if len(periods) != 1 or sum(value_of(d) for d in parts) != value_of(toll):
            continue
        period = periods.pop()
        if period is not None and "/" in period:
            toll.scope, toll.when = "cumulative", period


def _later_on_its_own(d: Draft, toll: Draft) -> bool:
    """``d`` is a figure of the toll's outcome told after it, not yet part of another
    figure, and not a repeat."""
    return (
        d.sentence_index > toll.sentence_index
        and d.outcome == toll.outcome
        and d.parent is None
        and kept_of(d) is d
    )


def _follow_the_event(kept: list[Draft], toll: Draft) -> None:
    """A later figure of one event that names no place of its own and speaks of "the
    strike" or "the quake" (the report's event, as its toll tells it) takes the toll's
    place and date, so that it is counted in the same incident (``toll`` is one incident)."""
    for d in kept:
        if (
            _later_on_its_own(d, toll)
            and d.scope == "incident"
            and d.story == toll.story
            and not _named_here(d)
            and (_THE_EVENT_RE.search(d.evidence) or _same_days(d.when, toll.when))
            and not _OTHER_EVENT_RE.search(d.evidence)
            and not _starts_before(d.when, toll.when)  # "the 1905 Calabria quake killed 560"
            # an anniversary report's new event, a year after the one it recalls ("put the
            # toll at 11" of this week's landslide)
            and not _after_its_day(d.when, toll.when)
            # "Two members of the structure who allegedly took part in the massacre were
            # killed on 3 April in a clash": a day of its own, days after the event's
            and not (_days_after(d.when, toll.when) > 3 and _OWN_DAY_RE.search(d.evidence))
            and not is_perpetrators(d.victims)  # attackers killed in the pursuit, elsewhere
        ):
            d.place, d.when = toll.place, toll.when


#: what happened or when, told in a figure's own sentence: then it is no count of the period
_OWN_EVENT_RE = re.compile(
    r"\b(?:strikes?|struck|attack\w*|shell\w*|bomb\w*|blast|explosion|raids?|ambush\w*|"
    r"massacre\w*|shooting|fire|collapse\w*|crash\w*|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|overnight|today|morning|evening|night|when|"
    r"(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _other_counts_of_the_period(kept: list[Draft], toll: Draft) -> None:
    """Another source's higher count of the dead the lead counts over a period ("At least
    34 people have been killed since Saturday in clashes", then "a traditional ruler said at
    least 52 people had been killed"), told with no event, day or place of its own, counts
    over the same period at the same place."""
    for d in kept:
        if (
            _later_on_its_own(d, toll)
            and d.scope == "incident"
            and d.kind not in ("estimate", "observed")  # (a team's own count is a part)
            and value_of(d) > value_of(toll)
            and not d.place_here
            and d.victims in ("people", toll.victims)
            and not _starts_before(d.when, toll.when)
            and not _OWN_EVENT_RE.search(d.evidence)
            and not _OTHER_EVENT_RE.search(d.evidence)
        ):
            d.scope, d.when, d.place = "cumulative", toll.when, toll.place


def _same_days(when: str | None, toll_when: str | None) -> bool:
    """A figure dated within a day of the toll's first day (one event, told again)."""
    days = days_before(when, toll_when)
    return days is not None and abs(days) <= 1


#: an event named again by its kind: "the strike in Ulang", "the attack on the market"
_EVENT_AGAIN_RE = re.compile(
    r"\bthe\s+(?:[a-z-]+\s+)?(?P<kind>strike|airstrike|attack|raid|bombing|shelling|massacre|"
    r"blast|explosion|fire|crash|collapse|landslide|ambush)\s+(?:on|in|at|near)\s",
    re.IGNORECASE,
)
#: a day a sentence names of its own
_OWN_DAY_RE = re.compile(
    rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|"
    rf"today|{MONTH_NAMES})\b",
    re.IGNORECASE,
)


def _the_event_named_again(kept: list[Draft]) -> None:
    """A figure of "the strike in Ulang", told later with no day of its own, is of the strike
    an earlier sentence told with its day at that place, not of the day carried from the
    sentence between ("fishermen missing since 9 September")."""
    for d in kept:
        again = _EVENT_AGAIN_RE.search(d.evidence) if d.scope == "incident" else None
        if again is None or d.in_headline or d.place is None or _OWN_DAY_RE.search(d.evidence):
            continue
        kind = again.group("kind").lower()
        event = next(
            (
                e
                for e in reversed(kept)
                if e.sentence_index < d.sentence_index
                and e.scope == "incident"
                and e.when is not None
                and e.place is not None
                and e.place.name == d.place.name
                and kind in e.evidence.lower()
                and _OWN_DAY_RE.search(e.evidence)
            ),
            None,
        )
        if event is not None and event.when != d.when:
            d.when = event.when


def _lead_index(read: list[Draft]) -> int | None:
    """The first sentence of the body that states a figure."""
    body = [d.sentence_index for d in read if not d.in_headline]
    return min(body) if body else None


def _toll(kept: list[Draft], outcome: str, leads: set[int | None]) -> Draft | None:
    """The largest figure of ``outcome`` in the headline or the body's first sentence
    with a figure, or its first with a figure of its own (a headline's figure stands
    for the lead's repeat of it)."""
    candidates = [d for d in _lead_figures(kept, outcome, leads) if d.kind != "estimate"]
    return max(candidates, key=value_of, default=None)


def _lead_figures(kept: list[Draft], outcome: str, leads: set[int | None]) -> list[Draft]:
    """The figures of ``outcome`` in the headline or the lead that may have parts."""
    return [
        d
        for d in kept
        if d.outcome == outcome
        and (d.in_headline or d.sentence_index in leads)
        and d.parent is None
        and d.qualifier not in _NO_PART_QUALIFIERS
    ]


def _event_beside(
    kept: list[Draft], toll: Draft, leads: set[int | None]
) -> tuple[Draft, list[Draft]]:
    """An incident of the lead whose parts a later sentence gives exactly, else ``toll``."""
    for d in _lead_figures(kept, toll.outcome, leads):
        # (or a shorter period's count beside the running total: "killed 23 people in the
        # week to Sunday, bringing the toll since June to 96", then the week's four events)
        if d.scope == "incident" or (d is not toll and 0 < value_of(d) < value_of(toll)):
            parts = _exact_breakdown(kept, d)
            if len(parts) >= 2:
                return d, parts
    return toll, []


def _exact_breakdown(kept: list[Draft], toll: Draft) -> list[Draft]:
    """Two or more figures of one later sentence that add up to the toll exactly are its
    parts (returned), wherever they are placed ("A gunman killed 18 ... Seven people died at
    the bowling alley and eight at the bar; three died in hospital")."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in kept:
        if (
            _later_on_its_own(d, toll)
            and d.subgroup is None
            and d.qualifier == "exact"
            and 0 < value_of(d) < value_of(toll)
        ):
            by_sentence.setdefault(d.sentence_index, []).append(d)
    for figures in by_sentence.values():
        if (
            len(figures) >= 2
            and sum(value_of(d) for d in figures) == value_of(toll)
            and not any(_other_story(d, toll) for d in figures)
        ):
            return _the_parts(figures, toll)
    # the figures of the sentences after it, each an event of its own, that add up to it
    # with the parts already linked ("at least 41 deaths in the three islands", then 33 in
    # Madagascar, three in Mauritius and five in Réunion, each in its own paragraph, even
    # when each paragraph is a story headed by its country: the sum says they are its parts)
    # (a sentence whose first figure its others add up to gives that one: "nine people died
    # ...: six in the town of Tessaoua and three in the village of Dan Kada")
    own_parts: dict[int, list[Draft]] = {}
    for ds in by_sentence.values():
        if len(ds) >= 3 and value_of(ds[0]) == sum(value_of(d) for d in ds[1:]):
            own_parts[id(ds[0])] = ds[1:]
    figures = [
        d
        for ds in by_sentence.values()
        for d in (ds[:1] if id(ds[0]) in own_parts else ds)
        if d.scope == "incident"
        and d.kind != "estimate"
        and not _starts_before(d.when, toll.when)
        and not _OTHER_EVENT_RE.search(d.evidence)
        and not _attackers_told_apart(d)
    ]
    linked = sum(value_of(d) for d in kept if d.parent is toll and d.outcome == toll.outcome)
    if len(figures) >= 2 and linked + sum(value_of(d) for d in figures) == value_of(toll):
        for d in figures:
            for part in own_parts.get(id(d), []):
                part.parent = d
        return _the_parts(figures, toll)
    return []


def _the_parts(figures: list[Draft], toll: Draft) -> list[Draft]:
    own = {d.when for d in figures}
    day = next(iter(own)) if len(own) == 1 else None
    if (
        toll.scope == "incident"
        and len(own) == 1
        and all(HAS_YEAR_RE.search(d.evidence) for d in figures)
        and (_long_before(day, toll.when) or _a_day_of(day, toll.when))
    ):
        # the parts tell the event's day with its year, long before the day the toll was
        # told ("Inquiry finds 31 died in concert crush", then "24 people died at the scene
        # on the night of 16 August 2025 and seven in hospital"): the toll's day is theirs
        toll.when = day
    for d in figures:
        d.parent = toll
        # the event's dead: its days, not the telling's (bodies keep the day each
        # was found: "six on Tuesday and three more on Wednesday")
        if toll.scope == "incident" and toll.outcome in ("killed", "injured"):
            d.when = toll.when
    return figures  # the whole toll: no other figure is a part of it


def _a_day_of(when: str | None, toll_when: str | None) -> bool:
    """``when`` is one day inside the span ``toll_when`` ("last August": the 16th of it)."""
    day, span = when_bounds(when), when_bounds(toll_when)
    if day[0] is None or day[0] != day[1] or span[0] is None or span[1] is None:
        return False
    return span[0] < span[1] and span[0] <= day[0] <= span[1]


def _long_before(when: str | None, toll_when: str | None) -> bool:
    """``when`` begins more than a month before ``toll_when``."""
    days = days_before(when, toll_when)
    return days is not None and days > 31


def _other_story(d: Draft, toll: Draft) -> bool:
    """``d`` is told in a bulletin's later story than the event ``toll`` counts (a round-up's
    total over its places' stories keeps them as its shares)."""
    return d.story != toll.story and toll.scope == "incident"


def _may_be_part(d: Draft, toll: Draft) -> bool:
    if (
        d.outcome != toll.outcome
        or d.parent is not None
        or d.subgroup is not None
        or d.in_headline
        or _other_story(d, toll)
        or kept_of(d) is not d
        or d.qualifier in _NO_PART_QUALIFIERS
        or d.kind == "estimate"
        or (d.scope != "incident" and toll.scope != "cumulative")
        or value_of(d) >= value_of(toll)
        or value_of(d) <= 0
        or not same_side(toll.victims, d.victims)
        # "11:45 | Army says four attackers killed": attackers are a share of the toll only
        # when their sentence says they are among its dead
        or _attackers_told_apart(d)
        or other_attacker(d.evidence, toll.evidence)
    ):
        return False
    if d.place is None or not (
        _named_here(d)
        # "kills four across Dnipropetrovsk region": every event of the night there is a share
        or (toll.place is not None and is_wide(toll.place) and _ACROSS_RE.search(toll.evidence))
        or is_receiving(d.place)
        or _RECEIVED_RE.search(d.evidence)
        # "Twenty-four people were killed there": the village just named, in one event
        or (toll.scope == "incident" and _THERE_RE.search(d.evidence))
        # "Nine passengers died on the spot, while the drivers died on the way to hospital"
        or (toll.scope == "incident" and _AT_SCENE_RE.search(d.evidence))
        # "CODECO militias were responsible for 287 of the killings": a share of the count
        or (toll.scope == "cumulative" and _OF_THE_KILLINGS_RE.search(d.evidence) is not None)
    ):
        return False
    if _starts_before(d.when, toll.when) or (
        toll.scope == "incident" and _long_after(d.when, toll.when)
    ):
        return False
    if toll.scope == "incident" and _SINCE_RE.search(d.evidence):
        return False
    if toll.scope == "incident" and _outside_the_city(d, toll):
        return False
    if toll.scope == "incident" and _in_another_country(d, toll):
        return False  # "17:20 | Two dead in Haiti", under the Dominican Republic's toll
    if _DATED_ITEM_RE.match(d.evidence) or _TIMED_EVENT_RE.match(d.evidence):
        return False  # "- 5 June: Drones hit a bus station in Druzhkivka, killing 3": a timeline's
    return not _ANOTHER_EVENT_RE.search(_without_elsewhere_inside(d, toll))


#: "Elsewhere in Pütürge", "in the neighbouring district of Sarhua": another place, which
#: may lie inside the toll's area
_ELSEWHERE_IN_RE = re.compile(
    r"(?i:\belsewhere\s+in\s+(?:the\s+)?|\bneighbou?ring\s+(?:(?:district|province|county|"
    r"village|town|municipality|commune)\s+(?:of\s+)?)?)(?P<place>[A-Z][\w'’-]+)"
)


def _without_elsewhere_inside(d: Draft, toll: Draft) -> str:
    """``d``'s sentence, less an "elsewhere in" that names a town inside the wider area the
    toll counts ("killing 31 people" in Malatya province, then "Elsewhere in Pütürge, nine
    people were killed"; a quake's toll in Peru, then "Four people died in the neighbouring
    district of Sarhua"): another part of the same quake, not another event. Elsewhere in a
    country or a region ("Elsewhere in Ukraine") stays another event."""
    found = _ELSEWHERE_IN_RE.search(d.evidence)
    if (
        found is None
        or d.place is None
        or toll.place is None
        or not (is_wide(toll.place) or (toll.place.is_country and "neighbo" in found.group(0)))
        or d.place.is_country
        or is_wide(d.place)
        # (or a place listed after it: "... district of Sarhua and one in Huancaraylla")
        or (
            found.group("place") not in d.place.name
            and d.place.name not in d.evidence[found.end() :]
        )
    ):
        return d.evidence
    return d.evidence[: found.start()] + d.evidence[found.end() :]


#: a place said to lie outside the city: "near the village of Usatove, north of Odesa", "in
#: the village of Balabyne, south of the city"
_OUTSIDE_RE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|outside|"
    r"on\s+the\s+outskirts\s+of)\s+(?:the\s+(?:city|town)\b|[A-Z])"
)


def _outside_the_city(d: Draft, toll: Draft) -> bool:
    """``d`` is told at a village its sentence says lies outside the city whose event (or a
    site in it) the toll counts: another event, not a share of the city's toll."""
    if toll.place is None or d.place is None or not _named_here(d):
        return False
    city = toll.place.name.rsplit(", ", 1)[-1]
    in_city = ", " in toll.place.name or toll.place.population >= 100_000
    return in_city and city not in d.place.name and _OUTSIDE_RE.search(d.evidence) is not None


def _in_another_country(d: Draft, toll: Draft) -> bool:
    """``d`` is told in another country than the toll's one place (not a toll of several,
    "Haiti and the Dominican Republic"); only a country named as such, as a town's name
    may be another country's ("San Cristóbal")."""
    if d.place is None or toll.place is None or " and " in toll.place.name:
        return False
    if not d.place.is_country or d.place.name in toll.evidence:
        return False  # ("30 people have died in Cuba and the Bahamas": the toll's own)
    here, there = _country(d.place), _country(toll.place)
    return here is not None and there is not None and here != there


def _country(place: Place) -> str | None:
    if place.is_country:
        return place.name
    country = country_of_town(place)
    return country.name if country is not None else None


def _starts_before(when: str | None, toll_when: str | None) -> bool:
    """``when`` begins more than a week before the toll's period (an earlier event)."""
    days = days_before(when, toll_when)
    return days is not None and days > 7


def _attackers_told_apart(d: Draft) -> bool:
    """Attackers killed whose sentence does not say they are among the toll's dead."""
    return is_perpetrators(d.victims) and not _AMONG_DEAD_RE.search(d.evidence)


def _long_after(when: str | None, toll_when: str | None) -> bool:
    """``when`` begins more than a month after the toll's (a later event: an anniversary
    report's new floods are no share of the disaster it recalls)."""
    days = days_before(toll_when, when)
    return days is not None and days > 30


def _days_after(when: str | None, toll_when: str | None) -> int:
    """How many days the single day ``when`` falls after the toll's single day, else 0."""
    first, last = when_bounds(when)
    toll_first, toll_last = when_bounds(toll_when)
    if first is None or first != last or toll_first is None or toll_first != toll_last:
        return 0
    return (first - toll_first).days


def _after_its_day(when: str | None, toll_when: str | None) -> bool:
    """``when`` begins more than a month after the day of the toll (a toll dated only by a
    month or a year may have taken that span from a sentence about another time)."""
    first, last = when_bounds(toll_when)
    return first is not None and first == last and _long_after(when, toll_when)


def _named_here(d: Draft) -> bool:
    """The figure's place is named in its own sentence ("in Zamzam alone" names "Zamzam
    camp")."""
    if d.place_here:
        return True
    if d.place is None:
        return False
    name = d.place.name.split(",")[0]
    return name in d.evidence or _KIND_END_RE.sub("", name) in d.evidence


#: ("they counted 29 bodies in the streets and fields there")
_ACROSS_RE = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?[A-Z]")
_THERE_RE = re.compile(
    r"\b(?:killed|died|dead|wounded|injured)\s+there\b"
    r"|\b(?:killed|died|dead|bodies)\s+(?:in|at|on)\s+the\s+[^.;,]{0,30}?\bthere\b"
)
_AT_SCENE_RE = re.compile(
    r"\b(?:on\s+the\s+spot|at\s+the\s+scene|on\s+the\s+way\s+to\s+(?:the\s+)?hospital|"
    r"on\s+arrival)\b"
)
# the word a place's name ends in that says what kind of place it is
_KIND_END_RE = re.compile(
    r"\s+(?:camp|village|town|city|district|region|province|county|state|oblast|territory)$"
)


def _holds(part: Draft, d: Draft) -> bool:
    """``d`` is inside ``part``: a later sentence, the same place, a smaller figure (two
    figures of one sentence are shares side by side: "20 in A and 12 in B")."""
    return (
        d.sentence_index > part.sentence_index
        and part.place is not None
        and d.place is not None
        and part.place.name == d.place.name
        and value_of(d) < value_of(part)
    )
