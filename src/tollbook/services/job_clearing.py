"""Clearing a job whose process died: an admin marks it failed, with a reason, so that
the next linkage or estimate may start at once rather than after
:data:`~tollbook.services.jobs.STALE_AFTER`. Audited.

A job that said it was alive within :data:`ALIVE_WITHIN` is not cleared: its process
seems to be running still (a live job writes a heartbeat every minute).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tollbook.domain.refusals import Invalid
from tollbook.services.jobs import HEARTBEAT_EVERY, StoredJob, UnknownJob, get_job
from tollbook.store.audit_log import AuditLog
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["ALIVE_WITHIN", "JobNotCleared", "clear_job"]

#: A job whose last sign of life is more recent than this is taken to be running.
ALIVE_WITHIN = timedelta(seconds=3 * HEARTBEAT_EVERY)


class JobNotCleared(Invalid, ValueError):
    """A job that cannot be cleared: not running, alive, or no reason given."""


def clear_job(
    uow: UnitOfWork, job_id: int, *, actor: str, reason: str, now: datetime | None = None
) -> StoredJob:
    """Mark the running job ``job_id`` failed ("cleared by ACTOR: REASON"), freeing its
    kind; the audit log keeps who, when, why and the job as it was."""
    why = " ".join(reason.split())
    who = " ".join((actor or "").split())
    if not why:
        raise JobNotCleared("say why the job is cleared: --reason TEXT")
    if not who:
        raise JobNotCleared("say who is clearing the job: --actor NAME")
    at = now or datetime.now(UTC)
    with uow:
        found = uow.jobs.get(job_id)
        if found is None:
            raise UnknownJob(f"no job {job_id}")
        if found.status != "running":
            raise JobNotCleared(f"job {job_id} is not running ({found.status}): nothing to clear")
        quiet = at - found.heartbeat_at
        if quiet < ALIVE_WITHIN:
            raise JobNotCleared(
                f"job {job_id} said it was alive {int(quiet.total_seconds())} s ago: its "
                "process seems to run still; clear it when it has been silent for "
                f"{int(ALIVE_WITHIN.total_seconds() // 60)} minutes"
            )
        uow.jobs.finish(job_id, status="failed", at=at, error=f"cleared by {who}: {why}")
        AuditLog(uow.session).append(
            at=at,
            actor=who,
            action="clear",
            entity="job",
            entity_id=job_id,
            before={
                "kind": found.kind,
                "status": found.status,
                "progress": found.progress,
                "started_by": found.created_by,
                "last_sign_of_life": found.heartbeat_at.isoformat(),
            },
            after={"status": "failed", "reason": why},
        )
        uow.commit()
    return get_job(uow, job_id)
