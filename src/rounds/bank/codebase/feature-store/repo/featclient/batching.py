"""The online store takes at most a few hundred entities per request."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def batches(items: Sequence[str], size: int) -> Iterator[list[str]]:
    """``items`` in order, in lists of ``size`` (the last one may be shorter)."""
    if size < 1:
        raise ValueError("size must be at least 1")
    for start in range(0, len(items) - size + 1, size):
        yield list(items[start:start + size])
