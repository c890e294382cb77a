import numpy as np


def fit_linear_regression(x, y, l2=0.0):
    mx, my = x.mean(axis=0), y.mean()
    xc = x - mx
    a = xc.T @ xc + l2 * len(x) * np.eye(x.shape[1])  # penalty scaled for a mean loss
    w = np.linalg.solve(a, xc.T @ (y - my))
    return w, float(my - mx @ w)


def gd_linear_regression(x, y, lr, steps):
    n, d = x.shape
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = x @ w + b - y
        gw, gb = 2.0 / n * (x.T @ r), 2.0 / n * r.sum()
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
