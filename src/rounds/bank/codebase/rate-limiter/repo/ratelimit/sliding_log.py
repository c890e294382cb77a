"""The sliding-window log: exact counting per key.

A request at time ``t`` is allowed when fewer than ``limit`` allowed requests of the same key fall in
the window ``(t - window_s, t]``: a request exactly ``window_s`` seconds old no longer counts.
Denied requests are not logged, so they never count against later ones.
"""

from __future__ import annotations

from collections import defaultdict, deque


class SlidingWindowLog:
    def __init__(self, limit: int, window_s: float) -> None:
        if limit <= 0 or window_s <= 0:
            raise ValueError("limit and window must be positive")
        self.limit = limit
        self.window_s = float(window_s)
        self._log: dict[str, deque[float]] = defaultdict(deque)

    def _evict(self, key: str, now: float) -> deque[float]:
        log = self._log[key]
        while log and log[0] < now - self.window_s:
            log.popleft()
        return log

    def count(self, key: str, now: float) -> int:
        """Allowed requests of ``key`` inside the window ending at ``now``."""
        return len(self._evict(key, now))

    def would_allow(self, key: str, now: float) -> bool:
        return self.count(key, now) < self.limit

    def record(self, key: str, now: float) -> None:
        """Log an allowed request (the caller checked ``would_allow``)."""
        log = self._log[key]
        if log and now < log[-1]:
            raise ValueError(f"time went back for {key!r}: {now} after {log[-1]}")
        log.append(now)

    def allow(self, key: str, now: float) -> bool:
        if self.would_allow(key, now):
            self.record(key, now)
            return True
        return False

    def retry_after(self, key: str, now: float) -> float:
        """Seconds until a request of ``key`` would be allowed (0.0 when it would now)."""
        log = self._evict(key, now)
        if len(log) < self.limit:
            return 0.0
        return log[len(log) - self.limit] + self.window_s - now

    def forget(self, key: str) -> None:
        self._log.pop(key, None)
