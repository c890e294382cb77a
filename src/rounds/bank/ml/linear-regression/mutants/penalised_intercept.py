import numpy as np


def fit_linear_regression(x, y, l2=0.0):
    xa = np.hstack([x, np.ones((len(x), 1))])  # the bias column is regularised too
    sol = np.linalg.solve(xa.T @ xa + l2 * np.eye(xa.shape[1]), xa.T @ y)
    return sol[:-1], float(sol[-1])


def gd_linear_regression(x, y, lr, steps):
    n, d = x.shape
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = x @ w + b - y
        gw, gb = 2.0 / n * (x.T @ r), 2.0 / n * r.sum()
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
