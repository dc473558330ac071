"""Linkage: the runs made and a form to run it again, and the review queue where a
person decides whether two records are one person.

A run scores every pair of records and takes seconds to a minute: it runs in a worker
thread while the request waits, and the page says so. Seeing the queue needs ``lists``
(it shows names of the dead); running and deciding need ``link``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field, model_validator

from tollbook.link.engine import EngineName, EngineUnavailable
from tollbook.services.accounts import User
from tollbook.services.jobs import REFUSALS, JobBusy, Progress, Work, run_now, running_job
from tollbook.services.linkage import (
    DEFAULT_REVIEW,
    DEFAULT_THRESHOLD,
    QueuedPair,
    check_band,
    decide_pair,
    link_records,
    list_runs,
    persons_of_records,
    review_queue,
)
from tollbook.store.linkage_repository import PairReview
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import LINK, LISTS
from tollbook.web.background import start_in_background
from tollbook.web.errors import ApiProblem
from tollbook.web.pagination import Page, fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.serializers_lists import (
    full_name,
    odds,
    pair_json,
    place,
    reasons,
    report_json,
    review_json,
    run_json,
)
from tollbook.web.templating import render

router = APIRouter()

Decision = Literal["confirm", "split"]
#: How many of the pairs after the one on show the review page lists.
UPCOMING = 10
Probability = Annotated[float, Field(gt=0.0, lt=1.0)]


class RunBody(BaseModel):
    threshold: Probability = Field(
        default=DEFAULT_THRESHOLD, description="Pairs at least this probable may join records."
    )
    review_low: Probability = Field(
        default=DEFAULT_REVIEW[0], description="Pairs from this probability are queued..."
    )
    review_high: float = Field(
        default=DEFAULT_REVIEW[1], gt=0.0, le=1.0, description="...up to (not including) this."
    )
    retrain: bool = Field(default=False, description="Train a new model, not the last one.")
    engine: EngineName = "duckdb"


class DecisionBody(BaseModel):
    record_a: int = Field(ge=1)
    record_b: int = Field(ge=1)
    decision: Decision = Field(description="confirm: the same person; split: two people.")
    reason: str | None = Field(default=None, max_length=2000, description="Needed to split.")

    @model_validator(mode="after")
    def _two_records(self) -> DecisionBody:
        if self.record_a == self.record_b:
            raise ValueError("record_a and record_b must be two different records")
        return self


class SampleBody(BaseModel):
    pairs: int = Field(default=100, ge=1, le=100_000, description="Pairs to draw.")
    seed: int | None = Field(default=None, description="For a repeatable sample.")


#: What stops a linkage run on purpose (the message is the job's error as it is).
LINKAGE_REFUSALS = (*REFUSALS, EngineUnavailable)


def linkage_work(body: RunBody, user: User) -> Work:
    """The run as a job's work: every list record linked into persons, with progress."""
    who = actor(user)

    def work(uow: UnitOfWork, step: Progress) -> dict[str, Any]:
        report = link_records(
            uow,
            engine=body.engine,
            threshold=body.threshold,
            review=(body.review_low, body.review_high),
            retrain=body.retrain,
            actor=who,
            on_progress=step,
        )
        return {"link_run_id": report.run_id, "run": report_json(report)}

    return work


def decide(
    uow: UnitOfWork, a: int, b: int, decision: Decision, user: User, reason: str | None
) -> PairReview:
    """A person's decision on a pair; refused (409) while a linkage run re-forms persons."""
    running = running_job(uow, "linkage")
    if running is not None:
        raise JobBusy(
            f"linkage job {running.id} is re-forming the persons ({running.progress}); "
            "decide when it has finished"
        )
    return decide_pair(uow, a, b, decision, actor=actor(user), reason=reason)


def queue_page(uow: UnitOfWork, page: Page, user: User) -> tuple[list[QueuedPair], bool]:
    """A page of the queue; the records shown are audited as read by ``user``."""
    return fetch_page(page, lambda n, o: review_queue(uow, limit=n, offset=o, viewer=actor(user)))


def calibration_page(uow: UnitOfWork, page: Page, user: User) -> tuple[list[QueuedPair], bool]:
    """A page of the calibration sample's pending pairs (audited as the queue is)."""
    return fetch_page(
        page,
        lambda n, o: review_queue(
            uow, limit=n, offset=o, viewer=actor(user), calibration_only=True
        ),
    )


def decided(uow: UnitOfWork, review: PairReview) -> dict[str, Any]:
    """A decision with the persons its two records are in now."""
    persons = persons_of_records(uow, [review.record_a, review.record_b])
    return {
        **review_json(review),
        "person_a": persons.get(review.record_a),
        "person_b": persons.get(review.record_b),
    }


# --- API ----------------------------------------------------------------------------


@router.get("/api/linkage/runs", tags=["linkage"], summary="Linkage runs")
def api_runs(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(LISTS)]
) -> dict[str, Any]:
    """The runs, the newest first, with their settings and what each found."""
    items, more = fetch_page(page, lambda n, o: list_runs(uow, limit=n, offset=o))
    return page_body(request, page, [run_json(r) for r in items], more)


@router.post("/api/linkage/runs", tags=["linkage"], summary="Run linkage")
def api_run(body: RunBody, uow: UowDep, user: Annotated[User, Depends(LINK)]) -> dict[str, Any]:
    """Link every list record into persons (seconds to a minute) and answer with the
    run's summary; 409 while another linkage runs. (The page runs it in the background.)"""
    params = body.model_dump()
    try:
        done = run_now(
            uow,
            "linkage",
            actor=actor(user),
            params=params,
            work=linkage_work(body, user),
            refusals=LINKAGE_REFUSALS,
        )
    except EngineUnavailable as error:
        raise ApiProblem(503, str(error), type="unavailable") from None
    return {"ok": True, "run": done["run"]}


@router.get("/api/linkage/review", tags=["linkage"], summary="The review queue")
def api_review(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(LISTS)]
) -> dict[str, Any]:
    """Pairs waiting for a person, the most uncertain first, with both records and each
    field's match weight."""
    items, more = queue_page(uow, page, user)
    return page_body(request, page, [pair_json(p) for p in items], more)


@router.get(
    "/api/linkage/review-sample", tags=["linkage"], summary="The calibration sample's pairs"
)
def api_calibration_queue(
    request: Request, uow: UowDep, page: PageDep, user: Annotated[User, Depends(LISTS)]
) -> dict[str, Any]:
    """The pairs of a calibration sample still waiting for a person."""
    items, more = calibration_page(uow, page, user)
    return page_body(request, page, [pair_json(p) for p in items], more)


@router.post("/api/linkage/review-sample", tags=["linkage"], summary="Queue a calibration sample")
def api_review_sample(
    body: SampleBody, uow: UowDep, user: Annotated[User, Depends(LINK)]
) -> dict[str, Any]:
    """Queue a random sample of the pairs of persons the linkage kept apart though a
    stored pair joins them, marked as calibration pairs (as ``tollbook lists
    review-sample``); deciding them calibrates the correction for missed links."""
    # (imported here: its sampler loads SciPy, a second of every server's start)
    from tollbook.services.calibration_sample import queue_calibration_sample

    done = queue_calibration_sample(uow, body.pairs, actor=actor(user), seed=body.seed)
    return {
        "ok": True,
        "candidates": done.candidates,
        "drawn": done.drawn,
        "queued": done.queued,
    }


@router.post("/api/linkage/decisions", tags=["linkage"], summary="Decide a pair")
def api_decide(
    body: DecisionBody, uow: UowDep, user: Annotated[User, Depends(LINK)]
) -> dict[str, Any]:
    """Two records are the same person (``confirm``) or two people (``split``, with a
    reason); persons are re-formed at once and later runs keep the decision."""
    review = decide(uow, body.record_a, body.record_b, body.decision, user, body.reason)
    return {"ok": True, "decision": decided(uow, review)}


# --- pages --------------------------------------------------------------------------


@router.get("/linkage", response_class=HTMLResponse, include_in_schema=False)
def runs_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(LISTS)],
    run: Annotated[int | None, Query(ge=1, description="The run just made.")] = None,
) -> Response:
    items, more = fetch_page(page, lambda n, o: list_runs(uow, limit=n, offset=o))
    context = {
        "runs": items,
        "page": page,
        "more": more,
        "just_run": run,
        "defaults": {
            "threshold": DEFAULT_THRESHOLD,
            "low": DEFAULT_REVIEW[0],
            "high": DEFAULT_REVIEW[1],
        },
    }
    return render(request, "linkage_runs.html", context)


@router.post("/linkage/runs", include_in_schema=False)
def run_form(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(LINK)],
    threshold: Annotated[float, Form()] = DEFAULT_THRESHOLD,
    review_low: Annotated[float, Form()] = DEFAULT_REVIEW[0],
    review_high: Annotated[float, Form()] = DEFAULT_REVIEW[1],
    retrain: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    body = RunBody.model_construct(
        threshold=threshold,
        review_low=review_low,
        review_high=review_high,
        retrain=bool(retrain),
        engine="duckdb",
    )
    check_band(body.threshold, (body.review_low, body.review_high))
    job_id = start_in_background(
        request,
        "linkage",
        actor=actor(user),
        params=body.model_dump(),
        work=linkage_work(body, user),
        refusals=LINKAGE_REFUSALS,
    )
    return see_other(f"/jobs/{job_id}")


@router.get("/linkage/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(LISTS)],
    offset: Annotated[int, Query(ge=0, description="Pairs to skip.")] = 0,
    done: Annotated[Literal["confirmed", "split"] | None, Query()] = None,
    a: Annotated[int | None, Query(ge=1)] = None,
    b: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    items, more = queue_page(uow, Page(limit=UPCOMING + 1, offset=offset), user)
    current = items[0] if items else None
    shown = [r for p in items[:1] for r in (p.first.id, p.second.id)]
    wanted = shown + [r for r in (a, b) if r is not None]
    persons = persons_of_records(uow, wanted) if wanted else {}
    context = {
        "pair": current,
        "upcoming": items[1:],
        "more": more,
        "offset": offset,
        "persons": persons,
        "done": done if a is not None and b is not None else None,
        "a": a,
        "b": b,
        "reasons": reasons(current.review.explanation) if current else [],
        "full_name": full_name,
        "place": place,
        "odds": odds,
    }
    return render(request, "linkage_review.html", context)


@router.post("/linkage/review/decide", include_in_schema=False)
def decide_form(
    uow: UowDep,
    user: Annotated[User, Depends(LINK)],
    record_a: Annotated[int, Form(ge=1)],
    record_b: Annotated[int, Form(ge=1)],
    decision: Annotated[Decision, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    offset: Annotated[int, Form(ge=0)] = 0,
) -> Response:
    review = decide(uow, record_a, record_b, decision, user, reason.strip() or None)
    query = {"offset": offset, "done": review.status, "a": review.record_a, "b": review.record_b}
    return see_other(f"/linkage/review?{urlencode(query)}")
