"""Parsing log lines into records.

A line is an ISO-8601 UTC timestamp followed by ``key=value`` fields separated by spaces. Known
keys fill the record's fields; unknown keys go to ``extra``. Blank lines and lines starting with
``#`` are skipped. A line that cannot be parsed raises :class:`ParseError` with its line number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from logpipe.records import LEVELS, LogRecord

_KNOWN = {"level", "service", "path", "status", "latency_ms", "req"}


class ParseError(ValueError):
    def __init__(self, lineno: int, why: str) -> None:
        super().__init__(f"line {lineno}: {why}")
        self.lineno = lineno


def parse_timestamp(text: str) -> float:
    """``2024-03-01T12:00:03.250Z`` -> seconds since the epoch (milliseconds kept)."""
    if not text.endswith("Z"):
        raise ValueError(f"timestamp {text!r} is not UTC (it must end with 'Z')")
    fmt = "%Y-%m-%dT%H:%M:%S.%f" if "." in text else "%Y-%m-%dT%H:%M:%S"
    moment = datetime.strptime(text[:-1], fmt).replace(tzinfo=timezone.utc)
    return moment.timestamp()


def parse_line(line: str, lineno: int = 1) -> LogRecord | None:
    """One line as a record; None for a blank line or a comment."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    head, _, rest = line.partition(" ")
    try:
        ts = parse_timestamp(head)
    except ValueError as exc:
        raise ParseError(lineno, str(exc)) from None
    fields: dict[str, str] = {}
    for part in rest.split():
        key, sep, value = part.partition("=")
        if not sep:
            raise ParseError(lineno, f"field {part!r} is not key=value")
        fields[key] = value
    level = fields.get("level", "INFO").upper()
    if level not in LEVELS:
        raise ParseError(lineno, f"unknown level {level!r}")
    if "service" not in fields:
        raise ParseError(lineno, "no service= field")
    try:
        status = int(fields.get("status", "0"))
        latency = float(fields.get("latency_ms", "0"))
    except ValueError as exc:
        raise ParseError(lineno, str(exc)) from None
    return LogRecord(ts=ts, level=level, service=fields["service"], path=fields.get("path", ""),
                     status=status, latency_ms=latency, request_id=fields.get("req", ""),
                     extra={k: v for k, v in fields.items() if k not in _KNOWN})


def parse_lines(lines: Iterable[str]) -> Iterator[LogRecord]:
    """Every record of ``lines``, in order, numbering lines from 1 for errors."""
    for n, line in enumerate(lines, 1):
        rec = parse_line(line, n)
        if rec is not None:
            yield rec
