import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(logits, targets):
    p = _softmax(logits)
    return float(-np.log(p[np.arange(len(targets)), targets] + 1e-12).mean())  # eps caps the loss


def cross_entropy_grad(logits, targets):
    p = _softmax(logits)
    p[np.arange(len(targets)), targets] -= 1.0
    return p / len(targets)
