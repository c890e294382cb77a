import numpy as np


def best_split(x, y):
    """(feature, threshold, gain) maximising the Gini gain of x[:, feature] <= threshold.

    Both sides non-empty; any optimal split is accepted; None if every feature is constant.
    """
    raise NotImplementedError


def best_split_regression(x, y):
    """Level 2: the same for a real target, gain = SSE(parent) - SSE(left) - SSE(right)."""
    raise NotImplementedError
