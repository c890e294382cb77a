from bisect import bisect_left, bisect_right


class _Version:
    __slots__ = ("time", "value", "expires_at")

    def __init__(self, time, value, expires_at):
        self.time = time
        self.value = value  # None marks a deletion
        self.expires_at = expires_at  # None: no TTL


class TimeKVStore:
    def __init__(self):
        self._versions = {}  # key -> [_Version] in write order (times strictly increase)
        self._times = {}  # key -> [version.time], parallel to _versions for bisect
        self._set_times = {}  # key -> times of every set ever made (compaction keeps these)
        self._horizon = 0  # reads earlier than this were compacted away

    # helpers ---------------------------------------------------------------

    def _write(self, key, timestamp, value, expires_at):
        self._versions.setdefault(key, []).append(_Version(timestamp, value, expires_at))
        self._times.setdefault(key, []).append(timestamp)
        if value is not None:
            self._set_times.setdefault(key, []).append(timestamp)

    def _check(self, timestamp):
        if timestamp < self._horizon:
            raise ValueError(f"snapshot too old: history before {self._horizon} was compacted")

    def _live(self, key, timestamp):
        """The version whose value key holds at timestamp, or None."""
        times = self._times.get(key)
        if not times:
            return None
        i = bisect_right(times, timestamp) - 1
        if i < 0:
            return None
        v = self._versions[key][i]
        if v.value is None or (v.expires_at is not None and timestamp >= v.expires_at):
            return None
        return v

    # Level 1 ---------------------------------------------------------------

    def set(self, key, value, timestamp):
        self._write(key, timestamp, value, None)

    def get(self, key, timestamp):
        self._check(timestamp)
        v = self._live(key, timestamp)
        return None if v is None else v.value

    def delete(self, key, timestamp):
        self._check(timestamp)
        if self._live(key, timestamp) is None:
            return False
        self._write(key, timestamp, None, None)
        return True

    # Level 2 ---------------------------------------------------------------

    def history(self, key, start, end):
        times = self._times.get(key)
        if not times:
            return []
        lo, hi = bisect_left(times, start), bisect_right(times, end)
        return [f"{v.time}({v.value})" for v in self._versions[key][lo:hi] if v.value is not None]

    def scan_prefix(self, prefix, timestamp):
        self._check(timestamp)
        out = []
        for key in sorted(k for k in self._versions if k.startswith(prefix)):
            v = self._live(key, timestamp)
            if v is not None:
                out.append(f"{key}({v.value})")
        return out

    def most_written(self, n, timestamp):
        counts = [(key, bisect_right(ts, timestamp)) for key, ts in self._set_times.items()]
        ranked = sorted(((k, c) for k, c in counts if c > 0), key=lambda kc: (-kc[1], kc[0]))
        return [f"{k}({c})" for k, c in ranked[:n]]

    # Level 3 ---------------------------------------------------------------

    def set_with_ttl(self, key, value, timestamp, ttl):
        self._write(key, timestamp, value, timestamp + ttl)

    def ttl(self, key, timestamp):
        self._check(timestamp)
        v = self._live(key, timestamp)
        if v is None:
            return -2
        return -1 if v.expires_at is None else v.expires_at - timestamp

    # Level 4 ---------------------------------------------------------------

    def rollback(self, timestamp, to_timestamp):
        self._check(to_timestamp)
        restored = 0
        for key in sorted(self._versions):
            old = self._live(key, to_timestamp)
            if old is not None:
                exp = None if old.expires_at is None else timestamp + (old.expires_at - to_timestamp)
                self._write(key, timestamp, old.value, exp)
                restored += 1
            elif self._live(key, timestamp) is not None:
                self._write(key, timestamp, None, None)
        return restored

    def compact(self, timestamp, before):
        dropped = 0
        for key in list(self._versions):
            vs = self._versions[key]
            keep = []
            for v in vs:
                if v.time >= before:
                    keep.append(v)
                elif v.value is not None:
                    dropped += 1
            if keep:
                self._versions[key] = keep
                self._times[key] = [v.time for v in keep]
            else:
                del self._versions[key]
                del self._times[key]
        self._horizon = max(self._horizon, before)
        return dropped
