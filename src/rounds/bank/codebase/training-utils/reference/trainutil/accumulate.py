"""Gradient accumulation: several micro-batches standing in for one large batch."""

from __future__ import annotations

from collections.abc import Sequence


def accumulate(grads: Sequence[Sequence[float]], sizes: Sequence[int]) -> list[float]:
    """The gradient of the whole batch from the micro-batches' mean gradients ``grads`` (one vector
    each) and their sizes: the mean over all examples, so a micro-batch weighs as many examples as it
    holds. Every vector has the same length; sizes are positive."""
    if not grads or len(grads) != len(sizes):
        raise ValueError("one size per micro-batch, at least one micro-batch")
    if any(n <= 0 for n in sizes):
        raise ValueError("sizes must be positive")
    width = len(grads[0])
    if any(len(g) != width for g in grads):
        raise ValueError("gradients of different lengths")
    total = sum(sizes)
    return [sum(g[j] * n for g, n in zip(grads, sizes)) / total for j in range(width)]
