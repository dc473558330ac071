"""Attackers killed by those who answered the attack ("pursued the attackers and killed 13
of them") are dead of their own, not a share of the victims' toll
(``extract/perpetrators.py``). All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims
from tollbook.extract.perpetrators import is_perpetrators, perpetrators_of_them

REPORT = (
    "Gunmen kill 19 in attack on camp near Darro\n"
    "Gunmen killed 19 people in an attack on the Darro camp on Sunday night, the interior "
    "ministry said.\n"
    "The army said on Tuesday that its troops had pursued the attackers towards the hills "
    "and killed 13 of them on Monday."
)


def _claims(text: str) -> list[tuple[int | None, str, int | None, str | None]]:
    report = Report(id="r", text=text, published=date(2026, 8, 18), title=text.split("\n")[0])
    claims = extract_claims(report)
    return [
        (c.low, c.victims, None if c.part_of is None else claims[c.part_of].low, c.when)
        for c in claims
        if c.outcome == "killed"
    ]


def test_attackers_killed_in_the_pursuit_are_not_a_share_of_the_victims() -> None:
    by_low = {low: (victims, part, when) for low, victims, part, when in _claims(REPORT)}
    victims, part, when = by_low[13]
    assert (victims, part) == ("attackers", None)
    assert when == "2026-08-17"  # their own day, not the attack's


def test_a_share_of_the_victims_stays_a_share() -> None:
    text = "Gunmen killed 19 people in the camp on Sunday, seven of them children."
    by_low = {low: part for low, _, part, _ in _claims(text)}
    assert by_low[7] == 19


def test_the_words_that_name_the_perpetrators() -> None:
    lower = "soldiers pursuing the gunmen killed five of them near the border"
    start = lower.index("five")
    assert perpetrators_of_them(lower, start, start + 4) == "gunmen"
    lower = "the blast killed 12 people, five of them children"
    start = lower.index("five")
    assert perpetrators_of_them(lower, start, start + 4) is None
    assert is_perpetrators("attackers") and not is_perpetrators("civilians")
