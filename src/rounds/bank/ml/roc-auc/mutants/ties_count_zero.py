# trap: every score tied: 0.5
# models: ties count zero: strictly lower negatives only
# caught by: test 1.3 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def roc_auc(y_true, y_score):
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("one class")
    neg = np.sort(neg)
    below = np.searchsorted(neg, pos, side="left")  # strictly lower negatives only
    return float(below.sum() / (len(pos) * len(neg)))
