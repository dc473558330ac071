"""Read the append-only audit log: every change, by whom and when, newest first."""

from __future__ import annotations

from tollbook.domain.text import N_
from tollbook.services.claims import InvalidQuery
from tollbook.store.account_repository import latest_audit_id
from tollbook.store.records import AuditEntry
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "COUNTING_ENTITIES",
    "AuditEntry",
    "InvalidQuery",
    "audit_page",
    "counting_version",
    "latest_change",
]


def audit_page(
    uow: UnitOfWork,
    entity: str | None = None,
    entity_id: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[AuditEntry]:
    """Audit entries, newest first, filtered by entity (and its id), actor and action."""
    if limit < 0:
        raise InvalidQuery(N_("limit must not be negative, got %(limit)s", limit=limit))
    if offset < 0:
        raise InvalidQuery(N_("offset must not be negative, got %(offset)s", offset=offset))
    with uow:
        return uow.audit_pages.page(
            entity=entity,
            entity_id=entity_id,
            actor=actor,
            action=action,
            limit=limit,
            offset=offset,
        )


def latest_change(uow: UnitOfWork) -> int:
    """The id of the newest audit entry: it grows with every change to the data, so a
    result computed at one value is still right while the value stays the same."""
    return latest_audit_id(uow.engine)


#: What the audit log calls the things counting depends on: the reports and claims,
#: their reviews, the incident groupings and overrides, and the published tolls.
COUNTING_ENTITIES: tuple[str, ...] = ("report", "claim", "incident", "incidents", "published_toll")


def counting_version(uow: UnitOfWork) -> int:
    """The id of the newest change to what counting depends on: incidents and tolls
    computed at one value are still right while it stays the same. Views of the dead,
    logins and the registry's changes do not move it."""
    return latest_audit_id(uow.engine, COUNTING_ENTITIES)
