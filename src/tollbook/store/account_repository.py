"""Accounts, login sessions, published tolls and audit-log pages.

The unit of work (:class:`~tollbook.store.unit_of_work.UnitOfWork`) binds the
repositories below and the audit log to one session, so a change and its audit entry are
committed together (or not at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, Select, bindparam, delete, func, select, union_all
from sqlalchemy.orm import Session

from tollbook.domain.incident import place_key
from tollbook.store.account_tables import PublishedTollRow, UserRow, WebSessionRow
from tollbook.store.mapping import audit_entry
from tollbook.store.records import AuditEntry
from tollbook.store.tables import AuditRow


@dataclass(frozen=True)
class StoredUser:
    """A user account as stored (with its password hash, which never leaves the server)."""

    id: int
    username: str
    role: str
    active: bool
    password_hash: str
    created_at: datetime
    created_by: str
    password_changed_at: datetime


@dataclass(frozen=True)
class StoredSession:
    token_sha256: str
    user: StoredUser
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class StoredPublication:
    """A published toll: aggregate figures only."""

    id: int
    place: str
    outcome: str
    period_start: date | None
    period_end: date | None
    figures: dict[str, Any]
    published_at: datetime
    published_by: str
    withdrawn_at: datetime | None
    withdrawn_by: str | None


def username_key(username: str) -> str:
    """A user name folded for case-insensitive uniqueness ("Anna" and "anna" are one)."""
    return username.strip().casefold()


def _user(row: UserRow) -> StoredUser:
    return StoredUser(
        id=row.id,
        username=row.username,
        role=row.role,
        active=row.active,
        password_hash=row.password_hash,
        created_at=row.created_at,
        created_by=row.created_by,
        password_changed_at=row.password_changed_at,
    )


def _publication(row: PublishedTollRow) -> StoredPublication:
    return StoredPublication(
        id=row.id,
        place=row.place,
        outcome=row.outcome,
        period_start=row.period_start,
        period_end=row.period_end,
        figures=dict(row.figures),
        published_at=row.published_at,
        published_by=row.published_by,
        withdrawn_at=row.withdrawn_at,
        withdrawn_by=row.withdrawn_by,
    )


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, username: str, role: str, password_hash: str, *, at: datetime, created_by: str
    ) -> StoredUser:
        row = UserRow(
            username=username.strip(),
            username_key=username_key(username),
            role=role,
            password_hash=password_hash,
            active=True,
            created_at=at,
            created_by=created_by,
            password_changed_at=at,
        )
        self._session.add(row)
        self._session.flush()
        return _user(row)

    def get(self, user_id: int) -> StoredUser | None:
        row = self._session.get(UserRow, user_id)
        return _user(row) if row is not None else None

    def by_name(self, username: str) -> StoredUser | None:
        row = self._session.scalar(
            select(UserRow).where(UserRow.username_key == username_key(username))
        )
        return _user(row) if row is not None else None

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[StoredUser]:
        query = select(UserRow).order_by(UserRow.id).offset(offset).limit(limit)
        return [_user(row) for row in self._session.scalars(query)]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(UserRow)) or 0)

    def update(self, user_id: int, **values: Any) -> StoredUser:
        """Change ``role``, ``active`` or ``password_hash`` (+ ``password_changed_at``)."""
        row = self._session.get(UserRow, user_id)
        if row is None:
            raise KeyError(user_id)
        for name, value in values.items():
            if name not in ("role", "active", "password_hash", "password_changed_at"):
                raise ValueError(f"cannot change {name}")
            setattr(row, name, value)
        self._session.flush()
        return _user(row)


class SessionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        token_sha256: str,
        user_id: int,
        *,
        at: datetime,
        expires_at: datetime,
        client: str | None,
    ) -> None:
        self._session.add(
            WebSessionRow(
                token_sha256=token_sha256,
                user_id=user_id,
                created_at=at,
                expires_at=expires_at,
                client=client,
            )
        )
        self._session.flush()

    def get(self, token_sha256: str) -> StoredSession | None:
        """The session and its user, in one query."""
        query = (
            select(WebSessionRow, UserRow)
            .join(UserRow, WebSessionRow.user_id == UserRow.id)
            .where(WebSessionRow.token_sha256 == token_sha256)
        )
        found = self._session.execute(query).one_or_none()
        if found is None:
            return None
        row, user = found
        return StoredSession(
            token_sha256=row.token_sha256,
            user=_user(user),
            created_at=row.created_at,
            expires_at=row.expires_at,
        )

    def remove(self, token_sha256: str) -> bool:
        result = self._session.execute(
            delete(WebSessionRow).where(WebSessionRow.token_sha256 == token_sha256)
        )
        return bool(getattr(result, "rowcount", 0))

    def remove_for_user(self, user_id: int) -> int:
        result = self._session.execute(
            delete(WebSessionRow).where(WebSessionRow.user_id == user_id)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def remove_expired(self, now: datetime) -> int:
        result = self._session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at <= now))
        return int(getattr(result, "rowcount", 0) or 0)


class PublicationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        place: str,
        outcome: str,
        period_start: date | None,
        period_end: date | None,
        figures: dict[str, Any],
        at: datetime,
        by: str,
    ) -> StoredPublication:
        row = PublishedTollRow(
            place=place,
            place_key=place_key(place) or "",
            outcome=outcome,
            period_start=period_start,
            period_end=period_end,
            figures=figures,
            published_at=at,
            published_by=by,
        )
        self._session.add(row)
        self._session.flush()
        return _publication(row)

    def get(self, publication_id: int) -> StoredPublication | None:
        row = self._session.get(PublishedTollRow, publication_id)
        return _publication(row) if row is not None else None

    def current(
        self,
        *,
        place: str | None = None,
        outcome: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredPublication]:
        """The latest publication of each place, outcome and period, unless it was
        withdrawn (withdrawing the latest one takes the toll down: an older one does not
        come back); newest first."""
        query = select(PublishedTollRow)
        if place is not None:
            query = query.where(PublishedTollRow.place_key == place_key(place))
        if outcome is not None:
            query = query.where(PublishedTollRow.outcome == outcome)
        rows = list(self._session.scalars(query.order_by(PublishedTollRow.id.desc())))
        seen: set[tuple[str, str, date | None, date | None]] = set()
        kept: list[StoredPublication] = []
        for row in rows:
            key = (row.place_key, row.outcome, row.period_start, row.period_end)
            if key in seen:
                continue
            seen.add(key)
            if row.withdrawn_at is None:
                kept.append(_publication(row))
        end = None if limit is None else offset + limit
        return kept[offset:end]

    def withdraw(self, publication_id: int, *, at: datetime, by: str) -> StoredPublication:
        row = self._session.get(PublishedTollRow, publication_id)
        if row is None:
            raise KeyError(publication_id)
        row.withdrawn_at = at
        row.withdrawn_by = by
        self._session.flush()
        return _publication(row)


class AuditPages:
    """The audit log read a page at a time, newest first, with filters."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def page(
        self,
        *,
        entity: str | None = None,
        entity_id: str | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[AuditEntry]:
        query = select(AuditRow)
        if entity is not None:
            query = query.where(AuditRow.entity == entity)
        if entity_id is not None:
            query = query.where(AuditRow.entity_id == entity_id)
        if actor is not None:
            query = query.where(AuditRow.actor == actor)
        if action is not None:
            query = query.where(AuditRow.action == action)
        query = query.order_by(AuditRow.id.desc()).offset(offset).limit(limit)
        return [audit_entry(row) for row in self._session.scalars(query)]

    def latest_id(self) -> int:
        """The id of the newest entry (0 for an empty log): it changes with every change."""
        return int(self._session.scalar(select(func.max(AuditRow.id))) or 0)


@dataclass(frozen=True)
class SessionUser:
    """What a request needs to know about its session's user (one cheap query)."""

    user_id: int
    username: str
    role: str
    active: bool
    expires_at: datetime


_SESSION_QUERY = (
    select(
        UserRow.id,
        UserRow.username,
        UserRow.role,
        UserRow.active,
        WebSessionRow.expires_at,
    )
    .join(UserRow, WebSessionRow.user_id == UserRow.id)
    .where(WebSessionRow.token_sha256 == bindparam("token"))
)
_LATEST_AUDIT_QUERY = select(func.max(AuditRow.id))


@lru_cache(maxsize=16)
def _latest_of(entities: tuple[str, ...]) -> Select[tuple[int | None]]:
    """One statement: the newest id of each entity (each an index look-up), the largest."""
    each = [
        select(func.max(AuditRow.id).label("newest")).where(AuditRow.entity == entity)
        for entity in entities
    ]
    newest = union_all(*each).subquery()
    return select(func.max(newest.c.newest))


def session_user_row(engine: Engine, token_sha256: str) -> SessionUser | None:
    """The user of a session, read without an ORM session: this runs on every request."""
    with engine.connect() as connection:
        row = connection.execute(_SESSION_QUERY, {"token": token_sha256}).one_or_none()
    if row is None:
        return None
    return SessionUser(
        user_id=row.id,
        username=row.username,
        role=row.role,
        active=bool(row.active),
        expires_at=row.expires_at,
    )


def latest_audit_id(engine: Engine, entities: tuple[str, ...] = ()) -> int:
    """The newest audit entry's id (0 for none), of any entity or of ``entities`` only,
    read without an ORM session (one indexed look-up per entity)."""
    query = _latest_of(entities) if entities else _LATEST_AUDIT_QUERY
    with engine.connect() as connection:
        return int(connection.execute(query).scalar() or 0)


__all__ = [
    "AuditPages",
    "PublicationRepository",
    "SessionRepository",
    "SessionUser",
    "StoredPublication",
    "StoredSession",
    "StoredUser",
    "UserRepository",
    "latest_audit_id",
    "session_user_row",
    "username_key",
]
