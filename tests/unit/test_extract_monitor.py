"""The extractor as a monitor codes (issue 12): subgroups, scope, kind, source and place.

Every text here was written for this test.
"""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.scoring import place_agrees, source_agrees, subgroup_agreement

PUBLISHED = date(2025, 6, 11)  # a Wednesday


def claims(text: str) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED))


def by_value(found: list[Claim], low: int | None, high: int | None = None) -> Claim:
    return next(c for c in found if c.low == low and (high is None or c.high == high))


def test_a_subgroup_names_the_figure_it_is_part_of() -> None:
    found = claims(
        "A drone strike on a market in Nikopol killed 14 people on Tuesday, including three "
        "children.\nThe number of wounded rose to 40, among them 11 women."
    )
    killed, children = by_value(found, 14), by_value(found, 3)
    wounded, women = by_value(found, 40), by_value(found, 11)
    assert children.victims == "children"
    assert found[children.part_of or 0] is killed and children.part_of is not None
    assert women.part_of is not None and found[women.part_of] is wounded
    assert killed.part_of is None and wounded.part_of is None


def test_the_dead_include_gives_two_subgroups_of_the_earlier_total() -> None:
    found = claims(
        "Between 1 and 31 May, monitors verified the deaths of 260 civilians in the country.\n"
        "The dead include 22 children and 41 women."
    )
    total = by_value(found, 260)
    assert total.scope == "cumulative"
    for value in (22, 41):
        part = by_value(found, value)
        assert part.part_of is not None and found[part.part_of] is total
        assert part.scope == "cumulative"  # a subgroup of a running total is one too


def test_running_totals_and_period_counts_are_cumulative_one_strike_is_an_incident() -> None:
    assert all(
        c.scope == "cumulative"
        for c in claims(
            "More than 700 civilians have been killed in Lyman since the start of the siege, "
            "the deputy mayor said."
        )
    )
    tally = by_value(
        claims("Cholera deaths rose by 12, bringing the confirmed tally to 4,365."), 4365
    )
    assert tally.scope == "cumulative" and tally.qualifier == "exact"
    strike = claims("A missile killed nine people in Poltava on Tuesday, police said.")
    assert [c.scope for c in strike] == ["incident"]


def test_possibility_and_prediction_make_an_estimate_beside_an_official_count() -> None:
    found = claims(
        "The ministry said 48 people had died, though local officials said the toll could "
        "reach 300."
    )
    assert by_value(found, 48).kind == "official"
    bound = by_value(found, None, 300)
    assert (bound.qualifier, bound.kind) == ("up_to", "estimate")
    may = claims("The council said on Friday that at least 35 people may have died in the fire.")
    assert (may[0].qualifier, may[0].kind) == ("at_least", "estimate")
    close = claims("Volunteers put the number of dead at close to 600.")
    assert (close[0].high, close[0].qualifier, close[0].kind) == (600, "up_to", "estimate")


def test_a_range_written_ranging_from() -> None:
    found = claims("Researchers estimate deaths ranging from 5,500 to 7,800 in the province.")
    assert [(c.low, c.high, c.qualifier) for c in found] == [(5500, 7800, "range")]


def test_the_source_named_in_the_next_sentence_and_a_role_given_its_name() -> None:
    found = claims(
        "The number of people killed in the strike on Kremenchuk has risen to 19.\n"
        "This was reported by Vitalii Maletskyi, head of the city military administration."
    )
    assert found[0].attributed_to == ("Vitalii Maletskyi, head of the city military administration")
    assert found[0].kind == "official"
    named = claims(
        "Shelling killed five people in Kupiansk on Monday, the regional governor said.\n"
        "Oleh Ivanenko, governor of the Kharkiv region, said two of the dead were firefighters."
    )
    assert named[0].attributed_to == "Oleh Ivanenko, governor of the Kharkiv region"


def test_the_place_is_the_site_with_its_city_and_not_the_speakers_region() -> None:
    found = claims(
        "A glide bomb hit the Zoria cinema in Kostiantynivka on Monday, killing seven people.\n"
        "Vadym Filashkin, head of the Donetsk regional military administration, said two of the "
        "dead were children."
    )
    assert [c.place for c in found] == ["Zoria cinema, Kostiantynivka"] * 2
    district = claims(
        "A missile struck Dnipro's Sobornyi district on Tuesday, killing four people."
    )
    assert district[0].place == "Sobornyi district, Dnipro"


def test_where_victims_were_taken_is_not_the_place() -> None:
    found = claims(
        "A drone hit a bus stop in Kherson on Monday, killing three people.\n"
        "Another 12 people were taken to the city's regional hospital, doctors said."
    )
    assert [c.place for c in found] == ["bus stop, Kherson", "bus stop, Kherson"]


def test_the_place_rule_and_the_loose_source_match() -> None:
    assert place_agrees("Kyivskyi district, Kharkiv", "Kyivskyi, Kharkiv")
    assert place_agrees("Zaporizhzhia Oblast", "zaporizhzhia")
    assert not place_agrees("Avrora cinema, Kostiantynivka", "Kostiantynivka")
    assert not place_agrees(None, "Kharkiv")
    assert source_agrees("Oleh Syniehubov, governor of the Kharkiv region", "Oleh Syniehubov")
    assert source_agrees("Ministry of Health in Gaza", "ministry")
    assert not source_agrees("State Emergency Service", "police")
    assert not source_agrees("police", None)


def test_subgroup_agreement_compares_the_figures_linked() -> None:
    gold = [
        {"article": "a", "outcome": "killed", "low": 10, "high": 10, "part_of": None},
        {"article": "a", "outcome": "killed", "low": 2, "high": 2, "part_of": 0},
    ]
    assert subgroup_agreement(gold, gold) == 1.0
    unlinked = [dict(gold[0]), {**gold[1], "part_of": None}]
    assert subgroup_agreement(gold, unlinked) == 0.5


def test_a_sentence_without_a_source_goes_on_with_the_official_body_just_before() -> None:
    found = claims(
        "The regional police said a bus overturned near Lviv on Monday, killing six people.\n"
        "Fourteen passengers were injured.\n"
        "On 3 March 2019, a bus crash on the same road killed 11 people."
    )
    injured, earlier = by_value(found, 14), by_value(found, 11)
    assert injured.attributed_to == "regional police" and injured.kind == "official"
    assert earlier.attributed_to is None  # a past crash named for comparison has its own voice


def test_a_past_disaster_named_for_comparison_is_one_event() -> None:
    found = claims(
        "It was the deadliest blaze in Dhaka since March 2019, when a fire in an office tower "
        "killed 26 people.\nIn August 2017, 40 people drowned when a ferry sank on the river."
    )
    assert by_value(found, 26).scope == "incident"
    assert by_value(found, 40).scope == "incident"


def test_a_national_count_without_a_place_of_its_own_is_the_country() -> None:
    found = claims(
        "A landslide buried four houses in Dhading, Nepal, on Tuesday, killing seven people.\n"
        "Monsoon rains have killed 96 people across the country since June, officials said."
    )
    assert by_value(found, 7).place == "Dhading"
    national = by_value(found, 96).place
    assert national is not None and national == "Nepal"


def test_office_holders_count_officially_and_thought_to_have_is_an_estimate() -> None:
    found = claims(
        "The district magistrate, Anil Verma, said 12 pilgrims died in the crush at the temple "
        "gate.\nThe 1954 crush at the same festival is thought to have killed some 800 people."
    )
    assert by_value(found, 12).kind == "official"
    assert by_value(found, 800).kind == "estimate"
