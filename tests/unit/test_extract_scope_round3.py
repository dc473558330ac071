"""Scope (issue 12, tuning round 3): short named periods, counts over several days,
strikes across a country, fighting over a siege are running totals or period counts.

Every text here was written for this test.
"""

from __future__ import annotations

from tollbook.extract.scope import is_cumulative


def cumulative(sentence: str) -> bool:
    return is_cumulative(sentence.lower(), [])


def test_a_named_span_of_days_or_months_is_a_period_count() -> None:
    assert cumulative("Between the mornings of 3 and 6 May, 88 people were killed in the north.")
    assert cumulative("Some 140 people were killed in the unrest of 2-5 June, the group said.")
    assert cumulative("At least 900 people were killed between February and May, the UN said.")


def test_a_count_over_several_days_or_across_a_country() -> None:
    assert cumulative("The clinic received 300 wounded in three days.")
    assert cumulative("Air strikes across Syria killed 41 people on Monday.")
    assert cumulative("Shelling of northern and western Gaza killed 30 people on Friday.")
    assert cumulative("As many as 700 residents may have died during the siege.")


def test_one_strike_stays_an_incident() -> None:
    assert not cumulative("A missile struck a bus station in Kherson, killing nine people.")
    assert not cumulative("The bombardment of the city from across the river killed six people.")
    assert not cumulative("A single strike over three days of fighting killed 12 people.")
