"""Incidents and tolls from stored claims, on SQLite and PostgreSQL: stable ids,
groupings saved, the cumulative figure beside the documented count."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from tollbook.count import CountRules, VagueFloors
from tollbook.domain.claim import Claim
from tollbook.services.audit import counting_version, latest_change
from tollbook.services.claims import InvalidQuery
from tollbook.services.incidents import (
    UnknownIncident,
    get_incident,
    list_incidents,
    read_reconciliation,
    regroup,
)
from tollbook.services.ingest import ingest_reports
from tollbook.services.review import merge_incidents, reject_claim, set_publisher
from tollbook.services.tolls import place_toll
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report

NOW = datetime(2022, 3, 20, tzinfo=UTC)
HOSPITAL = "An airstrike on a children's hospital in Mariupol killed at least 17 people."


def scenario() -> dict[str, list[Claim]]:
    return {
        "wire": [
            make_claim("wire", when="2022-03-09", evidence=HOSPITAL),
            make_claim(
                "wire",
                low=1200,
                qualifier="more_than",
                scope="cumulative",
                when="2022-02-24/2022-03-10",
                evidence="More than 1,200 people have been killed since the invasion began.",
            ),
        ],
        "ledger": [
            make_claim(
                "ledger",
                low=17,
                high=17,
                qualifier="exact",
                when="2022-03-09",
                evidence="Seventeen died when jets bombed the hospital.",
            ),
            make_claim(
                "ledger",
                low=3600,
                high=4800,
                qualifier="derived",
                scope="cumulative",
                kind="estimate",
                when=None,
                evidence="Three to four times more than the official count.",
            ),
        ],
        "radio": [
            make_claim(
                "radio",
                low=5,
                high=5,
                qualifier="exact",
                when="2022-03-16",
                evidence="Shelling killed five people queuing at a bakery.",
            ),
            make_claim(
                "radio",
                low=None,
                high=None,
                qualifier="vague",
                outcome="injured",
                when="2022-03-16",
                evidence="Dozens were injured.",
            ),
        ],
    }


@pytest.fixture
def stored(uow: UnitOfWork) -> UnitOfWork:
    claims = scenario()
    reports = [make_report(name, published=date(2022, 3, 17)) for name in claims]
    result = ingest_reports(uow, reports, FakeExtractor(claims))
    assert result.claims_stored == 6
    return uow


def test_incidents_of_stored_claims(stored: UnitOfWork) -> None:
    found = list_incidents(stored)
    assert [(i.place, i.outcome, i.low, i.high, i.grade) for i in found] == [
        ("Mariupol", "killed", 17, 17, "corroborated"),
        ("Mariupol", "killed", 5, 5, "single_source"),
        ("Mariupol", "injured", 0, 0, "single_source"),
    ]
    assert all(i.id is not None for i in found)
    assert [i.claim_ids for i in found] == [(1, 3), (5,), (6,)]
    assert [i.unreviewed_claims for i in found] == [2, 1, 1]


def test_ids_stay_the_same_and_nothing_is_rewritten_when_nothing_changed(
    stored: UnitOfWork,
) -> None:
    first = [i.id for i in list_incidents(stored)]
    with stored:
        entries = len(stored.audit.entries(entity="incidents"))
    assert [i.id for i in list_incidents(stored)] == first
    with stored:
        assert len(stored.audit.entries(entity="incidents")) == entries == 1


def test_a_new_report_joins_the_incident_it_corroborates_and_keeps_its_id(
    stored: UnitOfWork,
) -> None:
    hospital = list_incidents(stored)[0]
    extra = {"courier": [make_claim("courier", low=21, high=21, qualifier="exact",
                                    when="2022-03-09", evidence=HOSPITAL)]}  # fmt: skip
    report = make_report("courier", published=date(2022, 3, 18))
    ingest_reports(stored, [report], FakeExtractor(extra))
    again = list_incidents(stored)[0]
    assert again.id == hospital.id
    assert again.claim_ids == (1, 3, 7)
    assert (again.low, again.high, again.grade) == (21, 21, "corroborated")


def test_the_toll_sets_the_official_figure_beside_the_documented_count(
    stored: UnitOfWork,
) -> None:
    toll = place_toll(stored, "MARIUPOL")
    assert (toll.low, toll.high, len(toll.incidents)) == (22, 22, 2)
    latest = toll.latest_official
    assert latest is not None and (latest.low, latest.claim_id) == (1200, 2)
    assert [(p.low, p.high) for p in toll.estimates] == [(3600, 4800)]
    assert place_toll(stored, "Mariupol", outcome="injured").low == 0
    floors = CountRules(vague=VagueFloors(enabled=True))
    assert place_toll(stored, "Mariupol", outcome="injured", rules=floors).low == 24


def test_the_toll_over_a_period(stored: UnitOfWork) -> None:
    toll = place_toll(stored, "Mariupol", start=date(2022, 3, 10), end=date(2022, 3, 31))
    assert (toll.low, [i.claim_ids for i in toll.incidents]) == (5, [(5,)])
    assert [p.claim_id for p in toll.official] == [2]


def test_filters_and_bad_queries(stored: UnitOfWork) -> None:
    assert [i.claim_ids for i in list_incidents(stored, outcome="injured")] == [(6,)]
    assert list_incidents(stored, place="Kyiv") == []
    assert [i.claim_ids for i in list_incidents(stored, start=date(2022, 3, 10))] == [(5,), (6,)]
    with pytest.raises(InvalidQuery, match="unknown outcome"):
        list_incidents(stored, outcome="dead")
    with pytest.raises(InvalidQuery, match="ends"):
        place_toll(stored, "Mariupol", start=date(2022, 3, 10), end=date(2022, 3, 1))
    with pytest.raises(InvalidQuery, match="place"):
        place_toll(stored, "  ")


def test_publishers_decide_independence(stored: UnitOfWork) -> None:
    assert list_incidents(stored)[0].grade == "corroborated"
    with stored:
        ids = {r.report.id: r.id for r in stored.reports.list()}
    set_publisher(stored, ids["wire"], "Wirenews", actor="anna")
    set_publisher(stored, ids["ledger"], "wirenews", actor="anna")
    hospital = list_incidents(stored)[0]
    assert hospital.grade == "single_source"
    assert {s.publisher for s in hospital.sources} == {"Wirenews", "wirenews"}


def test_an_incident_whose_claims_are_gone_is_retired(stored: UnitOfWork) -> None:
    bakery = list_incidents(stored)[1]
    assert bakery.id is not None
    assert get_incident(stored, bakery.id).claim_ids == (5,)
    reject_claim(stored, 5, reason="duplicate of another report", actor="anna")
    assert [i.claim_ids for i in list_incidents(stored)] == [(1, 3), (6,)]
    with pytest.raises(UnknownIncident, match="retired"):
        get_incident(stored, bakery.id)
    with pytest.raises(UnknownIncident, match="no incident 999"):
        get_incident(stored, 999)


def test_reads_of_incidents_write_nothing(stored: UnitOfWork) -> None:
    """Listing, opening and counting incidents are plain queries: the audit log, the
    counting version (the web app's cache key) and the stored grouping stay as they were."""
    hospital = list_incidents(stored)[0]
    merged = merge_incidents(stored, [hospital.id, list_incidents(stored)[1].id], "anna")
    before = (latest_change(stored), counting_version(stored), _stored_grouping(stored))
    assert list_incidents(stored, outcome="killed")[0].id == merged.id
    assert get_incident(stored, merged.id).claim_ids == (1, 3, 5)
    assert place_toll(stored, "Mariupol").incidents
    assert read_reconciliation(stored, CountRules(date_tolerance_days=0)).incidents
    assert (latest_change(stored), counting_version(stored), _stored_grouping(stored)) == before


def test_claims_stored_without_a_service_are_read_without_saving_their_grouping(
    uow: UnitOfWork,
) -> None:
    with uow:
        report_id = uow.reports.add(make_report("r1"), ingested_at=NOW, ingested_by=None)
        uow.claims.add(report_id, [make_claim("r1")], extractor_version="x", created_at=NOW)
        uow.commit()
    [incident] = list_incidents(uow)
    assert incident.id is None
    assert _stored_grouping(uow) == set()
    [saved] = regroup(uow).incidents
    assert saved.id is not None
    assert [i.id for i in list_incidents(uow)] == [saved.id]


def _stored_grouping(uow: UnitOfWork) -> set[tuple[object, ...]]:
    """Every stored incident row and incident-claim link, as it is in the database."""
    with uow.engine.connect() as connection:
        incidents = connection.execute(text("SELECT * FROM incidents")).tuples()
        links = connection.execute(text("SELECT * FROM incident_claims")).tuples()
        return {("incident", *row) for row in incidents} | {("link", *row) for row in links}


def test_reconciling_an_empty_store(uow: UnitOfWork) -> None:
    assert read_reconciliation(uow).incidents == ()
    assert regroup(uow).incidents == ()
    assert place_toll(uow, "Mariupol").incidents == ()
