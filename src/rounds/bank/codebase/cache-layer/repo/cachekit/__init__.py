"""cachekit: the caching layer in front of the feature service.

An LRU cache and a TTL cache with one interface, cache keys built from call arguments, a
``memoize`` decorator, hit/miss statistics, and the sizing tools the capacity review uses: how
many misses LRU would have on a recorded trace, and how many the best possible policy would have.
"""

from cachekit.keys import make_key
from cachekit.lru import LRUCache
from cachekit.memo import memoize
from cachekit.planning import belady_misses, lru_misses
from cachekit.stats import CacheStats
from cachekit.ttl import TTLCache

__all__ = ["CacheStats", "LRUCache", "TTLCache", "belady_misses", "lru_misses", "make_key", "memoize"]
