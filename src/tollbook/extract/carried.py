"""What a report carries from sentence to sentence while it is read (pure): the town,
country, site and day it was talking about, the place of its first figure, and whether
the place carried was named for a share of that figure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tollbook.extract.dates import DateMention
from tollbook.extract.described import without_described
from tollbook.extract.drafts import Draft
from tollbook.extract.places import Place, PlaceMention, is_part_of, is_wide
from tollbook.extract.when import that_event
from tollbook.extract.where import PLACE_HEADING_RE


@dataclass
class Carried:
    """What the report was talking about before the sentence being read."""

    city: Place | None = None
    country: Place | None = None
    when: str | None = None
    #: the site of the event being told ("Avrora cinema, Kostiantynivka")
    site: Place | None = None
    #: the place of the report's first figure, a site widened to its city
    lead: Place | None = None
    #: that first figure's count, and whether it counted a period ("214 civilians were
    #: killed in March"): the events told after it are then events of their own
    lead_low: int | None = None
    lead_period: bool = False
    #: the place carried was named for a share of the lead figure (fewer dead, elsewhere:
    #: "12 more were found on a beach near Shenge"): what follows naming no place is about
    #: the event again, not that share's place
    after_share: bool = False
    #: the last date the sentence before named ("since September 2011, when the MV Spice
    #: Islander sank"), for a figure of "that disaster"
    named: list[DateMention] = field(default_factory=list)
    #: a past event the paragraph turned to ("The disaster recalls the May 2024 landslide
    #: at Yambali village"): its date and place, for the figures after it in the paragraph
    #: that name neither ("the IOM put the toll at about 670")
    past: str | None = None
    past_place: Place | None = None
    #: the bulletin story being told: a heading ("Chad") begins the next
    story: int = 0

    def names_site_again(self, lower: str) -> bool:
        """Whether a sentence names the site told before by what it is: "the camp attack"
        after "the Hajar al-Nar camp", "at the market" after "the Al-Shaabi market"."""
        if self.site is None:
            return False
        kind = self.site.name.split(", ", 1)[0].rsplit(" ", 1)[-1].lower()
        return len(kind) > 3 and f"the {kind}" in lower

    def that_event(self, lower: str) -> str | None:
        return that_event(lower, self.named, self.when)

    def turn_to_past(self, dates: list[DateMention], places: list[PlaceMention]) -> bool:
        """Keep the past event a sentence names (a month or year of one event before the
        one the report is about) until the paragraph ends or a sentence names a date;
        whether the sentence named one."""
        if dates:
            self.past, self.past_place = None, None
        told = [d for d in dates if d.of_event and d.value]
        value = told[-1].value if told else None
        if value is None or self.when is None or value.split("/")[0] >= self.when[:10]:
            return False
        self.past = value
        # "the May 2024 landslide at Yambali village in neighbouring Enga province"
        ordered = sorted(places, key=lambda p: p.start)
        after = [p for p in ordered if p.start > told[-1].start] or ordered[-1:]
        self.past_place = after[0].place if after else None
        return True

    def new_paragraph(
        self,
        index: int,
        openers: frozenset[int],
        norm: str,
        places: list[PlaceMention],
        titled: bool = False,
    ) -> None:
        """When sentence ``index`` opens a paragraph, the past event the one before turned to
        is left; a line that is a heading (``heads_a_story``), or the title of an item of a
        page of several (``titled``), begins the next story, whose figures are no shares of
        the first story's."""
        if index not in openers:
            return
        self.past = self.past_place = None
        alone = index + 1 in openers or _COUNTRY_HEAD_RE.fullmatch(norm) is not None
        headed = (alone and heads_a_story(norm, places)) or _heads_its_item(norm, places)
        # a wire round-up's next item opens on its own dateline: "TAIZ, May 19 (MPA) - ..."
        headed = headed or (self.lead is not None and _WIRE_DATELINE_RE.match(norm) is not None)
        if headed or titled:
            self.lead, self.lead_low, self.lead_period = None, None, False
            self.after_share, self.site, self.story = False, None, self.story + 1
        if headed or (titled and places):
            self.city = self.country = None  # the heading's place is carried instead


#: a country alone that opens its item's paragraph: "MALI. Gunmen attacked ...", "Colombia. ..."
_COUNTRY_HEAD_RE = re.compile(r"[A-Z][A-Za-z'’ -]{1,30}\.")
#: a dated wire dateline: "TAIZ, May 19 (MPA) - ", "GOMA, Congo, 3 June -"
_WIRE_DATELINE_RE = re.compile(
    r"[A-Z][A-Z'’. -]+,\s+(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b"
)
#: a page's section by its heading: "Corrections:", "And finally:", "In other news:"
_SECTION_RE = re.compile(
    r"^\W*(?:corrections?|clarifications?|and\s+finally|in\s+other\s+news|elsewhere|"
    r"also\s+today|in\s+brief)\s*:\s",
    re.IGNORECASE,
)


def _heads_its_item(norm: str, places: list[PlaceMention]) -> bool:
    """A paragraph that opens on its place as a heading ("NIGER: Gunmen killed ..."): the
    next item of a page of news in brief."""
    if _SECTION_RE.match(norm):
        return True  # "Corrections: Yesterday's briefing said ...": a page's next section
    heading = PLACE_HEADING_RE.match(norm)
    if heading is None:
        return False
    name = heading.group("name")
    named = (p for p in places if p.start == heading.start("name") and p.end == heading.end("name"))
    return any(p.place.is_country and p.place.name.lower() == name.lower() for p in named)


#: after a heading's first place, the mark that sets off its topic ("KENYA | Nairobi floods")
_TOPIC_MARK_RE = re.compile(r"\s*(?:\||/|—|–|\s-)\s*\w[^.!?]*$")


#: a line of names only, after a bullet: "- Chatroo, Jammu and Kashmir"
_NAMES_LINE_RE = re.compile(
    r"\s*[-*•–]\s+[A-Z][\w'’-]*(?:(?:,\s+|\s+(?:and\s+|of\s+)?)[A-Z][\w'’-]*)*\s*"
)


def heads_a_story(norm: str, places: list[PlaceMention]) -> bool:
    """A line that is a place's name alone ("Chad", "South Sudan"), or a place and a topic
    ("KENYA | Nairobi floods", "Brazil – Taquari valley"): a bulletin's heading."""
    if not places or len(norm) > 60:
        return False
    first = min(places, key=lambda p: p.start)
    if not norm[: first.start].strip(" *#") and _TOPIC_MARK_RE.match(norm, first.end):
        return True
    if _NAMES_LINE_RE.fullmatch(norm):
        return True  # "- Kyauktaw, Rakhine State": names only, one of them a place known
    if len(norm) > 40:
        return False
    rest = norm
    for p in places:  # nothing but the place: not a byline ("Staff Correspondent, Pabna")
        rest = rest[: p.start] + " " * (p.end - p.start) + rest[p.end :]
    return not rest.strip(" .")


def names_a_share(new: list[Draft], carried: Carried) -> bool:
    """Whether the figures a sentence places in a place of its own are all shares of the
    report's first figure: fewer, and placed elsewhere. Without such figures, whether the
    place carried is a share's stays as it was."""
    lead_low = carried.lead_low
    here = [d for d in new if d.place_here and d.low is not None]
    if lead_low is None or not here:
        return carried.after_share
    if carried.lead_period:
        return False  # the month's deadliest attack is an event of its own, not a share
    return all(d.low is not None and d.low < lead_low and d.place != carried.lead for d in here)


def carry_places(
    places: list[PlaceMention],
    city: Place | None,
    country: Place | None,
    norm: str = "",
    figures_read: bool = False,
) -> tuple[Place | None, Place | None]:
    """The town and country carried past sentence ``norm`` naming ``places``: the last of
    each it names, but not where people came from ("miners from outside Papua"), nor, when
    its figures were read, a place a count is broken down into; nor the places that only
    say where a village told by what it is lies ("Taung Kone, a farming village in Ye-U
    township of Sagaing region" carries Taung Kone)."""
    if norm:
        places = without_described(places, norm)
    previous: PlaceMention | None = None
    for mention in places:
        before = max(0, mention.start - 30)
        if norm and CAME_FROM_RE.search(norm, before, mention.start):
            continue
        # "at Kali Wesfa, Yahukimo regency, Highland Papua": the later ones say where it lies
        lies_in = (
            bool(norm)
            and previous is not None
            and (
                _lies_in(norm[previous.end : mention.start])
                or (
                    is_wide(mention.place)
                    and not is_wide(previous.place)
                    and not previous.place.is_country
                    and _IN_AREA_RE.fullmatch(norm, previous.end, mention.start) is not None
                )
                # "the Muwasi area of southern Gaza": Muwasi
                or is_part_of(previous, mention, norm)
            )
        )
        if not lies_in:
            previous = mention
        if mention.place.is_country:
            country = mention.place
        elif mention.place.region and city is not None and not city.region:
            continue  # "killed in the city" after a sentence about its region: still the city
        elif not lies_in and not (
            figures_read and _LISTED_AT_RE.search(norm, before, mention.start)
        ):
            city = mention.place  # not a share of a count ("45 in Sindh and 30 in Punjab")
    return city, country


#: "the city of Uvira and surrounding villages in South Kivu province": a town, then the
#: area it lies in
_IN_AREA_RE = re.compile(r"\s+(?:(?:and|its|the)\s+[a-z]+\s+[a-z]+\s+)?in\s+(?:the\s+)?")
#: the words between two places of a chain whose later ones say where the first lies
_LIES_IN_WORDS = frozenset(
    "in the regency district province county region state oblast governorate department "
    "municipality".split()
)


def _lies_in(gap: str) -> bool:
    """``gap``, between two places, makes the second say where the first lies: ", in",
    ", Yahukimo regency, Highland" (a comma, then names and words of areas only)."""
    if not gap.startswith(",") or len(gap) > 50:
        return False
    words = gap.replace(",", " ").split()
    return all(w[0].isupper() or w in _LIES_IN_WORDS for w in words)


#: where people came from, not where anything happened: "some 40 miners from outside
#: Papua", "pilgrims from Kano"; where a speaker spoke from
CAME_FROM_RE = re.compile(
    r"(?:\b(?:[a-z]+ers|people|families|residents|pilgrims|migrants|workers|villagers|"
    r"students|tourists|refugees)\s+from|\bfrom\s+outside|"
    # "Musa said by telephone from Maiduguri": where the speaker was, not the event
    r"\b(?:tele)?phone\s+from|\bspeaking\s+from|"
    # "fired ... from a launcher in Russia's Belgorod region": where the attack came from
    r"\blaunched\s+from|\bfrom\s+(?:an?\s+|the\s+)?(?:launchers?|launch\s+sites?|airfields?|"
    r"air\s+bases?|positions?)\s+in|"
    # "three who died of burns in hospital in Concepción": where they were treated
    r"\bin\s+hospitals?\s+in|"
    # "The bodies were taken to Nasser Hospital in nearby Khan Younis"
    r"\b[Hh]ospital\s+in\s+(?:nearby|neighbou?ring)|"
    # "the others have gone home or been sent to Rabak": where the wounded were taken
    r"\b(?:sent|taken|moved|evacuated|transferred|flown|airlifted|referred|rushed)\s+to)"
    r"\s+(?:the\s+|[A-Z][\w-]+['’]s\s+)?$"
)


#: a place a count is broken down into: "45 in Sindh", "one in Pokrovsk", "117 in the city
#: of Van", "two in neighbouring Bitlis province"
_LISTED_AT_RE = re.compile(
    r"(?:\bincluding|\bamong\s+them|,|\band|:)\s+"
    r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+"
    r"(?:[a-z]+\s+)?in\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|city|town|village|district|"
    r"province|region)\s+(?:of\s+)?)?$"
)
