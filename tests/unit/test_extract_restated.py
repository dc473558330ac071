"""A running total told again in round figures is that running total (extract/restated.py).
All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims

FRIDAY = date(2026, 3, 6)


def _scopes(text: str) -> dict[int | None, str]:
    report = Report(id="r", text=text, published=FRIDAY, title=text.split("\n")[0])
    return {c.low: str(c.scope) for c in extract_claims(report)}


def test_a_headline_that_rounds_the_bodys_running_total_is_that_total() -> None:
    text = (
        "Car bomb kills three soldiers as border war toll tops 5,300\n"
        "A car bomb killed three soldiers at a checkpoint in Tak on Thursday, the army said.\n"
        "A monitoring group said the conflict had killed 5,318 people since it began in 2011."
    )
    scopes = _scopes(text)
    assert (scopes[3], scopes[5300], scopes[5318]) == ("incident", "cumulative", "cumulative")


def test_an_exact_figure_of_one_event_near_a_total_stays_an_incident() -> None:
    text = (
        "Quake kills 2,000 in the north\n"
        "The earthquake killed 2,000 people on Tuesday, the disaster agency said.\n"
        "Disasters have killed 2,010 people in the country so far this year, it said."
    )
    assert _scopes(text)[2000] == "incident"
