"""An incident's minimum and maximum, and when it is contested (docs/counting.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tollbook.count import CountRules, VagueFloors, reconcile
from tollbook.domain.claim import Claim, Qualifier
from tollbook.domain.incident import Incident, SourcedClaim

DAY = "2022-03-09"


def sourced(
    claim_id: int,
    low: int | None,
    high: int | None,
    qualifier: Qualifier,
    *,
    report: int | None = None,
    publisher: str | None = None,
    published: date = date(2022, 3, 10),
    **fields: Any,
) -> SourcedClaim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "victims": "people",
        "place": "Mariupol",
        "when": DAY,
        "scope": "incident",
        "kind": "official",
        "attributed_to": "officials",
        "evidence": "An airstrike on a children's hospital killed people.",
    }
    values.update(fields)
    return SourcedClaim(
        claim_id=claim_id,
        report_id=report if report is not None else claim_id,
        claim=Claim(article=f"r{claim_id}", low=low, high=high, qualifier=qualifier, **values),
        publisher=publisher,
        published=published,
    )


def one_incident(*claims: SourcedClaim, rules: CountRules | None = None) -> Incident:
    result = reconcile(claims, rules=rules or CountRules())
    assert len(result.incidents) == 1, [i.claim_ids for i in result.incidents]
    return result.incidents[0]


def test_sources_that_agree_give_the_highest_credible_minimum() -> None:
    incident = one_incident(
        sourced(1, 14, None, "at_least"),
        sourced(2, 16, None, "at_least"),
        sourced(3, 17, 17, "exact"),
    )
    assert (incident.low, incident.high) == (17, 17)
    assert incident.grade == "corroborated"


def test_an_at_least_figure_alone_is_its_own_minimum_and_maximum() -> None:
    incident = one_incident(sourced(1, 17, None, "at_least"))
    assert (incident.low, incident.high, incident.grade) == (17, 17, "single_source")


def test_up_to_sets_only_a_maximum() -> None:
    incident = one_incident(sourced(1, None, 10, "up_to"), sourced(2, 5, None, "at_least"))
    assert (incident.low, incident.high) == (5, 10)


def test_a_range_and_a_figure_inside_it() -> None:
    incident = one_incident(sourced(1, 100, 400, "range"), sourced(2, 150, 150, "exact"))
    assert (incident.low, incident.high, incident.grade) == (150, 400, "corroborated")


def test_contradicting_sources_give_the_band_between_them_and_are_contested() -> None:
    incident = one_incident(sourced(1, 17, 17, "exact"), sourced(2, 30, 30, "exact"))
    assert (incident.low, incident.high, incident.grade) == (17, 30, "contested")


def test_a_floor_above_another_sources_total_is_capped_by_it() -> None:
    incident = one_incident(sourced(1, 25, None, "at_least"), sourced(2, 20, 20, "exact"))
    assert (incident.low, incident.high, incident.grade) == (20, 25, "contested")


def test_a_later_report_raising_the_toll_supersedes_the_earlier_figure() -> None:
    early = sourced(1, 17, 17, "exact", published=date(2022, 3, 10))
    later = sourced(2, 21, 21, "exact", published=date(2022, 3, 12))
    incident = one_incident(early, later)
    assert (incident.low, incident.high, incident.grade) == (21, 21, "corroborated")
    assert [s.superseded for s in incident.sources] == [True, False]


def test_a_lower_figure_published_later_is_a_contradiction_not_a_revision() -> None:
    early = sourced(1, 21, 21, "exact", published=date(2022, 3, 10))
    later = sourced(2, 17, 17, "exact", published=date(2022, 3, 12))
    incident = one_incident(early, later)
    assert (incident.low, incident.high, incident.grade) == (17, 21, "contested")


def test_about_figures_agree_within_the_tolerance() -> None:
    incident = one_incident(sourced(1, 40, 40, "about"), sourced(2, 42, 42, "exact"))
    assert incident.grade == "corroborated"
    assert (incident.low, incident.high) == (40, 42)


def test_about_figures_beyond_the_tolerance_contradict() -> None:
    rules = CountRules(about_tolerance=0.01)
    incident = one_incident(sourced(1, 40, 40, "about"), sourced(2, 42, 42, "exact"), rules=rules)
    assert incident.grade == "contested"


def test_a_subgroup_figure_raises_the_minimum_but_never_caps_it() -> None:
    incident = one_incident(
        sourced(1, 11, 11, "exact"),
        sourced(2, 6, 6, "exact", victims="children"),
    )
    assert (incident.low, incident.high, incident.grade) == (11, 11, "corroborated")
    assert [s.subgroup for s in incident.sources] == [False, True]


def test_a_subgroup_larger_than_the_total_contradicts_it() -> None:
    incident = one_incident(
        sourced(1, 11, 11, "exact"),
        sourced(2, 30, 30, "exact", victims="children"),
    )
    assert (incident.low, incident.high, incident.grade) == (11, 30, "contested")


def test_vague_words_count_nothing_by_default() -> None:
    incident = one_incident(sourced(1, None, None, "vague", evidence="Dozens were killed."))
    assert (incident.low, incident.high, incident.vague_only) == (0, 0, True)


@pytest.mark.parametrize(
    ("evidence", "floor"),
    [
        ("Dozens were killed in the strike.", 24),
        ("Hundreds of people died.", 200),
        ("Tens of thousands were killed.", 20_000),
        ("Several people were killed.", 3),
        ("Scores of civilians died.", 40),
        ("Many people were killed.", 0),
        ("Dozens, perhaps hundreds, were killed.", 24),
    ],
)
def test_vague_words_count_their_floor_when_enabled(evidence: str, floor: int) -> None:
    rules = CountRules(vague=VagueFloors(enabled=True))
    incident = one_incident(sourced(1, None, None, "vague", evidence=evidence), rules=rules)
    assert (incident.low, incident.high) == (floor, floor)


def test_vague_floors_are_configurable() -> None:
    rules = CountRules(vague=VagueFloors(enabled=True, floors={"dozens": 12}))
    incident = one_incident(
        sourced(1, None, None, "vague", evidence="Dozens were killed."), rules=rules
    )
    assert incident.low == 12
    assert "dozens 12" in rules.vague.describe()
    assert "not counted" in CountRules().vague.describe()


def test_a_vague_claim_beside_a_figure_changes_nothing() -> None:
    incident = one_incident(
        sourced(1, 17, None, "at_least"),
        sourced(2, None, None, "vague", evidence="Dozens died at the hospital."),
    )
    assert (incident.low, incident.high, incident.vague_only) == (17, 17, False)


def test_negative_floors_and_bad_tolerances_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        VagueFloors(floors={"dozens": -1})
    with pytest.raises(ValueError, match="about_tolerance"):
        CountRules(about_tolerance=1.5)
    with pytest.raises(ValueError, match="negative"):
        CountRules(date_tolerance_days=-1)


def test_a_figure_of_more_dead_or_of_those_seen_caps_no_toll() -> None:
    first = sourced(1, 38, 38, "exact", outcome="bodies_found", evidence="38 bodies recovered")
    more = sourced(
        2,
        14,
        14,
        "exact",
        outcome="bodies_found",
        published=date(2022, 3, 11),
        evidence="14 more bodies washed up on the beach on Sunday.",
    )
    incident = one_incident(first, more)
    assert (incident.low, incident.high, incident.grade) == (38, 38, "corroborated")
    seen = sourced(3, 27, 27, "exact", kind="observed", evidence="The morgue received 27 bodies.")
    toll = sourced(4, 31, 31, "exact", published=date(2022, 3, 11))
    incident = one_incident(seen, toll)
    assert (incident.low, incident.high, incident.grade) == (31, 31, "corroborated")


def test_two_sources_of_one_report_that_disagree_give_a_range() -> None:
    incident = one_incident(
        sourced(1, 31, 31, "exact", report=1, attributed_to="state police",
                evidence="The state police put the number of dead at 31."),
        sourced(2, 47, None, "at_least", report=1, attributed_to="council chairman",
                evidence="The council chairman said at least 47 people were killed."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (31, 47)


def test_one_source_of_one_report_raising_its_toll_replaces_it() -> None:
    incident = one_incident(
        sourced(1, 31, 31, "exact", report=1, attributed_to="state police",
                evidence="The state police put the number of dead at 31."),
        sourced(2, 47, 47, "exact", report=1, attributed_to="police",
                evidence="Police later said 47 people were killed."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (47, 47)


@pytest.mark.parametrize(
    "earlier",
    [
        "On Monday the interior ministry had given a toll of 21.",
        "On Monday evening the interior ministry put the toll at 21.",
        "The interior ministry initially counted 21 dead.",
    ],
)
def test_another_sources_earlier_toll_is_replaced_not_a_disagreement(earlier: str) -> None:
    incident = one_incident(
        sourced(1, 21, 21, "exact", report=1, attributed_to="interior ministry",
                evidence=earlier),
        sourced(2, 23, 23, "exact", report=1, attributed_to="coast guard",
                evidence="The coast guard said 23 people drowned."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (23, 23)


def test_an_open_total_of_one_source_is_the_minimum_against_anothers_higher() -> None:
    incident = one_incident(
        sourced(1, 17, None, "at_least", report=1, attributed_to="local authorities",
                evidence="At least 17 displaced people were killed, local authorities said."),
        sourced(2, 22, 22, "exact", report=1, attributed_to="community leaders",
                evidence="Community leaders put the number of dead at 22."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (17, 22)


def test_another_sources_later_toll_replaces_an_open_one() -> None:
    incident = one_incident(
        sourced(1, 17, None, "at_least", report=1, attributed_to="security sources",
                evidence="The bomb killed at least 17 people, security sources said."),
        sourced(2, 19, 19, "exact", report=1, attributed_to="health directorate",
                evidence="The health directorate later put the toll at 19."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (19, 19)


def test_a_sources_total_may_name_who_they_were() -> None:
    incident = one_incident(
        sourced(1, 17, None, "at_least", report=1, attributed_to="local authorities",
                victims="displaced people",
                evidence="At least 17 displaced people were killed, local authorities said."),
        sourced(2, 22, 22, "exact", report=1, attributed_to="community leaders",
                evidence="Community leaders put the number of dead at 22."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (17, 22)


def test_a_group_of_the_dead_is_no_disagreeing_total() -> None:
    incident = one_incident(
        sourced(1, 12, 12, "exact", report=1, attributed_to="UNICEF", victims="children",
                evidence="UNICEF said 12 children were among the dead."),
        sourced(2, 30, 30, "exact", report=1, attributed_to="health ministry",
                evidence="The health ministry said 30 people were killed."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (30, 30)


def test_a_sources_exact_total_of_its_victims_is_the_minimum_against_anothers() -> None:
    incident = one_incident(
        sourced(1, 13, 13, "exact", report=1, attributed_to="police", victims="gold miners",
                evidence="The armed group killed 13 gold miners, police said."),
        sourced(2, 15, 15, "exact", report=1, attributed_to="the armed group", kind="reported",
                evidence="The armed group said its fighters had killed 15 people."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (13, 15)


def test_an_earlier_toll_told_in_ukrainian_is_replaced() -> None:
    incident = one_incident(
        sourced(1, 7, 7, "exact", report=1, attributed_to="ДСНС",
                evidence="Спершу в ДСНС повідомляли про сімох загиблих."),
        sourced(2, 9, 9, "exact", report=1, attributed_to="обласна військова адміністрація",
                evidence="Обласна військова адміністрація повідомила про дев'ятьох загиблих."),
    )  # fmt: skip
    assert (incident.low, incident.high) == (9, 9)
