"""Sizing the cache: misses of a recorded trace of keys under a given capacity."""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Sequence

from cachekit.lru import LRUCache


def lru_misses(trace: Sequence[Hashable], capacity: int) -> int:
    """Misses of an LRU cache of ``capacity`` entries over ``trace`` (a miss puts the key in)."""
    cache = LRUCache(capacity)
    for key in trace:
        if key not in cache:
            cache.put(key, True)
        else:
            cache.get(key)
    return cache.stats.evictions + len(cache) if trace else 0


def belady_misses(trace: Sequence[Hashable], capacity: int) -> int:
    """Misses of the best possible policy (Belady's): on a miss with the cache full, evict the
    cached key whose next use comes last (a key never used again first). Every first use of a key
    is a miss. ValueError when ``capacity < 1``. This is the floor no real policy can beat.
    """
    if capacity < 1:
        raise ValueError("capacity must be at least 1")
    n = len(trace)
    next_use = [n] * n  # where trace[i]'s key is used next (n: never again)
    seen: dict[Hashable, int] = {}
    for i in range(n - 1, -1, -1):
        next_use[i] = seen.get(trace[i], n)
        seen[trace[i]] = i
    cached: dict[Hashable, int] = {}  # key -> its next use
    heap: list[tuple[int, int]] = []  # (-next use, i): stale entries are skipped when popped
    misses = 0
    for i, key in enumerate(trace):
        if key not in cached:
            misses += 1
            if len(cached) >= capacity:
                while True:
                    neg, j = heapq.heappop(heap)
                    victim = trace[j]
                    if cached.get(victim) == -neg and victim != key:
                        del cached[victim]
                        break
        cached[key] = next_use[i]
        heapq.heappush(heap, (-next_use[i], i))
    return misses
