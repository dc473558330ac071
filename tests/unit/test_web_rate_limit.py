"""Failed logins are limited per address and user name, and per address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tollbook.store.account_repository import username_key
from tollbook.store.login_attempts import LoginAttempt
from tollbook.web.rate_limit import LoginRateLimiter
from tollbook.web.settings import LoginLimits


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class MemoryLog:
    """The attempt log in a list (the real one is the database's audit log)."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, LoginAttempt]] = []

    def since(self, client: str, since: datetime) -> list[LoginAttempt]:
        return [a for c, a in self.entries if c == client and a.at >= since]

    def add(self, client: str, username: str, *, failed: bool, at: datetime) -> None:
        self.entries.append((client, LoginAttempt(at, username_key(username), failed)))


def limiter(limits: LoginLimits, clock: Clock | None = None) -> LoginRateLimiter:
    return LoginRateLimiter(limits, MemoryLog(), clock or Clock())


def test_five_failures_lock_that_name_from_that_address_for_the_window() -> None:
    clock = Clock()
    limits = limiter(LoginLimits(failures=5, window_seconds=900), clock)
    for _ in range(4):
        limits.failed("10.0.0.1", "anna")
        assert limits.retry_after("10.0.0.1", "anna") is None
    clock.advance(60)
    limits.failed("10.0.0.1", "Anna")  # names are compared in any letter case
    wait = limits.retry_after("10.0.0.1", "anna")
    assert wait is not None and 780 <= wait <= 900
    assert limits.retry_after("10.0.0.2", "anna") is None
    assert limits.retry_after("10.0.0.1", "boris") is None
    clock.advance(900)
    assert limits.retry_after("10.0.0.1", "anna") is None


def test_a_success_clears_the_failures_of_that_name() -> None:
    limits = limiter(LoginLimits(failures=3))
    limits.failed("ip", "anna")
    limits.failed("ip", "anna")
    limits.succeeded("ip", "anna")
    limits.failed("ip", "anna")
    limits.failed("ip", "anna")
    assert limits.retry_after("ip", "anna") is None
    limits.failed("ip", "anna")
    assert limits.retry_after("ip", "anna") is not None


def test_a_success_without_failures_writes_nothing() -> None:
    log = MemoryLog()
    limits = LoginRateLimiter(LoginLimits(), log, Clock())
    limits.succeeded("ip", "anna")
    assert log.entries == []


def test_many_names_from_one_address_lock_the_address() -> None:
    limits = limiter(LoginLimits(failures=5, ip_failures=10))
    for n in range(10):
        limits.failed("ip", f"user{n}")
    assert limits.retry_after("ip", "someone-new") is not None
    assert limits.retry_after("other-ip", "someone-new") is None


def test_the_wait_ends_when_the_oldest_counted_failure_leaves_the_window() -> None:
    clock = Clock()
    limits = limiter(LoginLimits(failures=2, window_seconds=100), clock)
    limits.failed("ip", "anna")
    clock.advance(50)
    limits.failed("ip", "anna")
    assert limits.retry_after("ip", "anna") == 50
    clock.advance(50)
    assert limits.retry_after("ip", "anna") is None
