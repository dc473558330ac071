"""Round 49's rules (docs/extraction.md, "Round 49"), each in sentences written for this
file."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(
    text: str, published: date = date(2026, 5, 20), title: str | None = None
) -> list[Claim]:
    return extract_claims(Report("r", text, published=published, title=title))


def _killed(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.outcome == "killed"]


# --- a past event's toll raised on the day of the report ---------------------------------


def test_a_toll_raised_today_keeps_the_past_month_of_its_killing() -> None:
    text = (
        "An inquiry on Tuesday raised the number of farmers killed by militiamen in the "
        "attack on Sarnavka, in the hills above the river, in October 1994 to 61, from the "
        "38 named in an earlier report."
    )
    claims = {c.low: c for c in _killed(_claims(text))}
    assert claims[61].when == "1994-10-01/1994-10-31"


def test_a_year_the_figure_is_compared_with_is_not_its_date() -> None:
    text = "Shelling on Tuesday killed 6 people in Sarnavka, officials said, the worst since 2023."
    (claim,) = _killed(_claims(text))
    assert claim.when == "2026-05-19"
    assert claim.scope == "incident"  # "the worst since 2023" compares, it counts no period


# --- "Among the N dead, M were children": the N told again, and its parts -----------------


def test_among_the_dead_names_the_figure_again_and_its_parts() -> None:
    text = (
        "A missile hit the bus station in Vilshanka on Monday, killing 19 people, the "
        "regional governor said.\n"
        "Among the 19 dead, seven were children and four were women, he said."
    )
    claims = _claims(text)
    killed = _killed(claims)
    assert [c.low for c in killed if c.victims == "people"] == [19]
    whole = claims.index(next(c for c in killed if c.low == 19))
    parts = [c for c in killed if c.low in (7, 4)]
    assert len(parts) == 2
    assert all(c.part_of == whole for c in parts)


# --- believed to have died, a few words after the figure ---------------------------------


def test_believed_to_have_died_further_from_the_figure_is_an_estimate() -> None:
    text = (
        "Floods killed 12 people in Sarnavka on Monday, the mayor said.\n"
        "He said at least 40 more people from Sarnavka were believed to have died of cold "
        "after the road was cut."
    )
    claims = {c.low: c for c in _killed(_claims(text))}
    assert claims[40].kind == "estimate"


def test_missing_presumed_dead_stays_a_count_of_the_missing() -> None:
    text = "At least 17 fishermen remain missing and are presumed dead, the coast guard said."
    claims = [c for c in _claims(text) if c.outcome == "missing"]
    assert [c.kind for c in claims] == ["official"]


# --- who gave the figure ------------------------------------------------------------------


def test_an_auxiliary_before_said_is_no_part_of_the_source() -> None:
    text = "The army had first said four soldiers were killed in the ambush near Tarnivka."
    (claim,) = _killed(_claims(text))
    assert claim.attributed_to == "army"


def test_a_surname_takes_the_name_and_post_told_before_it() -> None:
    text = (
        "The police first said two officers died, but a spokeswoman, Captain Olena "
        "Maksymiuk, said on Monday that one of them was alive in hospital.\n"
        "Troops killed at least six attackers near the school on Tuesday, Maksymiuk said."
    )
    claims = {c.low: c for c in _killed(_claims(text))}
    assert claims[6].attributed_to == "Captain Olena Maksymiuk, spokeswoman"


def test_a_situation_reports_issuer_line_may_name_its_town_before_the_day() -> None:
    text = (
        "Flooding in the north: Situation Report 3\n"
        "National Emergency Management Office (NEMO), Lautoka, 4 March 2026, 17:00\n"
        "CASUALTIES\n"
        "Confirmed deaths: 6, up from 4 in Situation Report 2.\n"
    )
    claims = _killed(_claims(text, published=date(2026, 3, 4)))
    assert {c.attributed_to for c in claims} == {"National Emergency Management Office (NEMO)"}


def test_sources_named_by_how_many_are_still_the_source() -> None:
    text = "Two police sources told us 14 recruits were killed in the raid on the academy."
    (claim,) = _killed(_claims(text))
    assert claim.attributed_to == "police sources"


def test_people_counted_among_the_dead_are_no_source() -> None:
    text = "Six nurses are among the 20 dead, the ministry said."
    assert all(c.attributed_to == "ministry" for c in _killed(_claims(text)))


def test_a_share_that_names_its_whole_is_part_of_that_figure() -> None:
    text = (
        "A tornado killed nine people in Pruitt on Saturday, officials said.\n"
        "Across the state, the storms killed 14 people, the emergency agency said.\n"
        "Five of the nine died at a mobile home park on the east side of town."
    )
    claims = _claims(text, published=date(2026, 5, 3))
    nine = next(i for i, c in enumerate(claims) if c.low == 9)
    (five,) = [c for c in claims if c.low == 5]
    assert five.part_of == nine


def test_among_them_is_a_part_of_the_dead_told_before_the_wounded() -> None:
    text = (
        "Gunmen killed at least 31 people in Sarnavka, residents said.\n"
        "At least 20 people were injured.\n"
        '"My father and his two brothers are among them," one woman said.'
    )
    claims = _claims(text)
    whole = next(i for i, c in enumerate(claims) if c.low == 31)
    (two,) = [c for c in claims if c.low == 2]
    assert two.part_of == whole


def test_the_dead_described_after_a_toll_are_a_part_of_it() -> None:
    text = (
        "A car bomb killed seven people at the police station in Sarnavka on Tuesday, "
        "five of them police officers, authorities said.\n"
        "The toll rose when one of the wounded officers died in hospital on Wednesday.\n"
        "The two civilians killed were a shopkeeper and her teenage son."
    )
    claims = _claims(text)
    seven = next(i for i, c in enumerate(claims) if c.low == 7)
    (two,) = [c for c in claims if c.low == 2]
    assert two.part_of == seven
