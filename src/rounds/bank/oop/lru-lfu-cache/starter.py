class Cache:
    """A fixed-capacity cache from str keys to int values."""

    def __init__(self, capacity: int, policy: str = "lru"):
        """capacity >= 1. policy ("lru", "lfu" or "fifo"; anything else raises ValueError) is level 4."""
        pass

    # Level 1 ---------------------------------------------------------------

    def get(self, key: str) -> int | None:
        """The value (0 included) and the key becomes the most recently used; None if not cached."""
        raise NotImplementedError

    def put(self, key: str, value: int) -> None:
        """Update (no eviction) or insert, evicting the least recently used key when full."""
        raise NotImplementedError

    def delete(self, key: str) -> bool:
        """Remove the key; False if it was not cached."""
        raise NotImplementedError

    def size(self) -> int:
        """The number of cached keys."""
        raise NotImplementedError

    # Level 2 ---------------------------------------------------------------

    def stats(self) -> list[int]:
        """[hits, misses, evictions]: get calls that found / missed the key; keys evicted for room."""
        raise NotImplementedError

    def top_hits(self, n: int) -> list[str]:
        """At most n "<key>(<hits>)" over cached keys, hits since last insertion; hits desc, key asc."""
        raise NotImplementedError

    def keys(self) -> list[str]:
        """Cached keys in eviction order, next victim first."""
        raise NotImplementedError

    # Level 3: every method is atomic under concurrent calls ----------------

    def incr(self, key: str, delta: int) -> int:
        """Add delta to a cached key (a use) or insert it with value delta; return the new value."""
        raise NotImplementedError

    def put_if_absent(self, key: str, value: int) -> bool:
        """Insert like put and return True if absent; else False and change nothing."""
        raise NotImplementedError

    # Level 4 ---------------------------------------------------------------

    def resize(self, capacity: int) -> list[str]:
        """Set the capacity; evict victims until the keys fit; return them in eviction order."""
        raise NotImplementedError
