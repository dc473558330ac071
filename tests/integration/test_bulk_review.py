"""Bulk review (services.bulk_review): one action, one reason, many claims, one
transaction; every claim's change audited; and the claims list's filters."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.services.bulk_review import MAX_BATCH, review_claims
from tollbook.services.claims import ClaimFilter, InvalidQuery, list_claims
from tollbook.services.ingest import ingest_reports
from tollbook.services.review import ReviewError, edit_claim, review_history
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report


@pytest.fixture
def stored(uow: UnitOfWork) -> UnitOfWork:
    claims = {
        "a": [
            make_claim("a", attributed_to="regional police"),
            make_claim("a", low=700, scope="cumulative", victims="civilians",
                       attributed_to="Ivan Sydorenko, deputy mayor"),
            make_claim("a", low=11, high=11, qualifier="exact", victims="children",
                       scope="cumulative", attributed_to="UN monitoring mission"),
        ],
        "b": [make_claim("b", low=2000, high=2000, qualifier="exact", kind="estimate")],
    }  # fmt: skip
    reports = [make_report(n, published=date(2022, 3, 21)) for n in claims]
    ingest_reports(uow, reports, FakeExtractor(claims))
    return uow


def test_the_list_filters_by_scope_kind_victims_source_and_status(stored: UnitOfWork) -> None:
    def ids(**where: str) -> list[int]:
        return [c.id for c in list_claims(stored, where=ClaimFilter(**where))]

    assert ids(scope="cumulative") == [2, 3]
    assert ids(kind="estimate") == [4]
    assert ids(victims="CHILD") == [3]
    assert ids(source="mayor") == [2]
    assert ids(source="100%") == []  # taken literally
    assert ids(scope="cumulative", source="mission") == [3]
    assert ids(status="rejected") == []
    with pytest.raises(InvalidQuery, match="scope"):
        ids(scope="weekly")


def test_confirm_many_with_one_reason_each_audited(stored: UnitOfWork) -> None:
    edit_claim(stored, 2, {"low": 710}, actor="anna")
    done = review_claims(stored, [1, 2, 2, 3], "confirm", " anna ", reason="checked the wire")
    assert [(c.id, c.review_status) for c in done.claims] == [
        (1, "confirmed"),
        (2, "edited"),  # an edited claim stays edited
        (3, "confirmed"),
    ]
    for claim_id in (1, 2, 3):
        entry = review_history(stored, "claim", claim_id)[-1]
        assert (entry.actor, entry.action) == ("anna", "confirm")
        assert entry.after is not None
        assert entry.after["note"] == "checked the wire"
        assert (entry.after["batch"], entry.after["batch_size"]) == (done.batch, 3)
    assert [c.id for c in list_claims(stored, where=ClaimFilter(status="unreviewed"))] == [4]


def test_reject_needs_a_reason_and_is_all_or_nothing(stored: UnitOfWork) -> None:
    with pytest.raises(ReviewError, match="reason"):
        review_claims(stored, [1, 4], "reject", "anna", reason="  ")
    with pytest.raises(ReviewError, match="no claim 99"):
        review_claims(stored, [1, 4, 99], "reject", "anna", reason="estimates")
    assert {c.review_status for c in list_claims(stored)} == {"unreviewed"}
    assert review_history(stored, "claim", 1) == []

    review_claims(stored, [4, 1], "reject", "anna", reason="not counts")
    assert [c.id for c in list_claims(stored, where=ClaimFilter(status="rejected"))] == [1, 4]
    back = review_claims(stored, [1], "confirm", "anna")
    assert back.claims[0].review_status == "confirmed"


@pytest.mark.parametrize(
    ("ids", "action", "actor", "message"),
    [
        ([], "confirm", "anna", "at least one"),
        ([1], "approve", "anna", "unknown action"),
        ([1], "confirm", " ", "actor"),
        (list(range(1, MAX_BATCH + 2)), "confirm", "anna", "at most"),
    ],
)
def test_refusals(
    stored: UnitOfWork, ids: list[int], action: str, actor: str, message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        review_claims(stored, ids, action, actor)
