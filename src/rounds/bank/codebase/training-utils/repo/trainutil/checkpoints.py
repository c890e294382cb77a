"""Keeping the best checkpoints of a run, by validation metric."""

from __future__ import annotations


class CheckpointKeeper:
    """``offer(step, metric)`` after each evaluation returns the steps whose checkpoints to delete.

    The keeper holds the ``keep`` best checkpoints by metric (lowest for ``mode="min"``, highest for
    ``mode="max"``); on a tie the earlier step is kept. ``kept()`` lists them best first."""

    def __init__(self, keep: int, mode: str = "min") -> None:
        if keep < 1 or mode not in ("min", "max"):
            raise ValueError("keep >= 1, mode 'min' or 'max'")
        self.keep = keep
        self.mode = mode
        self._held: list[tuple[int, float]] = []  # (step, metric)

    def _rank(self, item: tuple[int, float]) -> tuple[float, int]:
        step, metric = item
        return (metric if self.mode == "min" else -metric, step)

    def offer(self, step: int, metric: float) -> list[int]:
        self._held.append((step, metric))
        dropped = []
        while len(self._held) > self.keep:
            dropped.append(self._held.pop(0)[0])
        return dropped

    def kept(self) -> list[int]:
        return [step for step, _ in sorted(self._held, key=self._rank)]
