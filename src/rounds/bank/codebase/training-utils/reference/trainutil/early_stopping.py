"""Early stopping on a validation metric."""

from __future__ import annotations


class EarlyStopping:
    """``step(value)`` after each evaluation; it returns True once the metric has not improved for
    ``patience`` evaluations in a row. An improvement beats the best so far by more than
    ``min_delta``: lower for ``mode="min"`` (a loss), higher for ``mode="max"`` (an accuracy)."""

    def __init__(self, patience: int, *, min_delta: float = 0.0, mode: str = "min") -> None:
        if patience < 1 or min_delta < 0 or mode not in ("min", "max"):
            raise ValueError("patience >= 1, min_delta >= 0, mode 'min' or 'max'")
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self.best: float | None = None
        self.bad = 0  # evaluations in a row without improvement

    def improved(self, value: float) -> bool:
        if self.best is None:
            return True
        if self.mode == "min":
            return value < self.best - self.min_delta
        return value > self.best + self.min_delta

    def step(self, value: float) -> bool:
        if self.improved(value):
            self.best = value
            self.bad = 0
        else:
            self.bad += 1
        return self.bad >= self.patience
