"""Jobs started from the pages run in a thread of their own; the page of the job shows
their progress (:mod:`tollbook.services.jobs`). The JSON API runs the same work inline,
under the same one-of-a-kind guard, and answers with its result or its refusal."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import Request

from tollbook.services.jobs import REFUSALS, Work, run_job, start_job
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.state import app_state


def start_in_background(
    request: Request,
    kind: str,
    *,
    actor: str,
    params: dict[str, Any],
    work: Work,
    refusals: tuple[type[Exception], ...] = REFUSALS,
) -> int:
    """Start the job (409 if one of its kind runs) and run it in a new thread."""
    engine = app_state(request).engine
    uow = UnitOfWork(engine)
    job_id = start_job(uow, kind, actor=actor, params=params)

    def in_thread() -> None:
        own = UnitOfWork(engine)  # units of work are not shared between threads
        run_job(own, job_id, lambda step: work(own, step), refusals=refusals)

    thread = threading.Thread(target=in_thread, name=f"tollbook-job-{job_id}", daemon=True)
    thread.start()
    return job_id
