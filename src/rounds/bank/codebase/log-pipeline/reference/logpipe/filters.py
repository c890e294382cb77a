"""Filters over a stream of records. Each returns a new list and keeps the input order."""

from __future__ import annotations

from collections.abc import Iterable

from logpipe.records import LEVELS, LogRecord


def at_least(records: Iterable[LogRecord], level: str) -> list[LogRecord]:
    """Records whose level is ``level`` or more severe (``at_least(rs, "WARN")`` keeps WARN and ERROR)."""
    level = level.upper()
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; one of {', '.join(LEVELS)}")
    floor = LEVELS.index(level)
    return [r for r in records if r.severity() >= floor]


def for_service(records: Iterable[LogRecord], service: str) -> list[LogRecord]:
    return [r for r in records if r.service == service]


def between(records: Iterable[LogRecord], start: float, end: float) -> list[LogRecord]:
    """Records with ``start <= ts < end``."""
    return [r for r in records if start <= r.ts < end]
