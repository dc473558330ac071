"""``tollbook jobs``: the running background jobs, and clearing one whose process died."""

from __future__ import annotations

import click

from tollbook.cli.common import ACTOR_ENV, default_actor, open_store, refused
from tollbook.cli.language import _
from tollbook.domain.refusals import Refusal

KINDS = ("linkage", "estimate")


@click.group()
def jobs() -> None:
    """Background jobs (linkage runs, estimates): one of each kind runs at a time."""


@jobs.command("show")
@click.pass_context
def show(ctx: click.Context) -> None:
    """The running jobs, with their last sign of life."""
    from tollbook.services.jobs import running_job

    uow = open_store(ctx)
    try:
        found = [job for kind in KINDS if (job := running_job(uow, kind)) is not None]
    finally:
        uow.dispose()
    if not found:
        click.echo(_("no job is running"))
    for job in found:
        click.echo(
            _(
                "job %(id)s: %(kind)s, started %(created_at)s UTC by "
                "%(created_by)s; last sign of life %(heartbeat_at)s UTC: "
                "%(progress)s",
                id=job.id,
                kind=job.kind,
                created_at=format(job.created_at, "%Y-%m-%d %H:%M"),
                created_by=job.created_by,
                heartbeat_at=format(job.heartbeat_at, "%Y-%m-%d %H:%M:%S"),
                progress=job.progress,
            )
        )


@jobs.command("clear")
@click.argument("job_id", type=click.IntRange(min=1, max=2**63 - 1))
@click.option("--reason", required=True, help="Why it is cleared (kept in the audit log).")
@click.option(
    "--actor",
    default=default_actor,
    show_default=f"${ACTOR_ENV}, else the OS user",
    help="Who is clearing it (written to the audit log).",
)
@click.pass_context
def clear(ctx: click.Context, job_id: int, reason: str, actor: str | None) -> None:
    """Mark the running job JOB_ID failed because its process died, so that the next
    linkage or estimate can start. Refused for a job that said it was alive in the last
    few minutes."""
    from tollbook.services.job_clearing import clear_job

    uow = open_store(ctx)
    try:
        cleared = clear_job(uow, job_id, actor=actor or "", reason=reason)
    except Refusal as error:
        refused(error)
    finally:
        uow.dispose()
    click.echo(
        _(
            "job %(id)s (%(kind)s) cleared: %(error)s",
            id=cleared.id,
            kind=cleared.kind,
            error=cleared.error,
        )
    )
