"""Which claims are one incident: place, outcome, days, sites, figures, reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tollbook.count import CountRules, reconcile
from tollbook.domain.claim import Claim, Qualifier
from tollbook.domain.incident import SourcedClaim
from tollbook.gazetteer import load_gazetteer


def sourced(
    claim_id: int,
    low: int | None,
    high: int | None = None,
    qualifier: Qualifier | None = None,
    *,
    report: int | None = None,
    published: date | None = date(2022, 3, 10),
    **fields: Any,
) -> SourcedClaim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "victims": "people",
        "place": "Mariupol",
        "when": "2022-03-09",
        "scope": "incident",
        "kind": "official",
        "attributed_to": "officials",
        "evidence": "People were killed in Mariupol.",
    }
    values.update(fields)
    if qualifier is None:
        qualifier = "exact" if high is not None else "at_least"
    return SourcedClaim(
        claim_id=claim_id,
        report_id=report if report is not None else claim_id,
        claim=Claim(article=f"r{claim_id}", low=low, high=high, qualifier=qualifier, **values),
        published=published,
    )


def groups(*claims: SourcedClaim, rules: CountRules | None = None) -> list[tuple[int, ...]]:
    result = reconcile(claims, rules=rules or CountRules())
    return sorted(i.claim_ids for i in result.incidents)


def test_the_same_event_from_three_reports_is_one_incident() -> None:
    assert groups(
        sourced(1, 17, 17),
        sourced(2, 17, None, place="MARIUPOL"),
        sourced(3, 15, None, when="2022-03-10"),
    ) == [(1, 2, 3)]


def test_places_match_whole_names_in_any_case_only() -> None:
    assert groups(sourced(1, 17, 17), sourced(2, 17, 17, place="Mariupol district")) == [
        (1,),
        (2,),
    ]


def test_different_outcomes_are_never_one_incident() -> None:
    assert groups(sourced(1, 17, 17), sourced(2, 17, 17, outcome="injured")) == [(1,), (2,)]


def test_days_further_apart_than_the_tolerance_are_different_incidents() -> None:
    assert groups(sourced(1, 17, 17), sourced(2, 17, 17, when="2022-03-11")) == [(1,), (2,)]
    wide = CountRules(date_tolerance_days=2)
    assert groups(sourced(1, 17, 17), sourced(2, 17, 17, when="2022-03-11"), rules=wide) == [(1, 2)]


def test_different_sites_on_the_same_day_are_different_incidents() -> None:
    market = "A missile hit a crowded market, killing at least 16 people."
    depot = "A missile hit a bus depot, killing at least 3 people."
    assert groups(
        sourced(1, 16, evidence=market),
        sourced(2, 3, evidence=depot),
        sourced(3, 16, 16, evidence="The strike on the hypermarket killed 16."),
    ) == [(1, 3), (2,)]


def test_the_same_site_joins_contradicting_figures_into_one_contested_incident() -> None:
    claims = [
        sourced(1, 17, 17, evidence="The airstrike on the children's hospital killed 17."),
        sourced(2, 30, 30, evidence="Thirty died when bombs hit the hospital."),
    ]
    result = reconcile(claims)
    assert [(i.claim_ids, i.grade, i.low, i.high) for i in result.incidents] == [
        ((1, 2), "contested", 17, 30)
    ]
    assert result.incidents[0].event == "airstrike on hospital"


def test_contradicting_figures_without_a_shared_site_stay_apart() -> None:
    assert groups(sourced(1, 5, 5), sourced(2, 12, 12)) == [(1,), (2,)]


def test_a_later_report_revising_the_same_days_toll_joins_it() -> None:
    early = sourced(1, 17, 17, published=date(2022, 3, 10))
    later = sourced(2, 21, 21, published=date(2022, 3, 12))
    assert groups(early, later) == [(1, 2)]


def test_two_complete_figures_in_one_report_are_two_events() -> None:
    sentence = (
        "Forty bodies were dumped in the trench on Tuesday, followed by 30 more on Wednesday."
    )
    assert groups(
        sourced(1, 40, 40, report=9, outcome="buried", when=None, evidence=sentence),
        sourced(2, 30, 30, report=9, outcome="buried", when=None, evidence=sentence),
    ) == [(1,), (2,)]


def test_a_report_revising_its_own_figure_is_one_event() -> None:
    assert groups(
        sourced(1, 41, 41, report=9, evidence="The toll rose to 41, the administration said."),
        sourced(2, 33, 33, report=9, evidence="Earlier the administration had put the toll at 33."),
    ) == [(1, 2)]


def test_another_sources_higher_figure_in_one_report_is_the_same_event() -> None:
    higher = (
        "The mayor gave a higher figure of 12 dead in a video address, saying a woman had "
        "died of her injuries in hospital."
    )
    assert groups(
        sourced(1, 11, 11, report=9, evidence="A strike killed 11 people, the governor said."),
        sourced(2, 12, 12, report=9, evidence=higher),
    ) == [(1, 2)]


def test_guard_more_dead_in_one_report_still_add_to_the_event() -> None:
    later = "Two of the wounded later died of their injuries in hospital."
    assert groups(
        sourced(1, 11, 11, report=9, evidence="A strike killed 11 people, the governor said."),
        sourced(2, 2, 2, report=9, evidence=later),
    ) == [(1,), (2,)]


def test_a_subgroup_in_the_same_report_is_part_of_the_event() -> None:
    sentence = "A strike on a tent camp killed 11 people, among them six children."
    result = reconcile(
        [
            sourced(1, 11, 11, report=9, evidence=sentence),
            sourced(2, 6, 6, report=9, victims="children", evidence=sentence),
        ]
    )
    assert [(i.claim_ids, i.low, i.high) for i in result.incidents] == [((1, 2), 11, 11)]


def test_one_report_never_merges_claims_days_apart() -> None:
    assert groups(
        sourced(1, 5, None, report=9, when="2022-03-09"),
        sourced(2, 7, None, report=9, when="2022-03-11"),
    ) == [(1,), (2,)]


def test_one_report_merges_compatible_claims_a_day_apart() -> None:
    # "killed at least 38 overnight" (Sunday) and "the army gave a toll of 26" (read as
    # Monday): the extractor's days for one event in one report differ as across reports
    assert groups(
        sourced(1, 38, None, "at_least", report=9, when="2022-03-09"),
        sourced(2, 26, 26, report=9, when="2022-03-10"),
    ) == [(1, 2)]


def test_claims_without_a_place_stand_alone() -> None:
    assert groups(sourced(1, 17, 17, place=None), sourced(2, 17, 17, place=None)) == [
        (1,),
        (2,),
    ]


def test_undated_claims_are_placed_by_their_reports_publication() -> None:
    result = reconcile(
        [
            sourced(1, 17, 17),
            sourced(2, 17, None, when=None, published=date(2022, 3, 11)),
            sourced(3, 17, None, when=None, published=date(2022, 4, 30)),
        ]
    )
    assert [i.claim_ids for i in result.incidents] == [(1, 2), (3,)]
    assert result.incidents[1].date == date(2022, 4, 30)
    assert result.incidents[1].start is None


def test_claims_with_no_date_at_all_group_among_themselves() -> None:
    result = reconcile(
        [
            sourced(1, 17, 17, when=None, published=None),
            sourced(2, 17, None, when=None, published=None),
        ]
    )
    assert [(i.claim_ids, i.date) for i in result.incidents] == [((1, 2), None)]


def test_incidents_come_in_date_order_with_their_span() -> None:
    result = reconcile(
        [
            sourced(1, 3, 3, when="2022-03-12", place="Kyiv"),
            sourced(2, 100, 400, "range", when="2022-04-11/2022-04-13", place="Zamzam"),
            sourced(3, 150, 150, when="2022-04-12", place="zamzam"),
        ]
    )
    assert [(i.place, i.date, i.start, i.end) for i in result.incidents] == [
        ("Kyiv", date(2022, 3, 12), date(2022, 3, 12), date(2022, 3, 12)),
        ("Zamzam", date(2022, 4, 11), date(2022, 4, 11), date(2022, 4, 13)),
    ]


def test_a_claim_placed_at_the_town_joins_one_placed_inside_it() -> None:
    # two outlets on one strike: one names the city, the other the district
    assert groups(
        sourced(1, 17, 17, place="Kharkiv"),
        sourced(2, 17, 17, place="Saltivskyi district, Kharkiv"),
    ) == [(1, 2)]


def test_two_places_inside_one_town_stay_two_incidents() -> None:
    assert groups(
        sourced(1, 5, 5, place="Central market, Kherson"),
        sourced(2, 3, 3, place="School No. 4, Kherson"),
        sourced(3, 5, 5, place="Kherson"),
    ) == [(1, 3), (2,)]


def test_a_site_told_by_what_it_is_joins_a_named_district_of_its_town() -> None:
    # one strike: a Ukrainian outlet names the district, an English one the building
    assert groups(
        sourced(1, 5, 5, place="Tsentralnyi district, Mykolaiv"),
        sourced(2, 5, 5, place="apartment block, Mykolaiv"),
    ) == [(1, 2)]


def test_two_sites_told_by_what_they_are_stay_two_incidents() -> None:
    assert groups(
        sourced(1, 5, 5, place="market, Kherson"),
        sourced(2, 3, 3, place="school, Kherson"),
    ) == [(1,), (2,)]


def test_a_claim_at_a_country_joins_one_in_a_part_of_it() -> None:
    assert groups(
        sourced(1, 1700, None, place="Myanmar"),
        sourced(2, 1702, 1702, place="central Myanmar"),
    ) == [(1, 2)]


def test_two_parts_of_one_place_stay_two_incidents() -> None:
    assert groups(
        sourced(1, 5, 5, place="northern Gaza"),
        sourced(2, 5, 5, place="southern Gaza"),
    ) == [(1,), (2,)]


# One report telling of one event several times (measured against hand-coded tolls,
# benchmarks/count_truth.py): a hospital's or a witness's count, an earlier toll, and
# dead told of as more.


def _toll(*claims: SourcedClaim) -> list[tuple[tuple[int, ...], int, int]]:
    result = reconcile(claims, rules=CountRules())
    return sorted((i.claim_ids, i.low, i.high) for i in result.incidents)


def test_a_hospitals_count_of_bodies_is_part_of_the_toll_not_another_event() -> None:
    assert _toll(
        sourced(1, 31, None, report=9, evidence="A bombing at a mosque killed at least 31."),
        sourced(
            2,
            27,
            27,
            report=9,
            kind="observed",
            evidence="A spokesman said the city's main hospital had received 27 bodies.",
        ),
    ) == [((1, 2), 31, 31)]


def test_a_witness_count_below_the_toll_is_the_same_dead() -> None:
    assert _toll(
        sourced(1, 12, 12, report=9, evidence="The shelling killed 12 people, police said."),
        sourced(2, 9, 9, report=9, evidence="A medic said she had counted nine bodies."),
    ) == [((1, 2), 12, 12)]


def test_dead_told_of_as_more_are_added_to_the_toll() -> None:
    assert _toll(
        sourced(1, 12, None, report=9, evidence="Shells killed at least 12 people at a well."),
        sourced(
            2,
            2,
            2,
            report=9,
            victims="people",
            evidence="Two of the wounded died the next day for lack of blood, he said.",
        ),
    ) == [((1,), 12, 12), ((2,), 2, 2)]


def test_more_dead_stay_apart_whatever_the_victims_of_the_toll() -> None:
    assert _toll(
        sourced(1, 19, None, report=9, victims="refugees", evidence="Gunmen killed 19 refugees."),
        sourced(2, 2, 2, report=9, evidence="Two of them later died in hospital."),
        sourced(3, 14, 14, report=9, evidence="The authorities gave a toll of 14 dead."),
    ) == [((1, 3), 19, 19), ((2,), 2, 2)]


def test_more_dead_are_not_added_when_the_report_gives_the_risen_toll() -> None:
    assert _toll(
        sourced(1, 14, 14, report=9, evidence="Bus crash toll rises to 14."),
        sourced(2, 1, 1, report=9, evidence="One of the injured died in hospital on Saturday."),
        sourced(3, 13, 13, report=9, evidence="Thirteen people were killed in the crash."),
    ) == [((1, 2, 3), 14, 14)]


def test_more_dead_told_with_the_risen_toll_are_held_in_it() -> None:
    assert _toll(
        sourced(1, 6, 6, report=9, evidence="Six people were killed on the spot."),
        sourced(
            2,
            1,
            1,
            report=9,
            evidence="One of the wounded died overnight, raising the toll to nine.",
        ),
        sourced(
            3,
            9,
            9,
            report=9,
            evidence="One of the wounded died overnight, raising the toll to nine.",
        ),
    ) == [((1, 2, 3), 9, 9)]


def test_more_dead_that_make_up_a_whole_with_its_part_are_held_in_it() -> None:
    # 11 died where the lorry overturned (a part of the 13) and two more at the clinic
    evidence = "Eleven died where the lorry overturned and two more at the clinic, police said."
    claims = [
        sourced(1, 13, 13, report=9, evidence="Thirteen people died in the lorry crash."),
        replace(sourced(2, 11, 11, report=9, evidence=evidence), part_of=1),
        sourced(3, 2, 2, report=9, evidence=evidence),
    ]
    assert _toll(*claims) == [((1, 2, 3), 13, 13)]


def test_more_dead_already_held_by_a_toll_of_the_report_are_not_added() -> None:
    # 31 bodies recovered and seven who died ashore make the toll of 38
    assert _toll(
        sourced(1, 38, None, report=9, evidence="At least 38 dead after a boat capsized."),
        sourced(
            2,
            31,
            31,
            report=9,
            outcome="bodies_found",
            evidence="Divers recovered 31 bodies from the water.",
        ),
        sourced(
            3, 7, 7, report=9, evidence="Of those rescued, seven died after being brought ashore."
        ),
    ) == [((1, 3), 38, 38), ((2,), 31, 31)]


def test_more_dead_held_by_a_toll_told_on_a_later_day_join_its_event() -> None:
    # 9 bodies and four who died in hospital, told for the first day, make the next
    # day's toll of 13: the four are that toll's, whatever order the days come in
    assert _toll(
        sourced(1, 7, 7, report=9, evidence="Seven were reported dead on Wednesday."),
        sourced(
            2,
            9,
            9,
            report=9,
            outcome="bodies_found",
            evidence="Rescuers pulled out nine bodies, and four more people died in hospital.",
        ),
        sourced(
            3,
            4,
            4,
            report=9,
            evidence="Rescuers pulled out nine bodies, and four more people died in hospital.",
        ),
        sourced(4, 13, 13, report=9, when="2022-03-10", evidence="Thirteen are now dead."),
    ) == [((1, 3, 4), 13, 13), ((2,), 9, 9)]


def test_attackers_killed_are_dead_beside_their_victims() -> None:
    assert _toll(
        sourced(1, 11, 11, report=9, victims="policemen", evidence="A bomber killed 11 policemen."),
        sourced(2, 4, 4, report=9, victims="attackers", evidence="Four attackers were shot dead."),
    ) == [((1, 2), 15, 15)]


def test_terrorists_neutralised_are_dead_beside_their_victims() -> None:
    assert _toll(
        sourced(1, 23, 23, report=9, evidence="The governor said 23 people had been killed."),
        sourced(2, 20, 20, report=9, victims="terrorists",
                evidence='The army said "about 20 terrorists were neutralised".'),
    ) == [((1, 2), 43, 43)]  # fmt: skip


def test_attackers_counted_inside_a_toll_are_not_added_again() -> None:
    result = reconcile(
        [
            sourced(1, 15, 15, report=9, evidence="Fifteen people died in the assault."),
            SourcedClaim(
                claim_id=2,
                report_id=9,
                claim=Claim(
                    article="r2",
                    low=4,
                    high=4,
                    qualifier="exact",
                    outcome="killed",
                    victims="attackers",
                    place="Mariupol",
                    when="2022-03-09",
                    scope="incident",
                    kind="official",
                    attributed_to="officials",
                    evidence="The dead include four attackers.",
                ),
                published=date(2022, 3, 10),
                part_of=1,
            ),
        ],
        rules=CountRules(),
    )
    assert [(i.low, i.high) for i in result.incidents] == [(15, 15)]


def test_a_higher_toll_from_residents_disagrees_with_the_official_one() -> None:
    # the police's 11 and the armed group's claim of 14, in one report: 11 to 14
    assert _toll(
        sourced(1, 11, 11, report=9, evidence="Rebels killed 11 miners, the police said."),
        sourced(
            2,
            14,
            14,
            report=9,
            kind="reported",
            attributed_to="the rebel army",
            evidence="The rebel army said its fighters had killed 14 people at the camp.",
        ),
    ) == [((1, 2), 11, 14)]


def test_a_higher_official_toll_of_the_same_report_replaces_the_lower() -> None:
    assert _toll(
        sourced(1, 11, 11, report=9, evidence="Eleven people were killed, the governor said."),
        sourced(2, 17, 17, report=9, evidence="The interior ministry gave a toll of 17."),
    ) == [((1, 2), 17, 17)]


def test_a_same_day_report_that_says_the_toll_rose_revises_the_earlier_one() -> None:
    morning = sourced(1, 4, 4, evidence="Удар по Херсону: загинули 4 людини")
    afternoon = sourced(
        2, 7, 7, when=None, evidence="Кількість загиблих унаслідок удару зросла до семи"
    )
    [incident] = reconcile([morning, afternoon], rules=CountRules()).incidents
    assert (incident.low, incident.high, incident.grade) == (7, 7, "corroborated")


def test_a_later_report_joins_the_toll_that_rose_past_an_earlier_figure() -> None:
    claims = [
        sourced(1, 4, 4, evidence="Strike on Mariupol: four people were killed"),
        sourced(2, 7, 7, evidence="The death toll from the strike has risen to seven"),
        sourced(3, 7, 7, published=date(2022, 3, 11), evidence="Strike kills seven"),
    ]
    assert groups(*claims) == [(1, 2, 3)]


def test_a_known_district_is_grouped_with_its_city() -> None:
    rules = CountRules(places=load_gazetteer())
    claims = [
        sourced(1, 7, 7, place="Київський район, Одеса", evidence="загинули семеро"),
        sourced(2, 7, 7, place="Odesa", when=None, published=date(2022, 3, 10)),
    ]
    assert groups(*claims, rules=rules) == [(1, 2)]


def _at(claim_id: int, low: int, place: str, **fields: Any) -> SourcedClaim:
    return sourced(claim_id, low, low, place=place, **fields)


def test_an_event_told_at_its_country_joins_the_one_event_at_a_town_of_it() -> None:
    rules = CountRules(places=load_gazetteer())
    claims = [
        _at(1, 52, "Zuwara", evidence="The toll of the shipwreck off Zuwara has risen to 52"),
        _at(2, 52, "Libya", evidence="Libya shipwreck toll rises to 52"),
    ]
    [incident] = reconcile(claims, rules=rules).incidents
    assert (incident.claim_ids, incident.place, incident.low) == ((1, 2), "Zuwara", 52)


def test_an_event_told_at_its_region_joins_the_event_in_its_town() -> None:
    rules = CountRules(places=load_gazetteer())
    claims = [_at(1, 7, "Kharkiv region"), _at(2, 7, "Kupiansk"), _at(3, 3, "Kharkiv")]
    assert groups(*claims, rules=rules) == [(1, 2), (3,)]


def test_a_country_figure_stays_apart_when_two_towns_or_other_figures_could_hold_it() -> None:
    rules = CountRules(places=load_gazetteer())
    two_towns = [_at(1, 5, "Libya"), _at(2, 5, "Zuwara"), _at(3, 5, "Benghazi")]
    assert groups(*two_towns, rules=rules) == [(1,), (2,), (3,)]
    other_figure = [_at(1, 9, "Libya"), _at(2, 5, "Zuwara")]
    assert groups(*other_figure, rules=rules) == [(1,), (2,)]
    other_days = [_at(1, 5, "Libya", when="2022-03-01"), _at(2, 5, "Zuwara")]
    assert groups(*other_days, rules=rules) == [(1,), (2,)]
    elsewhere = [_at(1, 5, "Egypt"), _at(2, 5, "Zuwara")]
    assert groups(*elsewhere, rules=rules) == [(1,), (2,)]


def test_a_later_risen_toll_at_an_area_named_after_the_town_joins_the_towns_event() -> None:
    rules = CountRules(places=load_gazetteer())
    first = _at(1, 9, "Garissa", when="2022-03-08", evidence="Garissa floods: 9 dead")
    risen = _at(
        2,
        15,
        "Garissa County",
        when="2022-03-09",
        evidence="The flood toll in Garissa County has risen to 15",
    )
    [incident] = reconcile([first, risen], rules=rules).incidents
    assert (incident.claim_ids, incident.place, incident.low) == ((1, 2), "Garissa", 15)


def test_an_area_named_after_the_town_stays_apart_without_a_risen_toll_or_on_other_days() -> None:
    rules = CountRules(places=load_gazetteer())
    town = _at(1, 9, "Garissa", when="2022-03-08")
    other_figure = _at(2, 15, "Garissa County", when="2022-03-09")  # no word that it rose
    assert groups(town, other_figure, rules=rules) == [(1,), (2,)]
    later = _at(2, 15, "Garissa County", when="2022-03-20", evidence="The toll has risen to 15")
    assert groups(town, later, rules=rules) == [(1,), (2,)]


def test_a_part_of_the_victims_told_over_a_longer_time_leaves_the_incidents_date() -> None:
    strike = _at(1, 11, "Sloviansk", when="2022-03-09", evidence="A strike killed 11 people.")
    part = sourced(
        2,
        4,
        4,
        place="Sloviansk",
        when="2022-01-01/2022-03-10",
        scope="cumulative",
        victims="patients",
        evidence="The council, counting since January, said four of the dead were patients.",
    )
    part = SourcedClaim(
        claim_id=part.claim_id,
        report_id=1,
        claim=part.claim,
        published=part.published,
        part_of=1,
    )
    strike = SourcedClaim(claim_id=1, report_id=1, claim=strike.claim, published=strike.published)
    [incident] = reconcile([strike, part], rules=CountRules()).incidents
    assert (incident.claim_ids, incident.low, incident.date) == ((1, 2), 11, date(2022, 3, 9))


def test_the_strikers_own_count_of_militants_is_a_total_beside_the_others() -> None:
    # villagers' 31 and the air force's "40 insurgents" at the camp it says it struck: one
    # event's dead told by two sides, 31 to 40, not 71 (TOLLS.md rule 8)
    assert _toll(
        sourced(1, 31, 31, report=9, kind="reported",
                evidence="Villagers said the bombs killed 31 people at the monastery."),
        sourced(2, 40, 40, report=9, victims="insurgents",
                evidence='The air force said it had struck a "rebel training camp" and'
                ' killed 40 "insurgents".'),
    ) == [((1, 2), 31, 40)]  # fmt: skip


def test_terrorists_the_army_killed_after_an_attack_are_still_added() -> None:
    assert _toll(
        sourced(1, 23, 23, report=9, evidence="Gunmen killed 23 villagers, the governor said."),
        sourced(2, 20, 20, report=9, victims="terrorists",
                evidence="The army said it killed 20 terrorists as they fled."),
    ) == [((1, 2), 43, 43)]  # fmt: skip


def test_a_teaching_hospital_the_wounded_died_at_is_no_school_hit() -> None:
    assert _toll(
        sourced(1, 23, 23, report=9, evidence="The blasts at the cattle market killed 23 people."),
        sourced(2, 27, 27, report=9,
                evidence="Four of the wounded died overnight at the University of Jos Teaching"
                " Hospital, bringing the toll to 27, he said."),
    ) == [((1, 2), 27, 27)]  # fmt: skip


def test_the_strikers_count_told_in_a_that_clause_is_a_total_too() -> None:
    assert _toll(
        sourced(1, 18, 18, report=9, kind="reported",
                evidence="Volunteers said the strike on the clinic killed 18 people."),
        sourced(2, 35, 35, report=9, victims="terrorists",
                evidence='The junta said that the air force had struck a "rebel base" near the'
                " village and that about 35 terrorists had been killed."),
    ) == [((1, 2), 18, 35)]  # fmt: skip


def test_terrorists_killed_repelling_an_attack_are_added() -> None:
    assert _toll(
        sourced(1, 12, 12, report=9, evidence="Militants attacked the base, killing 12 soldiers."),
        sourced(2, 20, 20, report=9, victims="terrorists",
                evidence="The army said helicopters had hit the fighters while repelling the"
                " attack and that 20 terrorists were killed."),
    ) == [((1, 2), 32, 32)]  # fmt: skip


def test_a_church_leader_names_no_church_that_was_hit() -> None:
    assert _toll(
        sourced(1, 12, 12, report=9, kind="reported",
                evidence="The rebels said their fighters had killed 12 people at the camp."),
        sourced(2, 15, None, "at_least", report=9, kind="reported",
                evidence="A church leader in the town said villagers had seen at least 15"
                " bodies in the river."),
    ) == [((1, 2), 15, 15)]  # fmt: skip


def test_a_countys_toll_including_other_dead_holds_the_towns_event() -> None:
    claims = [
        sourced(1, 17, None, report=9, place="Garissa", when="2026-04-25",
                evidence="Flash floods killed at least 17 people in Garissa on Saturday."),
        sourced(2, 21, 21, report=9, place="Garissa County", when="2026-04-26",
                kind="reported", evidence="The Red Cross said 21 people had died in Garissa"
                " County since Saturday, including four whose car was swept off a bridge."),
    ]  # fmt: skip
    result = reconcile(claims, rules=CountRules(places=load_gazetteer()))
    assert [(i.claim_ids, i.high) for i in result.incidents] == [((1, 2), 21)]


def test_a_woman_wounded_in_the_blast_who_died_at_a_hospital_names_no_hospital_hit() -> None:
    assert _toll(
        sourced(1, 7, 7, report=9,
                evidence="A car bomb outside the police station killed seven people."),
        sourced(2, 8, 8, report=9,
                evidence="A woman wounded in the blast had died at a hospital in the city,"
                " raising the toll to eight."),
    ) == [((1, 2), 8, 8)]  # fmt: skip


def test_a_clan_leaders_higher_toll_is_the_same_dead_not_more() -> None:
    assert _toll(
        sourced(1, 16, 16, report=9, evidence="Police said 16 people were killed in the ambush."),
        sourced(2, 24, 24, report=9, kind="reported",
                evidence="A leader of the victims' clan, Peter Kandi, said 24 of his people had"
                " died."),
    ) == [((1, 2), 16, 24)]  # fmt: skip


def test_terrorists_killed_after_they_hit_a_village_are_added() -> None:
    # the army tells of the attackers' strike, not its own: its 20 are perpetrators
    assert _toll(
        sourced(1, 12, 12, report=9, evidence="Gunmen killed 12 villagers, the governor said."),
        sourced(2, 20, 20, report=9, victims="terrorists",
                evidence="The army said gunmen had hit the village at dawn and that 20"
                " terrorists were killed."),
    ) == [((1, 2), 32, 32)]  # fmt: skip


def test_a_toll_that_now_stood_higher_revises_the_earlier_one() -> None:
    assert _toll(
        sourced(1, 31, 31, report=9, evidence="The police had counted 31 civilians dead."),
        sourced(2, 52, 52, report=9,
                evidence="Search teams had since found more bodies in the fields, and the toll"
                " now stood at 52, he said."),
    ) == [((1, 2), 52, 52)]  # fmt: skip


def test_an_armys_own_operation_neutralising_terrorists_is_its_total_of_the_dead() -> None:
    assert _toll(
        sourced(
            1,
            60,
            60,
            report=9,
            kind="reported",
            evidence="The rights group said soldiers killed 60 villagers in Kossi.",
        ),
        sourced(
            2,
            30,
            30,
            report=9,
            victims="terrorists",
            evidence="The army said that an operation near Kossi the previous day had"
            ' "neutralised 30 terrorists".',
        ),
    ) == [((1, 2), 60, 60)]  # fmt: skip  (not 90: the army's 30 are not added)


def test_a_figure_at_a_towns_port_is_the_towns_event_in_one_report() -> None:
    # a capsizing "off Nansio port" and an association's higher figure "at Nansio": one
    # event told twice in one report, not two events added up
    port = sourced(1, 37, 37, report=1, place="Nansio port", when="2026-07-19")
    town = sourced(2, 45, None, report=1, place="Nansio", when="2026-07-19", kind="reported")
    [incident] = reconcile([port, town], rules=CountRules()).incidents
    assert (incident.claim_ids, incident.low, incident.high) == ((1, 2), 37, 45)


def test_two_facilities_of_one_town_stay_apart() -> None:
    port = sourced(1, 4, 4, report=1, place="Nansio port", when="2026-07-19")
    station = sourced(2, 6, 6, report=2, place="Nansio bus station", when="2026-07-19")
    assert groups(port, station) == [(1,), (2,)]


def test_one_reports_claims_placed_at_one_site_are_one_incident_in_other_words() -> None:
    # the report places all three at the aid point; its sentences name the site in other
    # words (a bread queue, the aid point, a shop wall that fell)
    at = "aid point, Mariupol"
    claims = [
        sourced(1, 14, 14, report=1, place=at,
                evidence="Bomb hits bread queue in Mariupol, killing 14."),
        sourced(2, 5, None, report=1, place=at,
                evidence="A bomb struck people queueing at an aid point, killing at least five."),
        sourced(3, 9, 9, report=1, place=at,
                evidence="By noon the toll had risen to nine as rescuers lifted a shop wall."),
    ]  # fmt: skip
    assert groups(*claims) == [(1, 2, 3)]


def test_claims_of_two_reports_naming_other_sites_at_one_place_stay_apart() -> None:
    at = "aid point, Mariupol"
    assert groups(
        sourced(1, 14, 14, report=1, place=at, evidence="A strike on a market killed 14."),
        sourced(2, 30, 30, report=2, place=at, evidence="A strike on a school killed 30."),
    ) == [(1,), (2,)]
