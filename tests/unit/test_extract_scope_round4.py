"""Scope (issue 12, tuning round 4): a period named before ("over the same period"), recent
months, several events counted together, figures that break down a running total, a named
storm's toll in a past year, a short "since" about one disaster, and the attack a war
"began when".

Every text here was written for this test.
"""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

PUBLISHED = date(2025, 6, 11)


def claims(text: str) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED))


def scope_of(found: list[Claim], low: int) -> str:
    return next(c.scope for c in found if c.low == low or c.high == low)


def test_period_counts_named_otherwise() -> None:
    same = claims(
        "Shelling killed 40 civilians in the town between 1 and 31 May, the mission said.\n"
        "The charity says 300 people were wounded there over the same period."
    )
    assert scope_of(same, 300) == "cumulative"
    recent = claims(
        "Air raids on three villages in recent months killed 58 people, the group said."
    )
    assert scope_of(recent, 58) == "cumulative"
    several = claims(
        "Two shipwrecks off the coast this week left 44 people missing, the agency said."
    )
    assert scope_of(several, 44) == "cumulative"


def test_a_breakdown_of_a_running_total_is_cumulative() -> None:
    found = claims(
        "Since the outbreak began in March, 91 people have died, the ministry said.\n"
        "The dead include 12 nurses.\n"
        "Three drivers are among those who died."
    )
    assert scope_of(found, 12) == "cumulative"
    assert scope_of(found, 3) == "cumulative"


def test_one_disaster_stays_an_incident() -> None:
    storm = claims("In 2019, Typhoon Merla killed 120 people on the coast.")
    assert scope_of(storm, 120) == "incident"
    rising = claims(
        "A hotel collapsed in the quake on Friday.\n"
        "Rescuers said they had recovered 35 bodies from the ruins since Friday night."
    )
    assert scope_of(rising, 35) == "incident"
    began = claims(
        "The war began when gunmen attacked a border post on 3 March 2021, killing 60 guards."
    )
    assert scope_of(began, 60) == "incident"


def test_a_short_since_with_a_running_total_is_still_cumulative() -> None:
    found = claims("Since Monday, 14 people have died in the outbreak, and 80 in total since May.")
    assert scope_of(found, 80) == "cumulative"
