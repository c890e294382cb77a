"""A least-recently-used cache.

``get`` and ``put`` both count as a use: the entry becomes the most recently used. When a ``put``
of a new key would exceed ``capacity``, the least recently used entry is evicted first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from cachekit.stats import CacheStats

MISSING = object()


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self.stats = CacheStats()

    def get(self, key: Hashable, default: Any = None) -> Any:
        if key in self._data:
            self.stats.hits += 1
            self._data.move_to_end(key)
            return self._data[key]
        self.stats.misses += 1
        return default

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._data:
            self._data.move_to_end(key)
        elif len(self._data) >= self.capacity:
            self._data.popitem(last=False)
            self.stats.evictions += 1
        self._data[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def keys(self) -> list[Hashable]:
        """Keys from the least to the most recently used."""
        return list(self._data)
