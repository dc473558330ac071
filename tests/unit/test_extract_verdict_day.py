"""A news event dated by a court's verdict in a report about an old event's trial
(extract/verdict_day.py; written for the thirtieth session, docs/extraction.md)."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract import extract_claims

_TRIAL = (
    "LVIV, March 12 - A court in Lviv on Thursday sentenced a Russian pilot in absentia to "
    "life in prison for a strike on a hostel in Sambir in May 2024 that killed 14 people.\n"
    "The court found that the bomb hit the building at night, when 60 people slept inside.\n"
)


def _killed(text: str) -> list[tuple[int | None, str | None, str]]:
    claims = extract_claims(Report("r", text, published=date(2026, 3, 12)))
    return [(c.low, c.when, c.scope) for c in claims if c.outcome == "killed"]


def test_an_event_hours_before_the_verdict_takes_the_verdicts_day() -> None:
    text = _TRIAL + (
        "Hours before the verdict, a drone hit a delivery van near Stryi, killing two "
        "drivers, the regional administration said."
    )
    assert (2, "2026-03-12", "incident") in _killed(text)


def test_a_week_before_the_verdict_is_counted_back_from_it() -> None:
    text = _TRIAL + (
        "The verdict came a week after three men died and five were taken to hospital "
        "after a gas leak in a dormitory in Drohobych, police said."
    )
    assert (3, "2026-03-05", "incident") in _killed(text)


def test_an_event_that_names_its_own_day_keeps_it() -> None:
    text = _TRIAL + (
        "The verdict came two days after a shell hit a bakery in Stryi on Monday morning, "
        "killing four workers."
    )
    assert (4, "2026-03-09", "incident") in _killed(text)


def test_a_running_total_told_before_the_verdict_stays_one() -> None:
    text = _TRIAL + (
        "A week before the verdict, the regional prosecutor said Russian strikes had killed "
        "212 civilians in the region since the full-scale invasion began."
    )
    found = [c for c in _killed(text) if c[0] == 212]
    assert found and all(scope == "cumulative" for _, _, scope in found)
