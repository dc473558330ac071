"""Look up stored claims."""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.domain.claim import KINDS, OUTCOMES, SCOPES
from tollbook.domain.incident import REVIEW_STATUSES
from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.store.records import StoredClaim
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["ClaimFilter", "InvalidQuery", "StoredClaim", "list_claims"]


class InvalidQuery(Invalid, ValueError):
    """A filter that can match nothing because it is not a valid value."""


@dataclass(frozen=True)
class ClaimFilter:
    """What a reviewer narrows the claims list to; None leaves a field open.

    ``scope``, ``kind`` and ``status`` (review status) are exact values; ``victims``
    and ``source`` (who said it: ``attributed_to``) match part of the text in any
    letter case ("child" finds "children"; "mission" finds "UN monitoring mission").
    """

    scope: str | None = None
    kind: str | None = None
    victims: str | None = None
    source: str | None = None
    status: str | None = None

    def checked(self) -> ClaimFilter:
        for name, value, allowed in (
            ("scope", self.scope, SCOPES),
            ("kind", self.kind, KINDS),
            ("status", self.status, REVIEW_STATUSES),
        ):
            if value is not None and value not in allowed:
                raise InvalidQuery(
                    N_(
                        "unknown %(name)s %(value)s; expected one of %(items)s",
                        name=name,
                        value=repr(value),
                        items=", ".join(allowed),
                    )
                )
        return ClaimFilter(
            self.scope,
            self.kind,
            _text(self.victims),
            _text(self.source),
            self.status,
        )


def _text(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


def list_claims(
    uow: UnitOfWork,
    place: str | None = None,
    outcome: str | None = None,
    article: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    where: ClaimFilter | None = None,
) -> list[StoredClaim]:
    """Stored claims in the order they were stored, filtered.

    ``place`` matches the whole place name in any letter case ("mariupol" finds
    "Mariupol"), and the sites in it ("Maternity Hospital No. 3, Mariupol"); ``outcome``
    is one of CLAIMS.md's outcomes; ``article`` is the id of the report the claims were
    read from; ``where`` narrows by scope, kind, victims, source and review status.
    ``uow`` must not be inside a ``with`` block.
    """
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidQuery(
            N_(
                "unknown outcome %(outcome)s; expected one of %(items)s",
                outcome=repr(outcome),
                items=", ".join(OUTCOMES),
            )
        )
    if limit is not None and limit < 0:
        raise InvalidQuery(N_("limit must not be negative, got %(limit)s", limit=limit))
    if offset < 0:
        raise InvalidQuery(N_("offset must not be negative, got %(offset)s", offset=offset))
    chosen = (where or ClaimFilter()).checked()
    with uow:
        return uow.claims.list(
            place=place,
            outcome=outcome,
            article=article,
            limit=limit,
            offset=offset,
            review_status=chosen.status,  # type: ignore[arg-type]
            scope=chosen.scope,
            kind=chosen.kind,
            victims=chosen.victims,
            source=chosen.source,
        )
