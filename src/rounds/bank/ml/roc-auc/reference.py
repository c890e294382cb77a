import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=np.float64)
    pos = int((y == 1).sum())
    neg = len(y) - pos
    if pos == 0 or neg == 0:
        raise ValueError("ROC AUC needs both classes")
    _, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)
    avg_rank = last - (counts - 1) / 2.0  # 1-based average rank of each distinct score
    rank_sum = avg_rank[inv][y == 1].sum()
    return float((rank_sum - pos * (pos + 1) / 2.0) / (pos * neg))
