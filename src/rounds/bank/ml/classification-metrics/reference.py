import numpy as np


def _safe_div(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return np.divide(a, b, out=np.zeros_like(a), where=b != 0)  # x / 0 counts as 0


def classification_report(y_true, y_pred, num_classes):
    conf = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(conf, (y_true, y_pred), 1)  # rows: true class, columns: predicted class
    tp = np.diag(conf).astype(np.float64)
    precision = _safe_div(tp, conf.sum(axis=0))
    recall = _safe_div(tp, conf.sum(axis=1))
    f1 = _safe_div(2 * precision * recall, precision + recall)
    return {
        "confusion": conf,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "macro_f1": float(f1.mean()),  # the mean of per-class F1, every class counted
        "micro_f1": float(tp.sum() / len(y_true)),  # single-label: equals accuracy
    }


def average_precision(y_true, scores):
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], y_true[order]
    tp = np.cumsum(y)
    n = np.arange(1, len(y) + 1)
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]  # the end of each group of equal scores
    precision = tp[last] / n[last]
    recall = tp[last] / tp[-1]
    prev = np.r_[0.0, recall[:-1]]
    return float(np.sum((recall - prev) * precision))


def expected_calibration_error(probs, labels, n_bins):
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)  # ties: the lowest class index
    correct = (pred == labels).astype(np.float64)
    bins = np.minimum((conf * n_bins).astype(np.int64), n_bins - 1)  # [b/M, (b+1)/M), 1.0 in the last bin
    ece = 0.0
    N = len(labels)
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.sum() / N * abs(correct[m].mean() - conf[m].mean())
    return float(ece)
