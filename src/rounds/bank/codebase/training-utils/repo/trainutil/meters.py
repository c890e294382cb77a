"""Running averages and throughput for the training log line."""

from __future__ import annotations

import time
from collections.abc import Callable


class AverageMeter:
    """The running mean of a quantity reported per batch, weighted by the batch's size."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.total = 0.0
        self.count = 0

    def update(self, value: float, n: int = 1) -> None:
        if n < 1:
            raise ValueError("n must be at least 1")
        self.total += value * n
        self.count += n

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

    def reset(self) -> None:
        self.total, self.count = 0.0, 0

    def __str__(self) -> str:
        return f"{self.name} {self.mean:.4f}"


class Throughput:
    """Examples per second since the last ``lap``, from a clock (seconds) that tests can drive."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._since = clock()
        self._examples = 0

    def add(self, n: int) -> None:
        self._examples += n

    def lap(self) -> float:
        now = self.clock()
        elapsed = now - self._since
        rate = self._examples / elapsed if elapsed > 0 else 0.0
        self._since, self._examples = now, 0
        return rate


def log_line(step: int, meters: list[AverageMeter], lr: float, rate: float) -> str:
    """``step 120 | loss 0.4312 | acc 0.8810 | lr 3.0e-04 | 1520 ex/s``"""
    parts = [f"step {step}", *(str(m) for m in meters), f"lr {lr:.1e}", f"{rate:.0f} ex/s"]
    return " | ".join(parts)
