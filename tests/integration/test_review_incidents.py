"""Reviewing incident groupings: merge, split, ungroup, confirm, grade; audited; held
when the claims are regrouped."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.incident import Incident
from tollbook.services.incidents import list_incidents
from tollbook.services.ingest import ingest_reports
from tollbook.services.review import (
    ReviewError,
    confirm_grouping,
    merge_incidents,
    reject_claim,
    review_history,
    set_grade,
    split_incident,
    ungroup_incident,
)
from tollbook.services.tolls import place_toll
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report


@pytest.fixture
def stored(uow: UnitOfWork) -> UnitOfWork:
    """Kharkiv, 10 September: a market strike (claims 1, 2 agree; 3 says 40); 37 injured."""
    claims = {
        "a": [
            make_claim("a", place="Kharkiv", low=14, high=14, qualifier="exact",
                       when="2022-09-10"),
            make_claim("a", place="Kharkiv", outcome="injured", low=37, high=37,
                       qualifier="exact", when="2022-09-10"),
        ],
        "b": [make_claim("b", place="Kharkiv", low=14, when="2022-09-10")],
        "c": [make_claim("c", place="Kharkiv", low=40, high=40, qualifier="exact",
                         when="2022-09-10")],
    }  # fmt: skip
    reports = [make_report(n, published=date(2022, 9, 11)) for n in claims]
    ingest_reports(uow, reports, FakeExtractor(claims))
    return uow


def by_claims(uow: UnitOfWork) -> dict[tuple[int, ...], Incident]:
    return {i.claim_ids: i for i in list_incidents(uow)}


def incident_id(uow: UnitOfWork, claims: tuple[int, ...]) -> int:
    found = by_claims(uow)[claims].id
    assert found is not None
    return found


def test_the_grouping_before_review(stored: UnitOfWork) -> None:
    assert sorted(by_claims(stored)) == [(1, 3), (2,), (4,)]
    assert place_toll(stored, "Kharkiv").low == 14 + 40


def test_merge_counts_the_contradicting_report_once(stored: UnitOfWork) -> None:
    first, other = incident_id(stored, (1, 3)), incident_id(stored, (4,))
    merged = merge_incidents(stored, [first, other], actor="anna", reason="same strike")
    assert (merged.id, merged.claim_ids) == (first, (1, 3, 4))
    assert (merged.low, merged.high, merged.grade) == (14, 40, "contested")
    toll = place_toll(stored, "Kharkiv")
    assert (toll.low, toll.high) == (14, 40)
    [entry] = review_history(stored, "incident", first)
    assert (entry.actor, entry.action) == ("anna", "merge")
    assert entry.before == {
        "incidents": [{"id": first, "claim_ids": [1, 3]}, {"id": other, "claim_ids": [4]}]
    }
    assert entry.after is not None and entry.after["reason"] == "same strike"
    assert [i["claim_ids"] for i in entry.after["incidents"]] == [[1, 3, 4]]
    assert sorted(by_claims(stored)) == [(1, 3, 4), (2,)]  # held on the next regrouping


def test_split_moves_claims_out(stored: UnitOfWork) -> None:
    first = incident_id(stored, (1, 3))
    staying, moved = split_incident(stored, first, [3], actor="anna")
    assert (staying.id, staying.claim_ids) == (first, (1,))
    assert moved.claim_ids == (3,) and moved.id != first
    assert place_toll(stored, "Kharkiv").low == 14 + 14 + 40
    with pytest.raises(ReviewError, match="not in incident"):
        split_incident(stored, first, [4], actor="anna")
    with pytest.raises(ReviewError, match="some, not all"):
        split_incident(stored, first, [1], actor="anna")


def test_ungroup_and_confirm_grouping(stored: UnitOfWork) -> None:
    first = incident_id(stored, (1, 3))
    confirmed = confirm_grouping(stored, first, actor="anna")
    assert confirmed.grouping_confirmed
    parts = ungroup_incident(stored, first, actor="boris", reason="two different strikes")
    assert sorted(p.claim_ids for p in parts) == [(1,), (3,)]
    assert not any(p.grouping_confirmed for p in parts)
    with pytest.raises(ReviewError, match="single claim"):
        ungroup_incident(stored, incident_id(stored, (2,)), actor="anna")
    actions = [e.action for e in review_history(stored, "incident", first)]
    assert actions == ["confirm_grouping", "ungroup"]


def test_grade_override(stored: UnitOfWork) -> None:
    first = incident_id(stored, (1, 3))
    graded = set_grade(stored, first, "contested", actor="anna", reason="figures disputed")
    assert (graded.grade, graded.computed_grade, graded.grade_set_by) == (
        "contested",
        "corroborated",
        "anna",
    )
    assert by_claims(stored)[(1, 3)].grade == "contested"
    with pytest.raises(ReviewError, match="unknown grade"):
        set_grade(stored, first, "confirmed", actor="anna")


def test_incident_reviews_refuse_what_cannot_be(stored: UnitOfWork) -> None:
    first, injured = incident_id(stored, (1, 3)), incident_id(stored, (2,))
    with pytest.raises(ReviewError, match="different outcomes"):
        merge_incidents(stored, [first, injured], actor="anna")
    with pytest.raises(ReviewError, match="at least two"):
        merge_incidents(stored, [first, first], actor="anna")
    with pytest.raises(ReviewError, match="no incident 999"):
        confirm_grouping(stored, 999, actor="anna")
    with pytest.raises(ReviewError, match="actor"):
        confirm_grouping(stored, first, actor=" ")


def test_a_retired_incident_cannot_be_reviewed(stored: UnitOfWork) -> None:
    lone = incident_id(stored, (4,))
    reject_claim(stored, 4, reason="duplicate", actor="anna")
    list_incidents(stored)
    with pytest.raises(ReviewError, match="retired"):
        set_grade(stored, lone, "contested", actor="anna")
