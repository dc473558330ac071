"""Publishing a draft estimate (after its warnings were read) and withdrawing one, with a
reason; both audited."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tollbook.domain.text import N_
from tollbook.services.estimates.options import EstimateError, EstimateNotFound, actor_name
from tollbook.services.estimates.reading import headline
from tollbook.store.estimate_repository import SavedEstimate
from tollbook.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    pass


def _now() -> datetime:
    return datetime.now(UTC)


def publish_estimate(
    uow: UnitOfWork, estimate_id: int, *, actor: str, warnings_read: bool = False
) -> SavedEstimate:
    """A person publishes a draft. An estimate with warnings is published only when they
    say they read them (``warnings_read``): the warnings travel with the figure."""
    who = actor_name(actor)
    now = _now()
    with uow:
        found = uow.estimates.get(estimate_id)
        if found is None:
            raise EstimateNotFound(N_("no estimate %(estimate_id)s", estimate_id=estimate_id))
        if found.status != "draft":
            raise EstimateError(
                N_(
                    "estimate %(estimate_id)s is %(status)s: only a draft can be published",
                    estimate_id=estimate_id,
                    status=found.status,
                )
            )
        if found.warnings and not warnings_read:
            raise EstimateError(
                N_(
                    "estimate %(estimate_id)s has %(count)s warning(s): read them "
                    "and say so (warnings_read) before publishing",
                    estimate_id=estimate_id,
                    count=len(found.warnings),
                )
            )
        done = uow.estimates.publish(estimate_id, at=now, by=who)
        if done is None:
            raise EstimateError(
                N_(
                    "estimate %(estimate_id)s was changed meanwhile: reload it",
                    estimate_id=estimate_id,
                )
            )
        uow.audit.append(
            at=now,
            actor=who,
            action="publish",
            entity="estimate",
            entity_id=estimate_id,
            before={"status": found.status},
            after={
                "status": done.status,
                "headline": headline(done),
                "warnings": list(done.warnings),
            },
        )
        uow.commit()
    return done


def withdraw_estimate(
    uow: UnitOfWork, estimate_id: int, *, actor: str, reason: str
) -> SavedEstimate:
    """Withdraw a draft or a published estimate, saying why (kept, never deleted)."""
    who = actor_name(actor)
    why = reason.strip()
    if not why:
        raise EstimateError(N_("reason: say why the estimate is withdrawn"))
    now = _now()
    with uow:
        found = uow.estimates.get(estimate_id)
        if found is None:
            raise EstimateNotFound(N_("no estimate %(estimate_id)s", estimate_id=estimate_id))
        if found.status == "withdrawn":
            raise EstimateError(
                N_("estimate %(estimate_id)s is withdrawn already", estimate_id=estimate_id)
            )
        done = uow.estimates.withdraw(estimate_id, at=now, by=who, reason=why)
        if done is None:
            raise EstimateError(
                N_(
                    "estimate %(estimate_id)s was changed meanwhile: reload it",
                    estimate_id=estimate_id,
                )
            )
        uow.audit.append(
            at=now,
            actor=who,
            action="withdraw",
            entity="estimate",
            entity_id=estimate_id,
            before={"status": found.status},
            after={"status": done.status, "reason": why},
        )
        uow.commit()
    return done
