"""The toll of a long event (a siege, a war, an epidemic) is a running total; the toll of
one disaster (an earthquake) stays one incident."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _scopes(text: str) -> list[str]:
    return [str(c.scope) for c in extract_claims(Report(id="r", text=text))]


def test_the_toll_from_a_siege_is_cumulative() -> None:
    text = "The death toll from the siege has reached 2,150, the city administration said."
    assert _scopes(text) == ["cumulative"]


def test_the_toll_of_an_epidemic_is_cumulative() -> None:
    assert _scopes("Deaths from the measles outbreak rose to 64, the ministry said.") == [
        "cumulative"
    ]


def test_the_toll_from_one_earthquake_is_an_incident() -> None:
    text = "The death toll from the earthquake rose to 812, officials said."
    assert _scopes(text) == ["incident"]
