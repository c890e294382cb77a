"""Token buckets: bursts up to ``capacity``, refilled at ``rate`` tokens per second."""

from __future__ import annotations

from ratelimit.clock import Clock


class TokenBucket:
    """A bucket that starts full. ``take(cost)`` spends ``cost`` tokens if the bucket holds them.

    The bucket never holds more than ``capacity`` tokens, however long it sits idle. A cost above
    the capacity can never be paid: ``take`` and ``retry_after`` raise ValueError for it.
    """

    def __init__(self, capacity: float, rate: float, clock: Clock) -> None:
        if capacity <= 0 or rate <= 0:
            raise ValueError("capacity and rate must be positive")
        self.capacity = float(capacity)
        self.rate = float(rate)
        self.clock = clock
        self._tokens = float(capacity)
        self._at = clock.now()

    def _refill(self) -> None:
        now = self.clock.now()
        self._tokens += (now - self._at) * self.rate
        self._at = now

    def tokens(self) -> float:
        self._refill()
        return self._tokens

    def _check(self, cost: float) -> None:
        if cost <= 0:
            raise ValueError("cost must be positive")
        if cost > self.capacity:
            raise ValueError(f"a cost of {cost:g} exceeds the bucket's capacity of {self.capacity:g}")

    def take(self, cost: float = 1.0) -> bool:
        """Spend ``cost`` tokens and return True, or spend nothing and return False."""
        self._check(cost)
        self._refill()
        if self._tokens >= cost:
            self._tokens -= cost
            return True
        return False

    def retry_after(self, cost: float = 1.0) -> float:
        """Seconds until ``take(cost)`` would succeed (0.0 when it would now)."""
        self._check(cost)
        missing = cost - self.tokens()
        return max(missing, 0.0) / self.rate
