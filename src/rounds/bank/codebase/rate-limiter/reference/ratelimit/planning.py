"""Capacity planning: what a proposed rule would have done to recorded traffic."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence


def replay(events: Sequence[tuple[float, str]], limit: int, window_s: float) -> dict[str, int]:
    """Replay ``events`` (``(timestamp, key)`` pairs in time order; equal timestamps keep their
    order) through a sliding-window log rule of ``limit`` requests per ``window_s`` seconds and
    return, for every key that appears, how many of its requests the rule would have denied.

    The rule is the one :class:`ratelimit.sliding_log.SlidingWindowLog` enforces: a request at
    ``t`` is allowed when fewer than ``limit`` allowed requests of its key fall in
    ``(t - window_s, t]``; denied requests do not count against later ones.
    """
    logs: dict[str, deque[float]] = {}
    denied: dict[str, int] = {}
    for t, key in events:
        log = logs.get(key)
        if log is None:
            log = logs[key] = deque()
            denied[key] = 0
        horizon = t - window_s
        while log and log[0] <= horizon:
            log.popleft()
        if len(log) < limit:
            log.append(t)
        else:
            denied[key] += 1
    return denied
