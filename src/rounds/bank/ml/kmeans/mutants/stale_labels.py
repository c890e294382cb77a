import numpy as np


def _assign(x, c):
    d2 = ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1)  # first minimum: ties go to the lowest index


def _update(x, labels, c):
    out = c.copy()
    for j in range(len(c)):
        members = x[labels == j]
        if len(members):
            out[j] = members.mean(axis=0)
    return out


def kmeans(x, centroids, max_iter=100):
    c = np.array(centroids, dtype=np.float64)
    labels = _assign(x, c)
    for _ in range(max_iter):
        c = _update(x, labels, c)
        new = _assign(x, c)
        if np.array_equal(new, labels):
            break
    labels = new  # labels only refreshed after the loop ends
    return c, labels.astype(np.int64)


def kmeans_plus_plus(x, k, u):
    n = len(x)
    chosen = [min(int(u[0] * n), n - 1)]
    d2 = ((x - x[chosen[0]]) ** 2).sum(axis=1)
    for j in range(1, k):
        cum = np.cumsum(d2)
        i = min(int(np.searchsorted(cum, u[j] * cum[-1], side="right")), n - 1)
        chosen.append(i)
        d2 = np.minimum(d2, ((x - x[i]) ** 2).sum(axis=1))
    return chosen
