"""The login rate limit is shared through the database: by every server process, and
across a restart; its entries are audit-log entries."""

from __future__ import annotations

from pathlib import Path

from tollbook.services.setup import init_database, open_database
from tollbook.store.login_attempts import ENTITY, LoginAttemptLog
from tollbook.web.rate_limit import LoginRateLimiter
from tollbook.web.settings import LoginLimits


def test_two_processes_count_the_same_failures_and_a_restart_forgets_none(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    init_database(url)
    limits = LoginLimits(failures=3)
    first = open_database(url)
    second = open_database(url)
    try:
        one = LoginRateLimiter(limits, LoginAttemptLog(first.engine))
        two = LoginRateLimiter(limits, LoginAttemptLog(second.engine))
        one.failed("10.0.0.7", "anna")
        two.failed("10.0.0.7", "Anna")
        assert one.retry_after("10.0.0.7", "anna") is None
        one.failed("10.0.0.7", "anna")
        assert two.retry_after("10.0.0.7", "anna") is not None
        restarted = LoginRateLimiter(limits, LoginAttemptLog(first.engine))
        assert restarted.retry_after("10.0.0.7", "anna") is not None
        assert restarted.retry_after("10.0.0.8", "anna") is None
        with first:
            entries = first.audit.entries(entity=ENTITY, entity_id="10.0.0.7")
        assert [e.action for e in entries] == ["login_failed"] * 3
        assert {e.after["username"] for e in entries if e.after} == {"anna"}
    finally:
        first.dispose()
        second.dispose()
