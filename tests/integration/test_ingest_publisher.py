"""A report's publisher is stored at ingest, so independent sources can be told apart."""

from __future__ import annotations

from tollbook.services.ingest import ingest_reports
from tollbook.store.unit_of_work import UnitOfWork

from .builders import make_report


def test_publisher_is_stored_with_the_report(uow: UnitOfWork) -> None:
    result = ingest_reports(
        uow, [make_report("r1", publisher="Suspilne"), make_report("r2")], lambda r: []
    )
    assert result.stored == 2
    with uow:
        stored = uow.reports.list()
    assert [(s.report.id, s.report.publisher) for s in stored] == [("r1", "Suspilne"), ("r2", None)]
