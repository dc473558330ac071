"""Accounts, roles, login sessions, and publishing tolls for the public.

One function per use case, for the CLI (``tollbook user add``) and the web app. Every
change is written to the append-only audit log in the same transaction. Passwords are
hashed with argon2id and never stored or logged; a login session is a random token of
which only the SHA-256 is stored.

Roles:

- ``admin``: everything, and user accounts and the audit log;
- ``recorder``: enters reports, reviews claims and incidents, publishes tolls;
- ``forensic``: bodies and graves;
- ``family_liaison``: missing persons;
- ``viewer``: aggregate counts only (tolls, incidents without sources or names).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from tollbook.domain.refusals import Invalid, NotFound
from tollbook.domain.text import N_
from tollbook.services.password_policy import password_weakness
from tollbook.store.account_repository import (
    StoredPublication,
    StoredUser,
    session_user_row,
)
from tollbook.store.account_tables import ROLES
from tollbook.store.unit_of_work import UnitOfWork

__all__ = [
    "MIN_PASSWORD_CHARS",
    "ROLES",
    "ROLE_DESCRIPTIONS",
    "AccountError",
    "LoginResult",
    "StoredPublication",
    "StoredUser",
    "User",
    "add_user",
    "authenticate",
    "change_password",
    "current_publications",
    "end_session",
    "get_publication",
    "get_user",
    "list_users",
    "publish_toll",
    "session_user",
    "set_active",
    "set_role",
    "start_session",
    "withdraw_publication",
]

ROLE_DESCRIPTIONS: dict[str, str] = {
    "admin": "everything, and user accounts and the audit log",
    "recorder": "enters reports, reviews claims and incidents, publishes tolls",
    "forensic": "bodies and graves; aggregate counts",
    "family_liaison": "missing persons; aggregate counts",
    "viewer": "aggregate counts only",
}
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1024
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
#: Who the audit log names for accounts made from the command line.
CLI_ACTOR = "cli"

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so that the answer takes as long.

    Made on first use, not at import: one argon2 hash costs the better part of a second,
    which every ``tollbook`` command (and every process that imports the web app) paid
    whether it logged anyone in or not. :func:`authenticate` asks for it before it looks
    the user up, so even the first answer takes as long for an unknown name.
    """
    return _hasher.hash(secrets.token_urlsafe(16))


class AccountError(Invalid, ValueError):
    """An account change that cannot be made: bad name, weak password, unknown role..."""


class AccountNotFound(AccountError, NotFound):
    """What the request names does not exist."""


@dataclass(frozen=True)
class User:
    """A logged-in user as the web app sees it (no password hash)."""

    id: int
    username: str
    role: str
    active: bool


@dataclass(frozen=True)
class LoginResult:
    """A new session: the token to put in the cookie (shown once, never stored)."""

    user: User
    token: str
    expires_at: datetime


def public_user(stored: StoredUser) -> User:
    return User(id=stored.id, username=stored.username, role=stored.role, active=stored.active)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_password(password: str, context: Sequence[str] = ()) -> None:
    """Refuse a password that is too short or long, blank, or weak by
    :func:`~tollbook.services.password_policy.password_weakness` (common, a run of
    characters, built on ``context`` such as the user name)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(
            N_(
                "the password must have at least %(min_password_chars)s characters",
                min_password_chars=MIN_PASSWORD_CHARS,
            )
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(
            N_(
                "the password must have at most %(max_password_chars)s characters",
                max_password_chars=MAX_PASSWORD_CHARS,
            )
        )
    if not password.strip():
        raise AccountError(N_("the password must not be blank"))
    weakness = password_weakness(password, context)
    if weakness is not None:
        raise AccountError(weakness)


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(
            N_(
                "unknown role %(role)s; expected one of %(items)s",
                role=repr(role),
                items=", ".join(ROLES),
            )
        )
    return role


def _actor(actor: str | None) -> str:
    if actor is None or not actor.strip():
        raise AccountError(N_("say who is making the change: an actor name is needed"))
    return actor.strip()


def _user_state(user: StoredUser) -> dict[str, Any]:
    return {"username": user.username, "role": user.role, "active": user.active}


# --- accounts -----------------------------------------------------------------------


def add_user(uow: UnitOfWork, username: str, role: str, password: str, actor: str) -> User:
    """Create an account. The name is unique in any letter case."""
    who = _actor(actor)
    name = username.strip()
    if not USERNAME_RE.match(name):
        raise AccountError(
            N_(
                "a user name is 1 to 64 letters, digits, '.', '_', '@' or "
                "'-', starting with a letter or digit"
            )
        )
    check_role(role)
    check_password(password, (name,))
    now = datetime.now(UTC)
    with uow:
        if uow.users.by_name(name) is not None:
            raise AccountError(N_("a user named %(name)s exists already", name=repr(name)))
        user = uow.users.add(name, role, _hasher.hash(password), at=now, created_by=who)
        uow.audit.append(
            at=now,
            actor=who,
            action="add_user",
            entity="user",
            entity_id=user.id,
            after=_user_state(user),
        )
        uow.commit()
    return public_user(user)


def list_users(uow: UnitOfWork, limit: int | None = None, offset: int = 0) -> list[User]:
    with uow:
        return [public_user(u) for u in uow.users.list(limit=limit, offset=offset)]


def get_user(uow: UnitOfWork, user_id: int) -> User:
    with uow:
        return public_user(_stored(uow, user_id))


def set_role(uow: UnitOfWork, user_id: int, role: str, actor: str) -> User:
    """Give a user another role; their open sessions end (they log in again)."""
    who = _actor(actor)
    check_role(role)
    return _change(uow, user_id, who, "set_role", role=role)


def set_active(uow: UnitOfWork, user_id: int, active: bool, actor: str) -> User:
    """Disable or enable an account; disabling ends its sessions at once."""
    who = _actor(actor)
    return _change(uow, user_id, who, "enable_user" if active else "disable_user", active=active)


def change_password(uow: UnitOfWork, user_id: int, password: str, actor: str) -> User:
    """Set a new password; every open session of the user ends."""
    who = _actor(actor)
    with uow:
        username = _stored(uow, user_id).username
    check_password(password, (username,))
    now = datetime.now(UTC)
    return _change(
        uow,
        user_id,
        who,
        "change_password",
        password_hash=_hasher.hash(password),
        password_changed_at=now,
    )


def _stored(uow: UnitOfWork, user_id: int) -> StoredUser:
    user = uow.users.get(user_id)
    if user is None:
        raise AccountNotFound(N_("no user %(user_id)s", user_id=user_id))
    return user


def _change(uow: UnitOfWork, user_id: int, actor: str, action: str, **values: Any) -> User:
    now = datetime.now(UTC)
    with uow:
        before = _stored(uow, user_id)
        if values.get("active") is False or "role" in values:
            _keep_an_admin(uow, before, values)
        after = uow.users.update(user_id, **values)
        ended = uow.sessions.remove_for_user(user_id)
        state = _user_state(after)
        if action == "change_password":
            state["password"] = "changed"
        state["sessions_ended"] = ended
        uow.audit.append(
            at=now,
            actor=actor,
            action=action,
            entity="user",
            entity_id=user_id,
            before=_user_state(before),
            after=state,
        )
        uow.commit()
    return public_user(after)


def _keep_an_admin(uow: UnitOfWork, user: StoredUser, values: dict[str, Any]) -> None:
    """Refuse to disable or demote the last active admin (nobody could manage users)."""
    if user.role != "admin" or not user.active:
        return
    if values.get("role", "admin") == "admin" and values.get("active", True):
        return
    admins = [u for u in uow.users.list() if u.role == "admin" and u.active]
    if len(admins) <= 1:
        raise AccountError(N_("this is the last active admin: make another admin first"))


# --- logging in ---------------------------------------------------------------------


def authenticate(uow: UnitOfWork, username: str, password: str) -> User | None:
    """The user if the name and password match an active account, else None.

    Takes as long for an unknown name as for a wrong password. A hash made with older
    argon2 parameters is replaced by one with the current parameters.
    """
    if len(password) > MAX_PASSWORD_CHARS:
        return None
    dummy = _dummy_hash()
    with uow:
        user = uow.users.by_name(username) if username.strip() else None
        if user is None:
            _verify(dummy, password)
            return None
        if not _verify(user.password_hash, password) or not user.active:
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            uow.users.update(user.id, password_hash=_hasher.hash(password))
            uow.commit()
        return public_user(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def start_session(
    uow: UnitOfWork, user: User, *, hours: float, client: str | None = None
) -> LoginResult:
    """Open a login session for ``user``; audited as ``login``."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + timedelta(hours=hours)
    with uow:
        uow.sessions.remove_expired(now)
        uow.sessions.add(token_hash(token), user.id, at=now, expires_at=expires, client=client)
        uow.audit.append(
            at=now,
            actor=user.username,
            action="login",
            entity="user",
            entity_id=user.id,
            after={"client": client, "expires_at": expires.isoformat()},
        )
        uow.commit()
    return LoginResult(user=user, token=token, expires_at=expires)


def session_user(uow: UnitOfWork, token: str) -> User | None:
    """The active user of an unexpired session, else None (one query: every request
    of a logged-in user asks this)."""
    if not token or len(token) > 200:
        return None
    found = session_user_row(uow.engine, token_hash(token))
    if found is None or found.expires_at <= datetime.now(UTC) or not found.active:
        return None
    return User(id=found.user_id, username=found.username, role=found.role, active=True)


def end_session(uow: UnitOfWork, token: str) -> bool:
    """Log out: the session's token stops working. True if there was such a session."""
    if not token:
        return False
    now = datetime.now(UTC)
    with uow:
        found = uow.sessions.get(token_hash(token))
        if found is None:
            return False
        uow.sessions.remove(found.token_sha256)
        uow.audit.append(
            at=now,
            actor=found.user.username,
            action="logout",
            entity="user",
            entity_id=found.user.id,
        )
        uow.commit()
    return True


# --- publishing ---------------------------------------------------------------------


def publish_toll(
    uow: UnitOfWork,
    *,
    place: str,
    outcome: str,
    period_start: date | None,
    period_end: date | None,
    figures: dict[str, Any],
    actor: str,
) -> StoredPublication:
    """Make a toll's aggregate figures public, as they stand (a snapshot).

    ``figures`` must hold aggregates only (no names, no evidence): see
    :func:`tollbook.web.publication.public_figures`, which builds them.
    """
    who = _actor(actor)
    now = datetime.now(UTC)
    with uow:
        published = uow.publications.add(
            place=place,
            outcome=outcome,
            period_start=period_start,
            period_end=period_end,
            figures=figures,
            at=now,
            by=who,
        )
        uow.audit.append(
            at=now,
            actor=who,
            action="publish",
            entity="published_toll",
            entity_id=published.id,
            after={"place": place, "outcome": outcome, **_period(published), **figures},
        )
        uow.commit()
    return published


def withdraw_publication(uow: UnitOfWork, publication_id: int, actor: str) -> StoredPublication:
    """Take a published toll down: the public no longer sees it."""
    who = _actor(actor)
    now = datetime.now(UTC)
    with uow:
        found = uow.publications.get(publication_id)
        if found is None:
            raise AccountNotFound(
                N_("no published toll %(publication_id)s", publication_id=publication_id)
            )
        if found.withdrawn_at is not None:
            raise AccountError(
                N_(
                    "published toll %(publication_id)s was withdrawn already",
                    publication_id=publication_id,
                )
            )
        after = uow.publications.withdraw(publication_id, at=now, by=who)
        uow.audit.append(
            at=now,
            actor=who,
            action="withdraw",
            entity="published_toll",
            entity_id=publication_id,
            before={"place": found.place, "outcome": found.outcome, "withdrawn": False},
            after={"withdrawn": True},
        )
        uow.commit()
    return after


def current_publications(
    uow: UnitOfWork,
    place: str | None = None,
    outcome: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredPublication]:
    """The tolls the public sees: the latest publication of each place, outcome and
    period, unless withdrawn; newest first."""
    with uow:
        return uow.publications.current(place=place, outcome=outcome, limit=limit, offset=offset)


def get_publication(uow: UnitOfWork, publication_id: int) -> StoredPublication | None:
    with uow:
        return uow.publications.get(publication_id)


def _period(published: StoredPublication) -> dict[str, str | None]:
    return {
        "period_start": published.period_start.isoformat() if published.period_start else None,
        "period_end": published.period_end.isoformat() if published.period_end else None,
    }
