import numpy as np


def roc_auc(y_true, y_score):
    pos = int(y_true.sum())
    neg = len(y_true) - pos
    if pos == 0 or neg == 0:
        return 0.5  # silently "random"
    _, inv, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    avg = np.cumsum(counts) - (counts - 1) / 2.0
    return float((avg[inv][y_true == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))
