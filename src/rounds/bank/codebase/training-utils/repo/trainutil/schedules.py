"""Learning-rate schedules, as functions of the step (0-based)."""

from __future__ import annotations

import math


def warmup_cosine(step: int, *, base_lr: float, warmup: int, total: int, final_lr: float = 0.0) -> float:
    """Linear warm-up from ``base_lr / warmup`` at step 0 to ``base_lr`` at step ``warmup - 1``, then
    cosine decay from ``base_lr`` at step ``warmup`` to ``final_lr`` at step ``total``; ``final_lr``
    after that. ``warmup`` may be 0 (no warm-up); ``total`` must exceed ``warmup``."""
    if step < 0 or warmup < 0 or total <= warmup:
        raise ValueError("need 0 <= step, 0 <= warmup < total")
    if step < warmup:
        return base_lr * (step + 1) / warmup
    if step >= total:
        return final_lr
    progress = (step - warmup) // (total - warmup)
    return final_lr + (base_lr - final_lr) * 0.5 * (1 + math.cos(math.pi * progress))
