"""Seven short, ordinary reports about one besieged city, written for the tests.

What a monitor codes from them (the right toll of Chernihiv, killed):

- two incidents, 17 documented deaths: the strike on the queue outside a market
  (12 killed, revised to 14 the next day: one event, 14) and the maternity-ward
  strike (3);
- beside the documented count, never added to it: the deputy mayor's running total
  ("more than 700 since the start of the siege") with his "several times higher", and
  the UN mission's verified count for a period (180 civilians, 24 February to 30 March)
  with the 11 children among them, a subgroup;
- estimates: "at least 50 may have died" in the sports hall, and the local
  authorities' "up to 2,000 may have been killed".

The latest official figure is the UN mission's 180 (as of 30 March); the children's 11
is never the headline nor the latest official figure.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tollbook.domain.report import Report

PLACE = "Chernihiv"

REPORTS: tuple[Report, ...] = (
    Report(
        "northwire-0317",
        "CHERNIHIV, March 17 - A Russian artillery strike hit people queuing outside a "
        "grocery market in Chernihiv on Wednesday morning, killing 12 civilians, the "
        "regional police said. Rescue workers were still at the scene in the afternoon.",
        date(2022, 3, 17),
    ),
    Report(
        "desna-news-0318",
        "The number of people killed when shells hit the queue outside the grocery market "
        "in Chernihiv on Wednesday has risen to 14, the regional prosecutor's office said "
        "on Thursday. Several of the wounded remain in a serious condition.",
        date(2022, 3, 18),
    ),
    Report(
        "northwire-0319",
        "Three people were killed when a missile struck the maternity ward of the city "
        "hospital in Chernihiv on Friday, the hospital's director said. Staff moved "
        "newborns to the basement.",
        date(2022, 3, 19),
    ),
    Report(
        "volunteers-0321",
        "At least 50 people may have died when a bomb hit the sports hall in Chernihiv "
        "where families had been sheltering on Saturday, a volunteer rescue group said. "
        "Nobody has been able to reach the rubble.",
        date(2022, 3, 21),
    ),
    Report(
        "northwire-0323",
        "More than 700 civilians have been killed in Chernihiv since the start of the "
        "siege, deputy mayor Ivan Sydorenko told reporters on Tuesday. He said the real "
        "number was several times higher because many bodies still lay under collapsed "
        "buildings.",
        date(2022, 3, 23),
    ),
    Report(
        "un-mission-0331",
        "The UN human rights monitoring mission said on Thursday it had verified the "
        "deaths of 180 civilians in Chernihiv between 24 February and 30 March, including "
        "11 children. The mission believes the actual figures are considerably higher.",
        date(2022, 3, 31),
    ),
    Report(
        "citylife-0402",
        "Up to 2,000 people may have been killed in Chernihiv during the siege, local "
        "authorities said on Saturday, as the first convoys reached the city.",
        date(2022, 4, 2),
    ),
)

#: the documented count: the market queue (14) and the maternity ward (3)
DOCUMENTED = (17, 17)
INCIDENT_FIGURES = [(14, 14), (3, 3)]


def as_jsonl_records() -> list[dict[str, Any]]:
    """The reports as `tollbook ingest` reads them from JSON Lines."""
    return [
        {"id": r.id, "text": r.text, "published": r.published.isoformat(), "title": None}
        for r in REPORTS
        if r.published is not None
    ]
