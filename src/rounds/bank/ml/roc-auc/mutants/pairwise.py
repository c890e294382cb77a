# trap: 500000 examples: sort once, no pairwise comparison
# models: pairwise: O(P * N)
# caught by: test 1.15 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def roc_auc(y_true, y_score):
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("one class")
    total = 0.0
    for p in pos:  # O(P * N)
        total += (p > neg).sum() + 0.5 * (p == neg).sum()
    return float(total / (len(pos) * len(neg)))
