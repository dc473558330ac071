"""The database itself refuses rows that break the rules, whatever code wrote them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from tollbook.store.database import make_engine
from tollbook.store.migrate import upgrade
from tollbook.store.tables import AuditRow, ClaimRow, ReportRow

NOW = datetime(2022, 3, 16, tzinfo=UTC)


@pytest.fixture
def connection(database_url: str) -> Iterator[Connection]:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def add_report(connection: Connection, sha: str = "a" * 64) -> int:
    report_id = connection.execute(
        insert(ReportRow)
        .values(
            external_id="r1",
            text="text",
            text_sha256=sha,
            source="test",
            ingested_at=NOW,
        )
        .returning(ReportRow.id)
    ).scalar_one()
    connection.commit()
    return int(report_id)


def claim_values(report_id: int, **changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "report_id": report_id,
        "outcome": "killed",
        "low": 17,
        "high": None,
        "qualifier": "at_least",
        "victims": "people",
        "scope": "incident",
        "kind": "official",
        "evidence": "At least 17 people were killed.",
        "extractor_version": "test",
        "created_at": NOW,
    }
    values.update(changes)
    return values


def test_a_valid_claim_row_is_accepted_and_starts_unreviewed(connection: Connection) -> None:
    report_id = add_report(connection)
    connection.execute(insert(ClaimRow).values(**claim_values(report_id)))
    connection.commit()
    assert connection.execute(select(ClaimRow.review_status)).scalar_one() == "unreviewed"


@pytest.mark.parametrize(
    "bad",
    [
        {"outcome": "rescued"},
        {"qualifier": "roughly"},
        {"scope": "national"},
        {"kind": "rumour"},
        {"review_status": "approved"},
        {"low": 50, "high": 40},
        {"low": -1},
        {"high": -1, "low": None},
        {"evidence_start": -5},
    ],
    ids=lambda bad: ",".join(bad),
)
def test_check_constraints_refuse_bad_claims(connection: Connection, bad: dict[str, Any]) -> None:
    report_id = add_report(connection)
    with pytest.raises(IntegrityError):
        connection.execute(insert(ClaimRow).values(**claim_values(report_id, **bad)))
    connection.rollback()
    assert connection.execute(select(ClaimRow.id)).all() == []


def test_a_claim_needs_an_existing_report(connection: Connection) -> None:
    with pytest.raises(IntegrityError):
        connection.execute(insert(ClaimRow).values(**claim_values(report_id=999)))
        connection.commit()


def test_a_report_with_claims_cannot_be_deleted(connection: Connection) -> None:
    report_id = add_report(connection)
    connection.execute(insert(ClaimRow).values(**claim_values(report_id)))
    connection.commit()
    with pytest.raises(IntegrityError):
        connection.execute(delete(ReportRow).where(ReportRow.id == report_id))
        connection.commit()


def test_the_same_text_cannot_be_stored_twice(connection: Connection) -> None:
    add_report(connection, sha="b" * 64)
    with pytest.raises(IntegrityError):
        add_report(connection, sha="b" * 64)


def test_the_audit_log_is_append_only(connection: Connection) -> None:
    connection.execute(
        insert(AuditRow).values(
            at=NOW, actor="ana", action="ingest", entity="report", entity_id="1", after={"a": 1}
        )
    )
    connection.commit()

    with pytest.raises(IntegrityError, match="append-only"):
        connection.execute(update(AuditRow).values(actor="mallory"))
    connection.rollback()
    with pytest.raises(IntegrityError, match="append-only"):
        connection.execute(delete(AuditRow))
    connection.rollback()
    if connection.dialect.name == "postgresql":
        with pytest.raises(IntegrityError, match="append-only"):
            connection.execute(text("TRUNCATE audit_log"))
        connection.rollback()

    rows = connection.execute(select(AuditRow.actor, AuditRow.after)).all()
    assert [tuple(row) for row in rows] == [("ana", {"a": 1})]
