"""Sizing the cache: misses of a recorded trace of keys under a given capacity."""

from __future__ import annotations

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
    raise NotImplementedError("TODO: the optimal policy's misses")
