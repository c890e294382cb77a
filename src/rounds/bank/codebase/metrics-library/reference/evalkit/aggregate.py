"""Breakdowns for the review tables: metrics per segment, and their macro average."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from evalkit.confusion import Confusion, confusion


def by_segment(segments: Sequence[str], labels: Sequence[int], predictions: Sequence[int]) -> dict[str, Confusion]:
    """The confusion counts of each segment (country, device, ...), segments in sorted order."""
    rows: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for s, y, p in zip(segments, labels, predictions, strict=True):
        rows[s][0].append(y)
        rows[s][1].append(p)
    return {s: confusion(*rows[s]) for s in sorted(rows)}


def macro_average(per_segment: dict[str, Confusion], metric: Callable[[Confusion], float]) -> float:
    """The unweighted mean of ``metric`` over the segments: every segment counts the same, however
    small (0.0 when there is no segment)."""
    if not per_segment:
        return 0.0
    return sum(metric(c) for c in per_segment.values()) / len(per_segment)
