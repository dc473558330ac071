"""A share of a running total is part of that total (``extract/shares.py``): an outbreak's
deaths broken down by district, and the list lines that continue the breakdown, count over
the total's period; a share that tells of an event of its own stays one event. All
sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims

FRIDAY = date(2026, 8, 14)


def _scopes(text: str) -> dict[int | None, tuple[str, int | None]]:
    report = Report(id="r", text=text, published=FRIDAY, title=text.split("\n")[0])
    claims = extract_claims(report)
    return {
        c.low: (str(c.scope), None if c.part_of is None else claims[c.part_of].low)
        for c in claims
        if c.outcome == "killed"
    }


OUTBREAK = (
    "Lassa fever in Westland: Situation Report 4\n"
    "Health Institute of Westland | Week 31\n"
    "Summary\n"
    "Five new deaths were recorded this week, bringing the cumulative number of deaths since "
    "the outbreak began on 2 June to 30.\n"
    "Deaths by district\n"
    "Bayside District: 16 deaths, 10 of them in Porton town.\n"
    "Hill District: 9 deaths.\n"
    "Coast District: 4 deaths."
)


def test_a_districts_share_of_a_running_total_is_a_running_total() -> None:
    scopes = _scopes(OUTBREAK)
    assert scopes[30][0] == "cumulative"
    assert scopes[16] == ("cumulative", 30)
    assert scopes[10] == ("cumulative", 16)


def test_the_lines_that_continue_the_breakdown_are_shares_too() -> None:
    scopes = _scopes(OUTBREAK)
    assert scopes[9] == ("cumulative", 30)
    assert scopes[4] == ("cumulative", 30)


def test_a_share_that_tells_of_an_event_stays_one_event() -> None:
    text = OUTBREAK.replace(
        "Hill District: 9 deaths.", "Hill District: 9 deaths, when a bus crashed."
    )
    assert _scopes(text)[9][0] == "incident"


def test_a_seasons_count_is_a_running_total() -> None:
    text = "Two deaths from malaria have also been confirmed this season in the capital."
    assert _scopes(text)[2][0] == "cumulative"
