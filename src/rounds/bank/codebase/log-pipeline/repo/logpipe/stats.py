"""Latency statistics.

Percentiles use the nearest-rank method, as our dashboards do: the q-th percentile of n sorted
values is the value at rank ceil(q / 100 * n) (ranks count from 1), and the 0th is the smallest.
It is always one of the values, never an interpolation between two.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from logpipe.records import LogRecord


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank q-th percentile (0 <= q <= 100) of ``values``; ValueError when empty."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within [0, 100], not {q}")
    ordered = sorted(values)
    rank = math.ceil(q / 100 * len(ordered))
    return ordered[rank]


def latency_by_path(records: Iterable[LogRecord], qs: Sequence[float] = (50, 95, 99)) -> dict[str, dict[str, float]]:
    """Per path: request count and the latency percentiles ``p50``, ``p95``, ... of its records."""
    by: dict[str, list[float]] = defaultdict(list)
    for r in records:
        by[r.path].append(r.latency_ms)
    out: dict[str, dict[str, float]] = {}
    for path in sorted(by):
        lat = by[path]
        row = {"count": float(len(lat))}
        for q in qs:
            row[f"p{q:g}"] = percentile(lat, q)
        out[path] = row
    return out


def error_rate(records: Iterable[LogRecord]) -> float:
    """The share of records with a 5xx status (0.0 for no records)."""
    total = errors = 0
    for r in records:
        total += 1
        errors += r.status >= 500
    return errors / total if total else 0.0
