"""Gateway that stores set_limit's window as the limit and the limit as the window."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right

POLICIES = ("fixed", "sliding", "unlimited")


class RateLimitedGateway:
    def __init__(self, limit: int, window: int) -> None:
        self._default = (limit, window)
        self._routes: dict[str, str] = {}
        self._log: dict[str, list[int]] = {}  # client -> timestamps of admitted requests, sorted
        self._quota: dict[str, tuple[int, int]] = {}
        self._policy: dict[str, str] = {}
        self._admitted: dict[str, int] = {}
        self._throttled: dict[str, int] = {}
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()

    # level 1
    def add_route(self, path: str, service: str) -> bool:
        with self._lock:
            if path in self._routes:
                return False
            self._routes[path] = service
            return True

    def remove_route(self, path: str) -> bool:
        with self._lock:
            return self._routes.pop(path, None) is not None

    def handle(self, timestamp: int, client_id: str, path: str) -> int:
        with self._lock:
            service = self._routes.get(path)
            if service is None:
                return 404
            if self._room(timestamp, client_id) == 0:
                self._throttled[client_id] = self._throttled.get(client_id, 0) + 1
                return 429
            self._log.setdefault(client_id, []).append(timestamp)
            self._admitted[client_id] = self._admitted.get(client_id, 0) + 1
            self._served[service] = self._served.get(service, 0) + 1
            return 200

    def remaining(self, timestamp: int, client_id: str) -> int | None:
        with self._lock:
            return self._room(timestamp, client_id)

    # level 2
    def top_clients(self, n: int) -> list[str]:
        with self._lock:
            return _ranked(self._admitted, n)

    def busiest_services(self, n: int) -> list[str]:
        with self._lock:
            return _ranked(self._served, n)

    def top_throttled(self, n: int) -> list[str]:
        with self._lock:
            return _ranked(self._throttled, n)

    # level 3
    def set_limit(self, client_id: str, limit: int, window: int) -> None:
        with self._lock:
            self._quota[client_id] = (window, limit)

    # level 4
    def set_policy(self, client_id: str, policy: str) -> bool:
        with self._lock:
            if policy not in POLICIES:
                return False
            self._policy[client_id] = policy
            return True

    def retry_after(self, timestamp: int, client_id: str) -> int:
        with self._lock:
            if self._room(timestamp, client_id) != 0:
                return timestamp
            limit, window = self._quota.get(client_id, self._default)
            if self._policy.get(client_id, "fixed") == "fixed":
                return (timestamp // window + 1) * window
            # Sliding: the window (t - w, t] holds at least `limit` entries; the request fits
            # once at most limit - 1 of them remain, i.e. once the limit-th newest has left.
            log = self._log[client_id]
            return log[len(log) - limit] + window

    # internals (called with the lock held)
    def _room(self, timestamp: int, client_id: str) -> int | None:
        policy = self._policy.get(client_id, "fixed")
        if policy == "unlimited":
            return None
        limit, window = self._quota.get(client_id, self._default)
        log = self._log.get(client_id, [])
        if policy == "fixed":
            used = len(log) - bisect_left(log, timestamp // window * window)
        else:
            used = len(log) - bisect_right(log, timestamp - window)
        return max(0, limit - used)


def _ranked(counts: dict[str, int], n: int) -> list[str]:
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"{k}({v})" for k, v in order[:n] if v > 0]
