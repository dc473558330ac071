"""Issue 12's scenario: seven ordinary reports about one besieged city, stored with the
real extractor and no review, on SQLite and PostgreSQL. The documented count holds only
the incidents; running totals and estimates stand beside it; the children's figure
never leads (the expected toll is in ``tests/siege_reports.py``).

Every assertion holds with the real extractor: none is marked as a known gap.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres import fresh_postgres_database
from tests.siege_reports import DOCUMENTED, INCIDENT_FIGURES, PLACE, REPORTS
from tollbook.store.records import StoredClaim

from .unreviewed_ingest import Stored, ingest_unreviewed


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stored]:
    """The reports ingested once per backend (the tests only read)."""
    if request.param == "sqlite":
        yield ingest_unreviewed(
            f"sqlite:///{tmp_path_factory.mktemp('siege') / 'tollbook.db'}", REPORTS, PLACE
        )
    else:
        with fresh_postgres_database("tollbook_siege_") as url:
            yield ingest_unreviewed(url, REPORTS, PLACE)


def _one(claims: dict[int, StoredClaim], article: str, victims: str | None = None) -> StoredClaim:
    found = [
        c
        for c in claims.values()
        if c.claim.article == article and (victims is None or c.claim.victims == victims)
    ]
    assert len(found) >= 1, f"no claim from {article} ({victims})"
    return max(found, key=lambda c: c.claim.high or c.claim.low or 0)


def test_the_documented_count_holds_only_the_incidents(
    stored: Stored,
) -> None:
    toll, claims = stored
    assert (toll.low, toll.high) == DOCUMENTED
    assert [(i.low, i.high) for i in toll.incidents] == INCIDENT_FIGURES
    assert (toll.reviewed_low, toll.reviewed_high, toll.unreviewed_incidents) == (0, 0, 2)
    market, ward = toll.incidents
    assert {s.article for s in market.sources} == {"northwire-0317", "desna-news-0318"}
    assert {s.article for s in ward.sources} == {"northwire-0319"}
    for incident in toll.incidents:
        for claim_id in incident.claim_ids:
            claim = claims[claim_id].claim
            assert claim.scope == "incident" and claim.kind != "estimate", claim


def test_running_totals_and_estimates_stand_beside_it(
    stored: Stored,
) -> None:
    toll, claims = stored
    beside = {p.claim_id for p in (*toll.official, *toll.reported, *toll.estimates)}
    counted = {c for i in toll.incidents for c in i.claim_ids}
    deputy = _one(claims, "northwire-0323", "civilians")
    assert deputy.claim.low == 700 and deputy.id in beside
    theatre_like = _one(claims, "volunteers-0321")
    assert theatre_like.id in {p.claim_id for p in toll.estimates}
    for article in ("northwire-0323", "un-mission-0331", "citylife-0402", "volunteers-0321"):
        ids = {c.id for c in claims.values() if c.claim.article == article}
        assert not ids & counted, f"{article} is added to the documented count"


def test_the_children_figure_never_leads(stored: Stored) -> None:
    toll, claims = stored
    children = _one(claims, "un-mission-0331", "children")
    assert children.claim.low == 11
    counted = {c for i in toll.incidents for c in i.claim_ids}
    assert children.id not in counted
    assert children.id not in {p.claim_id for p in (*toll.official, *toll.reported)}
    latest = toll.latest_official
    assert latest is not None and latest.claim_id != children.id


def test_the_un_verified_count_is_a_running_total_beside_the_count(
    stored: Stored,
) -> None:
    toll, claims = stored
    un = _one(claims, "un-mission-0331", "civilians")
    assert un.id in {p.claim_id for p in toll.official}
    assert toll.held_back == ()


def test_the_authorities_up_to_figure_is_an_estimate(
    stored: Stored,
) -> None:
    toll, claims = stored
    authorities = _one(claims, "citylife-0402")
    assert authorities.id in {p.claim_id for p in toll.estimates}


def test_the_latest_official_figure_is_the_un_count(
    stored: Stored,
) -> None:
    toll, claims = stored
    latest = toll.latest_official
    assert latest is not None and latest.low == 180
    assert latest.claim_id == _one(claims, "un-mission-0331", "civilians").id


def test_the_children_figure_is_linked_to_its_total(
    stored: Stored,
) -> None:
    _, claims = stored
    children = _one(claims, "un-mission-0331", "children")
    assert children.part_of == _one(claims, "un-mission-0331", "civilians").id
