"""Kind (issue 12, tuning round 4): a hospital's or a team's own patients are a first-hand
count, UN missions by acronym and public officers are official, and "the likely toll at"
makes an estimate.

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


def kind_of(found: list[Claim], low: int) -> str:
    return next(c.kind for c in found if c.low == low or c.high == low)


def test_own_patients_are_observed() -> None:
    found = claims(
        "Dr Amal Serra, head of the Lakeside clinic, said her clinic had received 14 bodies."
    )
    assert kind_of(found, 14) == "observed"
    treated = claims("Nurses in Bora said they had treated 23 injured people after the blast.")
    assert kind_of(treated, 23) == "observed"


def test_public_bodies_by_acronym_and_officers_are_official() -> None:
    mission = claims("UNAMA said 31 civilians were killed in the attack on Tuesday.")
    assert kind_of(mission, 31) == "official"
    officer = claims(
        "A fire brigade officer at the scene said his crew had found 9 bodies in the debris."
    )
    assert kind_of(officer, 9) == "official"


def test_the_likely_toll_is_an_estimate() -> None:
    found = claims("The national disaster agency on Monday put the likely death toll at about 700.")
    assert kind_of(found, 700) == "estimate"


def test_a_release_header_names_the_source_of_its_lines() -> None:
    found = claims(
        "Shelling of Marganets: statement\n"
        "Regional Prosecutor's Office of Northland.\n"
        "Official statement.\n"
        "On 3 June, artillery shelled the town of Marganets.\n"
        "As of this morning, 6 residents were killed and 11 injured."
    )
    killed = next(c for c in found if c.low == 6)
    assert killed.attributed_to == "Regional Prosecutor's Office of Northland"
    assert killed.kind == "official"
