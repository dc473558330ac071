"""Human grouping decisions hold over the automatic grouping, in the order made."""

from __future__ import annotations

from typing import Any

from tollbook.count import reconcile
from tollbook.domain.claim import Claim
from tollbook.domain.incident import GroupingOverride, Incident, SourcedClaim


def sourced(claim_id: int, low: int, **fields: Any) -> SourcedClaim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "victims": "people",
        "place": "Kharkiv",
        "when": "2022-09-10",
        "scope": "incident",
        "kind": "official",
        "attributed_to": None,
        "evidence": "People were killed.",
        "review_status": "unreviewed",
    }
    values.update(fields)
    status = values.pop("review_status")
    claim = Claim(article=f"r{claim_id}", low=low, high=low, qualifier="exact", **values)
    return SourcedClaim(claim_id, claim_id, claim, review_status=status)


# 1 and 2 agree (one incident); 3 contradicts them; 4 is another outcome.
CLAIMS = [sourced(1, 14), sourced(2, 14), sourced(3, 40), sourced(4, 37, outcome="injured")]


def incidents(*overrides: GroupingOverride, claims: list[SourcedClaim] = CLAIMS) -> list[Incident]:
    return list(reconcile(claims, overrides).incidents)


def grouped(*overrides: GroupingOverride) -> list[tuple[int, ...]]:
    return sorted(i.claim_ids for i in incidents(*overrides))


def test_without_overrides() -> None:
    assert grouped() == [(1, 2), (3,), (4,)]


def test_merge_puts_incidents_together() -> None:
    assert grouped(GroupingOverride(1, "merge", frozenset({1, 3}))) == [(1, 2, 3), (4,)]


def test_merge_never_joins_different_outcomes() -> None:
    assert grouped(GroupingOverride(1, "merge", frozenset({1, 4}))) == [(1, 2), (3,), (4,)]


def test_split_moves_claims_into_an_incident_of_their_own() -> None:
    assert grouped(GroupingOverride(1, "split", frozenset({2}))) == [(1,), (2,), (3,), (4,)]


def test_ungroup_makes_every_claim_its_own_incident() -> None:
    merged = GroupingOverride(1, "merge", frozenset({1, 2, 3}))
    assert grouped(merged, GroupingOverride(2, "ungroup", frozenset({1, 2, 3}))) == [
        (1,),
        (2,),
        (3,),
        (4,),
    ]


def test_later_overrides_win() -> None:
    split = GroupingOverride(1, "split", frozenset({2}))
    merge = GroupingOverride(2, "merge", frozenset({1, 2}))
    assert grouped(merge, split) == [(1, 2), (3,), (4,)]  # applied by id, not list order


def test_confirm_keeps_the_grouping_and_marks_it_checked() -> None:
    found = incidents(GroupingOverride(1, "confirm", frozenset({1, 2}), actor="anna"))
    assert [(i.claim_ids, i.grouping_confirmed) for i in found] == [
        ((1, 2), True),
        ((3,), False),
        ((4,), False),
    ]


def test_a_confirmed_grouping_that_gains_a_claim_is_unconfirmed() -> None:
    confirm = GroupingOverride(1, "confirm", frozenset({1, 2}))
    merge = GroupingOverride(2, "merge", frozenset({1, 3}))
    assert [i.grouping_confirmed for i in incidents(confirm, merge)] == [False, False]


def test_a_grade_holds_while_the_incident_keeps_its_claims() -> None:
    grade = GroupingOverride(1, "grade", frozenset({1, 2}), grade="contested", actor="anna")
    first = incidents(grade)[0]
    assert (first.grade, first.computed_grade, first.grade_set_by) == (
        "contested",
        "corroborated",
        "anna",
    )
    split = GroupingOverride(2, "split", frozenset({2}))
    assert {i.grade for i in incidents(grade, split)} == {"single_source"}


def test_overrides_skip_claims_no_longer_counted() -> None:
    claims = [*CLAIMS[:2], sourced(3, 40, review_status="rejected"), CLAIMS[3]]
    merge = GroupingOverride(1, "merge", frozenset({1, 3}))
    assert sorted(i.claim_ids for i in incidents(merge, claims=claims)) == [(1, 2), (4,)]
    gone = GroupingOverride(2, "split", frozenset({3}))
    assert sorted(i.claim_ids for i in incidents(gone, claims=claims)) == [(1, 2), (4,)]
