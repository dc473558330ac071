"""Clearing a job whose process died: an admin marks it failed, with a reason, so that
the next linkage or estimate may start at once rather than after
:data:`~tollbook.services.jobs.STALE_AFTER`. Audited.

A job that said it was alive within :data:`ALIVE_WITHIN` is not cleared: its process
seems to be running still (a live job writes a heartbeat every minute).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
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
        raise JobNotCleared(N_("say why the job is cleared: --reason TEXT"))
    if not who:
        raise JobNotCleared(N_("say who is clearing the job: --actor NAME"))
    at = now or datetime.now(UTC)
    with uow:
        found = uow.jobs.get(job_id)
        if found is None:
            raise UnknownJob(N_("no job %(job_id)s", job_id=job_id))
        if found.status != "running":
            raise JobNotCleared(
                N_(
                    "job %(job_id)s is not running (%(status)s): nothing to clear",
                    job_id=job_id,
                    status=found.status,
                )
            )
        quiet = at - found.heartbeat_at
        if quiet < ALIVE_WITHIN:
            raise JobNotCleared(
                N_(
                    "job %(job_id)s said it was alive %(value)s s ago: its "
                    "process seems to run still; clear it when it has been silent "
                    "for %(value2)s minutes",
                    job_id=job_id,
                    value=int(quiet.total_seconds()),
                    value2=int(ALIVE_WITHIN.total_seconds() // 60),
                )
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
