"""ROC AUC: how often the model ranks a positive above a negative."""

from __future__ import annotations

from collections.abc import Sequence


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The area under the ROC curve for ``scores`` and 0/1 ``labels``: the probability that a
    random positive scores higher than a random negative, a tie counting one half.

    ValueError when the lengths differ or when the labels hold no positive or no negative.
    """
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    positives = sum(1 for y in labels if y)
    negatives = len(labels) - positives
    if not positives or not negatives:
        raise ValueError("ROC AUC needs at least one positive and one negative label")
    # Rank-sum (Mann-Whitney U): sort once; tied scores share the mean of their ranks.
    order = sorted(range(len(scores)), key=scores.__getitem__)
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1  # ranks i+1 .. j+1
        rank_sum += mean_rank * sum(1 for t in range(i, j + 1) if labels[order[t]])
        i = j + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
