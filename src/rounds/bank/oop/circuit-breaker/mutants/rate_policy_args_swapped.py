"""Circuit breakers that reads set_rate_policy's window and min_calls in the wrong order."""

from __future__ import annotations

from collections import deque


class _Breaker:
    def __init__(self) -> None:
        self.status = "closed"
        self.failures = 0  # consecutive failures while closed
        self.opened_at = 0
        self.trial = False  # a half-open trial call is in flight
        self.outcomes: deque[tuple[int, bool]] = deque()  # (timestamp, ok) since the breaker last closed
        self.policy: tuple[int, int, int] | None = None  # (window, min_calls, max_failure_pct)
        self.failed = 0
        self.rejected = 0
        self.history: list[str] = []


class CircuitBreaker:
    def __init__(self, threshold: int, cooldown: int) -> None:
        self._threshold = threshold
        self._cooldown = cooldown
        self._b: dict[str, _Breaker] = {}

    # level 1
    def add_service(self, service: str) -> bool:
        if service in self._b:
            return False
        self._b[service] = _Breaker()
        return True

    def allow(self, timestamp: int, service: str) -> bool | None:
        b = self._at(timestamp, service)
        if b is None:
            return None
        if b.status == "closed":
            return True
        if b.status == "half_open" and not b.trial:
            b.trial = True
            return True
        b.rejected += 1
        return False

    def record(self, timestamp: int, service: str, success: bool) -> str | None:
        b = self._at(timestamp, service)
        if b is None:
            return None
        if not success:
            b.failed += 1
        if b.status == "closed":
            b.outcomes.append((timestamp, success))
            if self._should_trip(b, timestamp, success):
                self._move(b, timestamp, "open")
        elif b.status == "half_open":
            self._move(b, timestamp, "closed" if success else "open")
        return b.status

    def state(self, timestamp: int, service: str) -> str | None:
        b = self._at(timestamp, service)
        return None if b is None else b.status

    # level 2
    def open_services(self, timestamp: int) -> list[str]:
        rows = []
        for name in self._b:
            b = self._at(timestamp, name)
            if b is not None and b.status == "open":
                rows.append((b.opened_at + self._cooldown, name))
        return [f"{name}({until})" for until, name in sorted(rows)]

    def top_failing(self, n: int) -> list[str]:
        return _ranked({s: b.failed for s, b in self._b.items()}, n)

    def top_rejected(self, n: int) -> list[str]:
        return _ranked({s: b.rejected for s, b in self._b.items()}, n)

    # level 3
    def set_rate_policy(self, service: str, window: int, min_calls: int, max_failure_pct: int) -> bool:
        b = self._b.get(service)
        if b is None:
            return False
        b.policy = (min_calls, window, max_failure_pct)
        return True

    # level 4
    def force_open(self, timestamp: int, service: str) -> bool:
        b = self._at(timestamp, service)
        if b is None or b.status == "forced_open":
            return False
        self._move(b, timestamp, "forced_open")
        return True

    def release(self, timestamp: int, service: str) -> bool:
        b = self._at(timestamp, service)
        if b is None or b.status != "forced_open":
            return False
        self._move(b, timestamp, "closed")
        return True

    def history(self, timestamp: int, service: str) -> list[str] | None:
        b = self._at(timestamp, service)
        return None if b is None else list(b.history)

    # internals
    def _at(self, timestamp: int, service: str) -> _Breaker | None:
        """The service's breaker with every transition due by `timestamp` applied."""
        b = self._b.get(service)
        if b is not None and b.status == "open" and timestamp >= b.opened_at + self._cooldown:
            # Stamped with the time it became due, not the time someone looked.
            self._move(b, b.opened_at + self._cooldown, "half_open")
        return b

    def _should_trip(self, b: _Breaker, timestamp: int, success: bool) -> bool:
        if b.policy is None:
            b.failures = 0 if success else b.failures + 1
            return b.failures >= self._threshold
        window, min_calls, pct = b.policy
        while b.outcomes and b.outcomes[0][0] <= timestamp - window:
            b.outcomes.popleft()
        calls = len(b.outcomes)
        fails = sum(1 for _, ok in b.outcomes if not ok)
        return calls >= min_calls and fails * 100 >= pct * calls

    def _move(self, b: _Breaker, timestamp: int, to: str) -> None:
        b.history.append(f"{timestamp}:{b.status}->{to}")
        b.status = to
        b.trial = False
        b.failures = 0
        b.outcomes.clear()
        if to == "open":
            b.opened_at = timestamp


def _ranked(counts: dict[str, int], n: int) -> list[str]:
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"{k}({v})" for k, v in order[:n] if v > 0]
