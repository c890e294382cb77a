import numpy as np


def roc_auc(y_true, y_score):
    pos = int(y_true.sum())
    neg = len(y_true) - pos
    if pos == 0 or neg == 0:
        raise ValueError("one class")
    ranks = np.empty(len(y_score))
    ranks[np.argsort(y_score, kind="stable")] = np.arange(1, len(y_score) + 1)  # ties get distinct ranks
    return float((ranks[y_true == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))
