"""ROC AUC: how often the model ranks a positive above a negative."""

from __future__ import annotations

from collections.abc import Sequence


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The area under the ROC curve for ``scores`` and 0/1 ``labels``: the probability that a
    random positive scores higher than a random negative, a tie counting one half.

    ValueError when the lengths differ or when the labels hold no positive or no negative.
    """
    raise NotImplementedError("TODO: ROC AUC")
