"""Failed logins are limited per address and user name, and per address."""

from __future__ import annotations

from tollbook.web.rate_limit import LoginRateLimiter
from tollbook.web.settings import LoginLimits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_failures_lock_that_name_from_that_address_for_the_window() -> None:
    clock = Clock()
    limiter = LoginRateLimiter(LoginLimits(failures=5, window_seconds=900), clock)
    for _ in range(4):
        limiter.failed("10.0.0.1", "anna")
        assert limiter.retry_after("10.0.0.1", "anna") is None
    clock.now += 60
    limiter.failed("10.0.0.1", "Anna")  # names are compared in any letter case
    wait = limiter.retry_after("10.0.0.1", "anna")
    assert wait is not None and 780 <= wait <= 900
    assert limiter.retry_after("10.0.0.2", "anna") is None
    assert limiter.retry_after("10.0.0.1", "boris") is None
    clock.now += 900
    assert limiter.retry_after("10.0.0.1", "anna") is None


def test_a_success_clears_the_failures_of_that_name() -> None:
    limiter = LoginRateLimiter(LoginLimits(failures=3), Clock())
    limiter.failed("ip", "anna")
    limiter.failed("ip", "anna")
    limiter.succeeded("ip", "anna")
    limiter.failed("ip", "anna")
    limiter.failed("ip", "anna")
    assert limiter.retry_after("ip", "anna") is None


def test_many_names_from_one_address_lock_the_address() -> None:
    limiter = LoginRateLimiter(LoginLimits(failures=5, ip_failures=10), Clock())
    for n in range(10):
        limiter.failed("ip", f"user{n}")
    assert limiter.retry_after("ip", "someone-new") is not None
    assert limiter.retry_after("other-ip", "someone-new") is None
