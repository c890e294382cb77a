"""Alerting: where errors cluster in time."""

from __future__ import annotations

from collections.abc import Iterable

from logpipe.records import LogRecord


def peak_error_window(records: Iterable[LogRecord], window_s: float) -> tuple[float, int] | None:
    """The window of ``window_s`` seconds holding the most ERROR records.

    A window starts at an error's timestamp ``s`` and holds the errors with ``s <= ts <= s + window_s``
    (both ends included). Returns ``(s, count)`` for the window with the largest count, the earliest
    ``s`` on a tie, or None when there is no error. Records arrive merged from several shards, so
    they are not in time order.
    """
    times = sorted(r.ts for r in records if r.is_error)
    best: tuple[float, int] | None = None
    lo = 0
    for hi, end in enumerate(times):  # the window ending at times[hi] starts at times[lo]
        while end - times[lo] > window_s:
            lo += 1
        count = hi - lo + 1
        if best is None or count > best[1] or (count == best[1] and times[lo] < best[0]):
            best = (times[lo], count)
    return best
