"""Long work that runs in the background and shows its progress: a linkage run, an
estimate. One job of a kind at a time, whichever process starts it (the database holds
the guard); a job whose process died (no progress for :data:`STALE_AFTER`) is marked
failed when the next one of its kind starts.

The web app starts a job and runs it in a thread of its own, and the page of the job
shows its progress until it is done; the command line and the JSON API run it inline.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from tollbook.domain.refusals import Conflict, NotFound
from tollbook.domain.text import N_
from tollbook.store.job_repository import JobTaken, StoredJob
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "REFUSALS",
    "STALE_AFTER",
    "JobBusy",
    "StoredJob",
    "UnknownJob",
    "get_job",
    "run_job",
    "run_now",
    "running_job",
    "start_job",
]

log = logging.getLogger("tollbook.jobs")

#: A running job that has not moved for this long is taken for dead.
STALE_AFTER = timedelta(minutes=15)
#: Progress is written at most this often (seconds).
STEP_EVERY = 1.0
#: A running job says it is alive this often (seconds), whatever its step.
HEARTBEAT_EVERY = 60.0

Progress = Callable[[str], None]
#: What a job does, given a unit of work of its own and a way to say how far it is.
Work = Callable[[UnitOfWork, Progress], dict[str, Any]]
#: Refusals the work raises on purpose: their message is shown as it is.
REFUSALS: tuple[type[Exception], ...] = (ValueError, LookupError, PermissionError)


class JobBusy(Conflict, ValueError):
    """A job of the same kind is running; the message says which, since when, and who."""

    code = "busy"


class UnknownJob(NotFound, LookupError):
    """No job has this id."""


def _now() -> datetime:
    return datetime.now(UTC)


def start_job(uow: UnitOfWork, kind: str, *, actor: str, params: dict[str, Any]) -> int:
    """Register a running job of ``kind``; :class:`JobBusy` if one runs already."""
    at = _now()
    with uow:
        found = uow.jobs.running(kind)
        if found is not None and found.heartbeat_at < at - STALE_AFTER:
            uow.jobs.finish(
                found.id,
                status="failed",
                at=at,
                error="the process running it stopped (no progress for "
                f"{int(STALE_AFTER.total_seconds() // 60)} minutes)",
            )
            uow.commit()
            found = None
        if found is not None:
            raise JobBusy(_busy(found))
        try:
            job_id = uow.jobs.start(kind, by=actor, params=params, at=at)
        except JobTaken:
            again = uow.jobs.running(kind)
            raise JobBusy(_busy(again) if again else f"another {kind} is starting") from None
        uow.commit()
    return job_id


def run_job(
    uow: UnitOfWork,
    job_id: int,
    work: Callable[[Progress], dict[str, Any]],
    *,
    refusals: tuple[type[Exception], ...] = REFUSALS,
) -> StoredJob:
    """Do ``work`` for the job, writing its progress, then its result or its error.

    A refusal (bad options, nothing to link ...) is kept as the job's error in its own
    words (``refusals``: the exception types that are refusals, not bugs); anything else
    is logged and kept as an unexpected error. Returns the job as
    it ended; re-raises nothing (the job's page tells the user)."""
    last = 0.0

    def step(text: str) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < STEP_EVERY:
            return
        last = now
        with uow:
            uow.jobs.step(job_id, text, at=_now())
            uow.commit()

    alive = threading.Event()
    # the heartbeat's own unit of work: the work's may be open when it beats (a unit of
    # work is one session, and cannot be entered twice at once)
    beating_uow = UnitOfWork(uow.engine)

    def beat() -> None:  # a long step (one LCMCR chain) must not look like a dead process
        while not alive.wait(HEARTBEAT_EVERY):
            try:
                with beating_uow:
                    beating_uow.jobs.beat(job_id, at=_now())
                    beating_uow.commit()
            except SQLAlchemyError:  # the work holds the database: beat again next time
                log.debug("job %s: heartbeat skipped", job_id, exc_info=True)

    beating = threading.Thread(target=beat, name=f"tollbook-job-{job_id}-beat", daemon=True)
    beating.start()
    try:
        result = work(step)
    except refusals as exc:
        _finish(uow, job_id, "failed", error=str(exc.args[0]) if exc.args else str(exc))
    except Exception:
        log.exception("job %s failed", job_id)
        _finish(uow, job_id, "failed", error="an unexpected error stopped it; it was logged")
    else:
        _finish(uow, job_id, "done", result=result)
    finally:
        alive.set()
        beating.join()
    return get_job(uow, job_id)


def run_now(
    uow: UnitOfWork,
    kind: str,
    *,
    actor: str,
    params: dict[str, Any],
    work: Work,
    refusals: tuple[type[Exception], ...] = REFUSALS,
) -> dict[str, Any]:
    """Start a job and do its work in this thread (the command line, the JSON API):
    :class:`JobBusy` if one of its kind runs; its refusal or failure is raised as it was,
    after the job is marked failed."""
    job_id = start_job(uow, kind, actor=actor, params=params)
    failure: list[BaseException] = []

    def guarded(step: Progress) -> dict[str, Any]:
        try:
            return work(uow, step)
        except BaseException as exc:
            failure.append(exc)
            raise

    ended = run_job(uow, job_id, guarded, refusals=refusals)
    if failure:
        raise failure[0]
    assert ended.result is not None
    return ended.result


def get_job(uow: UnitOfWork, job_id: int) -> StoredJob:
    with uow:
        found = uow.jobs.get(job_id)
    if found is None:
        raise UnknownJob(N_("no job %(job_id)s", job_id=job_id))
    return found


def running_job(uow: UnitOfWork, kind: str) -> StoredJob | None:
    """The job of ``kind`` running now, if any."""
    with uow:
        return uow.jobs.running(kind)


def _finish(
    uow: UnitOfWork,
    job_id: int,
    status: str,
    *,
    result: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    with uow:
        uow.jobs.finish(job_id, status=status, at=_now(), result=result, error=error)
        uow.commit()


def _busy(job: StoredJob) -> str:
    since = job.created_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"a {job.kind} is running (job {job.id}, started by {job.created_by} at {since}: "
        f"{job.progress}); try again when it has finished"
    )
