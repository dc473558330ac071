"""Login rate limiting: failed attempts per client address and user name.

The attempts are kept in a shared log (:class:`tollbook.store.login_attempts.LoginAttemptLog`:
the audit log), so every server process counts the same attempts and a restart forgets
nothing: five wrong passwords for one name from one address, or fifty for any names,
lock that address out for the rest of the window (15 minutes by default). A success
clears the failures of that name from that address (not the address's own count).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

from tollbook.store.account_repository import username_key
from tollbook.store.login_attempts import LoginAttempt
from tollbook.web.settings import LoginLimits


class AttemptLog(Protocol):
    def since(self, client: str, since: datetime) -> list[LoginAttempt]: ...

    def add(self, client: str, username: str, *, failed: bool, at: datetime) -> None: ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


class LoginRateLimiter:
    """Asks the log before a login, and tells it how the login went.

    Every method reads or writes the database: call them from a worker thread.
    """

    def __init__(
        self, limits: LoginLimits, log: AttemptLog, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        self.limits = limits
        self._log = log
        self._clock = clock

    def retry_after(self, client: str, username: str) -> int | None:
        """Seconds to wait before another try from ``client`` for ``username``, or None."""
        now = self._clock()
        attempts = self._recent(client, now)
        waits = [
            _wait([a.at for a in attempts if a.failed], self.limits.ip_failures),
            _wait(_pair_failures(attempts, username), self.limits.failures),
        ]
        window = timedelta(seconds=self.limits.window_seconds)
        longest = max(((at + window - now) for at in waits if at is not None), default=None)
        if longest is None:
            return None
        return max(1, math.ceil(longest.total_seconds()))

    def failed(self, client: str, username: str) -> None:
        self._log.add(client, username, failed=True, at=self._clock())

    def succeeded(self, client: str, username: str) -> None:
        now = self._clock()
        if _pair_failures(self._recent(client, now), username):
            self._log.add(client, username, failed=False, at=now)

    def _recent(self, client: str, now: datetime) -> list[LoginAttempt]:
        since = now - timedelta(seconds=self.limits.window_seconds)
        return [a for a in self._log.since(client, since) if a.at > since]


def _pair_failures(attempts: Sequence[LoginAttempt], username: str) -> list[datetime]:
    """When ``username`` failed, since the last success of that name (oldest first)."""
    key = username_key(username)
    out: list[datetime] = []
    for attempt in attempts:
        if attempt.username != key:
            continue
        if attempt.failed:
            out.append(attempt.at)
        else:
            out.clear()
    return out


def _wait(failures: Sequence[datetime], limit: int) -> datetime | None:
    """The failure whose leaving the window frees the next try, if the limit is reached."""
    if len(failures) < limit:
        return None
    return failures[-limit]
