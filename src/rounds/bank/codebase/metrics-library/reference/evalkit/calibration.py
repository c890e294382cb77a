"""Expected calibration error (ECE) with equal-width bins.

Probabilities fall in ``n_bins`` bins of width 1 / n_bins: bin i holds [i / n, (i + 1) / n), and the
last bin also holds 1.0. ECE is the sum over non-empty bins of (bin size / total) times
|mean predicted probability - share of positive labels| in the bin.
"""

from __future__ import annotations

from collections.abc import Sequence


def expected_calibration_error(probs: Sequence[float], labels: Sequence[int], n_bins: int = 10) -> float:
    if len(probs) != len(labels):
        raise ValueError(f"{len(probs)} probabilities but {len(labels)} labels")
    if not probs:
        raise ValueError("no predictions")
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    sums = [0.0] * n_bins
    positives = [0] * n_bins
    counts = [0] * n_bins
    for p, y in zip(probs, labels):
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"probability {p} is outside [0, 1]")
        i = min(int(p * n_bins), n_bins - 1)  # 1.0 belongs to the last bin
        sums[i] += p
        positives[i] += y
        counts[i] += 1
    total = len(probs)
    return sum(counts[i] / total * abs(sums[i] / counts[i] - positives[i] / counts[i])
               for i in range(n_bins) if counts[i])
