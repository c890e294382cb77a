"""A cache whose entries expire.

An entry put at time ``t`` with a time-to-live of ``ttl`` seconds can be read while the clock is
before ``t + ttl``; from ``t + ttl`` on it is gone (a miss). ``capacity`` bounds the live entries;
when full, expired entries are dropped first, then the entry closest to expiry.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from cachekit.stats import CacheStats


class TTLCache:
    def __init__(self, capacity: int, ttl: float, clock: Callable[[], float]) -> None:
        if capacity < 1 or ttl <= 0:
            raise ValueError("capacity and ttl must be positive")
        self.capacity = capacity
        self.ttl = float(ttl)
        self.clock = clock
        self._data: dict[Hashable, tuple[float, Any]] = {}  # key -> (expires at, value)
        self.stats = CacheStats()

    def _live(self, key: Hashable, now: float) -> bool:
        entry = self._data.get(key)
        if entry is None:
            return False
        if now > entry[0]:
            del self._data[key]
            return False
        return True

    def get(self, key: Hashable, default: Any = None) -> Any:
        if self._live(key, self.clock()):
            self.stats.hits += 1
            return self._data[key][1]
        self.stats.misses += 1
        return default

    def put(self, key: Hashable, value: Any, ttl: float | None = None) -> None:
        now = self.clock()
        if key not in self._data and len(self._data) >= self.capacity:
            for k in [k for k, (exp, _) in self._data.items() if now >= exp]:
                del self._data[k]
            if len(self._data) >= self.capacity:
                soonest = min(self._data, key=lambda k: self._data[k][0])
                del self._data[soonest]
                self.stats.evictions += 1
        self._data[key] = (now + (self.ttl if ttl is None else ttl), value)

    def __len__(self) -> int:
        now = self.clock()
        return sum(1 for exp, _ in self._data.values() if now < exp)
