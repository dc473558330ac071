"""The headline benchmark (``benchmarks/extract_headline.py``) reads a report's documented
killed count through the count layer: a linked share is not added to its toll, a running
total stands beside it, and the verdict compares minimum and maximum."""

from __future__ import annotations

from datetime import date

from benchmarks.extract_headline import Compared, Headline, gold_claims, headline

from tollbook.domain.report import Report

REPORT = Report(id="r", text="", published=date(2026, 5, 4))


def _row(
    low: int, part_of: int | None = None, scope: str = "incident", evidence: str | None = None
) -> dict[str, object]:
    return {
        "article": "r",
        "outcome": "killed",
        "low": low,
        "high": low,
        "qualifier": "exact",
        "victims": "people",
        "place": "Kadawa",
        "when": "2026-05-03",
        "scope": scope,
        "kind": "official",
        "attributed_to": "police",
        "evidence": evidence or f"{low} people were killed in Kadawa.",
        "part_of": part_of,
    }


def test_a_linked_share_is_not_added_to_its_toll() -> None:
    claims = gold_claims([_row(38), _row(26, part_of=0), _row(12, part_of=0)])
    result = headline(claims, REPORT)
    assert (result.low, result.high) == (38, 38)


def test_more_dead_are_added_and_a_running_total_stands_beside() -> None:
    more = "26 more people were killed in Kadawa on the second day."
    claims = gold_claims([_row(38), _row(26, evidence=more), _row(900, scope="cumulative")])
    result = headline(claims, REPORT)
    assert (result.low, result.high, result.beside) == (64, 64, 1)


def test_a_second_figure_for_the_same_dead_is_not_added() -> None:
    claims = gold_claims([_row(38), _row(26)])
    result = headline(claims, REPORT)
    assert (result.low, result.high) == (38, 38)


def test_a_derived_gold_figure_with_one_open_end_is_read() -> None:
    row = _row(40)
    row.update(qualifier="derived", high=None)
    assert gold_claims([row])[0].qualifier == "at_least"


def test_the_verdict_compares_minimum_and_maximum() -> None:
    gold = Headline(low=20, high=24, held_back=0, beside=0)
    assert Compared("r", gold, Headline(20, 24, 0, 0)).verdict == "right"
    assert Compared("r", gold, Headline(25, 25, 0, 0)).verdict == "over"
    assert Compared("r", gold, Headline(10, 19, 0, 0)).verdict == "under"
    assert Compared("r", gold, Headline(22, 30, 0, 0)).verdict == "overlaps"
