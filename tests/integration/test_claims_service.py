"""list_claims filters stored claims by place, outcome and report, and pages them."""

from __future__ import annotations

import pytest

from tollbook.domain.claim import Claim
from tollbook.services.claims import InvalidQuery, StoredClaim, list_claims
from tollbook.services.ingest import ingest_reports
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report


@pytest.fixture
def stored(uow: UnitOfWork) -> UnitOfWork:
    claims: dict[str, list[Claim]] = {
        "a1": [
            make_claim("a1", place="Mariupol", outcome="killed"),
            make_claim(
                "a1", place="Mariupol", outcome="injured", low=40, high=40, qualifier="exact"
            ),
            make_claim("a1", place="Kyiv", outcome="killed", low=3, high=3, qualifier="exact"),
        ],
        "a2": [
            make_claim(
                "a2", place="Маріуполь", outcome="buried", low=None, high=None, qualifier="vague"
            ),
            make_claim("a2", place=None, outcome="killed", low=1200, high=1200, qualifier="exact"),
            make_claim("a2", place="mariupol", outcome="killed", low=5000, high=None),
        ],
    }
    result = ingest_reports(uow, [make_report("a1"), make_report("a2")], FakeExtractor(claims))
    assert result.claims_stored == 6
    return uow


def places(claims: list[StoredClaim]) -> list[str | None]:
    return [c.claim.place for c in claims]


def test_all_claims_in_the_order_they_were_stored(stored: UnitOfWork) -> None:
    claims = list_claims(stored)
    assert [c.id for c in claims] == sorted(c.id for c in claims)
    assert places(claims) == ["Mariupol", "Mariupol", "Kyiv", "Маріуполь", None, "mariupol"]


@pytest.mark.parametrize("query", ["Mariupol", "mariupol", "MARIUPOL", " Mariupol "])
def test_place_matches_the_whole_name_in_any_case(stored: UnitOfWork, query: str) -> None:
    assert places(list_claims(stored, place=query)) == ["Mariupol", "Mariupol", "mariupol"]


def test_place_matching_folds_case_beyond_ascii(stored: UnitOfWork) -> None:
    assert places(list_claims(stored, place="МАРІУПОЛЬ")) == ["Маріуполь"]


def test_place_is_not_a_substring_search(stored: UnitOfWork) -> None:
    assert list_claims(stored, place="Mariu") == []
    assert list_claims(stored, place="Mariupol city") == []


def test_filter_by_outcome(stored: UnitOfWork) -> None:
    killed = list_claims(stored, outcome="killed")
    assert [c.claim.low for c in killed] == [17, 3, 1200, 5000]
    assert {c.claim.outcome for c in killed} == {"killed"}
    assert list_claims(stored, outcome="missing") == []


def test_filter_by_article(stored: UnitOfWork) -> None:
    assert [c.claim.article for c in list_claims(stored, article="a2")] == ["a2"] * 3
    assert list_claims(stored, article="nope") == []


def test_filters_combine(stored: UnitOfWork) -> None:
    found = list_claims(stored, place="mariupol", outcome="killed", article="a1")
    assert [(c.claim.article, c.claim.low) for c in found] == [("a1", 17)]


def test_limit_and_offset_page_in_id_order(stored: UnitOfWork) -> None:
    everything = list_claims(stored)
    pages = [list_claims(stored, limit=4, offset=0), list_claims(stored, limit=4, offset=4)]
    assert [c.id for c in pages[0]] == [c.id for c in everything[:4]]
    assert [c.id for c in pages[1]] == [c.id for c in everything[4:]]
    assert list_claims(stored, limit=0) == []
    assert list_claims(stored, offset=6) == []


def test_invalid_filters_are_refused(stored: UnitOfWork) -> None:
    with pytest.raises(InvalidQuery, match="unknown outcome 'dead'"):
        list_claims(stored, outcome="dead")
    with pytest.raises(InvalidQuery, match="limit"):
        list_claims(stored, limit=-1)
    with pytest.raises(InvalidQuery, match="offset"):
        list_claims(stored, offset=-1)
