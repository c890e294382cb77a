import numpy as np

IGNORE = -100


def _log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))


def _targets(labels, C, eps):
    keep = labels != IGNORE
    q = np.full((len(labels), C), eps / C)  # eps spread over all C classes, the true one included
    rows = np.flatnonzero(keep)
    q[rows, labels[rows]] += 1 - eps
    return q, keep


def smoothed_cross_entropy(logits, labels, eps):
    q, keep = _targets(labels, logits.shape[1], eps)
    per_row = -(q * _log_softmax(logits)).sum(axis=1)
    return float(per_row[keep].mean())  # mean over rows that are not ignored


def smoothed_cross_entropy_grad(logits, labels, eps):
    q, keep = _targets(labels, logits.shape[1], eps)
    grad = (np.exp(_log_softmax(logits)) - q) / keep.sum()
    grad[~keep] = 0.0
    return grad
