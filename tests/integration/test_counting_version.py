"""The counting version moves with every change counting depends on, and with nothing
else: audited views of the dead and failed logins leave kept tolls and incidents valid."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tollbook.services.audit import counting_version, latest_change
from tollbook.services.incidents import list_incidents
from tollbook.services.ingest import ingest_reports
from tollbook.services.review import confirm_claim, merge_incidents
from tollbook.store.login_attempts import LoginAttemptLog
from tollbook.store.unit_of_work import UnitOfWork

from .builders import FakeExtractor, make_claim, make_report


def test_only_changes_to_counting_data_move_the_counting_version(uow: UnitOfWork) -> None:
    assert counting_version(uow) == 0
    claims = {
        "a": [make_claim("a", when="2022-03-09")],
        "b": [make_claim("b", low=5, high=5, qualifier="exact", when="2022-03-20")],
    }
    ingest_reports(
        uow, [make_report(n, published=date(2022, 3, 21)) for n in claims], FakeExtractor(claims)
    )
    after_ingest = counting_version(uow)
    assert after_ingest > 0

    LoginAttemptLog(uow.engine).add("10.0.0.1", "anna", failed=True, at=datetime.now(UTC))
    with uow:
        uow.audit.append(
            at=datetime.now(UTC), actor="forensic", action="view", entity="body", entity_id="B-1"
        )
        uow.commit()
    assert latest_change(uow) > after_ingest
    assert counting_version(uow) == after_ingest

    confirm_claim(uow, 1, actor="anna")
    after_review = counting_version(uow)
    assert after_review > after_ingest

    incidents = list_incidents(uow)
    assert len(incidents) == 2
    merge_incidents(uow, [i.id for i in incidents], "anna", "one attack, two reports")
    assert counting_version(uow) > after_review
