"""A plain-text summary of a batch of records, as the on-call bot posts it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from logpipe.alerts import peak_error_window
from logpipe.records import LogRecord
from logpipe.stats import error_rate, latency_by_path


def summarize(records: Sequence[LogRecord], window_s: float = 60.0, notes: list[str] | None = None) -> list[str]:
    """Lines of the summary: volume, error rate, the busiest error window, slow paths (appended to
    ``notes`` when given; a new list otherwise)."""
    notes = [] if notes is None else notes
    notes.append(f"{len(records)} records from {len(Counter(r.service for r in records))} service(s)")
    notes.append(f"5xx rate {error_rate(records) * 100:.1f}%")
    peak = peak_error_window(records, window_s)
    if peak is not None:
        start, count = peak
        notes.append(f"peak: {count} errors in {window_s:g} s from t={start:.3f}")
    for path, row in latency_by_path(records).items():
        if row["p95"] > 500:
            notes.append(f"slow: {path} p95 {row['p95']:.0f} ms over {row['count']:.0f} requests")
    return notes
