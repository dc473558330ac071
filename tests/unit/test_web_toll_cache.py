"""Computed tolls are kept while the data's version stays the same."""

from __future__ import annotations

import threading
import time

from tollbook.web.toll_cache import TollCache


def test_a_value_is_computed_once_per_version() -> None:
    cache: TollCache[str] = TollCache()
    calls: list[int] = []

    def compute(version: int) -> str:
        calls.append(version)
        return f"toll@{version}"

    assert cache.get("k", 1, lambda: compute(1)) == "toll@1"
    assert cache.get("k", 1, lambda: compute(1)) == "toll@1"
    assert cache.get("k", 2, lambda: compute(2)) == "toll@2"
    assert calls == [1, 2]


def test_the_oldest_entries_go_first() -> None:
    cache: TollCache[int] = TollCache(entries=2)
    for key in "abc":
        cache.get(key, 1, lambda: 1)
    calls: list[str] = []
    cache.get("a", 1, lambda: calls.append("a") or 1)
    cache.get("c", 1, lambda: calls.append("c") or 1)
    assert calls == ["a"]


def test_threads_asking_together_wait_for_one_computation() -> None:
    cache: TollCache[int] = TollCache()
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 7

    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get("k", 1, slow))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [7] * 8
    assert calls == [1]


def test_a_value_put_at_a_version_is_found_there_and_not_at_another() -> None:
    cache: TollCache[str] = TollCache(entries=2)
    cache.put("all", 7, "grouping")
    assert cache.get("all", 7, lambda: "recomputed") == "grouping"
    assert cache.get("all", 8, lambda: "recomputed") == "recomputed"
