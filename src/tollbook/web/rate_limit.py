"""Login rate limiting: failed attempts per client address and user name.

Kept in memory, per server process: with several workers each counts on its own, so the
effective limit is the limit times the number of workers (and a restart forgets). That
still turns password guessing from thousands of tries a minute into a handful per
quarter hour; a shared counter (in the database) would be the next step for a large
deployment.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from tollbook.web.settings import LoginLimits


class LoginRateLimiter:
    def __init__(self, limits: LoginLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[tuple[str, str], deque[float]] = {}

    def retry_after(self, client: str, username: str) -> int | None:
        """Seconds to wait before another try from ``client`` for ``username``, or None."""
        now = self._clock()
        with self._lock:
            waits = [
                self._wait(
                    ("pair", f"{client}\x00{username.strip().casefold()}"),
                    now,
                    self.limits.failures,
                ),
                self._wait(("ip", client), now, self.limits.ip_failures),
            ]
        longest = max((w for w in waits if w is not None), default=None)
        return None if longest is None else max(1, math.ceil(longest))

    def failed(self, client: str, username: str) -> None:
        now = self._clock()
        with self._lock:
            for key in self._keys(client, username):
                self._failures.setdefault(key, deque()).append(now)
            if len(self._failures) > 100_000:  # bound the memory a flood can take
                self._forget_old(now)

    def succeeded(self, client: str, username: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(client, username)[0], None)

    @staticmethod
    def _keys(client: str, username: str) -> tuple[tuple[str, str], tuple[str, str]]:
        return (("pair", f"{client}\x00{username.strip().casefold()}"), ("ip", client))

    def _wait(self, key: tuple[str, str], now: float, limit: int) -> float | None:
        times = self._failures.get(key)
        if not times:
            return None
        window = self.limits.window_seconds
        while times and times[0] <= now - window:
            times.popleft()
        if not times:
            del self._failures[key]
            return None
        if len(times) < limit:
            return None
        return times[-limit] + window - now

    def _forget_old(self, now: float) -> None:
        window = self.limits.window_seconds
        for key in [k for k, v in self._failures.items() if not v or v[-1] <= now - window]:
            del self._failures[key]
