import numpy as np

IGNORE = -100


def smoothed_cross_entropy(logits, labels, eps):
    """Mean cross-entropy against smoothed targets q = (1 - eps) * onehot(label) + eps / C.

    logits (N, C) float64; labels (N,) int64 in [0, C) or -100 (ignored rows); 0 <= eps < 1.
    Return the mean over non-ignored rows of -sum_c q_c log softmax(logits)_c, as a Python float.
    """
    raise NotImplementedError


def smoothed_cross_entropy_grad(logits, labels, eps):
    """Level 2: (N, C) float64 gradient of the loss with respect to logits (zero rows for ignored)."""
    raise NotImplementedError
