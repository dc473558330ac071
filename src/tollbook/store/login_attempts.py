"""Failed logins as the rate limiter counts them, kept in the audit log.

A failed login (or a wrong current password on a password change) is a security event
worth an audit entry anyway; keeping the rate limiter's counts there too means every
server process, and the next one after a restart, counts the same attempts. Entries are
``entity="login_attempt"``, ``entity_id=<client address>``, ``action`` ``login_failed``
(with the name tried) or ``login_reset`` (a success after failures: earlier failures of
that name from that address stop counting). Refused attempts (over the limit) write
nothing, so a flood cannot grow the log faster than the limit allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select

from tollbook.store.account_repository import username_key
from tollbook.store.tables import AuditRow
from tollbook.store.unit_of_work import UnitOfWork

ENTITY = "login_attempt"
FAILED = "login_failed"
RESET = "login_reset"


@dataclass(frozen=True)
class LoginAttempt:
    at: datetime
    #: the name tried, folded as user names are compared
    username: str
    failed: bool


class LoginAttemptLog:
    """The attempts from one address, shared by every process through the database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def since(self, client: str, since: datetime) -> list[LoginAttempt]:
        """Attempts from ``client`` at or after ``since``, oldest first."""
        query = (
            select(AuditRow.at, AuditRow.action, AuditRow.after)
            .where(AuditRow.entity == ENTITY, AuditRow.entity_id == client)
            .where(AuditRow.at >= since)
            .order_by(AuditRow.id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            LoginAttempt(at, str((after or {}).get("username", "")), action == FAILED)
            for at, action, after in rows
        ]

    def add(self, client: str, username: str, *, failed: bool, at: datetime) -> None:
        with UnitOfWork(self.engine) as uow:
            uow.audit.append(
                at=at,
                actor="anonymous",
                action=FAILED if failed else RESET,
                entity=ENTITY,
                entity_id=client,
                after={"username": username_key(username)[:200]},
            )
            uow.commit()
