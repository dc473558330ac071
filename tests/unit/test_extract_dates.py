"""Periods written "between <day month> and <day month>", with or without a year."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.extract.dates import find_dates

PUBLISHED = date(2022, 3, 31)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "verified 180 deaths between 24 February and 30 March, including",
            "2022-02-24/2022-03-30",
        ),
        ("between February 24 and April 30, 2021, 300 died", "2021-02-24/2021-04-30"),
        ("between 20 December and 10 January", "2021-12-20/2022-01-10"),
        ("between 7 October 2023 and 15 July 2024", "2023-10-07/2024-07-15"),
        ("between 10 and 15 March", "2022-03-10/2022-03-15"),
    ],
)
def test_a_period_between_two_dates_is_one_period(text: str, period: str) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(d.value, d.is_period) for d in found] == [(period, True)]


def test_without_a_publication_date_a_period_without_a_year_is_unknown() -> None:
    found = find_dates("between 24 February and 30 March", None)
    assert [(d.value, d.is_period) for d in found] == [(None, True)]
