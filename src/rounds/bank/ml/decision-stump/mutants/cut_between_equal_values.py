import numpy as np


def _gini(counts, totals):
    p = counts / totals[:, None]
    return 1.0 - (p * p).sum(axis=1)


def best_split(x, y):
    n, d = x.shape
    classes = int(y.max()) + 1
    parent = _gini(np.bincount(y, minlength=classes)[None, :].astype(np.float64), np.array([float(n)]))[0]
    best = None
    for f in range(d):
        order = np.argsort(x[:, f], kind="stable")
        xs, ys = x[order, f], y[order]
        left = np.cumsum(np.eye(classes)[ys], axis=0)[:-1]  # counts left of each cut
        total = left[-1] + np.eye(classes)[ys[-1]] if n > 1 else None
        cuts = np.arange(n - 1)  # also cuts between equal values, which <= cannot separate
        if len(cuts) == 0:
            continue
        nl = (cuts + 1).astype(np.float64)
        lc = left[cuts]
        child = (nl * _gini(lc, nl) + (n - nl) * _gini(total - lc, n - nl)) / n
        i = int(child.argmin())
        gain = float(parent - child[i])
        if best is None or gain > best[2] + 1e-12:
            best = (f, float((xs[cuts[i]] + xs[cuts[i] + 1]) / 2), gain)
    return best


def best_split_regression(x, y):
    n, d = x.shape
    parent = float(((y - y.mean()) ** 2).sum())
    best = None
    for f in range(d):
        order = np.argsort(x[:, f], kind="stable")
        xs, ys = x[order, f], y[order]
        cuts = np.flatnonzero(xs[1:] > xs[:-1])
        if len(cuts) == 0:
            continue
        s, s2 = np.cumsum(ys), np.cumsum(ys * ys)
        nl = (cuts + 1).astype(np.float64)
        sl, s2l = s[cuts], s2[cuts]
        sr, s2r = s[-1] - sl, s2[-1] - s2l
        sse = (s2l - sl * sl / nl) + (s2r - sr * sr / (n - nl))
        i = int(sse.argmin())
        gain = parent - float(sse[i])
        if best is None or gain > best[2] + 1e-9 * max(1.0, parent):
            best = (f, float((xs[cuts[i]] + xs[cuts[i] + 1]) / 2), gain)
    return best
