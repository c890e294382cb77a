import numpy as np


def fit_linear_regression(x, y, l2=0.0):
    mx, my = x.mean(axis=0), y.mean()
    xc = x - mx
    a = xc.T @ xc + l2 * np.eye(x.shape[1])
    w = np.linalg.solve(a, xc.T @ (y - my))
    return w, float(my - mx @ w)


def gd_linear_regression(x, y, lr, steps):
    n, d = x.shape
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = x @ w + b - y
        gw, gb = x.T @ r / n, r.sum() / n  # gradient of half the MSE
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
