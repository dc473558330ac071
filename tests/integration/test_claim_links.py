"""Subgroup links (migration 0009): stored by ingest, audited, shown, used in counting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import inspect, text

from tollbook.domain.claim import Claim
from tollbook.services.claims import list_claims
from tollbook.services.ingest import ingest_reports
from tollbook.services.tolls import place_toll
from tollbook.store import migrate
from tollbook.store.database import make_engine
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report

UN = "The mission verified 180 civilian deaths in Mariupol since February, including 11 children."


def _claims(part_of: int | None) -> list[Claim]:
    return [
        make_claim("un", low=180, high=180, qualifier="exact", victims="civilians",
                   scope="cumulative", when="2022-02-24/2022-03-30", evidence=UN),
        make_claim("un", low=11, high=11, qualifier="exact", victims="minors",
                   when="2022-03-30", evidence="Eleven were minors.", part_of=part_of),
    ]  # fmt: skip


def test_ingest_stores_the_link_audits_it_and_counting_uses_it(uow: UnitOfWork) -> None:
    report = make_report("un", published=date(2022, 3, 31))
    result = ingest_reports(uow, [report], FakeExtractor({"un": _claims(0)}))
    assert (result.stored, result.failures) == (1, [])
    first, second = list_claims(uow)
    assert (first.part_of, second.part_of) == (None, first.id)
    with uow:
        [entry] = uow.audit.entries(entity="report")
    assert entry.after is not None and entry.after["part_of"] == {str(second.id): first.id}
    toll = place_toll(uow, "Mariupol")
    assert toll.incidents == () and [p.claim_id for p in toll.subgroups] == [second.id]
    assert toll.latest_official is not None and toll.latest_official.claim_id == first.id


def test_a_link_to_no_claim_of_the_report_fails_that_report_only(uow: UnitOfWork) -> None:
    reports = [make_report("un"), make_report("ok")]
    extractor = FakeExtractor({"un": _claims(5), "ok": [make_claim("ok")]})
    result = ingest_reports(uow, reports, extractor)
    assert result.stored == 1
    [failure] = result.failures
    assert failure.report_id == "un" and "claim 1: field 'part_of': 5" in failure.error
    assert [c.claim.article for c in list_claims(uow)] == ["ok"]


def test_a_looping_link_is_refused(uow: UnitOfWork) -> None:
    claims = _claims(0)
    looped = [replace(claims[0], part_of=1), claims[1]]
    result = ingest_reports(uow, [make_report("un")], FakeExtractor({"un": looped}))
    [failure] = result.failures
    assert "loop" in failure.error


def test_0009_adds_the_link_to_a_database_with_claims_and_drops_it(database_url: str) -> None:
    migrate.upgrade(database_url, "0008")
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO reports (external_id, text, text_sha256, source, ingested_at)"
                    " VALUES ('r1', 'Seventeen died.', 'abc', '', :at)"
                ),
                {"at": "2022-03-16 00:00:00"},
            )
            connection.execute(
                text(
                    "INSERT INTO claims (report_id, outcome, low, high, qualifier, victims,"
                    " scope, kind, evidence, extractor_version, review_status, created_at)"
                    " VALUES (1, 'killed', 17, 17, 'exact', 'people', 'incident', 'official',"
                    " 'Seventeen died.', 'x', 'unreviewed', :at)"
                ),
                {"at": "2022-03-16 00:00:00"},
            )
        assert migrate.upgrade(database_url, "0009") == "0009"
        with engine.connect() as connection:
            columns = {c["name"] for c in inspect(connection).get_columns("claims")}
            rows = connection.execute(text("SELECT id, part_of_claim_id FROM claims")).all()
        assert "part_of_claim_id" in columns and [tuple(r) for r in rows] == [(1, None)]
        assert migrate.downgrade(database_url, "0008") == "0008"
        with engine.connect() as connection:
            columns = {c["name"] for c in inspect(connection).get_columns("claims")}
            kept = connection.execute(text("SELECT COUNT(*) FROM claims")).scalar_one()
        assert "part_of_claim_id" not in columns and kept == 1
    finally:
        engine.dispose()


def test_the_ids_of_a_report_s_claims_follow_its_claims_after_other_reports(
    uow: UnitOfWork,
) -> None:
    # the claims are written in one statement and their ids read back: each id must be
    # the row of the claim at that position, and each link the row it names, also when
    # other reports (and a report without claims) were stored before
    many = [
        make_claim("big", low=n, high=n, qualifier="exact", evidence=f"Figure {n} was given.",
                   part_of=(n + 3) % 12 if n % 4 == 1 else None)
        for n in range(12)
    ]  # fmt: skip
    extractor = FakeExtractor({"un": _claims(0), "empty": [], "big": many})
    reports = [make_report("un"), make_report("empty"), make_report("big")]
    result = ingest_reports(uow, reports, extractor)
    assert (result.stored, result.claims_stored, result.failures) == (3, 14, [])
    stored = [c for c in list_claims(uow) if c.claim.article == "big"]
    assert [c.claim.low for c in stored] == list(range(12))
    by_id = {c.id: c.claim.low for c in stored}
    assert {c.claim.low: by_id.get(c.part_of) for c in stored if c.part_of} == {1: 4, 5: 8, 9: 0}
    with uow:
        entries = uow.audit.entries(entity="report")
    assert entries[-1].after is not None
    assert entries[-1].after["claim_ids"] == [c.id for c in stored]
