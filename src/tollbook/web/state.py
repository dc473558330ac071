"""What the app keeps between requests: the database engine, the key, the limiter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from fastapi import Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from tollbook.count import Reconciliation
from tollbook.domain.toll import Toll
from tollbook.services.audit import counting_version
from tollbook.services.incidents import read_reconciliation
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.rate_limit import LoginRateLimiter
from tollbook.web.settings import WebSettings
from tollbook.web.toll_cache import TollCache


@dataclass
class AppState:
    engine: Engine
    settings: WebSettings
    secret_key: str
    limiter: LoginRateLimiter
    tolls: TollCache[Toll]
    charts: TollCache[bytes]
    #: toll API answers, serialized, per role view (full or aggregate)
    answers: TollCache[bytes]
    #: the stored claims reconciled into incidents, at the newest counting version
    reconciliations: TollCache[Reconciliation]
    #: run the tiny per-request lookups on the event loop (a local SQLite file answers in
    #: microseconds, less than handing the call to a thread costs); a server database is
    #: always called from a thread
    inline_lookups: bool


def app_state(request: Request) -> AppState:
    state = request.app.state.tollbook
    assert isinstance(state, AppState)
    return state


async def get_uow(request: Request) -> UnitOfWork:
    """A unit of work of its own for this request (units of work are not shared between
    threads), on the app's engine."""
    return UnitOfWork(app_state(request).engine)


P = ParamSpec("P")
T = TypeVar("T")


async def lookup(request: Request, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a small, fast database read for this request (see ``inline_lookups``)."""
    if app_state(request).inline_lookups:
        return call(*args, **kwargs)
    return await run_in_threadpool(call, *args, **kwargs)


def current_reconciliation(
    request: Request, uow: UnitOfWork, version: int | None = None
) -> Reconciliation:
    """The claims reconciled into incidents as they stand now, reconciled once per change
    of the counting data (by any process) and shared by the incident and toll pages; a
    read, which writes nothing. Blocking: call it from a worker thread."""
    if version is None:
        version = counting_version(uow)
    return app_state(request).reconciliations.get("all", version, lambda: read_reconciliation(uow))
