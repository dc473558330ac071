"""Background jobs: one of a kind at a time (the database refuses a second), progress and
result or error kept, a job whose process died taken for dead after a while."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tollbook.services.jobs import (
    STALE_AFTER,
    JobBusy,
    Progress,
    get_job,
    run_job,
    run_now,
    running_job,
    start_job,
)
from tollbook.store.unit_of_work import UnitOfWork


def test_one_job_of_a_kind_at_a_time_and_its_result_kept(uow: UnitOfWork) -> None:
    first = start_job(uow, "linkage", actor="anna", params={"threshold": 0.5})
    with pytest.raises(JobBusy, match=rf"job {first}, started by anna"):
        start_job(uow, "linkage", actor="petro", params={})
    other = start_job(uow, "estimate", actor="petro", params={})  # another kind may run

    def work(step: Progress) -> dict[str, Any]:
        step("scoring pairs")
        return {"link_run_id": 7}

    ended = run_job(uow, first, work)
    assert (ended.status, ended.result, ended.error) == ("done", {"link_run_id": 7}, None)
    assert ended.progress == "scoring pairs" and ended.finished_at is not None
    assert running_job(uow, "linkage") is None
    assert running_job(uow, "estimate") is not None and get_job(uow, other).status == "running"
    again = start_job(uow, "linkage", actor="petro", params={})
    assert again != first


def test_a_refusal_is_kept_in_its_own_words_and_a_crash_is_not(uow: UnitOfWork) -> None:
    refused = start_job(uow, "estimate", actor="anna", params={})

    def no_persons(step: Progress) -> dict[str, Any]:
        raise ValueError("there are no linked persons in the database")

    assert run_job(uow, refused, no_persons).error == "there are no linked persons in the database"
    crashed = start_job(uow, "estimate", actor="anna", params={})

    def bug(step: Progress) -> dict[str, Any]:
        raise RuntimeError("index out of range at line 12")

    ended = run_job(uow, crashed, bug)
    assert ended.status == "failed" and "unexpected error" in (ended.error or "")
    assert "line 12" not in (ended.error or "")


def test_run_now_raises_the_refusal_after_marking_the_job_failed(uow: UnitOfWork) -> None:
    def work(inner: UnitOfWork, step: Progress) -> dict[str, Any]:
        raise LookupError("nothing to link: there are no list records yet")

    with pytest.raises(LookupError, match="nothing to link"):
        run_now(uow, "linkage", actor="anna", params={}, work=work)
    assert running_job(uow, "linkage") is None  # the guard is released


def test_a_job_whose_process_died_is_taken_for_dead(uow: UnitOfWork) -> None:
    stuck = start_job(uow, "linkage", actor="anna", params={})
    with UnitOfWork(uow.engine) as store:
        store.jobs.step(stuck, "scoring pairs", at=datetime.now(UTC) - 2 * STALE_AFTER)
        store.commit()
    fresh = start_job(uow, "linkage", actor="petro", params={})
    dead = get_job(uow, stuck)
    assert dead.status == "failed" and "stopped" in (dead.error or "")
    assert running_job(uow, "linkage") is not None and get_job(uow, fresh).status == "running"


def test_a_long_step_keeps_the_job_alive(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from tollbook.services import jobs

    monkeypatch.setattr(jobs, "HEARTBEAT_EVERY", 0.05)
    job_id = start_job(uow, "estimate", actor="anna", params={})
    began = get_job(uow, job_id).heartbeat_at
    seen: list[datetime] = []

    def long_step(step: Progress) -> dict[str, Any]:
        time.sleep(0.4)  # one long chain, no step said
        seen.append(get_job(uow, job_id).heartbeat_at)
        return {"estimate_id": 1}

    assert run_job(uow, job_id, long_step).status == "done"
    assert seen[0] > began
