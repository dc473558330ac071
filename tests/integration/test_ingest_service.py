"""ingest_reports stores each new report with its claims, atomically, and audits it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from tollbook.domain.claim import Claim
from tollbook.services.claims import list_claims
from tollbook.services.ingest import UNKNOWN_ACTOR, Duplicate, ingest_reports
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report


def stored_hashes(uow: UnitOfWork) -> set[str]:
    with uow:
        return {stored.text_sha256 for stored in uow.reports.list()}


def test_stores_the_report_and_its_claims(uow: UnitOfWork) -> None:
    report = make_report("r1")
    claims = [
        make_claim("r1"),
        make_claim("r1", outcome="injured", low=40, high=40, qualifier="exact", geo=None),
    ]
    extractor = FakeExtractor({"r1": claims})

    result = ingest_reports(uow, [report], extractor, actor="monitor@example.org")

    assert (result.stored, result.claims_stored) == (1, 2)
    assert (result.duplicates, result.failures) == ([], [])
    assert extractor.calls == ["r1"]
    with uow:
        (stored,) = uow.reports.list()
    assert stored.report == report
    assert stored.ingested_by == "monitor@example.org"
    listed = list_claims(uow)
    assert [c.claim for c in listed] == claims
    assert all(c.report_id == stored.id for c in listed)
    assert all(c.review_status == "unreviewed" for c in listed)


def test_the_same_text_is_stored_once_and_not_extracted_again(uow: UnitOfWork) -> None:
    first = make_report("r1")
    again = make_report("r1-copy", text=first.text, title="Another title")
    extractor = FakeExtractor({"r1": [make_claim("r1")], "r1-copy": [make_claim("r1-copy")]})

    one = ingest_reports(uow, [first], extractor)
    two = ingest_reports(uow, [again, first], extractor)

    with uow:
        (stored,) = uow.reports.list()
    assert one.stored == 1
    assert two.stored == 0
    assert two.claims_stored == 0
    assert two.duplicates == [Duplicate("r1-copy", stored.id), Duplicate("r1", stored.id)]
    assert extractor.calls == ["r1"]
    assert [c.claim.article for c in list_claims(uow)] == ["r1"]


def test_duplicates_within_one_batch(uow: UnitOfWork) -> None:
    report = make_report("r1")
    result = ingest_reports(uow, [report, report], FakeExtractor({"r1": [make_claim("r1")]}))
    assert result.stored == 1
    assert result.claims_stored == 1
    assert [d.report_id for d in result.duplicates] == ["r1"]


def test_a_failing_extractor_stores_nothing_of_that_report(uow: UnitOfWork) -> None:
    reports = [make_report("a"), make_report("b"), make_report("c")]
    extractor = FakeExtractor(
        {"a": [make_claim("a")], "b": [make_claim("b")], "c": [make_claim("c")]},
        failing=["b"],
    )

    result = ingest_reports(uow, reports, extractor)

    assert result.stored == 2
    assert result.claims_stored == 2
    assert [f.report_id for f in result.failures] == ["b"]
    assert "cannot read report b" in result.failures[0].error
    assert stored_hashes(uow) == {reports[0].text_sha256, reports[2].text_sha256}
    assert [c.claim.article for c in list_claims(uow)] == ["a", "c"]


def test_a_claim_the_database_refuses_leaves_no_half_written_report(uow: UnitOfWork) -> None:
    """The report row is written before its claims; a refused claim must take it back."""
    good = make_report("good")
    bad = make_report("bad")
    later = make_report("later")
    # An outcome outside CLAIMS.md gets past the dataclass but not the CHECK constraint.
    refused = replace(make_claim("bad"), outcome=cast(Any, "rescued"))
    extractor = FakeExtractor(
        {
            "good": [make_claim("good")],
            "bad": [make_claim("bad"), refused],
            "later": [make_claim("later")],
        }
    )

    result = ingest_reports(uow, [good, bad, later], extractor)

    assert result.stored == 2
    assert [f.report_id for f in result.failures] == ["bad"]
    assert "refused by the database" in result.failures[0].error
    assert stored_hashes(uow) == {good.text_sha256, later.text_sha256}
    assert [c.claim.article for c in list_claims(uow)] == ["good", "later"]
    with uow:
        audited = [e.after["external_id"] for e in uow.audit.entries(entity="report") if e.after]
    assert audited == ["good", "later"]


def test_claims_for_another_report_are_refused(uow: UnitOfWork) -> None:
    report = make_report("r1")
    result = ingest_reports(uow, [report], FakeExtractor({"r1": [make_claim("r2")]}))
    assert result.stored == 0
    assert [f.report_id for f in result.failures] == ["r1"]
    assert "other reports" in result.failures[0].error
    assert stored_hashes(uow) == set()


def test_each_stored_report_gets_an_ingest_audit_entry(uow: UnitOfWork) -> None:
    reports = [make_report("a"), make_report("b")]
    claims: dict[str, list[Claim]] = {
        "a": [make_claim("a"), make_claim("a", outcome="missing")],
        "b": [],
    }

    ingest_reports(
        uow, [*reports, reports[0]], FakeExtractor(claims), actor="ana", extractor_version="7"
    )

    with uow:
        everything = uow.audit.entries()
        entries = uow.audit.entries(entity="report")
        stored = {s.report.id: s for s in uow.reports.list()}
        claim_ids = [c.id for c in uow.claims.list(article="a")]
    assert [(e.action, e.entity, e.actor) for e in entries] == [("ingest", "report", "ana")] * 2
    # then the claims are grouped into incidents once, for the reads to find
    assert [(e.action, e.entity, e.actor) for e in everything[2:]] == [
        ("regroup", "incidents", "ana")
    ]
    assert [e.entity_id for e in entries] == [str(stored["a"].id), str(stored["b"].id)]
    assert entries[0].before is None
    assert entries[0].after == {
        "external_id": "a",
        "text_sha256": reports[0].text_sha256,
        "source": reports[0].source,
        "claim_ids": claim_ids,
        "extractor_version": "7",
    }
    assert entries[1].after is not None and entries[1].after["claim_ids"] == []
    assert all(e.at.utcoffset() is not None for e in entries)


def test_without_an_actor_the_audit_says_unknown(uow: UnitOfWork) -> None:
    ingest_reports(uow, [make_report("a")], FakeExtractor())
    with uow:
        (entry,) = uow.audit.entries()
        (stored,) = uow.reports.list()
    assert entry.actor == UNKNOWN_ACTOR
    assert stored.ingested_by is None


def test_progress_is_reported_after_every_report(uow: UnitOfWork) -> None:
    seen: list[int] = []
    reports = [make_report("a"), make_report("a"), make_report("b"), make_report("c")]
    result = ingest_reports(
        uow, iter(reports), FakeExtractor(failing=["c"]), on_progress=seen.append
    )
    assert seen == [1, 2, 3, 4]
    assert result.seen == 4
