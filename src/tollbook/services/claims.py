"""Look up stored claims."""

from __future__ import annotations

from tollbook.domain.claim import OUTCOMES
from tollbook.store.records import StoredClaim
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["InvalidQuery", "StoredClaim", "list_claims"]


class InvalidQuery(ValueError):
    """A filter that can match nothing because it is not a valid value."""


def list_claims(
    uow: UnitOfWork,
    place: str | None = None,
    outcome: str | None = None,
    article: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredClaim]:
    """Stored claims in the order they were stored, filtered.

    ``place`` matches the whole place name in any letter case ("mariupol" finds
    "Mariupol"); ``outcome`` is one of CLAIMS.md's outcomes; ``article`` is the id of the
    report the claims were read from. ``uow`` must not be inside a ``with`` block.
    """
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidQuery(f"unknown outcome {outcome!r}; expected one of {', '.join(OUTCOMES)}")
    if limit is not None and limit < 0:
        raise InvalidQuery(f"limit must not be negative, got {limit}")
    if offset < 0:
        raise InvalidQuery(f"offset must not be negative, got {offset}")
    with uow:
        return uow.claims.list(
            place=place, outcome=outcome, article=article, limit=limit, offset=offset
        )
