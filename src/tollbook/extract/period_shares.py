"""The shares of a period's count told one sentence each after it.

A report of a monitor's quarterly or yearly count ("At least 428 civilians were killed in
Syria between July and September") goes on with its shares, each in a sentence of its own
and with no day of its own: "Israeli strikes killed 19 civilians in Quneitra and Daraa, it
said." Such a figure is a part of the period's count, not an event of an unknown day: it
takes the period and is a running count. A figure with a day or a site of its own, or one
told after a day was named, is an event of its own and stays one. Pure.
"""

from __future__ import annotations

import re

from tollbook.domain.incident import when_bounds
from tollbook.extract.drafts import Draft

#: words that tell an event, not a share: "seven drowned when the river swept through a
#: hotel", "a hotel was swept away"
_EVENT_TOLD_RE = re.compile(
    r"\b(?:when|after|swept|hit|struck|collapsed|blast|explosion|exploded|crash|crashed|capsized|"
    r"fire|burnt|burned|shot|stormed|attacked|raided|ambushed|bombed|shelled)\b"
)

#: a period this long or longer is a count's (a month, a quarter, a year), not an event's
_LONGEST_EVENT_DAYS = 27


def period_shares(drafts: list[Draft]) -> None:
    """Give each figure with no day after a period's count that period and a running
    count's scope (see the module's text)."""
    period: str | None = None
    told_in = -1  # the sentence of the period's count: its other figures are its own
    for d in drafts:
        if d.when is not None and "/" not in d.when:
            period = None  # a day named: an event is told
            continue
        if d.scope == "cumulative" and d.parent is None and _a_periods(d.when):
            period, told_in = d.when, d.sentence_index
            continue
        if (
            period is not None
            and d.when is None
            and d.scope == "incident"
            and d.outcome in ("killed", "injured")
            and d.low is not None
            and d.kind != "estimate"
            and not d.one_event
            and d.sentence_index != told_in
            and (d.parent is None or d.parent.scope == "cumulative")  # not an event's part
            and (d.place is None or ", " not in d.place.name)  # no site of its own
            and not _EVENT_TOLD_RE.search(d.evidence)
        ):
            d.when, d.scope = period, "cumulative"


def _a_periods(when: str | None) -> bool:
    start, end = when_bounds(when)
    return start is not None and end is not None and (end - start).days >= _LONGEST_EVENT_DAYS
