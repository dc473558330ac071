"""The several-events guard: the smaller events one report was read to tell.

Read without review, a report is most often one event told with its context: an earlier
toll, the place named twice (the dateline's city and the street hit), a figure of another
time. When the extractor reads such a report as two or more incidents, the smaller ones
are often that context counted again. On the corpora nobody tuned the rules on, a report
read as several killed incidents was over the hand-coded toll in 16 of 29 reports, one read
as a single incident in 4 of 42 (docs/counting.md, "Several events from one report").

So an incident is flagged when every report behind it also tells a larger incident of the
same outcome within ``NEAR_DAYS`` of it (and none of them is held back as a running
total). Unlike an incident that looks like a running total, a flagged incident is
*counted*: while any of its claims is unreviewed it is ``doubtful``, and the toll says how
much of the documented count such incidents hold, with each one's reason, so that a
reviewer checks them first; a person's confirmation clears it. (Holding them back was
measured and not chosen: many reports do tell several events.) An incident that another
report tells as its largest, or that ties with its report's largest, is not flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tollbook.domain.incident import Incident

#: a larger incident of the same report this many days away or more is another time's
#: (a past disaster named for comparison), no sign that this one is told twice
NEAR_DAYS = 60


def flag_smaller_events(incidents: Sequence[Incident]) -> list[Incident]:
    """``incidents`` in the same order, the smaller events of a report flagged."""
    # events with a figure, not held back as running totals: what a report is read to tell
    events = [
        (index, incident, {s.report_id for s in incident.sources})
        for index, incident in enumerate(incidents)
        if incident.running_total_guard is None and incident.high > 0
    ]
    told: dict[tuple[int, str], list[Incident]] = {}
    for _, incident, reports in events:
        for report in reports:
            told.setdefault((report, incident.outcome), []).append(incident)
    out = list(incidents)
    for index, incident, reports in events:
        larger = [_larger(incident, told[(r, incident.outcome)]) for r in reports]
        if all(larger):
            biggest = max(i.high for found in larger for i in found)
            out[index] = replace(incident, several_events_guard=_reason(incident, biggest))
    return out


def _larger(incident: Incident, others: list[Incident]) -> list[Incident]:
    """The incidents of one report, of ``incident``'s outcome, larger than it and near it
    in time (undated ones are near every day)."""
    return [
        other
        for other in others
        if other is not incident
        and other.high > incident.high
        and (
            other.date is None
            or incident.date is None
            or abs((other.date - incident.date).days) < NEAR_DAYS
        )
    ]


def _reason(incident: Incident, biggest: int) -> str:
    return (
        f"{incident.high:,} is a smaller event of a report that tells a larger one "
        f"({biggest:,}): it may be the same event told again (an earlier toll, another "
        "name for the place) or another time's figure"
    )
