"""Capacity planning: what a proposed rule would have done to recorded traffic."""

from __future__ import annotations

from collections.abc import Sequence


def replay(events: Sequence[tuple[float, str]], limit: int, window_s: float) -> dict[str, int]:
    """Replay ``events`` (``(timestamp, key)`` pairs in time order; equal timestamps keep their
    order) through a sliding-window log rule of ``limit`` requests per ``window_s`` seconds and
    return, for every key that appears, how many of its requests the rule would have denied.

    The rule is the one :class:`ratelimit.sliding_log.SlidingWindowLog` enforces: a request at
    ``t`` is allowed when fewer than ``limit`` allowed requests of its key fall in
    ``(t - window_s, t]``; denied requests do not count against later ones.
    """
    raise NotImplementedError("TODO: replay the events through the rule")
