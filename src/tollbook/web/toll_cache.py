"""Computed tolls, kept until anything changes.

Every change to what counting depends on writes an audit entry (ingest, review,
regrouping, publication, ...), so the newest such entry's id is a version of the counting
data (:func:`tollbook.services.audit.counting_version`): a toll computed at version V is
still right while the version is V, in this process or after a change made by another
process (the CLI, another worker). A few indexed look-ups per request check it.

While one thread computes a toll, others asking for the same one wait for it rather than
reconciling the same claims again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class TollCache(Generic[T]):
    def __init__(self, entries: int = 256) -> None:
        self.entries = entries
        self._items: OrderedDict[Hashable, tuple[int, T]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, version: int, compute: Callable[[], T]) -> T:
        """The value for ``key`` computed at ``version``, computing it if needed.

        ``version`` is read *before* computing, so a change made while computing leaves
        a newer version, and the next call computes again.
        """
        found = self._fresh(key, version)
        if found is not None:
            return found
        with self._lock:
            if len(self._computing) > 4 * self.entries:
                self._computing.clear()  # waiting threads keep their own gate
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            found = self._fresh(key, version)
            if found is not None:
                return found
            value = compute()
            with self._lock:
                self.misses += 1
                self._items[key] = (version, value)
                self._items.move_to_end(key)
                while len(self._items) > self.entries:
                    self._items.popitem(last=False)
            return value

    def put(self, key: Hashable, version: int, value: T) -> None:
        """Keep ``value`` as computed at ``version`` (it is known to be current there)."""
        with self._lock:
            self._items[key] = (version, value)
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)

    def peek(self, key: Hashable, version: int) -> T | None:
        """The value for ``key`` if it was computed at ``version``; never waits long."""
        return self._fresh(key, version)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def _fresh(self, key: Hashable, version: int) -> T | None:
        with self._lock:
            found = self._items.get(key)
            if found is None or found[0] != version:
                return None
            self.hits += 1
            self._items.move_to_end(key)
            return found[1]
