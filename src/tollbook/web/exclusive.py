"""Long work that must not overlap: a linkage run (and the decisions that re-form
persons), an estimate. A second request while one runs is told so at once (409), rather
than waiting with a worker thread the rest of the app needs.

The lock is per server process: with several workers, two runs started at the same
moment on two workers still overlap; run linkage from one place (the CLI or one web
worker) when that matters.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from tollbook.web.errors import ApiProblem

_LOCKS = {"linkage": threading.Lock(), "estimate": threading.Lock()}


@contextmanager
def one_at_a_time(work: str) -> Iterator[None]:
    """Hold ``work``'s lock, or refuse with 409 if it is held."""
    lock = _LOCKS[work]
    if not lock.acquire(blocking=False):
        raise ApiProblem(
            409,
            f"another {work} is running on this server; try again when it has finished",
            type="busy",
        )
    try:
        yield
    finally:
        lock.release()
