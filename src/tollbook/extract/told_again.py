"""A headline's figure the body tells again on its own day (pure): "new wreck off Lampedusa
kills nine", then "recovered nine bodies" of the boat that capsized south of Lampedusa on
Wednesday, in a half-year review whose first day is a past wreck's (3 March). The headline
takes the repeat's day, not the report's first day (``when.backfill_when``)."""

from __future__ import annotations

from tollbook.extract.drafts import Draft


def day_told_again(d: Draft, drafts: list[Draft], first_when: str) -> str | None:
    """The day of the body's repeat of ``d``'s figure at its place, when that day comes
    after the report's first (a past event's same figure, "In March 2024, an ambush on the
    same road killed six soldiers", is no repeat of this week's six)."""
    if d.place is None:
        return None
    for o in drafts:
        if (
            o.sentence_index > d.sentence_index
            and o.scope == "incident"
            and o.when is not None
            and o.when.split("/")[0] > first_when.split("/")[0]
            and o.outcome in (d.outcome, "bodies_found")
            and (o.low, o.high) == (d.low, d.high)
            and o.place is not None
            and o.place.name == d.place.name
        ):
            return o.when
    return None
