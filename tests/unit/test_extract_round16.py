"""Shapes of round 16, found by comparing the unreviewed toll with readers' tolls: "Three
of them died" after a count of the wounded is of the wounded, not a share of an earlier
toll. All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def test_the_dead_of_them_after_the_wounded_are_no_share_of_an_earlier_toll() -> None:
    text = (
        "Shelling kills nine at market in besieged Tarra\n"
        "Shells hit the main market of Tarra on Tuesday, killing nine people, the health "
        "office said.\n"
        "Disease has killed at least 30 more people since January, aid workers said.\n"
        "At the town's clinic, a nurse said staff had treated 21 wounded.\n"
        "Three of them died on Tuesday night, she said."
    )
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    claims = extract_claims(report)
    three = next(c for c in claims if c.low == 3 and c.outcome == "killed")
    assert three.part_of is None
    assert three.scope == "incident"


def test_a_past_event_with_the_same_figure_is_no_repeat_of_the_headline() -> None:
    text = (
        "6 killed as rebels ambush army truck in Marlo\n"
        "Rebels ambushed an army truck near Marlo on Tuesday, the army said.\n"
        "In March 2024, an ambush on the same road killed six soldiers."
    )
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    sixes = sorted(str(c.when) for c in extract_claims(report) if c.low == 6)
    assert len(sixes) == 2
    assert sixes[1].startswith("2026-03")


def test_a_toll_someone_expects_is_an_estimate() -> None:
    text = (
        "Floods kill 14 in the valley\n"
        "Rescue workers said they expected the toll to rise to more than 30 as the water fell."
    )
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    thirty = next(c for c in extract_claims(report) if c.low == 30 or c.high == 30)
    assert thirty.kind == "estimate"


def test_the_port_city_of_a_town_is_the_town() -> None:
    text = "Missiles struck the Saudi port city of Yanbu on Monday, killing seven people."
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=None)
    seven = next(c for c in extract_claims(report) if c.low == 7)
    assert seven.place == "Yanbu"
