"""Guards on the headline: subgroups never lead, running totals coded as incidents are
held back, vague multiples are estimates (docs/counting.md, "What the headline counts")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.unit.test_count_tolls import sourced
from tollbook.count import place_toll, reconcile
from tollbook.count.guards import _median_of_others
from tollbook.count.subgroups import is_subgroup_victims
from tollbook.domain.incident import SourcedClaim

UN = (
    "The mission verified the deaths of 180 civilians in Chernihiv between 24 February "
    "and 30 March, including 11 children."
)


@pytest.mark.parametrize(
    ("victims", "subgroup"),
    [
        ("children", True),
        ("women and children", True),
        ("health workers", False),  # "workers" alone is not in the vocabulary
        ("medics", True),
        ("people", False),
        ("civilians", False),
        ("civilians, including children", False),
        ("soldiers", False),
        ("Syrians", False),
    ],
)
def test_subgroup_victims(victims: str, subgroup: bool) -> None:
    assert is_subgroup_victims(victims) is subgroup


@pytest.mark.parametrize(
    ("values", "figure", "median"),
    [([3, 14, 180], 180, 8.5), ([3, 14, 180], 3, 97.0), ([5, 5], 5, 5.0), ([7], 7, None)],
)
def test_median_of_the_other_incidents(values: list[int], figure: int, median: float) -> None:
    assert _median_of_others(values, figure) == median


def test_a_linked_subgroup_of_a_running_total_is_never_the_latest_official() -> None:
    claims = [
        sourced(1, 180, 180, "exact", report=1, scope="cumulative", kind="official",
                victims="civilians", when="2022-02-24/2022-03-30", evidence=UN),
        # in another sentence, and for "minors": only the extractor's link ties it
        sourced(2, 11, 11, "exact", report=1, kind="official", victims="minors",
                when="2022-03-30", evidence="Eleven were minors."),
    ]  # fmt: skip
    linked = [claims[0], replace(claims[1], part_of=1)]
    toll = place_toll(reconcile(linked), "Mariupol")
    assert toll.incidents == () and (toll.low, toll.high) == (0, 0)
    assert [p.claim_id for p in toll.official] == [1]
    assert [(p.claim_id, p.part_of) for p in toll.subgroups] == [(2, 1)]
    latest = toll.latest_official
    assert latest is not None and latest.claim_id == 1


def _un_total_and_its_children() -> list[SourcedClaim]:
    """The UN's running total and, in its sentence, the children it includes (unlinked)."""
    return [
        sourced(1, 180, 180, "exact", report=1, scope="cumulative", kind="official",
                victims="civilians", when="2022-02-24/2022-03-30", evidence=UN),
        sourced(2, 11, 11, "exact", report=1, kind="official", victims="children",
                when="2022-03-30", evidence=UN),
    ]  # fmt: skip


def test_an_unlinked_children_figure_in_the_same_sentence_follows_its_total() -> None:
    claims = _un_total_and_its_children()
    toll = place_toll(reconcile(claims), "Mariupol")
    assert toll.incidents == ()
    assert [(p.claim_id, p.part_of, p.series) for p in toll.subgroups] == [(2, 1, "official")]
    assert toll.latest_official is not None and toll.latest_official.claim_id == 1


def test_a_children_running_total_alone_is_listed_but_never_the_latest_official() -> None:
    claims = [
        sourced(1, 1200, None, "more_than", report=1, scope="cumulative", kind="official",
                when="2022-02-24/2022-03-10", evidence="More than 1,200 have died so far."),
        sourced(2, 70, None, "at_least", report=2, scope="cumulative", kind="official",
                victims="children", when="2022-02-24/2022-03-20",
                evidence="At least 70 children have died since the invasion began."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert [p.claim_id for p in toll.subgroups] == [2]
    assert toll.latest_official is not None and toll.latest_official.claim_id == 1


def test_a_subgroup_of_an_incident_joins_its_incident_whatever_its_day() -> None:
    claims = [
        sourced(1, 17, 17, "exact", report=1, when="2022-03-09", evidence="Seventeen died."),
        sourced(2, 3, 3, "exact", report=1, victims="children", when="2022-03-12",
                evidence="Three were children."),
    ]  # fmt: skip
    toll = place_toll(reconcile([claims[0], replace(claims[1], part_of=1)]), "Mariupol")
    assert [(i.claim_ids, i.low, i.high) for i in toll.incidents] == [((1, 2), 17, 17)]
    assert toll.incidents[0].sources[1].part_of == 1
    unlinked = place_toll(reconcile(claims), "Mariupol")
    assert len(unlinked.incidents) == 2  # different sentences, different days: not inferred


def test_an_incident_as_large_as_the_running_total_by_then_is_held_back() -> None:
    claims = [
        sourced(1, 700, None, "more_than", report=1, scope="cumulative", kind="official",
                when="2022-03-22", evidence="More than 700 have died since the siege began."),
        sourced(2, 14, 14, "exact", report=2, when="2022-03-16", evidence="14 died at a market."),
        sourced(3, 800, 800, "exact", report=3, when="2022-03-25", evidence="800 died."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (14, 14)
    [held] = toll.held_back
    assert held.claim_ids == (3,) and held.running_total_guard is not None
    assert "running total by then (700)" in held.running_total_guard
    assert (toll.held_back_low, toll.held_back_high) == (800, 800)

    confirmed = [*claims[:2], sourced(3, 800, 800, "exact", report=3, when="2022-03-25",
                                      evidence="800 died.", status="confirmed")]  # fmt: skip
    toll = place_toll(reconcile(confirmed), "Mariupol")
    assert (toll.low, toll.high) == (814, 814) and toll.held_back == ()
    assert [i.claim_ids for i in toll.flagged_incidents] == [(3,)]


def test_an_incident_close_to_a_large_running_total_is_held_back_and_a_small_one_not() -> None:
    headline = "More than 9 thousand dead identified"
    claims = [
        sourced(1, 9_412, 9_412, "exact", report=1, scope="cumulative", kind="reported",
                when="2022-02-24/2025-06-20", evidence="Names of 9,412 dead have been found.",
                published=date(2025, 6, 20)),
        # the headline's rounding of the same count, read as one event
        sourced(2, 9_000, None, "more_than", report=1, when=None, evidence=headline,
                published=date(2025, 6, 20)),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (0, 0)
    [held] = toll.held_back
    assert held.running_total_guard is not None and "close to" in held.running_total_guard
    # a running total under 100: a strike that killed 18 of a town's 19 dead is an event
    small = [
        sourced(1, 19, 19, "exact", report=1, scope="cumulative", kind="official",
                when="2022-03-01/2022-03-22", evidence="19 have died since March."),
        sourced(2, 18, 18, "exact", report=2, when="2022-03-20", evidence="18 died at a market."),
    ]  # fmt: skip
    toll = place_toll(reconcile(small), "Mariupol")
    assert (toll.low, toll.high) == (18, 18) and toll.held_back == ()


def test_a_running_total_years_old_is_no_measure_of_an_incident() -> None:
    claims = [
        # a count of one month six years before (a past event read as a period count)
        sourced(1, 3, 3, "exact", report=1, scope="cumulative", kind="reported",
                when="2016-01-01/2016-01-31", evidence="In January 2016, 3 died there."),
        sourced(2, 6, 6, "exact", report=1, when="2022-03-13", evidence="6 died in a collapse."),
        # a running total told in the year before still measures it
        sourced(3, 5, 5, "exact", report=2, scope="cumulative", kind="official",
                when="2021-06-01/2021-12-31", published=date(2021, 12, 31),
                evidence="Five have died since June."),
        sourced(4, 9, 9, "exact", report=3, when="2022-03-14", evidence="9 died in a blast."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims[:2]), "Mariupol")
    assert (toll.low, toll.high) == (6, 6) and toll.held_back == ()
    toll = place_toll(reconcile(claims[2:]), "Mariupol")
    assert [i.claim_ids for i in toll.held_back] == [(4,)]


def test_a_past_periods_count_is_no_measure_of_a_later_incident() -> None:
    # "Before the cyclone, storms had killed 4 in January alone": told in February, a
    # closed month's count, which holds none of the cyclone's dead
    month = sourced(
        1,
        4,
        4,
        "exact",
        report=1,
        scope="cumulative",
        kind="official",
        when="2022-01-01/2022-01-31",
        published=date(2022, 2, 5),
        evidence="Storms had killed 4 people in January alone.",
    )
    cyclone = sourced(2, 9, 9, "exact", report=1, when="2022-02-03", published=date(2022, 2, 5),
                      evidence="The cyclone killed 9 people.")  # fmt: skip
    toll = place_toll(reconcile([month, cyclone]), "Mariupol")
    assert (toll.low, toll.high) == (9, 9) and toll.held_back == ()
    # the same month's count told while it runs is a running total, and measures it
    told = replace(month, published=date(2022, 1, 31))
    toll = place_toll(reconcile([told, replace(cyclone, claim=replace(cyclone.claim,
                                                                      when="2022-01-31"))]),
                      "Mariupol")  # fmt: skip
    assert [i.claim_ids for i in toll.held_back] == [(2,)]


def test_an_incident_ten_times_the_median_is_held_back_unless_it_names_a_site() -> None:
    small = [
        sourced(1, 14, 14, "exact", report=1, when="2022-03-16", evidence="14 died at a market."),
        sourced(2, 3, 3, "exact", report=2, when="2022-03-18", evidence="3 died at a hospital."),
    ]  # fmt: skip
    period = sourced(3, 180, 180, "exact", report=3, when="2022-02-24", evidence=UN)
    toll = place_toll(reconcile([*small, period]), "Mariupol")
    assert (toll.low, toll.high) == (17, 17)
    assert [i.claim_ids for i in toll.held_back] == [(3,)]
    assert "10 times the median" in (toll.held_back[0].running_total_guard or "")

    theatre = sourced(3, 300, 300, "about", report=3, when="2022-03-16",
                      evidence="About 300 people died in the drama theatre strike.")  # fmt: skip
    toll = place_toll(reconcile([*small, theatre]), "Mariupol")
    assert (toll.low, toll.high) == (317, 317) and toll.held_back == ()


def test_a_single_big_incident_with_nothing_to_compare_is_counted() -> None:
    quake = sourced(1, 5000, None, "at_least", report=1, when="2023-02-06",
                    evidence="At least 5,000 people died in the earthquake.")  # fmt: skip
    toll = place_toll(reconcile([quake]), "Mariupol")
    assert (toll.low, toll.held_back) == (5000, ())


def test_a_vague_multiple_of_another_figure_is_an_estimate_not_an_incident() -> None:
    claims = [
        sourced(1, None, None, "vague", report=1, kind="official", when="2022-03-22",
                evidence="He said the real number was several times higher."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert toll.incidents == () and [p.claim_id for p in toll.estimates] == [1]


@pytest.mark.parametrize(
    "evidence",
    [
        'Fact check: No, the shelling of the port did not kill "more than 400 people"',
        "Fact check: Did the strike on the Mariupol port kill 'up to 400 marines'?",
        "CLAIM: Posts on Telegram say the strike on the port killed more than 400 people.",
        "Reports on social media that more than 400 people were killed are not correct.",
        "The strike happened, but no source on the ground supports a toll of 400.",
        "The figures of 400 dead that have been shared online since Monday are false.",
        'Posts shared 40,000 times since Sunday say that "more than 400 people" died.',
        'A post by a military blogger raised the figure to "more than 400 marines".',
    ],
)
def test_a_toll_its_own_sentence_denies_or_asks_about_is_not_documented(evidence: str) -> None:
    claims = [
        sourced(1, 400, None, "more_than", report=1, kind="reported", when="2022-03-22",
                evidence=evidence),
        sourced(2, 12, 12, "exact", report=1, kind="official", when="2022-03-22",
                evidence="The city council said the shelling of the port killed 12 people."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (12, 12)
    assert [p.claim_id for p in toll.estimates] == [1]


def test_an_armed_groups_quoted_claim_is_a_sources_total_not_a_viral_post() -> None:
    claims = [
        sourced(1, 40, None, "more_than", report=1, kind="reported", when="2022-03-22",
                evidence='The group said in a message to journalists that its fighters had'
                ' killed "more than 40 marines".'),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert toll.low == 40 and toll.estimates == ()


def test_no_one_claiming_an_attack_denies_no_toll() -> None:
    claims = [
        sourced(1, 12, 12, "exact", report=1, kind="official", when="2022-03-22",
                evidence="No one has claimed responsibility for the strike, which killed 12."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (12, 12) and toll.estimates == ()


def test_one_event_inside_a_running_total_is_counted_and_the_total_stands_beside() -> None:
    claims = [
        sourced(1, 180, 180, "exact", report=1, scope="cumulative", kind="official",
                victims="civilians", when="2022-02-24/2022-03-30", evidence=UN),
        # "The deadliest strike of the month killed 19 people": one event the total holds
        sourced(2, 19, 19, "exact", report=1, kind="official", victims="people",
                when="2022-03-16", evidence="The deadliest strike, on 16 March, killed 19."),
    ]  # fmt: skip
    linked = [claims[0], replace(claims[1], part_of=1)]
    toll = place_toll(reconcile(linked), "Mariupol")
    assert (toll.low, toll.high) == (19, 19)
    assert [p.claim_id for p in toll.official] == [1]


def test_an_event_of_men_in_a_village_inside_a_days_count_is_counted() -> None:
    # a morning round-up: the day's count for the region, then each village's event; the
    # event's victims ("two men") are a subgroup word, but told in a sentence of their own
    # they are an event inside the count, not a part of its victims
    claims = [
        sourced(1, 4, 4, "exact", report=1, scope="cumulative", kind="official",
                victims="civilians", place="Kharkiv region", when="2022-03-15",
                evidence="Four civilians were killed across the region over the past day."),
        sourced(2, 2, 2, "exact", report=1, kind="official", victims="men", place="Verbivka",
                when="2022-03-15", evidence="In Verbivka a drone hit a car, killing two men."),
        sourced(3, 1, 1, "exact", report=1, kind="official", victims="woman", place="Lozove",
                when="2022-03-15", evidence="A woman died when a shell hit her yard in Lozove."),
    ]  # fmt: skip
    linked = [claims[0], replace(claims[1], part_of=1), replace(claims[2], part_of=1)]
    result = reconcile(linked)
    counted = sorted((i.place, i.low) for i in result.incidents if not i.held_back)
    assert counted == [("Lozove", 1), ("Verbivka", 2)]
    assert [p.claim_id for p in result.series] == [1]


def test_a_subgroup_in_the_sentence_of_its_running_total_still_follows_it() -> None:
    # the extractor may code "including 11 children" as an incident: in the total's own
    # sentence it is a part of the total's victims, never counted on its own
    claims = _un_total_and_its_children()
    toll = place_toll(reconcile([claims[0], replace(claims[1], part_of=1)]), "Mariupol")
    assert (toll.low, toll.high) == (0, 0) and toll.incidents == ()


def test_a_reports_own_smaller_figure_does_not_make_its_toll_look_like_a_total() -> None:
    toll = sourced(
        1,
        38,
        38,
        "exact",
        report=1,
        when="2022-03-16",
        evidence="The train collision toll rose to 38.",
    )
    # a figure of another day: its own incident, in the same report or in another one
    three = sourced(
        2,
        3,
        3,
        "exact",
        report=1,
        when="2022-03-01",
        evidence="Three people died in a fire at the depot on 1 March.",
    )
    alone = reconcile([toll, three])
    other = reconcile([toll, replace(three, report_id=2)])
    held = {i.high: i.held_back for i in alone.incidents}
    held_other = {i.high: i.held_back for i in other.incidents}
    assert (held[38], held_other[38]) == (False, True)


def test_an_event_of_its_own_day_linked_to_an_estimate_is_counted() -> None:
    claims = [
        sourced(1, 2000, 2500, "range", report=1, kind="estimate", victims="people",
                evidence="Between 2,000 and 2,500 people may have died in the town."),
        sourced(2, 8, 8, "exact", report=1, kind="official", victims="residents",
                when="2022-03-15", evidence="On Tuesday a bomb hit a school, killing eight."),
    ]  # fmt: skip
    toll = place_toll(reconcile([claims[0], replace(claims[1], part_of=1)]), "Mariupol")
    assert (toll.low, toll.high) == (8, 8)
    assert [p.claim_id for p in toll.estimates] == [1]


def test_the_dead_of_an_estimated_event_stay_with_the_estimate() -> None:
    claims = [
        sourced(1, 19, 19, "exact", report=1, kind="estimate", when="2022-03-15",
                evidence="All 19 on board are feared dead."),
        sourced(2, 12, 12, "exact", report=1, kind="official", victims="foreign trekkers",
                when="2022-03-15", evidence="The dead included 12 foreign trekkers."),
    ]  # fmt: skip
    toll = place_toll(reconcile([claims[0], replace(claims[1], part_of=1)]), "Mariupol")
    assert (toll.low, toll.high) == (0, 0)


def test_a_thousand_dead_in_one_event_no_sentence_names_is_held_back() -> None:
    # a war's count read as one event ("it said in May that 16,650 people had been killed")
    said = "The ministry's count is lower: it said 16,650 had been killed."
    count = sourced(1, 16650, 16650, "exact", report=1, when="2022-03-10", evidence=said)
    toll = place_toll(reconcile([count]), "Mariupol")
    assert (toll.low, toll.high) == (0, 0)
    assert "names what happened" in (toll.held_back[0].running_total_guard or "")


def test_a_thousand_dead_from_fighting_and_attacks_is_held_back() -> None:
    claims = [
        sourced(1, 34000, None, "more_than", report=1, kind="reported", when="2022-03-22",
                evidence="The monitor had recorded more than 34,000 fatalities from fighting"
                " and attacks."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert toll.low == 0 and len(toll.held_back) == 1


def test_a_thousand_dead_folded_with_a_named_strike_is_still_held_back() -> None:
    # round 36 (blind54-09): a government's count for the country, read as an incident, was
    # folded with a village school's strike of the same day; the strike's sentence named an
    # event and a site, which let the thousand through
    claims = [
        sourced(1, 1132, 1132, "exact", report=1, place="Myanmar", when="2026-03-10",
                evidence="The military government says 1,132 civilians were killed by what "
                "it calls terrorist groups."),
        sourced(2, 17, 17, "exact", report=1, place="Myanmar", when="2026-03-10",
                evidence="On Tuesday, an air strike on a monastery school in the village of "
                "Nyaung Pin Thar killed 17 people."),
    ]  # fmt: skip
    result = reconcile(claims)
    big = [i for i in result.incidents if i.high >= 1132]
    assert big and all(i.held_back for i in big)


def _a_total_with_an_event_and_the_polices_figures() -> list[SourcedClaim]:
    told = "Since 1 March the group has counted another 52 deaths, 19 of them in one raid."
    police = "Police said 16 cadets and three gunmen were killed in the raid on the academy."
    claims = [
        sourced(1, 52, 52, "exact", report=1, scope="cumulative", kind="reported",
                when="2022-03-01/2022-03-16", evidence=told),
        sourced(2, 19, 19, "exact", report=1, kind="reported", when="2022-03-14",
                place="academy, Mariupol", evidence=told),
        sourced(3, 16, 16, "exact", report=1, kind="official", victims="cadets",
                when="2022-03-14", place="academy, Mariupol", evidence=police),
        sourced(4, 3, 3, "exact", report=1, kind="official", victims="gunmen",
                when="2022-03-14", place="academy, Mariupol", evidence=police),
    ]  # fmt: skip
    return [*claims[:1], replace(claims[1], part_of=1), *claims[2:]]


def test_an_event_inside_a_total_told_with_another_is_not_more_dead() -> None:
    # "another 52 deaths, 19 of them in one raid": the word of more dead is the total's;
    # the raid's 19 are the police's 16 cadets and three gunmen, one event
    result = reconcile(_a_total_with_an_event_and_the_polices_figures())
    counted = [(i.place, i.low, i.high) for i in result.incidents if not i.held_back]
    assert counted == [("academy, Mariupol", 19, 19)]
