"""Review at speed: confirm or reject many claims in one action, with one reason.

All the claims change in one transaction, or none does (an unknown id refuses the
whole batch); each claim gets its own review record and audit entry, as a single
review would, tagged with the batch it came in.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast, get_args

from tollbook.domain.text import N_
from tollbook.services.incidents import reconcile_open
from tollbook.services.review import (
    ReviewError,
    apply_claim_change,
    checked_actor,
    stored_claim,
)
from tollbook.store.records import ReviewStatus, StoredClaim
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["BULK_ACTIONS", "MAX_BATCH", "BulkAction", "BulkReview", "ReviewError", "review_claims"]

BulkAction = Literal["confirm", "reject"]
BULK_ACTIONS: tuple[str, ...] = get_args(BulkAction)
#: At most this many claims in one action.
MAX_BATCH = 500


@dataclass(frozen=True)
class BulkReview:
    """What one bulk action did: the claims as they now stand, and the batch id their
    audit entries carry."""

    action: BulkAction
    batch: str
    claims: tuple[StoredClaim, ...]


def review_claims(
    uow: UnitOfWork,
    claim_ids: Sequence[int],
    action: str,
    actor: str | None,
    reason: str | None = None,
) -> BulkReview:
    """Confirm or reject the claims ``claim_ids`` with one ``reason`` (needed to reject;
    kept as the note of a confirmation), all in one transaction.

    Confirming keeps an edited claim ``edited`` and brings a rejected one back;
    rejecting takes the claims out of every count. ``uow`` must not be inside a
    ``with`` block.
    """
    who = checked_actor(actor)
    if action not in BULK_ACTIONS:
        raise ReviewError(
            N_(
                "unknown action %(action)s; expected one of %(items)s",
                action=repr(action),
                items=", ".join(BULK_ACTIONS),
            )
        )
    ids = list(dict.fromkeys(claim_ids))
    if not ids:
        raise ReviewError(N_("choose at least one claim"))
    if len(ids) > MAX_BATCH:
        raise ReviewError(
            N_(
                "at most %(max_batch)s claims at a time, got %(count)s",
                max_batch=MAX_BATCH,
                count=len(ids),
            )
        )
    text = reason.strip() if reason and reason.strip() else None
    if action == "reject" and text is None:
        raise ReviewError(N_("a reason is needed to reject claims"))
    batch = uuid.uuid4().hex
    extra = {"batch": batch, "batch_size": len(ids)}
    with uow:
        found = [stored_claim(uow, claim_id) for claim_id in ids]  # all known, or none
        done = []
        for stored in found:
            status: ReviewStatus = "rejected"
            if action == "confirm":
                status = "edited" if stored.review_status == "edited" else "confirmed"
            done.append(
                apply_claim_change(uow, stored, stored.claim, status, who, action, text, extra)
            )
        reconcile_open(uow, actor=who)
        uow.commit()
    return BulkReview(cast(BulkAction, action), batch, tuple(done))
