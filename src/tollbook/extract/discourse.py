"""Reading a report as a whole: which place it is about, and which paragraphs tell of
another time.

The sentence-by-sentence pass decides a figure's place and scope from its own sentence and
what came just before it. A monitor reads the report first: the lead paragraph says where
the event happened (the village, the market, the ghat) and in which wider area (the region,
the province, the country); a later sentence that names only that wider area, or only the
town the wounded were taken to, is still about the event's place. A paragraph that opens on
an earlier year ("In August 2014, a quake in the same county left 617 dead") tells of one
past disaster, not of a running total.

``settle`` is called once per report, after the pass, with the places each sentence named;
it reads the lead once and each figure's sentence at most once (no I/O, no per-claim
re-scan of the report).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from tollbook.domain.incident import days_before
from tollbook.domain.report import Report
from tollbook.extract.attribution import Speakers
from tollbook.extract.cues import OFFICIAL_RE as _OFFICIAL_SOURCE_RE
from tollbook.extract.dates import HAS_YEAR_RE
from tollbook.extract.drafts import Draft
from tollbook.extract.places import CAPITALS, Place, PlaceMention, is_wide
from tollbook.extract.sentences import Sentence
from tollbook.extract.sites import is_receiving

#: The places and sites one sentence named (as the pass found them), in sentence order.
Named = tuple[list[PlaceMention], list[PlaceMention]]

# a wild area named as a site: "the W National Park", "the Sambisa forest"
_WILD_AREA_RE = re.compile(r"(?i)\b(?:park|forest|reserve|desert)$")
# a site that stands alone, without the town it lies in
_ALONE_RE = re.compile(r"(?i)\b(?:village|hamlet|settlement|camp|township|island)$")
# a site that lies in a town (not a village or a prison named alone)
_IN_TOWN_RE = re.compile(
    r"(?i)\b(?:street|road|avenue|ghat|market|square|embankment|lane|boulevard|highway|bridge|"
    r"station|temple|mosque|church|school|hotel|cinema|theatre|theater|terminal|depot|factory|"
    r"plaza|neighbou?rhood|district|quarter)$"
)
_DATELINE_RE = re.compile(rf"([{CAPITALS}][{CAPITALS} '-]{{2,30}}),")
# the words that name a kind of place, left out when two names are compared
_KIND_WORDS_RE = re.compile(
    r"(?i)\b(?:the|region|province|state|district|county|oblast|governorate|prefecture|"
    r"department|territory)\b"
)


@dataclass(frozen=True)
class _Lead:
    """What the lead says the report is about."""

    #: the most specific place of the event ("Simaria ghat, Begusarai", "Oo Yin village")
    event: Place
    #: the wider places the lead names it in ("amhara", "egypt": compared by ``_key``)
    wider: frozenset[str]
    #: the event's site as the report names it bare ("Simaria ghat")
    bare: str | None
    #: the town the event is in, for a site named bare in a later paragraph
    town: Place | None
    #: the sites the report names bare (no town of their own)
    sites: frozenset[str]


def settle(
    drafts: Sequence[Draft],
    sentences: Sequence[Sentence],
    named: Sequence[Named],
    report: Report,
    speakers: Speakers,
) -> None:
    """Revise the drafts of one report (``merge_repeats``'s kept drafts) by what the report
    says as a whole: a past disaster named for comparison is one event (``incident``), and a
    figure of the event placed at the wider area the lead names, or at the town its victims
    were taken to, takes the event's place."""
    published, text = report.published, report.text
    headline = bool(sentences) and sentences[0].text.strip() == (report.title or "").strip()
    _quote_speakers(drafts, sentences, text, speakers)
    past = [_past_event(d, published) for d in drafts]
    for d, is_past in zip(drafts, past, strict=True):
        if is_past and d.scope == "cumulative" and d.subgroup is None:
            d.scope = "incident"
        if is_past and d.sentence_index < len(named):
            _own_place(d, named[d.sentence_index])
    for d, is_past in zip(drafts, past, strict=True):
        # "In 2022, floods killed more than 1,700, about 800 of them in Sindh": the part of
        # a past disaster is that disaster's
        if (
            is_past
            and d.subgroup is not None
            and d.parent is not None
            and d.parent.evidence == d.evidence
            and d.parent.scope == "incident"
        ):
            d.scope = "incident"
    if _ongoing(sentences, text, headline):
        # the lead's figure counted over days ("43 killed since Thursday in fighting"): the
        # headline's same figure is that count too
        first = " ".join(s.text for s in sentences[1:2]).lower() if headline else ""
        days = first if _SINCE_DAY_RE.search(first) else ""
        for d, is_past in zip(drafts, past, strict=True):
            if d.scope == "incident" and not is_past and _counts_days(d, headline, days):
                d.scope = "cumulative"
    lead = _read_lead(sentences, text, named, headline)
    if lead is None:
        return
    parents = {id(d.parent) for d in drafts if d.parent is not None and d.place == lead.event}
    # the towns a sentence names only as where victims were taken: a figure carried there
    # from that sentence ("treated in hospitals in X and Y", then "Two are still trapped")
    taken = {
        m.place.name
        for (places, _), s in zip(named, sentences, strict=False)
        for m in places
        if _taken_to(m.place.name, s.text)
    }
    first_body = 1 if headline else 0
    lead_when = next(
        (d.when for d in drafts if d.sentence_index == first_body and d.scope == "incident"), None
    )
    for d, is_past in zip(drafts, past, strict=True):
        if is_past or d.scope != "incident" or d.place is None or d.place == lead.event:
            continue
        if d.story > 0:
            continue  # a bulletin's later story is not the lead's event
        apart = days_before(lead_when, d.when)
        if apart is not None and abs(apart) > 14:
            continue  # "A year after a missile tore through a block ...": not that event
        if id(d) in parents:
            continue  # the larger figure of the event's own count keeps its area
        name = d.place.name
        if (
            _key(name) in lead.wider
            or _taken_to(name, d.evidence)
            or lead.bare == name
            or (name in taken and name not in d.evidence)
        ):
            d.place = lead.event
        elif lead.town and name in lead.sites and ", " not in name and _IN_TOWN_RE.search(name):
            d.place = Place(f"{name}, {lead.town.name}", lead.town.geo)  # "Tsentralna Street"


# A place a past disaster is told at, though the gazetteer may not know it: "the landslide
# of 2015 at Ratorukh", "an assault on Barsalogho", "a mine in nearby Amasra".
_AT_NAME_RE = re.compile(
    r"\b(?:in|at|on|near)\s+(?:nearby\s+|the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
_NOT_A_PLACE_WORDS = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An""".split()
)


def _own_place(d: Draft, here: Named) -> None:
    """A past disaster named for comparison is placed where its own sentence says it
    happened, not at the place the report was talking about before it."""
    if d.place is not None and d.place.name.split(", ")[0] in d.evidence:
        return
    places, sites = here
    mentions = sorted(
        [m for m in (*sites, *places) if not is_receiving(m.place)], key=lambda m: m.start
    )
    before = [m for m in mentions if m.start < d.position]
    chosen = before[-1] if before else (mentions[0] if mentions else None)
    if chosen is not None:
        d.place = chosen.place
        return
    for m in _AT_NAME_RE.finditer(d.evidence):
        name = m.group("name")
        # ("the last victim died in hospital in Popayán": where a victim was treated)
        if name.split()[0] not in _NOT_A_PLACE_WORDS and not _taken_to(name, d.evidence):
            d.place = Place(name, None)
            return


# a report about something that goes on for days: fighting, clashes, a heatwave
_ONGOING_RE = re.compile(
    r"(?i)\b(?:fighting|clashes|hostilities|heat\s?waves?|heatstroke|heat-related)\b"
)
# ... whose figures are counted "since Friday", "over the weekend", "in five days"
_SINCE_DAY_RE = re.compile(
    r"(?i)\b(?:since\s+(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"over\s+the\s+weekend|in\s+(?:two|three|four|five|six|seven|\d+)\s+days)\b"
)
_LIVE_RUBRIC_RE = re.compile(r"(?i)\b(?:live|updates)\b")
_ONE_THING_RE = re.compile(
    r"(?i)\b(?:a|an|one|single)\s+(?:[\w-]+\s+){0,2}?(?:strike|missile|bomb|drone|attack|"
    r"blast|explosion|airstrike|raid|shelling)\b"
)


def _ongoing(sentences: Sequence[Sentence], text: str, headline: bool) -> bool:
    """Whether the headline or the lead sentence tells of fighting or heat over days."""
    lead = " ".join(s.text for s in sentences[: 2 if headline else 1])
    return _ONGOING_RE.search(lead) is not None


def _counts_days(d: Draft, headline: bool, days_lead: str = "") -> bool:
    """Whether a figure of a report about fighting or heat counts its days ("since Friday"),
    or is the headline's figure of that fighting; not one strike inside it. ``days_lead``:
    the lead sentence when it counts days."""
    if _ONE_THING_RE.search(d.evidence):
        return False
    if d.in_headline and headline and days_lead and d.figure_text in days_lead.split():
        return True
    if d.in_headline and headline:
        # "Convoy attack toll rises to 31; 16 killed in clashes since Saturday": the clause
        # of the figure
        # figure; "Drone strikes kill 11 as clashes enter third day": the strikes' figure
        # ("Border clashes live: toll in Goris rises to 11": a live blog's rubric before a
        # colon is the blog's, not the figure's)
        start = d.evidence.rfind(";", 0, d.position) + 1
        colon = d.evidence.rfind(": ", 0, d.position)
        if colon > start and _LIVE_RUBRIC_RE.search(d.evidence, start, colon):
            start = colon + 1
        ends = [
            e
            for e in (d.evidence.find(";", d.position), d.evidence.find(" as ", d.position))
            if e >= 0
        ]
        clause = d.evidence[start : min(ends) if ends else len(d.evidence)]
        return _ONGOING_RE.search(clause) is not None
    return _SINCE_DAY_RE.search(d.evidence) is not None


def _opens_quote(sentence: str) -> bool:
    """Whether a sentence opens a quote it does not close."""
    plain = sentence.count('"')
    return (sentence.lstrip().startswith(('"', "“")) and plain % 2 == 1) or (
        sentence.count("“") > sentence.count("”")
    )


def _closes_quote(sentence: str) -> bool:
    return sentence.count('"') % 2 == 1 or sentence.count("”") > sentence.count("“")


def _quote_speakers(
    drafts: Sequence[Draft], sentences: Sequence[Sentence], text: str, speakers: Speakers
) -> None:
    """A figure in a quote that goes on into the next sentences is the speaker's named where
    the quote closes ('"We have counted 38 bodies, 19 of them women. Several houses were
    burned," said X, president of ...'), not the source of the sentence before."""
    for d in drafts:
        if not _opens_quote(d.evidence):
            continue
        for j in range(d.sentence_index + 1, min(d.sentence_index + 3, len(sentences))):
            following = sentences[j].text
            if "\n" in text[sentences[j - 1].end : sentences[j].start]:
                break  # the quote does not run into another paragraph
            if _closes_quote(following):
                who = speakers.source(j)
                if who is not None and who != d.attributed_to and _SAID_AFTER_RE.search(following):
                    d.attributed_to = who
                    if d.kind in ("official", "reported"):
                        official = _OFFICIAL_SOURCE_RE.search(who.lower()) is not None
                        d.kind = "official" if official else "reported"
                break


_SAID_AFTER_RE = re.compile(r"[\"”]\s*,?\s*(?:[^\"”]{0,80}?\b)?(?:said|says|told|added|wrote)\b")


def _paragraph_starts(sentences: Sequence[Sentence], text: str) -> list[int]:
    """The index of each sentence's paragraph (a line break opens a paragraph)."""
    out: list[int] = []
    paragraph = -1
    for s in sentences:
        if s.start == 0 or "\n" in text[max(0, s.start - 2) : s.start]:
            paragraph += 1
        out.append(max(paragraph, 0))
    return out


def _rank(place: Place, site: bool) -> int:
    """How specific a place is: 0 a site or village, 1 a town, 2 a wider area, 3 a country."""
    if place.is_country:
        return 3
    if site:  # "Kyivskyi district, Kharkiv" is a part of a town; a bare district is an area,
        # and so is a national park or a forest
        wide = is_wide(place) or _WILD_AREA_RE.search(place.name)
        return 2 if ", " not in place.name and wide else 0
    return 2 if is_wide(place) else 1


def _read_lead(
    sentences: Sequence[Sentence], text: str, named: Sequence[Named], headline: bool
) -> _Lead | None:
    """The event's place: the most specific place the lead paragraph names (a village named
    in the next paragraph when the lead names only a town or an area), a bare site given the
    town the report names most; None when the lead names no wider area it lies in."""
    paragraphs = _paragraph_starts(sentences[: len(named)], text)
    first_body = 1 if headline else 0
    ranked: dict[int, list[tuple[int, int, Place]]] = {}
    towns: Counter[str] = Counter()
    town_places: dict[str, Place] = {}
    for index, (places, sites) in enumerate(named):
        paragraph = paragraphs[index]
        for m in places:
            if not m.place.is_country and not is_wide(m.place):
                towns[m.place.name] += 1
                town_places.setdefault(m.place.name, m.place)
        for m in sites:  # "Sadar Hospital, Begusarai": a town named with a site
            if ", " in m.place.name:
                towns[m.place.name.rsplit(", ", 1)[1]] += 1
        if paragraph > first_body + 1:
            continue
        inside = ranked.setdefault(paragraph, [])
        inside.extend((_rank(m.place, False), m.start, m.place) for m in places)
        inside.extend(
            (_rank(m.place, True), m.start, m.place) for m in sites if not is_receiving(m.place)
        )
    lead = sorted(ranked.get(first_body, []), key=lambda x: x[1])
    if not lead or any(
        _AREA_EVENT_RE.search(sentences[i].text)
        for i in range(len(named))
        if paragraphs[i] <= first_body
    ):
        return None  # a quake or a storm strikes an area: its figures are the area's
    best = min(r for r, _, _ in lead)
    event = next(p for r, _, p in lead if r == best)
    several = any(
        _SEVERAL_PLACES_RE.search(sentences[i].text)
        for i in range(len(named))
        if paragraphs[i] <= first_body
    )
    if best >= 1 and not several:
        after = first_body + 1
        next_places = ranked.get(after, [])
        village = [p for r, _, p in next_places if r == 0]
        texts = [s.text for s, p in zip(sentences, paragraphs, strict=False) if p == after]
        called = _named_quietly(next_places, texts, _called_a_village)
        if village and _ALONE_RE.search(village[0].name):
            event, best = village[0], 0
        elif called is not None:
            event, best = called, 0
        elif best >= 2 and (site := _named_quietly(next_places, texts, _names_the_site)):
            event, best = site, 0  # "in western Kenya", then "at Gesieka Girls' School in X"
        elif best >= 3 and (nearer := _town_at(next_places, texts)):
            event, best = nearer, 1  # "on Lake Kivu in eastern DR Congo", then "off Kalehe"
        else:
            named_later = _anaphor_name(sentences, paragraphs, first_body)
            if named_later is not None:
                event, best = named_later, 0
    around = lead + ranked.get(0, []) if headline else lead
    wider = frozenset(_key(p.name) for r, _, p in around if r > best) - {_key(event.name)}
    if not wider:
        return None
    lead_towns = [p.name for r, _, p in lead if r == 1]
    dateline = _DATELINE_RE.match(sentences[paragraphs.index(first_body)].text)
    if dateline is not None:  # "BEGUSARAI, November 16 (PTI) - ...": the report's town
        name = dateline.group(1).title()
        if towns[name]:
            towns[name] += 1
            lead_towns.append(name)
    town = (
        max(lead_towns, key=lambda name: (towns[name], -lead_towns.index(name)))
        if lead_towns
        else None
    )
    bare: str | None = None
    if best == 0 and ", " not in event.name and _IN_TOWN_RE.search(event.name) and town:
        bare = event.name  # "Simaria ghat" in the report about Begusarai
        known = town_places.get(town)  # (a town named only with a site has no mention)
        event = Place(f"{event.name}, {town}", known.geo if known is not None else None)
    where: Place | None = None
    if best == 0 and ", " in event.name:
        where = town_places.get(event.name.rsplit(", ", 1)[1])
    elif best == 0 and not _IN_TOWN_RE.search(event.name):
        where = event  # a village is the town of the sites named in it
    elif town:
        where = town_places.get(town)
    elif best == 1:
        where = event
    bare_sites = frozenset(m.place.name for _, s in named for m in s if ", " not in m.place.name)
    return _Lead(event, wider, bare, where, bare_sites)


def _town_at(places: list[tuple[int, int, Place]], texts: list[str]) -> Place | None:
    """The first town a paragraph says something happened at ("sank off Kalehe", "in X"),
    not one people came from ("traders from Goma")."""
    for rank, start, place in places:
        if rank == 1 and any(
            text.startswith(place.name, start) and _AT_TOWN_RE.search(text, 0, start)
            for text in texts
        ):
            return place
    return None


_AT_TOWN_RE = re.compile(r"\b(?:in|at|off|near|outside)\s+$")


def _named_quietly(
    ranked: list[tuple[int, int, Place]],
    texts: list[str],
    names: Callable[[int, Place, str], bool],
) -> Place | None:
    """The first place of the paragraph after the lead (``ranked``, its sentences ``texts``)
    that a sentence ``names`` so, when that sentence counts no one ("Seven of the dead were
    in the village of Ak-Tash" is a share, not where the lead's event happened)."""
    for rank, _, place in sorted(ranked, key=lambda x: x[1]):
        text = next((t for t in texts if names(rank, place, t)), None)
        if text is not None and not _COUNTED_RE.search(text):
            return place
    return None


def _called_a_village(rank: int, place: Place, text: str) -> bool:
    """A town or village the sentence calls a village: "outside the village of Kaudiri",
    "stormed Kwalaram village" (the lead placed the event in a town or an area)."""
    name = re.escape(place.name)
    return (
        rank <= 1
        and re.search(rf"\bvillage\s+of\s+{name}\b|\b{name}\s+village\b", text) is not None
    )


def _names_the_site(rank: int, place: Place, text: str) -> bool:
    """A site the sentence names (the lead named only an area or a country)."""
    return rank == 0 and place.name.split(", ", 1)[0] in text


_COUNTED_RE = re.compile(r"\b(?:dead|killed|died|deaths?|bodies|injured|wounded)\b")


# "the village, Haro Dibe", "the post at Koudou", "the village of Gbaji": the lead's "a
# village", "an army post" named in the next sentences
_ANAPHOR_RE = re.compile(
    r"\b[Tt]he\s+(?P<noun>village|hamlet|settlement|post|outpost|base|camp|island)"
    r"(?:,\s+|\s+of\s+|\s+at\s+)(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})"
)


def _anaphor_name(
    sentences: Sequence[Sentence], paragraphs: list[int], first_body: int
) -> Place | None:
    """The name the lead's "a village" or "an army post" is given in the lead or the next
    paragraph ("Residents of the village, Haro Dibe, said"), when the gazetteer does not
    know it: the most specific place of the event."""
    lead = " ".join(s.text for s, p in zip(sentences, paragraphs, strict=False) if p == first_body)
    for sentence, paragraph in zip(sentences, paragraphs, strict=False):
        if paragraph < first_body or paragraph > first_body + 1:
            continue
        for m in _ANAPHOR_RE.finditer(sentence.text):
            name = m.group("name")
            if name.split()[0] in _NOT_A_PLACE_WORDS:
                continue
            if re.search(rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{m.group('noun')}\b", lead):
                return Place(name, None)
        took = _TOOK_PLACE_IN_RE.search(sentence.text)  # "the killings took place in Tiouré"
        if (
            took
            and took.group("name").split()[0] not in _NOT_A_PLACE_WORDS
            and _A_VILLAGE_RE.search(lead)
        ):
            return Place(took.group("name"), None)
    return None


# "a raid on a village in northern Burkina Faso" ... "the killings took place on Wednesday
# in Tiouré": the village named where the event is said to have taken place
_A_VILLAGE_RE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:village|hamlet|settlement)\b")
_TOOK_PLACE_IN_RE = re.compile(
    r"\b(?:took\s+place|happened|occurred)\s+(?:[\w-]+\s+){0,4}?(?:in|at)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})"
)


# disasters that strike an area rather than a site: the report's figures are the area's
_AREA_EVENT_RE = re.compile(
    r"(?i)\b(?:quakes?|earthquakes?|cyclones?|typhoons?|hurricanes?|storms?|floods?|flooding|monsoon|"
    r"heat\s?wave|tsunami|drought|rains)\b"
)
# attacks on several places: "killed 26 in attacks on three villages in central Mali" (the
# next paragraph's first village is one of them, not the event's place)
_SEVERAL_PLACES_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:villages|towns|"
    r"localities|communities|settlements|hamlets)\b"
)


def _key(name: str) -> str:
    return " ".join(_KIND_WORDS_RE.sub(" ", name.lower()).split())


_CARE_WORDS = ("ospital", "linic", "orgue", "ealth cent", "Medical")


def _taken_to(name: str, evidence: str) -> bool:
    """Whether the sentence names the town only as where victims were taken or treated:
    "airlifted to hospitals in Pokhara", "died in Benha University Hospital"."""
    if name not in evidence or not any(w in evidence for w in _CARE_WORDS):
        return False
    n = re.escape(name)
    return (
        re.search(
            rf"\b(?:hospitals?|clinics?|morgue|health\s+cent(?:re|er)s?)\s+(?:in|at)\s+(?:the\s+)?"
            rf"(?:(?:town|city)\s+of\s+)?{n}\b|\b{n}\s+(?:[A-Z][\w'-]*\s+){{0,3}}"
            rf"(?:Hospital|Clinic|Medical)",
            evidence,
        )
        is not None
    )


# A sentence about one past disaster: an event named as the subject of the figure.
_PAST_EVENT_RE = re.compile(
    r"\b(?:a|an|the|twin|two)\s+(?:[\w.'’-]+\s+){0,3}?(?:quake|earthquake|tornado|storm|cyclone|"
    r"typhoon|hurricane|collision|crash|fire|blaze|explosion|blast|collapse|landslide|flood|"
    r"bombings?|strike|air\s+strike|airstrike|attack|massacre|sinking|stampede|crush|disaster|"
    r"shipwreck|derailment|blizzard|avalanche|riot|mudslide)\b|"
    r"\b(?:strikes|air\s+strikes|airstrikes|attacks|clashes|bombings|floods|fires|avalanches|"
    r"quakes|storms|landslides|mudslides|earthquakes|tornadoes|cyclones|explosions|blasts)\b"
    r"(?:\s+and\s+[a-z]+)?\s+(?:on|in|at|near|hit|struck|across)\b|"
    r"\b(?:collided|derailed|capsized|sank|collapsed)\b|"
    r"\b(?:gunmen|fighters|militants|attackers|jihadists)\s+killed\b"
)
# what still makes it a running total or a period count
_STILL_RUNNING_RE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|in\s+all|altogether|combined|a\s+total\s+of|"
    r"over\s+the\s+(?:past|last)|this\s+year|each\s+year|every\s+year|a\s+year)\b"
)
# "the deadliest in Chile since the 2010 earthquake", "the largest number in a single incident
# since it opened": a comparison, not a running total
_SINCE_COMPARED_RE = re.compile(
    r"\b(?:deadliest|worst|largest|biggest|highest)\b[^,;]{0,50}?\bsince\b(?![^;]*,\s+which\b)[^,;]*"
)
#: a year compared with: "about a third fewer deaths than in the same period of 2025"
_THAN_YEAR_RE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|up\s+from|down\s+from)\b[^.;,]{0,50}?\b(?:19|20)\d\d\b"
)
_WHEN_CLAUSE_RE = re.compile(r",\s+when\s+")
# many events counted over whole years ("Lightning killed 243 people in Bihar in 2025",
# "In 2025, fires across the city killed 58", "between 2011 and 2022"), not one disaster of
# a month ("In September 2024, floods ... killed more than 220 in two days"); a year's floods
# are one disaster too ("In 2022, floods across Pakistan killed more than 1,700")
_MANY_EVENTS_RE = re.compile(
    r"\b(?:strikes|airstrikes|attacks|clashes|bombings|fires|lightning|killings|raids|"
    r"accidents|crashes)\b"
)
_WHOLE_YEARS_RE = re.compile(
    r"(?<!january )(?<!february )(?<!march )(?<!april )(?<!may )(?<!june )(?<!july )"
    r"(?<!august )(?<!september )(?<!october )(?<!november )(?<!december )"
    r"\b(?:in|during|throughout)\s+(?:19|20)\d\d\b(?!\s*,?\s+when)|"
    r"\bbetween\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b"
)


def _past_event(d: Draft, published: date | None) -> bool:
    """Whether a draft is one disaster of an earlier year or month named for
    comparison ("In September 2024, floods and landslides in and around Kathmandu killed more
    than 220 people in two days"; "the deadliest since April last year, when strikes on the
    port killed more than 70")."""
    if published is None:
        return False
    lower = d.evidence.lower()
    when = _WHEN_CLAUSE_RE.search(lower)
    if when is not None and when.start() < d.position:
        lower = lower[when.end() :]
    elif when is not None:
        return False
    lower = _SINCE_COMPARED_RE.sub(" ", lower)  # "the deadliest in Chile since 2010"
    lower = _THAN_YEAR_RE.sub(" ", lower) if "20" in lower or "19" in lower else lower
    if _STILL_RUNNING_RE.search(lower) or not _PAST_EVENT_RE.search(lower):
        return False
    if _MANY_EVENTS_RE.search(lower) and _WHOLE_YEARS_RE.search(lower):
        return False  # "Attacks in the province killed 782 people in 2025": a year's count
    return _ended_before(d.when, published) or any(
        int(y) < published.year for y in HAS_YEAR_RE.findall(lower)
    )


def _ended_before(when: str | None, published: date) -> bool:
    """Whether the draft's date ends more than a month before publication."""
    if not when:
        return False
    end = when.rsplit("/", 1)[-1]
    try:
        last = date.fromisoformat(end[:10]) if len(end) >= 10 else None
    except ValueError:
        return False
    if last is None:
        return end[:4].isdigit() and int(end[:4]) < published.year
    return (published - last).days > 31
