"""Clearing a job whose process died, from the service and the command line: refused
while it says it is alive, audited when done, and the next job of its kind may start."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner

from tollbook.cli import main
from tollbook.services.audit import audit_page
from tollbook.services.job_clearing import JobNotCleared, clear_job
from tollbook.services.jobs import JobBusy, UnknownJob, get_job, start_job
from tollbook.store.unit_of_work import UnitOfWork


def test_a_dead_job_is_cleared_with_its_reason_and_audited(uow: UnitOfWork) -> None:
    job_id = start_job(uow, "estimate", actor="anna", params={})
    started = get_job(uow, job_id).heartbeat_at
    with pytest.raises(JobNotCleared, match="seems to run still"):
        clear_job(uow, job_id, actor="root", reason="stuck", now=started + timedelta(seconds=30))
    with pytest.raises(JobBusy):
        start_job(uow, "estimate", actor="anna", params={})
    with pytest.raises(JobNotCleared, match="say why"):
        clear_job(uow, job_id, actor="root", reason="  ", now=started + timedelta(minutes=5))
    cleared = clear_job(
        uow, job_id, actor="root", reason="the laptop restarted", now=started + timedelta(minutes=5)
    )
    assert cleared.status == "failed" and cleared.error == "cleared by root: the laptop restarted"
    (entry,) = audit_page(uow, entity="job", entity_id=str(job_id))
    assert (entry.actor, entry.action) == ("root", "clear")
    assert entry.before is not None and entry.before["started_by"] == "anna"
    assert start_job(uow, "estimate", actor="anna", params={}) != job_id
    with pytest.raises(JobNotCleared, match="not running"):
        clear_job(uow, job_id, actor="root", reason="again")
    with pytest.raises(UnknownJob):
        clear_job(uow, 10**6, actor="root", reason="no such job")


def test_the_command_shows_and_clears_jobs(database_url: str, uow: UnitOfWork) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the command is the same on every database")
    runner = CliRunner()
    assert (
        "no job is running"
        in runner.invoke(main, ["--database", database_url, "jobs", "show"]).output
    )
    job_id = start_job(uow, "linkage", actor="anna", params={})
    shown = runner.invoke(main, ["--database", database_url, "jobs", "show"])
    assert f"job {job_id}: linkage" in shown.output
    alive = runner.invoke(
        main, ["--database", database_url, "jobs", "clear", str(job_id), "--reason", "stuck"]
    )
    assert alive.exit_code == 1 and "seems to run still" in alive.output
    missing = runner.invoke(main, ["--database", database_url, "jobs", "clear", str(job_id)])
    assert missing.exit_code == 2 and "--reason" in missing.output
    huge = runner.invoke(
        main, ["--database", database_url, "jobs", "clear", str(2**64), "--reason", "x"]
    )
    assert huge.exit_code == 2 and "Traceback" not in huge.output
