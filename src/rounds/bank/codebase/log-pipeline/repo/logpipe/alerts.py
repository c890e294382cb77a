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
    raise NotImplementedError("TODO: find the busiest error window")
