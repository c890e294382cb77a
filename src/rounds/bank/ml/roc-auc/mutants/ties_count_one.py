import numpy as np


def roc_auc(y_true, y_score):
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("one class")
    neg = np.sort(neg)
    below = np.searchsorted(neg, pos, side="right")  # ties counted as wins
    return float(below.sum() / (len(pos) * len(neg)))
