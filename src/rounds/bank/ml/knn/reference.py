import numpy as np

CHUNK = 32


def knn_predict(x_train, y_train, x_query, k):
    classes = int(y_train.max()) + 1
    sq_train = (x_train * x_train).sum(axis=1)
    out = np.empty(len(x_query), dtype=np.int64)
    for s in range(0, len(x_query), CHUNK):
        q = x_query[s:s + CHUNK]
        d2 = q @ x_train.T
        d2 *= -2.0
        d2 += sq_train
        d2 += (q * q).sum(axis=1)[:, None]
        kth = np.partition(d2, k - 1, axis=1)[:, k - 1:k]
        chosen = d2 <= kth
        extra = chosen.sum(axis=1) - k  # > 0 only when several points tie at the k-th distance
        for row in np.flatnonzero(extra):
            ties = np.flatnonzero(d2[row] == kth[row, 0])
            chosen[row, ties[len(ties) - extra[row]:]] = False  # drop the highest indices
        rows, cols = np.nonzero(chosen)
        votes = np.bincount(rows * classes + y_train[cols], minlength=len(q) * classes).reshape(len(q), classes)
        out[s:s + CHUNK] = votes.argmax(axis=1)  # ties: smallest label
    return out
