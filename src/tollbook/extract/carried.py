"""What a report carries from sentence to sentence while it is read (pure): the town,
country, site and day it was talking about, the place of its first figure, and whether
the place carried was named for a share of that figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.drafts import Draft
from tollbook.extract.places import Place, PlaceMention


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
    #: that first figure's count
    lead_low: int | None = None
    #: the place carried was named for a share of the lead figure (fewer dead, elsewhere:
    #: "12 more were found on a beach near Shenge"): what follows naming no place is about
    #: the event again, not that share's place
    after_share: bool = False


def names_a_share(new: list[Draft], carried: Carried) -> bool:
    """Whether the figures a sentence places in a place of its own are all shares of the
    report's first figure: fewer, and placed elsewhere. Without such figures, whether the
    place carried is a share's stays as it was."""
    lead_low = carried.lead_low
    here = [d for d in new if d.place_here and d.low is not None]
    if lead_low is None or not here:
        return carried.after_share
    return all(d.low is not None and d.low < lead_low and d.place != carried.lead for d in here)


def carry_places(
    places: list[PlaceMention], city: Place | None, country: Place | None, norm: str = ""
) -> tuple[Place | None, Place | None]:
    """The town and country carried past a sentence naming ``places``: the last of each it
    names, but not a place a count is broken down into (``norm``: the sentence, when its
    figures were read)."""
    for mention in places:
        if mention.place.is_country:
            country = mention.place
        elif not (norm and _LISTED_AT_RE.search(norm, max(0, mention.start - 30), mention.start)):
            city = mention.place  # not a share of a count ("45 in Sindh and 30 in Punjab")
    return city, country


#: a place a count is broken down into: "45 in Sindh", "one in Pokrovsk"
_LISTED_AT_RE = re.compile(
    r"(?:\bincluding|\bamong\s+them|,|\band|:)\s+"
    r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+"
    r"(?:[a-z]+\s+)?in\s+(?:the\s+)?$"
)
