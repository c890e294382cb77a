from collections import OrderedDict


class _LRU:
    """Evicts the least recently used key. Order: next victim first."""

    def __init__(self):
        self.order = OrderedDict()

    def insert(self, key):
        self.order[key] = None

    def touch(self, key):
        self.order.move_to_end(key)

    def remove(self, key):
        del self.order[key]

    def victim(self):
        return next(iter(self.order))

    def ranking(self):
        return list(self.order)


class _FIFO(_LRU):
    """Evicts the key inserted earliest; reads and updates do not change the order."""

    def touch(self, key):
        pass


class _LFU:
    """Evicts the least frequently used key; among equals, the least recently used."""

    def __init__(self):
        self.freq = {}
        self.buckets = {}  # frequency -> OrderedDict of keys, least recently used first

    def insert(self, key):
        self.freq[key] = 1
        self.buckets.setdefault(1, OrderedDict())[key] = None

    def touch(self, key):
        f = self.freq[key]
        self._unlink(key, f)
        self.freq[key] = f + 1
        self.buckets.setdefault(f + 1, OrderedDict())[key] = None

    def remove(self, key):
        self._unlink(key, self.freq.pop(key))

    def _unlink(self, key, f):
        bucket = self.buckets[f]
        del bucket[key]
        if not bucket:
            del self.buckets[f]

    def victim(self):
        return next(iter(self.buckets[min(self.buckets)]))

    def ranking(self):
        return [k for f in sorted(self.buckets) for k in self.buckets[f]]


POLICIES = {"lru": _LRU, "lfu": _LFU, "fifo": _FIFO}


class Cache:
    def __init__(self, capacity, policy="lru"):
        if policy not in POLICIES:
            raise ValueError(f"unknown policy {policy!r}")
        self._capacity = capacity
        self._policy = POLICIES[policy]()
        self._values = {}
        self._key_hits = {}
        self._hits = self._misses = self._evictions = 0

    # helpers -----------------------------------------------------------------

    def _evict_one(self):
        key = self._policy.victim()
        self._drop(key)
        self._evictions += 1
        return key

    def _drop(self, key):
        self._policy.remove(key)
        del self._values[key]
        del self._key_hits[key]

    def _insert(self, key, value):
        if len(self._values) >= self._capacity:
            self._evict_one()
        self._values[key] = value
        self._key_hits[key] = 0
        self._policy.insert(key)

    # Level 1 ---------------------------------------------------------------

    def get(self, key):
        if key not in self._values:
            self._misses += 1
            return None
        self._hits += 1
        self._key_hits[key] += 1
        self._policy.touch(key)
        return self._values[key]

    def put(self, key, value):
        if key in self._values:
            self._values[key] = value
            self._policy.touch(key)
        else:
            self._insert(key, value)

    def delete(self, key):
        if key not in self._values:
            return False
        self._drop(key)
        return True

    def size(self):
        return len(self._values)

    # Level 2 ---------------------------------------------------------------

    def stats(self):
        return [self._hits, self._misses, self._evictions]

    def top_hits(self, n):
        ranked = sorted(self._key_hits.items(), key=lambda kv: (-kv[1], kv[0]))
        return [f"{k}({h})" for k, h in ranked[:n]]

    def keys(self):
        return self._policy.ranking()

    # Level 3 ---------------------------------------------------------------

    def incr(self, key, delta):
        if key in self._values:
            self._values[key] += delta
            self._policy.touch(key)
        else:
            self._insert(key, delta)
        return self._values[key]

    def put_if_absent(self, key, value):
        if key in self._values:
            return False
        self._insert(key, value)
        return True

    # Level 4 ---------------------------------------------------------------

    def resize(self, capacity):
        self._capacity = capacity
        evicted = []
        while len(self._values) > capacity:
            evicted.append(self._evict_one())
        return evicted

