import numpy as np


def roc_auc(y_true, y_score):
    pos = int(y_true.sum())
    neg = len(y_true) - pos
    if pos == 0 or neg == 0:
        raise ValueError("one class")
    order = np.argsort(-y_score, kind="stable")
    y = y_true[order]
    tpr = np.concatenate([[0.0], np.cumsum(y) / pos])
    fpr = np.concatenate([[0.0], np.cumsum(1 - y) / neg])
    # one ROC point per example instead of per distinct score: tied runs become staircases
    return float(np.sum(np.diff(fpr) * tpr[1:]))
