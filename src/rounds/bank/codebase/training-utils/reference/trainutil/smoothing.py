"""Smoothing noisy training curves for the dashboards."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def ema(values: Sequence[float], alpha: float) -> list[float]:
    """Exponential moving average with bias correction (as TensorBoard's "debiased" smoothing):
    ``m_t = alpha * m_{t-1} + (1 - alpha) * x_t`` from ``m_0 = 0``, reported as
    ``m_t / (1 - alpha ** t)`` for t = 1, 2, ... so the first point is the first value itself."""
    if not 0 <= alpha < 1:
        raise ValueError("alpha must be in [0, 1)")
    out, m = [], 0.0
    for t, x in enumerate(values, 1):
        m = alpha * m + (1 - alpha) * x
        out.append(m / (1 - alpha ** t))
    return out


def rolling_median(values: Sequence[float], window: int) -> list[float]:
    """For each position i, the median of ``values[max(0, i - window + 1) : i + 1]`` (the first
    windows are shorter); the median of an even count is the mean of the two middle values. Always
    floats. ValueError when ``window < 1``."""
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered: list[float] = []  # the window's values, sorted: bisect finds, list moves are memmoves
    out: list[float] = []
    for i, x in enumerate(values):
        bisect.insort(ordered, x)
        if i >= window:
            del ordered[bisect.bisect_left(ordered, values[i - window])]
        n = len(ordered)
        mid = n // 2
        out.append(float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2)
    return out
