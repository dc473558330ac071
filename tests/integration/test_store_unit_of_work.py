"""The unit of work commits all of a change or none of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from tollbook.domain.report import Report
from tollbook.store.unit_of_work import UnitOfWork

from .builders import make_claim, make_report

NOW = datetime(2022, 3, 16, 12, 0, tzinfo=UTC)


def test_committed_report_and_claims_read_back_equal(uow: UnitOfWork) -> None:
    report = make_report("r1")
    claims = [
        make_claim("r1"),
        make_claim(
            "r1", outcome="injured", low=40, high=40, qualifier="exact", geo=None, place=None
        ),
    ]
    with uow:
        report_id = uow.reports.add(report, ingested_at=NOW, ingested_by="tester")
        claim_ids = uow.claims.add(report_id, claims, extractor_version="x1", created_at=NOW)
        uow.commit()

    with uow:
        stored = uow.reports.get(report_id)
        listed = uow.claims.list()
    assert stored is not None
    assert stored.report == report
    assert stored.ingested_by == "tester"
    assert stored.ingested_at == NOW
    assert [c.id for c in listed] == claim_ids
    assert [c.claim for c in listed] == claims
    assert {c.review_status for c in listed} == {"unreviewed"}
    assert {c.report_id for c in listed} == {report_id}
    assert {c.extractor_version for c in listed} == {"x1"}


def test_leaving_without_commit_writes_nothing(uow: UnitOfWork) -> None:
    report = make_report("r1")
    with uow:
        uow.reports.add(report, ingested_at=NOW, ingested_by=None)
    with uow:
        assert uow.reports.id_for_hash(report.text_sha256) is None


def test_an_exception_rolls_back_the_whole_change(uow: UnitOfWork) -> None:
    report = make_report("r1")
    with pytest.raises(RuntimeError, match="boom"), uow:
        report_id = uow.reports.add(report, ingested_at=NOW, ingested_by=None)
        uow.claims.add(report_id, [make_claim("r1")], extractor_version="x", created_at=NOW)
        raise RuntimeError("boom")
    with uow:
        assert uow.reports.list() == []
        assert uow.claims.list() == []


def test_timestamps_come_back_aware_in_utc(uow: UnitOfWork) -> None:
    kyiv_time = datetime(2022, 3, 16, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    with uow:
        report_id = uow.reports.add(make_report(), ingested_at=kyiv_time, ingested_by=None)
        uow.commit()
    with uow:
        stored = uow.reports.get(report_id)
    assert stored is not None
    assert stored.ingested_at.tzinfo is not None
    assert stored.ingested_at.utcoffset() == timedelta(0)
    assert stored.ingested_at == kyiv_time


def test_naive_timestamps_are_refused(uow: UnitOfWork) -> None:
    with uow, pytest.raises(StatementError, match="naive datetime"):
        uow.reports.add(make_report(), ingested_at=datetime(2022, 3, 16), ingested_by=None)


def test_a_report_without_source_reads_back_without_source(uow: UnitOfWork) -> None:
    report = Report(id="bare", text="Nothing else is known.")
    with uow:
        report_id = uow.reports.add(report, ingested_at=NOW, ingested_by=None)
        uow.commit()
    with uow:
        stored = uow.reports.get(report_id)
    assert stored is not None
    assert stored.report == report


def test_repositories_only_inside_with_and_no_nesting(uow: UnitOfWork) -> None:
    with pytest.raises(RuntimeError, match="inside a `with` block"):
        uow.reports.list()
    with uow, pytest.raises(RuntimeError, match="cannot be nested"), uow:
        pass
